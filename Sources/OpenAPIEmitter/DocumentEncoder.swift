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
    let json = [UInt8](try encoder.encode(document))
    return String(decoding: TopLevelMembers(prettyPrinted: json).reordered(leading: leadingKeys) + [0x0A], as: UTF8.self)
  }
}

/// The members of a JSON object as `JSONEncoder` pretty-prints it: braces on lines of their
/// own and each top-level key on a line indented by exactly two spaces (nested lines are
/// indented further and strings never span lines). Worked on as UTF-8 bytes, each member a
/// range of its lines: the document is large, and only its line breaks, indentation and quotes
/// matter here.
struct TopLevelMembers {
  private let members: [(key: ArraySlice<UInt8>, range: Range<Int>)]
  private let text: [UInt8]

  private static let newline = UInt8(ascii: "\n")
  private static let quote = UInt8(ascii: "\"")

  init(prettyPrinted text: [UInt8]) {
    self.text = text
    var members: [(key: ArraySlice<UInt8>, range: Range<Int>)] = []
    // `{` and `}` on lines of their own, with at least one line between them.
    if text.count >= 4, text[0] == UInt8(ascii: "{"), text[1] == Self.newline,
      text[text.count - 2] == Self.newline, text[text.count - 1] == UInt8(ascii: "}")
    {
      let body = 2..<(text.count - 2)
      var start = body.lowerBound
      while start <= body.upperBound {
        let end = text[start..<body.upperBound].firstIndex(of: Self.newline) ?? body.upperBound
        let line = text[start..<end]
        if line.starts(with: [0x20, 0x20, Self.quote]), let key = line.dropFirst(3).split(separator: Self.quote).first {
          members.append((key, start..<end))
        } else if !members.isEmpty {
          members[members.count - 1].range = members[members.count - 1].range.lowerBound..<end
        }
        start = end + 1
      }
    }
    self.members = members
  }

  /// The object with the given keys first, in that order, and the others after them in their
  /// original order. Text of any other shape comes back unchanged.
  func reordered(leading keys: [String]) -> [UInt8] {
    guard !members.isEmpty else { return text }
    let keys = keys.map { Array($0.utf8) }
    let rank = { (key: ArraySlice<UInt8>) in keys.firstIndex { $0.elementsEqual(key) } ?? keys.count }
    let ordered = members.enumerated()
      .sorted { (rank($0.element.key), $0.offset) < (rank($1.element.key), $1.offset) }
    var result: [UInt8] = [UInt8(ascii: "{"), Self.newline]
    result.reserveCapacity(text.count + 1)
    for (index, member) in ordered.enumerated() {
      if index > 0 { result += [UInt8(ascii: ","), Self.newline] }
      let lines = text[member.element.range]
      result += lines.last == UInt8(ascii: ",") ? lines.dropLast() : lines
    }
    result += [Self.newline, UInt8(ascii: "}")]
    return result
  }
}
