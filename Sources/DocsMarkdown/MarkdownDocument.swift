/// A place in a page: 1-based line, 1-based column in UTF-8 bytes of the original text.
public struct TextPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }

  public var description: String { "\(line):\(column)" }
}

/// One page of documentation as a tree of Swift values: CommonMark blocks from cmark plus the
/// mkdocs constructs the docs use (front matter, pipe tables, content tabs, admonitions).
public struct MarkdownDocument: Sendable {
  public var frontMatter: FrontMatter
  public var blocks: [Block]
  /// Problems noticed while reading the text (malformed tables, unknown macros, …).
  public var issues: [MarkdownIssue]
  /// Why the page was not read at all (`page-too-large`, `page-too-complex`), when it was not;
  /// the document is then empty and `issues` holds just this. A caller that must not produce
  /// partial output treats it as an error.
  public var refusal: MarkdownIssue?

  public init(
    frontMatter: FrontMatter, blocks: [Block], issues: [MarkdownIssue], refusal: MarkdownIssue? = nil
  ) {
    self.frontMatter = frontMatter
    self.blocks = blocks
    self.issues = issues
    self.refusal = refusal
  }
}

/// The `key: value` pairs of a page's YAML front matter (`title`, `description`).
public struct FrontMatter: Hashable, Sendable {
  public var values: [String: String]
  public init(values: [String: String] = [:]) { self.values = values }

  public var title: String? { values["title"] }
  public var description: String? { values["description"] }
}

public struct MarkdownIssue: Hashable, Sendable {
  /// A stable identifier: `table-short-row`, `unknown-macro`, …
  public var kind: String
  public var message: String
  public var position: TextPosition

  public init(kind: String, message: String, position: TextPosition) {
    self.kind = kind
    self.message = message
    self.position = position
  }
}

/// A block with the place it starts at.
public struct Block: Sendable, Hashable {
  public var kind: Kind
  public var position: TextPosition

  public init(_ kind: Kind, at position: TextPosition) {
    self.kind = kind
    self.position = position
  }

  public indirect enum Kind: Sendable, Hashable {
    case heading(level: Int, content: [Inline])
    case paragraph([Inline])
    /// A fenced or indented code block; `info` is the fence's info string (`json`, `shell`).
    case codeBlock(info: String, code: String)
    case list(ordered: Bool, items: [ListItem])
    case blockQuote([Block])
    case table(Table)
    /// An mkdocs-material content tab: `=== "cURL"` and its indented body.
    case tab(title: String, body: [Block])
    /// An admonition: `!!! note "title"` (or a collapsible `??? note`) and its indented body.
    case admonition(type: String, title: String?, body: [Block])
    case thematicBreak
    case html(String)
  }
}

public struct ListItem: Sendable, Hashable {
  public var blocks: [Block]
  public var position: TextPosition

  public init(blocks: [Block], position: TextPosition) {
    self.blocks = blocks
    self.position = position
  }
}

/// A GFM pipe table, rebuilt from the paragraph cmark leaves it as.
public struct Table: Sendable, Hashable {
  public enum Alignment: Sendable, Hashable { case none, left, center, right }

  public var header: [TableCell]
  public var alignments: [Alignment]
  /// Every row has as many cells as the header (short rows are padded with empty cells).
  public var rows: [[TableCell]]

  public init(header: [TableCell], alignments: [Alignment], rows: [[TableCell]]) {
    self.header = header
    self.alignments = alignments
    self.rows = rows
  }
}

public struct TableCell: Sendable, Hashable {
  public var content: [Inline]
  public var position: TextPosition

  public init(content: [Inline], position: TextPosition) {
    self.content = content
    self.position = position
  }

  public var plainText: String { content.plainText }
}

/// Inline content with the place it starts at.
public struct Inline: Sendable, Hashable {
  public var kind: Kind
  public var position: TextPosition

  public init(_ kind: Kind, at position: TextPosition) {
    self.kind = kind
    self.position = position
  }

  public indirect enum Kind: Sendable, Hashable {
    case text(String)
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(destination: String, content: [Inline])
    case image(source: String, content: [Inline])
    case softBreak
    case lineBreak
    case html(String)
  }
}

extension Array where Element == Inline {
  /// The text a reader sees: markup dropped, code spans and link texts kept, breaks as spaces.
  public var plainText: String {
    var result = ""
    for inline in self {
      switch inline.kind {
      case .text(let text), .code(let text): result += text
      case .emphasis(let children), .strong(let children): result += children.plainText
      case .link(_, let children), .image(_, let children): result += children.plainText
      case .softBreak, .lineBreak: result += " "
      case .html: break
      }
    }
    return result
  }

  /// The text with code spans in backticks and emphasis kept, for doc comments and
  /// descriptions: CommonMark a reader can still render.
  public var markdownText: String {
    var result = ""
    for inline in self {
      switch inline.kind {
      case .text(let text): result += text
      case .code(let code):
        let fence = code.contains("`") ? "`` " : "`"
        let close = code.contains("`") ? " ``" : "`"
        result += fence + code + close
      case .emphasis(let children): result += "*" + children.markdownText + "*"
      case .strong(let children): result += "**" + children.markdownText + "**"
      case .link(_, let children), .image(_, let children): result += children.markdownText
      case .softBreak, .lineBreak: result += " "
      case .html: break
      }
    }
    return result
  }
}
