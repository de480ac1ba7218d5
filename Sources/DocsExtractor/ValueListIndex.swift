import APIModel
import DocsMarkdown

/// Value lists a page gives under a label rather than under the field they belong to:
/// `List of counter types:`, `Task **status** may be one of:`, `## Geocoder types`. An enum
/// field or parameter of the page that lists no values of its own takes the list whose label
/// names it.
struct ValueListIndex {
  private var lists: [(words: Set<String>, values: [EnumValue])] = []

  init(root: Section, page: SourcePage) {
    let reader = FieldListReader(page: page)
    for section in root.allSections {
      var label: Set<String> = Self.words(section.title)
      for block in section.blocks {
        switch block.kind {
        case .paragraph(let inlines):
          let text = inlines.plainText.trimmed()
          label = text.hasSuffix(":") ? Self.words(text) : []
        case .list(_, let items):
          if !label.isEmpty, let values = reader.valueList(items), values.count >= 2 {
            lists.append((label, values))
          }
          label = []
        default:
          label = []
        }
      }
    }
  }

  /// The values for an enum member named `member`.
  func values(for member: String) -> [EnumValue]? {
    let name = member.lowercased()
    return lists.first { $0.words.contains(name) || $0.words.contains(TypeNamer.singular(name)) }?.values
  }

  /// The words of a label, each also in the singular: `counter types` → counter, types, type.
  private static func words(_ text: String) -> Set<String> {
    let words = text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
    return Set(words + words.map(TypeNamer.singular))
  }
}
