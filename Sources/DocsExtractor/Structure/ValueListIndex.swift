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

  init() {}

  init(_ page: PageStructure) {
    let reader = FieldListReader(page: page.page, conventions: page.conventions)
    for section in page.root.allSections {
      var label = section.title
      for block in section.blocks {
        switch block.kind {
        case .paragraph(let inlines):
          let text = inlines.plainText.trimmed()
          label = text.hasSuffix(":") ? text : ""
        case .list(_, let items):
          if !label.isEmpty, let values = reader.valueList(items), values.count >= 2 {
            add(label, values, standsAlone: true)
          } else {
            addLabelledItems(items, reader: reader)
          }
          label = ""
        default:
          label = ""
        }
      }
    }
  }

  /// Every page's lists, as the fallback of each page's own.
  static func joined(_ pages: [ValueListIndex]) -> [ValueListIndex] {
    let all = pages.flatMap(\.lists).filter(\.standsAlone)
    return pages.map { page in
      var page = page
      page.elsewhere = all
      return page
    }
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
