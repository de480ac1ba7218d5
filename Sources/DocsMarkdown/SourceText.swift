import Foundation

/// The text of a page prepared for cmark: valid UTF-8, one entry per line, `{{ macros }}`
/// expanded, with enough bookkeeping to map a column of the prepared text back to the page.
///
/// Line numbers never change: every transformation here keeps one output line per input line.
struct SourceText {
  /// Lines without their line endings (LF, CRLF or a lone CR all end a line, as in CommonMark).
  var lines: [String]
  var issues: [MarkdownIssue] = []
  /// Per line (0-based), the macro expansions made in it, in column order.
  private var expansions: [Int: [Expansion]] = [:]

  private struct Expansion {
    /// 1-based byte column where the expansion starts in the prepared line.
    var column: Int
    var expandedLength: Int
    var originalLength: Int
  }

  init(bytes: [UInt8], macros: [String: String]) {
    var lines = Self.splitLines(bytes)
    var issues: [MarkdownIssue] = []
    if let first = lines.first, first.starts(with: [0xEF, 0xBB, 0xBF]) {
      lines[0].removeFirst(3)
    }
    var text: [String] = []
    text.reserveCapacity(lines.count)
    for (index, line) in lines.enumerated() {
      var decoded = String(decoding: line, as: UTF8.self)
      if String(validating: line, as: UTF8.self) == nil {
        issues.append(
          MarkdownIssue(
            kind: "invalid-utf8", message: "invalid UTF-8 replaced with U+FFFD",
            position: TextPosition(line: index + 1, column: Self.firstInvalidByte(line) + 1)))
      }
      if decoded.contains("\0") {
        issues.append(
          MarkdownIssue(
            kind: "nul-byte", message: "NUL byte replaced with U+FFFD",
            position: TextPosition(line: index + 1, column: (line.firstIndex(of: 0) ?? 0) + 1)))
        decoded = decoded.replacingNUL()
      }
      text.append(decoded)
    }
    self.lines = text
    self.issues = issues
    expandMacros(macros)
  }

  /// Maps a column of the prepared text back to the page; a column inside an expanded macro
  /// maps to the macro's first column.
  func originalColumn(line: Int, column: Int) -> Int {
    guard let list = expansions[line - 1] else { return column }
    var delta = 0
    for expansion in list {
      if column >= expansion.column + expansion.expandedLength {
        delta += expansion.originalLength - expansion.expandedLength
      } else if column >= expansion.column {
        return expansion.column + delta
      }
    }
    return column + delta
  }

  private mutating func expandMacros(_ macros: [String: String]) {
    for index in lines.indices where lines[index].contains("{{") {
      var output = ""
      var list: [Expansion] = []
      var rest = Substring(lines[index])
      while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
        output += rest[..<open.lowerBound]
        let original = rest[open.lowerBound..<close.upperBound]
        let name = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
        let column = output.utf8.count + 1
        if let value = macros[name] {
          output += value
          list.append(
            Expansion(
              column: column, expandedLength: value.utf8.count, originalLength: original.utf8.count))
        } else {
          output += original
          issues.append(
            MarkdownIssue(
              kind: "unknown-macro", message: "unknown macro '\(name)' left as written",
              position: TextPosition(
                line: index + 1, column: originalPosition(of: column, in: list))))
        }
        rest = rest[close.upperBound...]
      }
      output += rest
      lines[index] = output
      if !list.isEmpty { expansions[index] = list }
    }
  }

  private func originalPosition(of column: Int, in list: [Expansion]) -> Int {
    column + list.reduce(0) { $0 + $1.originalLength - $1.expandedLength }
  }

  private static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = bytes.startIndex
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        lines.append(bytes[start..<index])
        if byte == 0x0D, index + 1 < bytes.endIndex, bytes[index + 1] == 0x0A { index += 1 }
        start = index + 1
      }
      index += 1
    }
    if start < bytes.endIndex { lines.append(bytes[start..<bytes.endIndex]) }
    return lines
  }

  private static func firstInvalidByte(_ line: ArraySlice<UInt8>) -> Int {
    var offset = 0
    var iterator = line.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return offset
      case .error: return offset
      }
    }
  }
}

extension StringProtocol {
  func trimmingSpaces() -> String {
    var scalars = Substring(self)[...]
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    return String(scalars)
  }

  /// The number of leading spaces, a tab counting as four.
  var indentation: Int {
    var width = 0
    for character in self {
      if character == " " {
        width += 1
      } else if character == "\t" {
        width += 4 - width % 4
      } else {
        break
      }
    }
    return width
  }

  var isBlank: Bool { allSatisfy { $0 == " " || $0 == "\t" } }
}

extension String {
  fileprivate func replacingNUL() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }))
  }
}
