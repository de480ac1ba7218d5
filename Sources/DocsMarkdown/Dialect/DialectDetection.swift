/// Which dialect a docs folder is written in, and why apigen thinks so: from the files a
/// generator of that dialect keeps (`mkdocs.yml` beside or in the folder; GitBook's
/// `SUMMARY.md`, `.gitbook.yaml` or `.gitbook/` folder), else from the marks its pages bear
/// (`{% tab %}` tags against `=== "Tab"` and `!!! note` lines), else mkdocs, whose rules read
/// plain CommonMark as it is.
public struct DialectDetection: Sendable, Hashable, CustomStringConvertible {
  public var dialect: MarkdownDialect
  /// Why, in a few words: `mkdocs.yml beside the docs folder`, `--dialect`, `12 {% … %} tags`.
  public var reason: String

  public init(dialect: MarkdownDialect, reason: String) {
    self.dialect = dialect
    self.reason = reason
  }

  public var description: String { "\(dialect.name) (\(reason))" }

  /// Files whose presence names a dialect, in the order they are trusted.
  public static let markerFiles: [(name: String, dialect: MarkdownDialect)] = [
    ("mkdocs.yml", .mkdocs), ("mkdocs.yaml", .mkdocs), ("SUMMARY.md", .gitbook), (".gitbook.yaml", .gitbook),
    (".gitbook", .gitbook),
  ]

  /// - Parameters:
  ///   - markers: the marker files found, each with where (`beside the docs folder`).
  ///   - pages: the pages' bytes, for their marks.
  public static func detect(markers: [(name: String, place: String)], pages: [[UInt8]]) -> DialectDetection {
    for (name, dialect) in markerFiles {
      if let found = markers.first(where: { $0.name == name }) {
        return DialectDetection(dialect: dialect, reason: "\(name) \(found.place)")
      }
    }
    var marks = PageMarks()
    for page in pages { marks.count(page) }
    if marks.liquid > marks.mkdocs {
      return DialectDetection(dialect: .gitbook, reason: marks.phrase(marks.liquid, "{% … %} tag"))
    }
    if marks.mkdocs > 0 {
      return DialectDetection(dialect: .mkdocs, reason: marks.phrase(marks.mkdocs, "content tab or admonition line"))
    }
    return DialectDetection(dialect: .mkdocs, reason: "no marks of either dialect; plain CommonMark reads the same under mkdocs")
  }
}

/// Counts the lines that bear one dialect's block syntax or the other's.
private struct PageMarks {
  var liquid = 0
  var mkdocs = 0

  func phrase(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s") in the pages"
  }

  /// Only the start of each line is looked at, bytes only: a page is read once more at most.
  mutating func count(_ bytes: [UInt8]) {
    var lineStart = true
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if lineStart {
        var start = index
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        if Self.matches(bytes, at: start, "{% ") || Self.matches(bytes, at: start, "{%- ") {
          liquid += 1
        } else if start == index,
          Self.matches(bytes, at: start, "=== \"") || Self.matches(bytes, at: start, "!!! ")
            || Self.matches(bytes, at: start, "??? ") || Self.matches(bytes, at: start, "???+ ")
        {
          mkdocs += 1
        }
      }
      lineStart = byte == UInt8(ascii: "\n")
      index += 1
    }
  }

  private static func matches(_ bytes: [UInt8], at index: Int, _ text: StaticString) -> Bool {
    let count = text.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    return text.withUTF8Buffer { expected in
      (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
    }
  }
}
