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
/// column order and capitalisation, the columns named as the conventions say.
struct ParameterTableReader {
  let columns: ParameterColumns

  /// Where each column is in one table.
  struct Layout {
    var name: Int
    var description: Int?
    var type: Int?
    var format: Int?
    var restrictions: Int?
  }

  func layout(_ header: [TableCell]) -> Layout? {
    let titles = header.map { $0.plainText.lowercased().trimmed() }
    let index = { (names: [String]) in names.lazy.compactMap { titles.firstIndex(of: $0) }.first }
    guard let name = index(columns.name) else { return nil }
    return Layout(
      name: name, description: index(columns.description), type: index(columns.type), format: index(columns.format),
      restrictions: index(columns.restrictions))
  }

  /// Whether `table` is a parameter table at all.
  func isParameterTable(_ table: Table) -> Bool { layout(table.header) != nil }

  func read(_ table: Table) -> [ParameterDraft] {
    guard let columns = layout(table.header) else { return [] }
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
