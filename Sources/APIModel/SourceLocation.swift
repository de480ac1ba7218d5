/// A place in the documentation: a file relative to the docs folder, a 1-based line and a
/// 1-based column counted in UTF-8 bytes (as cmark counts them).
///
/// It encodes as the single string `path/to/page.md:LINE:COLUMN`, the form compilers and
/// editors understand.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    // The file part may itself contain colons, so split from the end.
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1])
    else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected FILE:LINE:COLUMN, found \(text)")
    }
    self.init(file: parts.dropLast(2).joined(separator: ":"), line: line, column: column)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
