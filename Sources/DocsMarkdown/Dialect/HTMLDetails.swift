/// `<details>` disclosures whose content is Markdown, as GitBook writes them:
///
///     <details>
///
///     <summary>Example response</summary>
///
///     ```json
///     …
///     ```
///
///     </details>
///
/// cmark sees the tags as HTML blocks and the content between them as Markdown already, but a
/// reader would then meet the summary as text of the page. The disclosure is a way to show the
/// content, not part of it: its content stands where it is and the summary is left out.
enum HTMLDetails {
  static func directive(at index: Int, in lines: [String]) -> DirectiveMatch? {
    let line = lines[index].trimmingSpaces().lowercased()
    guard line == "<details>" || line.hasPrefix("<details ") || line.hasPrefix("<details>") else { return nil }
    guard let end = closing(from: index, in: lines) else {
      return DirectiveMatch(
        kind: .dropped, first: index, last: index, body: nil, dedent: 0,
        issue: (kind: "directive-unclosed", message: "'<details>' has no '</details>'; the tag line is left out"))
    }
    // What follows `<details>` on its own line (a summary) and the summary line itself are
    // left out with the tags.
    var bodyStart = index + 1
    while bodyStart < end, lines[bodyStart].isBlank { bodyStart += 1 }
    if bodyStart < end, lines[bodyStart].trimmingSpaces().lowercased().hasPrefix("<summary") {
      // A summary may run over lines until `</summary>`.
      while bodyStart < end, !lines[bodyStart].lowercased().contains("</summary>") { bodyStart += 1 }
      bodyStart += 1
    }
    let body = bodyStart < end ? bodyStart...(end - 1) : nil
    return DirectiveMatch(
      kind: .transparent, first: index, last: end, body: body, dedent: lines[index].indentation)
  }

  /// The line of the `</details>` that closes the one at `index`, skipping fenced code and
  /// nested disclosures.
  private static func closing(from index: Int, in lines: [String]) -> Int? {
    var fence = FenceTracker()
    var depth = 0
    for probe in (index + 1)..<max(index + 1, lines.count) {
      if fence.consume(lines[probe]) { continue }
      let line = lines[probe].trimmingSpaces().lowercased()
      if line.hasPrefix("<details") {
        depth += 1
      } else if line.hasPrefix("</details>") {
        if depth == 0 { return probe }
        depth -= 1
      }
    }
    return nil
  }
}
