import APIModel
import DocsMarkdown

/// A parameter as written in a table row, before enums are named and types resolved.
struct ParameterDraft {
  var name: String
  var typeText: String
  var typePosition: TextPosition
  var description: [Inline]
  var format: String?
  var position: TextPosition
  /// The `restrictions` column (`not null.`, `optional.`), when the table has one.
  var restrictions: String = ""
  /// Links in the type cell (`[enum](…)`, `array of [SearchCondition](…)`).
  var typeLinks: [String] = []

  var descriptionText: String { description.markdownText.trimmed() }
}

/// Reads the parameter tables of the docs: `name | description | type [| format]`, in any
/// column order and capitalisation.
enum ParameterTableReader {
  struct Columns {
    var name: Int
    var description: Int?
    var type: Int?
    var format: Int?
    var restrictions: Int?

    init?(_ header: [TableCell]) {
      let titles = header.map { $0.plainText.lowercased().trimmed() }
      guard let name = titles.firstIndex(of: "name") ?? titles.firstIndex(of: "parameter") else { return nil }
      self.name = name
      description = titles.firstIndex(of: "description") ?? titles.firstIndex(of: "comment")
      type = titles.firstIndex(of: "type")
      format = titles.firstIndex(of: "format") ?? titles.firstIndex(of: "example")
      restrictions = titles.firstIndex(of: "restrictions")
    }
  }

  /// Whether `table` is a parameter table at all.
  static func isParameterTable(_ table: Table) -> Bool { Columns(table.header) != nil }

  static func read(_ table: Table) -> [ParameterDraft] {
    guard let columns = Columns(table.header) else { return [] }
    return table.rows.compactMap { row in
      let nameCell = row[columns.name]
      let name = nameCell.plainText.trimmed()
      guard !name.isEmpty else { return nil }
      let typeCell = columns.type.map { row[$0] }
      let format = columns.format.map { row[$0].content.markdownText.trimmed() }
      return ParameterDraft(
        name: name, typeText: typeCell?.plainText.trimmed() ?? "",
        typePosition: typeCell?.position ?? nameCell.position,
        description: columns.description.map { row[$0].content } ?? [],
        format: format?.isEmpty == false ? format : nil, position: nameCell.position,
        restrictions: columns.restrictions.map { row[$0].plainText.trimmed() } ?? "",
        typeLinks: typeCell?.content.links.map(\.0) ?? [])
    }
  }
}
