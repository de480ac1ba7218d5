import APIModel
import DocsMarkdown

/// Value lists a page gives under a label rather than under the field they belong to:
/// `List of counter types:`, `Task **status** may be one of:`, `## Geocoder types`, a bullet
/// `` * `order_by` possible values: `` with the values nested under it. An enum field or
/// parameter that lists no values of its own takes the list whose label names it: on its own
/// page, else on the one page whose label starts with its name (`geocoder` on any page takes
/// the `## Geocoder types` of the geocoder page).
struct ValueListIndex {
  private struct Labelled {
    var words: Set<String>
    /// The label's first word, singular: what a list on another page must be about.
    var subject: String
    var values: [EnumValue]
    /// Under a heading or a label paragraph, so about the page's subject rather than one field
    /// (`` * `status` … Can be one of: `` lists a bill's statuses, not every status).
    var standsAlone: Bool
  }

  private var lists: [Labelled] = []
  /// The lists of every page, for members whose own page has none.
  private var elsewhere: [Labelled] = []
  /// The list under each heading that holds one, by `page#anchor`, for links to it
  /// (`[metering sensor type](sensor.md#metering-sensor-type-values)`); every page's.
  private var anchored: [String: (title: String, values: [EnumValue])] = [:]

  init() {}

  init(_ page: PageStructure) {
    let reader = FieldListReader(page: page.page, conventions: page.conventions)
    for section in page.root.allSections {
      if section.level > 0, let values = Self.firstValueList(in: section.blocks, reader: reader) {
        anchored[page.page.path + "#" + page.dialect.anchor(for: section.title)] = (section.title, values)
      }
      var label = section.title
      // A label directly followed by labels of its own lists ("Field types:", then "Without
      // special params:" and a list, "With special params:" and a list): one list of them all.
      var group: (label: String, values: [EnumValue])?
      // Values listed by kind in code blocks (`Type: "car"`, `Subtypes: …`) are the page's own
      // object's: another page's member of the same name is another thing.
      var groupIsByKind = false
      var previousWasLabel = false
      func flush() {
        if let found = group, found.values.count >= 2 { add(found.label, found.values, standsAlone: !groupIsByKind) }
        group = nil
        groupIsByKind = false
      }
      for block in Self.openingLabelledBoxes(section.blocks) {
        switch block.kind {
        case .paragraph(let inlines):
          let text = inlines.plainText.trimmed()
          if text.hasSuffix(":") {
            if previousWasLabel, group == nil, !label.isEmpty { group = (label, []) }
            label = text
            previousWasLabel = true
          } else {
            flush()
            label = ""
            previousWasLabel = false
          }
        case .list(_, let items):
          if group != nil, let values = reader.valueList(items), reader.isValueList(items) {
            group?.values += values
          } else if !label.isEmpty, let values = reader.valueList(items), values.count >= 2 {
            flush()
            add(label, values, standsAlone: true)
          } else {
            flush()
            addLabelledItems(items, reader: reader)
          }
          label = ""
          previousWasLabel = false
        case .codeBlock(_, let code) where !label.isEmpty || group != nil:
          // `Subtypes: "sedan", "universal", …` in code blocks under a label ("Subtypes:"), one
          // block per kind: one list of them all, each value told which kind it is of.
          let values = Self.quotedValues(in: code, at: page.page.location(block.position))
          guard values.count >= 2 else {
            flush()
            label = ""
            previousWasLabel = false
            continue
          }
          groupIsByKind = true
          var kinds = group ?? (label, [])
          let known = Set(kinds.values.map(\.value))
          kinds.values += values.filter { !known.contains($0.value) }
          group = kinds
          previousWasLabel = false
        default:
          flush()
          label = ""
          previousWasLabel = false
        }
      }
      flush()
    }
  }

  /// A box whose title is a label (`???+ example "Subtypes:"`) read as that label and the box's
  /// blocks after it.
  private static func openingLabelledBoxes(_ blocks: [Block]) -> [Block] {
    blocks.flatMap { block -> [Block] in
      guard case .admonition(_, let title?, let body) = block.kind, title.trimmed().hasSuffix(":") else { return [block] }
      return [Block(.paragraph([Inline(.text(title), at: block.position)]), at: block.position)] + body
    }
  }

