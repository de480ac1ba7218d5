import Foundation
import APIModel
import DocsMarkdown

/// A field as a bullet describes it, before its type is resolved:
/// `` * `status` - [enum](…). Bill order status. Can be one of: `` and its nested bullets.
struct FieldDraft {
  var name: String
  /// The words that say the type (`int`, `string array`, `enum`), optional markers removed.
  var typeText: String
  /// Links in the type words or the description (`[bill objects](#bill-object)`).
  var links: [String]
  var description: String
  var isOptional: Bool
  var isNullable: Bool
  /// The words that made the field optional or nullable beyond its markers ("Returned only
  /// if", "or null"), for the note that says so.
  var absenceCue: String? = nil
  var nullCue: String? = nil
  /// Nested bullets that are fields (of an object-typed field).
  var children: [FieldDraft]
  /// Nested bullets that are values (of an enum-typed field).
  var values: [EnumValue]
  var position: TextPosition
}

/// Reads field bullet lists: a name in backticks or bold, a separator (`-`, `–`, `:` or none),
/// the type words up to the first full stop, then the description.
struct FieldListReader {
  let page: SourcePage
  let conventions: DocsConventions

  /// The drafts of a list, or nil when the list is not a field list: its first item, and at
  /// least half of them, start with a name. Items that do not (a closing remark such as
  /// "* `date/time` types are described at …") are not fields.
  func fields(of items: [ListItem]) -> [FieldDraft]? {
    var drafts: [FieldDraft] = []
    var skipped = 0
    for (index, item) in items.enumerated() {
      guard case .paragraph(let inlines)? = item.blocks.first?.kind, !Self.leadingNames(inlines).names.isEmpty else {
        if index == 0 { return nil }
        skipped += 1
        continue
      }
      let names = Self.leadingNames(inlines)
      var draft = describe(Array(inlines.dropFirst(names.consumed)))
      let nested = item.blocks.dropFirst().flatMap { block -> [ListItem] in
        if case .list(_, let items) = block.kind { return items }
        return []
      }
      if !nested.isEmpty {
        if draft.typeText.lowercased().contains("enum") || looksLikeValueList(nested) {
          draft.values = valueList(nested) ?? []
        } else {
          draft.children = fields(of: nested) ?? []
        }
      }
      for name in names.names {
        var copy = draft
        copy.name = name
        copy.position = item.position
        drafts.append(copy)
      }
    }
    return skipped * 2 <= items.count ? drafts : nil
  }

  /// `` * `value` – description `` or `* value.` items, as enum values.
  func valueList(_ items: [ListItem]) -> [EnumValue]? {
    var values: [EnumValue] = []
    for item in items {
      guard case .paragraph(let inlines)? = item.blocks.first?.kind else { return nil }
      var names = Self.leadingNames(inlines)
      var bareDescription: String?
      if names.names.isEmpty, case .text(let text)? = inlines.first?.kind, let (word, rest) = Self.bareValue(text) {
        // A bare value: `* google.`, `* tracker_update,`, `* admin – master user only.`
        names = ([word], inlines.count == 1 ? 1 : 0)
        bareDescription = inlines.count == 1 ? rest : nil
      }
      var description = bareDescription ?? Array(inlines.dropFirst(names.consumed)).markdownText.trimmed()
      if names.names.isEmpty, let quoted = Self.leadingQuoted(inlines) {
        // A value in quotes: `* "vehicle" - order by vehicle_id.`
        names = ([quoted.value], 0)
        description = quoted.rest
      }
      guard let value = names.names.first else { return nil }
      description = Self.droppingSeparator(description)
      values.append(EnumValue(value: value, description: description, source: page.location(item.position)))
    }
    return values.isEmpty ? nil : values
  }

  /// Whether bullets are values rather than fields: each a name and at most a phrase without
  /// type words.
  func isValueList(_ items: [ListItem]) -> Bool { looksLikeValueList(items) }

