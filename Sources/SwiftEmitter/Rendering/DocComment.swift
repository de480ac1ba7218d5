/// A `///` comment put together from docs text, which is Markdown.
///
/// Whatever the text holds stays inside the comment: every line break of any kind starts a new
/// `///` line, control characters are dropped, and a code fence left open is closed so that it
/// cannot swallow what follows. Long lines are wrapped at spaces, never inside a fenced block, a
/// table row or a heading, and never before a word that would start a list, a heading, a quote
/// or a table when it begins a line.
struct DocComment {
  private var lines: [String] = []
  private var lastWasItem = false

  var isEmpty: Bool { lines.isEmpty }

  /// Adds `text` as a block of its own, after a blank line.
  mutating func paragraph(_ text: String) {
    let block = LeadIns.droppingDangling(DocText.cleanLines(text))
    guard !block.isEmpty else { return }
    if !lines.isEmpty { lines.append("") }
    lines += block
    lastWasItem = false
  }

  /// Adds `- label: text` as a list item at `level` (0 for a callout such as `- Parameters:`,
  /// 1 for its entries); the text's further lines are indented into the item. `leadsIn`: the
  /// text ends on a colon that introduces the entries added next.
  mutating func item(_ label: String, _ text: String = "", level: Int = 0, leadsIn: Bool = false) {
    if !lastWasItem, !lines.isEmpty { lines.append("") }
    let indent = String(repeating: "  ", count: level)
    let cleaned = DocText.cleanLines(text)
    let body = leadsIn ? cleaned : LeadIns.droppingDangling(cleaned)
    // A callout (`- Parameters:`) introduces the entries below it; an entry without text has
    // no colon, which would dangle.
    let head = indent + "- " + label + (level == 0 || !body.isEmpty ? ":" : "")
    lines.append(body.first.map { head + " " + $0 } ?? head)
    let continuation = indent + "  "
    lines += body.dropFirst().map { $0.isEmpty ? "" : continuation + $0 }
    lastWasItem = true
  }

  /// The comment as `///` lines for a declaration indented by `indent` levels of two spaces,
  /// wrapped to `lineLength` columns where the text allows it.
  func rendered(indent: Int, lineLength: Int = 100) -> [String] {
    let prefix = String(repeating: "  ", count: indent) + "///"
    let width = lineLength - prefix.count - 1
    var fence = CodeFence()
    return lines.flatMap { line in
      let wrapped = fence.consume(line) ? [line] : DocText.wrap(line, width: width)
      return wrapped.map { $0.isEmpty ? prefix : prefix + " " + $0 }
    }
  }
}

/// Tracks whether the lines seen so far leave a fenced code block open.
struct CodeFence {
  private var opener: String?

  /// Whether `line` belongs to a fenced block (its fences included).
  mutating func consume(_ line: String) -> Bool {
    let trimmed = line.drop { $0 == " " }
    if let open = opener {
      if trimmed.hasPrefix(open), trimmed.allSatisfy({ $0 == open.first }) {
        opener = nil
      }
      return true
    }
    for marker in ["```", "~~~"] where trimmed.hasPrefix(marker) {
      opener = String(trimmed.prefix { $0 == marker.first })
      return true
    }
    return false
  }

  /// The line that closes the open block, if one is open.
  var closingLine: String? { opener }
}

/// Cleaning, quoting and wrapping of docs text.
enum DocText {
  /// The text's lines, safe for a line comment: split at every kind of line break, without
  /// control or bidirectional-override characters, tabs as spaces, no trailing spaces, no blank
  /// lines at either end, and with an unclosed code fence closed.
  static func cleanLines(_ text: String) -> [String] {
    var lines = splitLines(text).map(cleanLine)
    while lines.first?.isEmpty == true { lines.removeFirst() }
    while lines.last?.isEmpty == true { lines.removeLast() }
    var fence = CodeFence()
    for line in lines { _ = fence.consume(line) }
    if let closing = fence.closingLine { lines.append(closing) }
    return lines
  }

