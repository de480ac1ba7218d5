/// GitBook's Liquid-style blocks: a tag on a line of its own, `{% name args %}`, and for a
/// block with a body the matching `{% endname %}` further down (blocks of the same name may
/// nest).
///
/// What each tag means to apigen is the table `known`; a tag that is not in it is reported and
/// its body, when it has one, read as ordinary Markdown.
enum LiquidTags {
  /// What a known tag becomes.
  private enum Meaning {
    /// `{% tab title="cURL" %}`.
    case tab
    /// `{% hint style="info" %}`: an admonition of the style.
    case hint
    /// A wrapper: `{% tabs %}`, `{% code %}`, `{% stepper %}`, `{% step %}`, …
    case transparent
    /// `{% include "path" %}`.
    case include
    /// A tag that holds nothing apigen reads (`{% embed url="…" %}`).
    case dropped
  }

  private static let known: [String: Meaning] = [
    "tab": .tab, "hint": .hint, "include": .include,
    "tabs": .transparent, "code": .transparent, "stepper": .transparent, "step": .transparent,
    "columns": .transparent, "column": .transparent, "content-ref": .transparent, "updates": .transparent,
    "update": .transparent,
    "embed": .dropped, "file": .dropped,
  ]

  static func directive(at index: Int, in lines: [String]) -> DirectiveMatch? {
    guard let tag = Tag(lines[index]) else { return nil }
    if tag.isEnd {
      return DirectiveMatch(
        kind: .dropped, first: index, last: index, body: nil, dedent: 0,
        issue: (kind: "directive-unclosed", message: "'{% \(tag.name) %}' closes no block; the line is left out"))
    }
    let meaning = known[tag.name]
    let end = closing(of: tag, from: index, in: lines)
    let body = end.flatMap { $0 > index + 1 ? (index + 1)...($0 - 1) : nil }
    let last = end ?? index
    switch meaning {
    case .include?:
      guard let path = tag.firstQuoted ?? tag.attributes["src"] else {
        return DirectiveMatch(
          kind: .dropped, first: index, last: last, body: nil, dedent: 0,
          issue: (kind: "include-not-read", message: "'{% include %}' names no file; it is left out"))
      }
      return DirectiveMatch(kind: .include(path: path), first: index, last: last, body: nil, dedent: 0)
    case .dropped?:
      return DirectiveMatch(kind: .dropped, first: index, last: last, body: nil, dedent: 0)
    case nil:
      return DirectiveMatch(
        kind: .transparent, first: index, last: last, body: body, dedent: tag.indentation,
        issue: (kind: "directive-unknown", message: "'{% \(tag.name) %}' is not a block apigen knows; "
          + (end == nil ? "the tag is left out" : "its content is read as ordinary Markdown")))
    case let meaning?:
      guard let end else {
        return DirectiveMatch(
          kind: .dropped, first: index, last: index, body: nil, dedent: 0,
          issue: (kind: "directive-unclosed", message: "'{% \(tag.name) %}' has no '{% end\(tag.name) %}'; the tag line is left out"
            + " and what follows is read as ordinary Markdown"))
      }
      let kind: DirectiveMatch.Kind
      switch meaning {
      case .tab: kind = .tab(title: tag.attributes["title"] ?? tag.firstQuoted ?? "")
      case .hint: kind = .admonition(type: tag.attributes["style"] ?? "info", title: nil)
      default: kind = .transparent
      }
      return DirectiveMatch(kind: kind, first: index, last: end, body: body, dedent: tag.indentation)
    }
  }

  /// The line of the `{% endname %}` that closes `tag`, skipping fenced code and nested
  /// blocks of the same name; nil when none does.
  private static func closing(of tag: Tag, from index: Int, in lines: [String]) -> Int? {
    var fence = FenceTracker()
    var depth = 0
    var probe = index + 1
    while probe < lines.count {
      defer { probe += 1 }
      if fence.consume(lines[probe]) { continue }
      guard let other = Tag(lines[probe]), other.name == tag.name else { continue }
      if other.isEnd {
        if depth == 0 { return probe }
        depth -= 1
      } else {
        depth += 1
      }
    }
    return nil
  }

  /// A line that is one tag: `{% tab title="cURL" %}`, `{%- endtab -%}`.
  struct Tag {
    var name: String
    var isEnd: Bool
    /// `key="value"` pairs of its arguments.
    var attributes: [String: String] = [:]
    /// The first quoted argument that is not a value of a key (`{% include "x.md" %}`).
    var firstQuoted: String?
    var indentation: Int

    init?(_ line: String) {
      let trimmed = line.trimmingSpaces()
      guard trimmed.hasPrefix("{%"), trimmed.hasSuffix("%}"), trimmed.count >= 4 else { return nil }
      indentation = line.indentation
      var inside = Substring(trimmed.dropFirst(2).dropLast(2))
      // Whitespace-control dashes: `{%- … -%}`.
      if inside.first == "-" { inside = inside.dropFirst() }
      if inside.last == "-" { inside = inside.dropLast() }
      inside = inside.drop { $0 == " " || $0 == "\t" }
      let word = inside.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
      guard !word.isEmpty, !inside.contains("%}") else { return nil }
      if word.hasPrefix("end"), word.count > 3 {
        name = String(word.dropFirst(3))
        isEnd = true
      } else {
        name = String(word)
        isEnd = false
      }
      parseArguments(inside.dropFirst(word.count))
    }

    private mutating func parseArguments(_ text: Substring) {
      var rest = text
      while !rest.isEmpty {
        rest = rest.drop { $0 == " " || $0 == "\t" }
        let key = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        if !key.isEmpty, rest.dropFirst(key.count).first == "=" {
          rest = rest.dropFirst(key.count + 1)
          guard let (value, after) = Self.quoted(rest) else {
            let bare = rest.prefix { $0 != " " && $0 != "\t" }
            attributes[String(key)] = String(bare)
            rest = rest.dropFirst(bare.count)
            continue
          }
          attributes[String(key)] = value
          rest = after
        } else if let (value, after) = Self.quoted(rest) {
          if firstQuoted == nil { firstQuoted = value }
          rest = after
        } else {
          rest = rest.drop { $0 != " " && $0 != "\t" }
        }
      }
    }

    /// A `"…"` or `'…'` string at the start of `text`, and what follows it.
    private static func quoted(_ text: Substring) -> (String, Substring)? {
      guard let quote = text.first, quote == "\"" || quote == "'" else { return nil }
      let body = text.dropFirst()
      guard let close = body.firstIndex(of: quote) else { return nil }
      return (String(body[..<close]), body[body.index(after: close)...])
    }
  }
}
