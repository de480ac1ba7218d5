/// The mkdocs-material block syntax that is not CommonMark: content tabs (`=== "cURL"`) and
/// admonitions (`!!! note "title"`, collapsible `??? note` / `???+ note`), each followed by a
/// body indented by four spaces.
///
/// cmark cannot be trusted with them (a tab whose body follows without a blank line becomes
/// an inline code span), so they are cut out of the text before cmark runs; their bodies are
/// parsed on their own.
enum MkdocsBlocks {
  /// The tab or admonition whose header is `lines[index]`, at the left margin, with the body
  /// indented below it.
  static func directive(at index: Int, in lines: [String]) -> DirectiveMatch? {
    guard let header = Header(lines[index]) else { return nil }
    var headerEnd = index
    var title = header.title
    if header.titleIsOpen {
      // The quoted title continues until a line that closes the quote.
      while headerEnd + 1 < lines.count {
        headerEnd += 1
        let next = lines[headerEnd].trimmingSpaces()
        if let close = next.firstIndex(of: "\"") {
          title = (title ?? "") + " " + next[..<close]
          break
        }
        title = (title ?? "") + " " + next
      }
    }
    var bodyEnd = headerEnd
    var probe = headerEnd + 1
    while probe < lines.count {
      let next = lines[probe]
      if next.isBlank {
        probe += 1
        continue
      }
      guard next.indentation >= 4 else { break }
      bodyEnd = probe
      probe += 1
    }
    let kind: DirectiveMatch.Kind =
      header.isTab ? .tab(title: title ?? "") : .admonition(type: header.type, title: title)
    return DirectiveMatch(
      kind: kind, first: index, last: bodyEnd, body: bodyEnd > headerEnd ? (headerEnd + 1)...bodyEnd : nil,
      dedent: 4)
  }

  /// The first line of a directive.
  private struct Header {
    var isTab: Bool
    var type: String
    var title: String?
    var titleIsOpen = false

    init?(_ line: String) {
      guard let first = line.first, first == "=" || first == "!" || first == "?" else { return nil }
      var rest = Substring(line)
      if rest.hasPrefix("===") {
        isTab = true
        type = "tab"
        rest = rest.dropFirst(3)
        if let marker = rest.first, marker == "+" || marker == "!" { rest = rest.dropFirst() }
        guard rest.first == " " else { return nil }
      } else if rest.hasPrefix("!!!") || rest.hasPrefix("???") {
        isTab = false
        rest = rest.dropFirst(3)
        if rest.first == "+" { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " }
        let word = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        guard !word.isEmpty else { return nil }
        type = String(word)
        rest = rest.dropFirst(word.count)
      } else {
        return nil
      }
      rest = rest.drop { $0 == " " }
      // Extra CSS classes may stand between the type and the title; the title is quoted.
      guard let open = rest.firstIndex(of: "\"") else {
        title = nil
        return
      }
      let afterOpen = rest[rest.index(after: open)...]
      if let close = afterOpen.lastIndex(of: "\"") {
        title = String(afterOpen[..<close])
      } else {
        title = String(afterOpen)
        titleIsOpen = true
      }
    }
  }
}

/// Follows fenced code blocks line by line, so that a `===` or `!!!` inside one is left alone.
struct FenceTracker {
  private var open: (character: Character, count: Int)?

  /// Returns true when `line` belongs to a fence (its opening or closing line included).
  mutating func consume(_ line: String) -> Bool {
    let trimmed = line.drop { $0 == " " }
    let fenceCharacter = trimmed.first
    let run = trimmed.prefix { $0 == fenceCharacter }.count
    let isFence = line.indentation < 4 && (fenceCharacter == "`" || fenceCharacter == "~") && run >= 3
    if let current = open {
      if isFence, fenceCharacter == current.character, run >= current.count,
        trimmed.dropFirst(run).isBlank
      {
        open = nil
      }
      return true
    }
    if isFence, let character = fenceCharacter {
      open = (character, run)
      return true
    }
    return false
  }
}
