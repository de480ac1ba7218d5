/// The inline HTML that stands for Markdown in the docs' pages (GitBook writes links in table
/// cells as `<a href="x">text</a>` and line breaks as `<br>`): read as the link and the break
/// they are, so that readers see the same inlines whichever way a page wrote them. Other tags
/// stay HTML, which readers skip.
enum InlineHTML {
  static func folded(_ inlines: [Inline]) -> [Inline] {
    guard inlines.contains(where: { if case .html = $0.kind { true } else { false } }) else { return inlines }
    var result: [Inline] = []
    var index = 0
    while index < inlines.count {
      let inline = inlines[index]
      guard case .html(let tag) = inline.kind else {
        result.append(inline)
        index += 1
        continue
      }
      if isBreak(tag) {
        result.append(Inline(.lineBreak, at: inline.position))
      } else if let destination = anchorDestination(tag),
        let close = inlines[(index + 1)...].firstIndex(where: { isClosingAnchor($0) })
      {
        let content = folded(Array(inlines[(index + 1)..<close]))
        result.append(Inline(.link(destination: destination, content: content), at: inline.position))
        index = close + 1
        continue
      } else {
        result.append(inline)
      }
      index += 1
    }
    return result
  }

  private static func isBreak(_ tag: String) -> Bool {
    let lower = tag.lowercased().filter { !$0.isWhitespace }
    return lower == "<br>" || lower == "<br/>"
  }

  private static func isClosingAnchor(_ inline: Inline) -> Bool {
    if case .html(let tag) = inline.kind { return tag.lowercased().filter { !$0.isWhitespace } == "</a>" }
    return false
  }

  /// The `href` of an opening `<a …>` tag.
  private static func anchorDestination(_ tag: String) -> String? {
    let lower = tag.lowercased()
    guard lower.hasPrefix("<a ") || lower.hasPrefix("<a\t"), let href = lower.range(of: "href=") else { return nil }
    var rest = tag[href.upperBound...]
    guard let quote = rest.first, quote == "\"" || quote == "'" else {
      let bare = rest.prefix { !$0.isWhitespace && $0 != ">" }
      return bare.isEmpty ? nil : String(bare)
    }
    rest = rest.dropFirst()
    guard let end = rest.firstIndex(of: quote) else { return nil }
    return String(rest[..<end])
  }
}
