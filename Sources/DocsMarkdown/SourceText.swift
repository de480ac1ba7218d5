import Foundation

/// The text of a page prepared for cmark: valid UTF-8, one entry per line, `{{ macros }}`
/// expanded, with enough bookkeeping to map a column of the prepared text back to the page.
///
/// Line numbers never change: every transformation here keeps one output line per input line.
struct SourceText {
  /// Lines without their line endings (LF, CRLF or a lone CR all end a line, as in CommonMark).
  var lines: [String]
  var issues: [MarkdownIssue] = []
  /// When expanding macros took the text over `maximumBytes`: the size reached when expansion
  /// stopped. The text is then incomplete and must not be parsed.
  private(set) var overflowingBytes: Int?
  /// Per line (0-based), the macro expansions made in it, in column order.
  private var expansions: [Int: [Expansion]] = [:]

  private struct Expansion {
    /// 1-based byte column where the expansion starts in the prepared line.
    var column: Int
    var expandedLength: Int
    var originalLength: Int
    /// The sum of `originalLength - expandedLength` over the expansions before this one.
    var deltaBefore: Int
  }

  /// - Parameter macros: the values of `{{ name }}` macros; nil where the dialect has none
  ///   (the text is then left as written).
  init(bytes: [UInt8], macros: [String: String]?, maximumBytes: Int = .max) {
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
      if line.contains(0) {
        issues.append(
          MarkdownIssue(
            kind: "nul-byte", message: "NUL byte replaced with U+FFFD",
            // Slices share their base's indices: the column counts from the line's start.
            position: TextPosition(
              line: index + 1, column: (line.firstIndex(of: 0) ?? line.startIndex) - line.startIndex + 1)))
        decoded = decoded.replacingNUL()
      }
      text.append(decoded)
    }
    self.lines = text
    self.issues = issues
    if let macros { expandMacros(macros, maximumBytes: maximumBytes - bytes.count) }
  }

  /// Maps a column of the prepared text back to the page; a column inside an expanded macro
  /// maps to the macro's first column. A binary search, because a line may hold thousands of
  /// expansions and every node on it asks.
  func originalColumn(line: Int, column: Int) -> Int {
    guard let list = expansions[line - 1] else { return column }
    // The last expansion that starts at or before `column`.
    var low = 0
    var high = list.count
    while low < high {
      let middle = (low + high) / 2
      if list[middle].column <= column { low = middle + 1 } else { high = middle }
    }
    guard low > 0 else { return column }
    let expansion = list[low - 1]
    if column >= expansion.column + expansion.expandedLength {
      return column + expansion.deltaBefore + expansion.originalLength - expansion.expandedLength
    }
    return expansion.column + expansion.deltaBefore
  }

  /// Expands `{{ name }}` macros; stops, setting `overflowingBytes`, once the expansions have
  /// added more than `growth` bytes (a long value used many times could otherwise multiply
  /// the page's size).
  private mutating func expandMacros(_ macros: [String: String], maximumBytes growth: Int) {
    var added = 0
    for index in lines.indices where lines[index].utf8.contains(UInt8(ascii: "{")) {
      // Bytes, not `String.range(of:)`: the latter costs O(line) per call, which makes a line
      // of thousands of macros quadratic.
      let line = Array(lines[index].utf8)
      var output: [UInt8] = []
      var list: [Expansion] = []
      var rest = 0
      while let open = Self.find(UInt8(ascii: "{"), in: line, from: rest),
        let close = Self.find(UInt8(ascii: "}"), in: line, from: open + 2)
      {
        output += line[rest..<open]
        let originalLength = close + 2 - open
        let name = String(decoding: line[(open + 2)..<close], as: UTF8.self).trimmingSpaces()
        let column = output.count + 1
        if let value = macros[name] {
          output += value.utf8
          let deltaBefore = list.last.map { $0.deltaBefore + $0.originalLength - $0.expandedLength } ?? 0
          list.append(
            Expansion(
              column: column, expandedLength: value.utf8.count, originalLength: originalLength,
              deltaBefore: deltaBefore))
          added += value.utf8.count - originalLength
          if added > growth {
            overflowingBytes = lines.reduce(0) { $0 + $1.utf8.count + 1 } + added
            return
          }
        } else {
          output += line[open..<(close + 2)]
          issues.append(
            MarkdownIssue(
              kind: "unknown-macro", message: "unknown macro '\(name)' left as written",
              position: TextPosition(
                line: index + 1, column: originalPosition(of: column, in: list))))
        }
        rest = close + 2
      }
      guard rest > 0 else { continue }
      output += line[rest...]
      lines[index] = String(decoding: output, as: UTF8.self)
      if !list.isEmpty { expansions[index] = list }
    }
  }

  /// The index of the next pair `byte byte` in `line` at or after `start`.
  private static func find(_ byte: UInt8, in line: [UInt8], from start: Int) -> Int? {
    var index = start
    while index + 1 < line.count {
      if line[index] == byte, line[index + 1] == byte { return index }
      index += 1
    }
    return nil
  }

  private func originalPosition(of column: Int, in list: [Expansion]) -> Int {
    column + (list.last.map { $0.deltaBefore + $0.originalLength - $0.expandedLength } ?? 0)
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
