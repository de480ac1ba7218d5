/// Lead-in sentences whose block is not there: "Can be one of:", "`regular` object:",
/// "List of counter types:". In the docs each introduced a list, a table or a code block; the
/// reader keeps those elsewhere (an enum's cases, an example) or not at all, and a doc comment
/// that ends on a colon reads as if something were cut off. Such a sentence is dropped, and so
/// is a paragraph or list item that held nothing else.
enum LeadIns {
  /// `lines` (Markdown, already cleaned) without their dangling lead-ins.
  static func droppingDangling(_ lines: [String]) -> [String] {
    let units = Unit.split(lines)
    var kept: [String] = []
    for (index, unit) in units.enumerated() {
      guard unit.isProse, unit.text.hasSuffix(":"),
        !introducesBlock(units[(index + 1)...].first { !$0.isBlank }, after: unit)
      else {
        kept += unit.lines
        continue
      }
      if let rest = withoutLastSentence(unit.text) {
        kept.append(unit.indent + unit.marker + rest)
      }
    }
    return tidied(kept)
  }

  /// Whether `next` is a block a lead-in may introduce: a list item, a fence, a table row, a
  /// quote, or text indented below the lead-in (indented code, or the item's own content).
  private static func introducesBlock(_ next: Unit?, after unit: Unit) -> Bool {
    guard let next else { return false }
    return !next.isProse || !next.marker.isEmpty || next.indent.count > unit.indent.count
  }

  /// The text before its last sentence, or nil when the text is one sentence. A sentence ends
  /// at `.`, `!` or `?` followed by a space (not after `e.g.` and the like), or at a spaced
  /// dash (`– Contains info about error:` after an error's name).
  static func withoutLastSentence(_ text: String) -> String? {
    let characters = Array(text)
    guard let cut = boundaries(characters, atDashes: true).last else { return nil }
    let rest = String(characters[..<cut]).trimmingTrailingSpaces
    return rest.isEmpty ? nil : rest
  }

  /// The sentences of `text`, each with its closing mark.
  static func sentences(_ text: String) -> [String] {
    let characters = Array(text)
    let cuts = boundaries(characters, atDashes: false)
    return zip([0] + cuts, cuts + [characters.count]).map { start, end in
      String(characters[start..<end]).drop { $0 == " " }.description.trimmingTrailingSpaces
    }.filter { !$0.isEmpty }
  }

  /// Where sentences end (the offset after the mark), or clauses before a spaced dash.
  private static func boundaries(_ characters: [Character], atDashes: Bool) -> [Int] {
    var cuts: [Int] = []
    for index in characters.indices.dropLast() where characters[index + 1] == " " {
      let character = characters[index]
      if ".!?".contains(character) {
        let word = String(characters[..<index]).split(separator: " ").last ?? ""
        if !abbreviations.contains(word.filter { $0.isLetter || $0 == "." }.lowercased()) {
          cuts.append(index + 1)
        }
      } else if atDashes, "–—-".contains(character), index > 0, characters[index - 1] == " " {
        cuts.append(index - 1)
      }
    }
    return cuts
  }

  private static let abbreviations: Set<String> = ["e.g", "i.e", "etc", "vs", "no", "approx"]

  /// No blank line at either end and never two in a row, once lines are gone.
  private static func tidied(_ lines: [String]) -> [String] {
    var result: [String] = []
    for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) {
      result.append(line)
    }
    while result.last?.isEmpty == true { result.removeLast() }
    return result
  }

  /// A paragraph or list item (its lines joined), a blank line, or a line of another block.
  private struct Unit {
    var lines: [String]
    var indent = ""
    /// `- `, `* `, `1. ` for a list item.
    var marker = ""
    /// Prose: a paragraph or a list item's text, the only units that can be lead-ins.
    var isProse = true
    var isBlank: Bool { lines.allSatisfy(\.isEmpty) }
    /// The content without indent and marker, lines joined by spaces.
    var text: String {
      lines.enumerated().map { index, line in
        let content = line.drop { $0 == " " }
        return index == 0 ? String(content.dropFirst(marker.count)) : String(content)
      }.joined(separator: " ")
    }

    static func split(_ lines: [String]) -> [Unit] {
      var units: [Unit] = []
      var fence = CodeFence()
      for line in lines {
        let content = line.drop { $0 == " " }
        if fence.consume(line) || content.hasPrefix("|") || content.hasPrefix(">")
          || content.hasPrefix("#")
        {
          units.append(Unit(lines: [line], isProse: false))
        } else if line.isEmpty {
          units.append(Unit(lines: [line]))
        } else if let marker = listMarker(content) {
          units.append(Unit(lines: [line], indent: String(line.prefix(line.count - content.count)), marker: marker))
        } else if let last = units.last, last.isProse, !last.isBlank {
          units[units.count - 1].lines.append(line)
        } else {
          units.append(Unit(lines: [line], indent: String(line.prefix(line.count - content.count))))
        }
      }
      return units
    }

    private static func listMarker(_ content: Substring) -> String? {
      if let first = content.first, "-*+".contains(first), content.dropFirst().first == " " {
        return String(content.prefix(2))
      }
      let digits = content.prefix(while: \.isNumber)
      let rest = content.dropFirst(digits.count)
      if !digits.isEmpty, let mark = rest.first, ".)".contains(mark), rest.dropFirst().first == " " {
        return String(content.prefix(digits.count + 2))
      }
      return nil
    }
  }
}

extension String {
  fileprivate var trimmingTrailingSpaces: String {
    String(reversed().drop { $0 == " " }.reversed())
  }
}