  /// The values a code block lists as `Subtypes: "sedan", "universal", …`, one such line or
  /// more; its lines of one value (`Type: "car"`) describe them. Any other line (JSON, say)
  /// makes it no list.
  static func quotedValues(in code: String, at source: SourceLocation) -> [EnumValue] {
    var values: [EnumValue] = []
    var about: [String] = []
    for line in code.split(separator: "\n").map({ $0.trimmed() }) where !line.isEmpty {
      guard let colon = line.firstIndex(of: ":"), line[..<colon].allSatisfy({ $0.isLetter || $0 == " " }) else { return [] }
      var rest = line[line.index(after: colon)...].trimmed()
      if rest.hasSuffix(",") { rest.removeLast() }
      let items = rest.split(separator: ",").map { $0.trimmed() }
      let tokens = items.compactMap { item -> String? in
        guard item.count > 2, item.hasPrefix("\""), item.hasSuffix("\"") else { return nil }
        let token = String(item.dropFirst().dropLast())
        return DescriptionWording.isToken(token) ? token : nil
      }
      guard tokens.count == items.count else { return [] }
      if tokens.count == 1 { about.append(line) } else { values += tokens.map { EnumValue(value: $0, source: source) } }
    }
    let description = about.joined(separator: "; ")
    return values.map { EnumValue(value: $0.value, description: description, source: source) }
  }

  /// Every page's lists, as the fallback of each page's own.
  static func joined(_ pages: [ValueListIndex]) -> [ValueListIndex] {
    let all = pages.flatMap(\.lists).filter(\.standsAlone)
    var anchored: [String: (title: String, values: [EnumValue])] = [:]
    for page in pages { anchored.merge(page.anchored) { first, _ in first } }
    return pages.map { page in
      var page = page
      page.elsewhere = all
      page.anchored = anchored
      return page
    }
  }

  /// The values of the lists `links` point at (several links: all their values, in order)
  /// and the headings they stand under, nil when none points at a list.
  func values(linkedBy links: [String], from page: String, dialect: MarkdownDialect)
    -> (titles: [String], values: [EnumValue])?
  {
    var values: [EnumValue] = []
    var titles: [String] = []
    for link in links {
      let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2 else { continue }
      let targets = parts[0].isEmpty ? [page] : LinkTarget.candidates(String(parts[0]), from: page, dialect: dialect)
      guard let list = targets.lazy.compactMap({ self.anchored[$0 + "#" + parts[1]] }).first else { continue }
      titles.append(list.title)
      for value in list.values where !values.contains(where: { $0.value == value.value }) { values.append(value) }
    }
    return values.isEmpty ? nil : (titles, values)
  }

  /// The first list of a section's own blocks that reads as values (at least two), unless a
  /// field list comes first: the section then describes an object.
  private static func firstValueList(in blocks: [Block], reader: FieldListReader) -> [EnumValue]? {
    for block in blocks {
      guard case .list(_, let items) = block.kind else { continue }
      if let values = reader.valueList(items), values.count >= 2, reader.isValueList(items) { return values }
      return nil
    }
    return nil
  }

  /// `` * `order_by` possible values: `` with the values as its nested bullets.
  private mutating func addLabelledItems(_ items: [ListItem], reader: FieldListReader) {
    for item in items {
      guard case .paragraph(let inlines)? = item.blocks.first?.kind, inlines.plainText.trimmed().hasSuffix(":")
      else { continue }
      for case .list(_, let nested) in item.blocks.dropFirst().map(\.kind) {
        if let values = reader.valueList(nested), values.count >= 2 {
          add(inlines.plainText, values, standsAlone: false)
        }
      }
    }
  }

  private mutating func add(_ label: String, _ values: [EnumValue], standsAlone: Bool) {
    let words = Self.words(label)
    guard let first = words.first else { return }
    lists.append(
      Labelled(
        words: Set(words + words.map(TypeNamer.singular)), subject: TypeNamer.singular(first), values: values,
        standsAlone: standsAlone))
  }

  /// The values for an enum member named `member`.
  func values(for member: String) -> [EnumValue]? {
    let name = member.lowercased()
    let singular = TypeNamer.singular(name)
    if let local = lists.first(where: { $0.words.contains(name) || $0.words.contains(singular) }) {
      return local.values
    }
    let matching = elsewhere.filter { $0.subject == name || $0.subject == singular }
    let distinct = Set(matching.map { $0.values.map(\.value) })
    return distinct.count == 1 ? matching.first?.values : nil
  }

  /// The words of a label, in order: `Geocoder types` → geocoder, types.
  private static func words(_ text: String) -> [String] {
    text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
  }
}