  /// The token a bullet's text opens with when it is the value alone or followed by a
  /// separator (`google.`, `tracker_update,`, `admin – master user only`), and what follows.
  static func bareValue(_ text: String) -> (String, String)? {
    let trimmed = text.trimmed()
    let word = String(trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." })
      .trimmingSuffix(".")
    guard DescriptionWording.isToken(word), word.first?.isLetter == true else { return nil }
    let rest = trimmed.dropFirst(word.count).trimmed()
    guard rest.isEmpty || [".", ",", ";", ":"].contains(rest) || rest.hasPrefix("– ") || rest.hasPrefix("- ")
      || rest.hasPrefix("— ")
    else { return nil }
    return (word, droppingSeparator(rest.trimmingCharacters(in: [".", ",", ";", ":"]).trimmed()))
  }

  /// Value bullets have a name and at most a short phrase, and never type words.
  private func looksLikeValueList(_ items: [ListItem]) -> Bool {
    items.allSatisfy { item in
      guard case .paragraph(let inlines)? = item.blocks.first?.kind else { return false }
      let rest = Array(inlines.dropFirst(Self.leadingNames(inlines).consumed)).plainText
      let typeWords = Self.droppingSeparator(rest.trimmed()).lowercased()
      return conventions.vocabulary.read(Self.firstSentence(typeWords).text) == nil
    }
  }

  /// The name(s) a bullet starts with: `` `name` ``, `**name**`, `**offset, limit**`.
  /// `"vehicle" - order by …`: a quoted token at the start, and the Markdown after it.
  private static func leadingQuoted(_ inlines: [Inline]) -> (value: String, rest: String)? {
    let text = inlines.markdownText.trimmed()
    guard text.first == "\"", let end = text.dropFirst().firstIndex(of: "\"") else { return nil }
    let value = String(text[text.index(after: text.startIndex)..<end])
    guard DescriptionWording.isToken(value) else { return nil }
    return (value, text[text.index(after: end)...].trimmed())
  }

  static func leadingNames(_ inlines: [Inline]) -> (names: [String], consumed: Int) {
    guard let first = inlines.first else { return ([], 0) }
    var raw: String
    switch first.kind {
    case .code(let code): raw = code
    case .strong(let content): raw = content.plainText
    case .emphasis(let content): raw = content.plainText
    default: return ([], 0)
    }
    raw = raw.trimmed()
    let names = raw.split(separator: ",").map { $0.trimmed() }
    guard names.allSatisfy({ DescriptionWording.isToken($0) || $0.contains("?") }) else { return ([], 0) }
    return (names.map { $0.replacingOccurrences(of: "?", with: "") }, 1)
  }

  /// Splits what follows the name into type words, optional/nullable markers and description.
  func describe(_ inlines: [Inline]) -> FieldDraft {
    let links = inlines.links.map(\.0)
    let text = Self.droppingSeparator(inlines.markdownText.trimmed())
    if let flags = bracketedFlags(text) {
      return FieldDraft(
        name: "", typeText: flags.type, links: links, description: flags.rest, isOptional: flags.optional,
        isNullable: false, children: [], values: [], position: TextPosition(line: 0, column: 0))
    }
    var (typeText, rest) = Self.firstSentence(text)
    // `**string**`: type words in bold or italics are the same words.
    typeText = typeText.trimmingCharacters(in: ["*", "_"])
    var optional = false
    var lowered = typeText.lowercased()
    for marker in conventions.optionalTypePrefixes where lowered.hasPrefix(marker) {
      optional = true
      typeText = String(typeText.dropFirst(marker.count))
      lowered = typeText.lowercased()
    }
    // The type words are the marker alone: `optional. int. …`.
    let optionalWord = conventions.optionalPrefixes.first ?? "optional"
    if lowered == optionalWord {
      optional = true
      (typeText, rest) = Self.firstSentence(rest)
    }
    for marker in conventions.optionalTypeSuffixes where typeText.lowercased().hasSuffix(marker) {
      optional = true
      typeText = String(typeText.dropLast(marker.count))
    }
    if rest.lowercased().hasPrefix(optionalWord + ".") || rest.lowercased().hasPrefix(optionalWord + ",") {
      optional = true
      rest = rest.dropFirst(optionalWord.count + 1).trimmed()
    }
    if let opening = conventions.optionalDescriptionOpenings.first(where: rest.lowercased().hasPrefix) {
      optional = true
      rest = rest.dropFirst(opening.count).trimmed()
      // "(optional. default all) list of …": what the brackets go on to say is a sentence.
      if !opening.hasSuffix(")"), let close = rest.firstIndex(of: ")") {
        let aside = rest[..<close].trimmed()
        let after = rest[rest.index(after: close)...].trimmed()
        rest = aside.prefix(1).uppercased() + aside.dropFirst() + ". " + after
      }
    }
    let wording = DescriptionWording(text: text, conventions: conventions)
    let nullCue = wording.nullCue
    let absenceCue = optional ? nil : wording.fieldAbsenceCue
    let nullable = nullCue != nil || typeText.hasSuffix("?")
    if typeText.hasSuffix("?") { typeText.removeLast() }
    return FieldDraft(
      name: "", typeText: typeText.trimmed(), links: links, description: rest, isOptional: optional || absenceCue != nil,
      isNullable: nullable, absenceCue: absenceCue, nullCue: nullCue, children: [], values: [],
      position: TextPosition(line: 0, column: 0))
  }

  /// `(*integer, optional*). Description`, `(_boolean, required_)`, `(object) …`: the type and
  /// flags in brackets before the description.
  private func bracketedFlags(_ text: String) -> (type: String, optional: Bool, rest: String)? {
    let optionalWord = conventions.optionalPrefixes.first ?? "optional"
    guard text.hasPrefix("("), let close = text.firstIndex(of: ")") else { return nil }
    let inside = text[text.index(after: text.startIndex)..<close].filter { $0 != "*" && $0 != "_" }
    let parts = inside.split(separator: ",").map { $0.trimmed() }
    guard let type = parts.first else { return nil }
    var rest = String(text[text.index(after: close)...]).trimmed()
    if rest.hasPrefix(".") { rest = String(rest.dropFirst()).trimmed() }
    rest = Self.droppingSeparator(rest)
    let optional = parts.contains { $0.lowercased().hasPrefix(optionalWord) }
    let defaults = parts.filter { $0.lowercased().hasPrefix(conventions.bareDefaultCue) }
    if !defaults.isEmpty { rest = (defaults + [rest]).joined(separator: ". ") }
    return (type.lowercased() == optionalWord ? "" : type, optional, rest)
  }

  /// `- int. Unique id.` → `int. Unique id.`
  static func droppingSeparator(_ text: String) -> String {
    var text = text
    for separator in ["-", "–", "—", ":"] where text.hasPrefix(separator) {
      text = String(text.dropFirst()).trimmed()
      break
    }
    return text
  }

  /// The text up to the first full stop that ends a sentence, and the rest.
  static func firstSentence(_ text: String) -> (text: String, rest: String) {
    var index = text.startIndex
    var inCode = false
    while index < text.endIndex {
      let character = text[index]
      if character == "`" { inCode.toggle() }
      if character == ".", !inCode {
        let next = text.index(after: index)
        if next == text.endIndex || text[next] == " " || text[next] == "\n" {
          return (String(text[..<index]).trimmed(), String(text[next...]).trimmed())
        }
      }
      index = text.index(after: index)
    }
    return (text.trimmed(), "")
  }
}
