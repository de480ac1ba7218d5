import Foundation
import OpenAPIKit

/// Encodes a document the same way every time.
enum DocumentEncoder {
  /// The conventional order of the top-level fields. Sorting alone would put `components`, the
  /// bulk of a large document, before `info` and its generated-file marker.
  static let leadingKeys = [
    "openapi", "info", "servers", "security", "tags", "paths", "components",
  ]

  static func encode(_ document: OpenAPI.Document) throws -> String {
    let encoder = JSONEncoder()
    // Sorted keys make the bytes deterministic: OpenAPIKit keeps some maps in plain
    // dictionaries, whose order changes from run to run.
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let json = String(decoding: try encoder.encode(document), as: UTF8.self)
    return TopLevelMembers(prettyPrinted: json).reordered(leading: leadingKeys) + "\n"
  }
}

/// The members of a JSON object as `JSONEncoder` pretty-prints it: braces on lines of their
/// own and each top-level key on a line indented by exactly two spaces (nested lines are
/// indented further and strings never span lines).
struct TopLevelMembers {
  private let members: [(key: String, lines: [Substring])]
  private let text: String

  init(prettyPrinted text: String) {
    self.text = text
    var members: [(key: String, lines: [Substring])] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.count > 2, lines.first == "{", lines.last == "}" {
      for line in lines.dropFirst().dropLast() {
        if line.hasPrefix("  \""), let key = line.dropFirst(3).split(separator: "\"").first {
          members.append((String(key), [line]))
        } else if !members.isEmpty {
          members[members.count - 1].lines.append(line)
        }
      }
    }
    self.members = members
  }

  /// The object with the given keys first, in that order, and the others after them in their
  /// original order. Text of any other shape comes back unchanged.
  func reordered(leading keys: [String]) -> String {
    guard !members.isEmpty else { return text }
    let rank = { (key: String) in keys.firstIndex(of: key) ?? keys.count }
    let ordered = members.enumerated()
      .sorted { (rank($0.element.key), $0.offset) < (rank($1.element.key), $1.offset) }
      .map { $0.element.lines.joined(separator: "\n") }
      .map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }
    return "{\n" + ordered.joined(separator: ",\n") + "\n}"
  }
}