  /// `text` split at every line break that `Character.isNewline` knows (LF, VT, FF, CR, CR LF
  /// as one, NEL, LS, PS), found in its UTF-8 bytes: each of them is a grapheme of its own, so
  /// the lines are those that splitting the `Character`s gives, at a fraction of the cost.
  private static func splitLines(_ text: String) -> [Substring] {
    var lines: [Substring] = []
    let utf8 = text.utf8
    var start = utf8.startIndex
    var index = start
    while index != utf8.endIndex {
      var next = utf8.index(after: index)
      let byte = utf8[index]
      var isBreak = false
      if byte >= 0x0A && byte <= 0x0C {
        isBreak = true
      } else if byte == 0x0D {
        isBreak = true
        if next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
      } else if byte == 0xC2, next != utf8.endIndex, utf8[next] == 0x85 {
        isBreak = true
        next = utf8.index(after: next)
      } else if byte == 0xE2, next != utf8.endIndex, utf8[next] == 0x80 {
        let last = utf8.index(after: next)
        if last != utf8.endIndex, utf8[last] == 0xA8 || utf8[last] == 0xA9 {
          isBreak = true
          next = utf8.index(after: last)
        }
      }
      if isBreak {
        lines.append(text[start..<index])
        start = next
      }
      index = next
    }
    lines.append(text[start...])
    return lines
  }

  /// One line without control or bidirectional-override characters, tabs as spaces and without
  /// trailing spaces. An ASCII line is cleaned byte by byte; any other goes through its
  /// `Character`s, where a space can belong to the grapheme before it.
  private static func cleanLine(_ line: Substring) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(line.utf8.count)
    for byte in line.utf8 {
      if byte >= 0x80 { return cleanScalars(line) }
      if byte == 0x09 {
        bytes.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
      } else if byte >= 0x20 && byte != 0x7F {
        bytes.append(byte)
      }
    }
    while bytes.last == 0x20 { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func cleanScalars(_ line: Substring) -> String {
    var clean = String.UnicodeScalarView()
    for scalar in line.unicodeScalars {
      if scalar == "\t" {
        clean.append(contentsOf: "    ".unicodeScalars)
      } else if !isHidden(scalar) {
        clean.append(scalar)
      }
    }
    return String(String(clean).reversed().drop { $0 == " " }.reversed())
  }

  /// A value as the docs give it, in code voice when it is a single token: `*` → `` `*` ``;
  /// prose such as `now minus 7 days` stays prose.
  static func inlineValue(_ value: String) -> String {
    let value = cleanLines(value).joined(separator: " ")
    let isToken = !value.isEmpty && !value.contains { $0 == " " || $0 == "`" }
    return isToken ? "`\(value)`" : value
  }

  /// `line` broken at spaces into lines of at most `width` characters where the words allow it;
  /// table rows and headings are left whole. A word that must not begin a line takes the word
  /// before it along.
  static func wrap(_ line: String, width: Int) -> [String] {
    let indent = String(line.prefix { $0 == " " })
    let content = line.dropFirst(indent.count)
    guard line.count > width, !content.hasPrefix("|"), !content.hasPrefix("#") else {
      return [line]
    }
    let continuation = indent + String(repeating: " ", count: listMarkerWidth(content))
    var lines: [[Substring]] = [[]]
    // The characters of the last line's words, kept as words are added rather than counted
    // again for each one.
    var wordsLength = 0
    for word in content.split(separator: " ") {
      lines[lines.count - 1].append(word)
      wordsLength += word.count
      let current = lines[lines.count - 1]
      let prefix = lines.count == 1 ? indent : continuation
      let length = prefix.count + current.count - 1 + wordsLength
      if length > width, let breakAt = (1..<current.count).last(where: { canStartLine(current[$0]) }) {
        lines[lines.count - 1].removeSubrange(breakAt...)
        lines.append(Array(current[breakAt...]))
        wordsLength = current[breakAt...].reduce(0) { $0 + $1.count }
      }
    }
    return lines.enumerated().map { index, words in
      (index == 0 ? indent : continuation) + words.joined(separator: " ")
    }
  }

  /// The width of a list marker that starts `content` (`- `, `* `, `12. `), or 0.
  private static func listMarkerWidth(_ content: Substring) -> Int {
    if let first = content.first, "-*+".contains(first), content.dropFirst().first == " " {
      return 2
    }
    let digits = content.prefix(while: \.isNumber)
    let rest = content.dropFirst(digits.count)
    if !digits.isEmpty, let mark = rest.first, ".)".contains(mark), rest.dropFirst().first == " " {
      return digits.count + 2
    }
    return 0
  }

  /// Whether a line may begin with `word` without turning into another Markdown block: a list
  /// item (`-`, `*`, `+`, `1.`), a heading, a thematic break or setext underline, a quote, a
  /// table row, an HTML block or a code fence.
  private static func canStartLine(_ word: Substring) -> Bool {
    let isMarker = ["-", "*", "+", "1.", "1)"].contains(word)
    let isRule = word.allSatisfy { $0 == word.first } && "-=*#".contains(word.first ?? " ")
    let opensBlock = [">", "|", "<", "```", "~~~"].contains { word.hasPrefix($0) }
    return !(isMarker || isRule || opensBlock)
  }

  private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .control
      || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }
}
