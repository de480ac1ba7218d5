import Ccmark

/// Stage 1 of apigen: Markdown text → `MarkdownDocument`.
///
/// Front matter and `{{ macros }}` are dealt with before cmark sees the text, content tabs and
/// admonitions are cut out and parsed on their own, and pipe tables are rebuilt from the
/// paragraphs cmark leaves them as. Every position in the result is a true line and column of
/// the page as written.
public struct MarkdownParser: Sendable {
  /// Values for `{{ name }}` macros, such as `extra.api_example_url`.
  public var macros: [String: String]
  /// Blocks nested deeper than this (lists in quotes in lists …) are not descended into;
  /// it bounds the work and the stack for hostile input.
  public var maximumNesting: Int

  public init(macros: [String: String] = [:], maximumNesting: Int = 64) {
    self.macros = macros
    self.maximumNesting = maximumNesting
  }

  public func parse(_ text: String) -> MarkdownDocument {
    parse(bytes: Array(text.utf8))
  }

  public func parse(bytes: [UInt8]) -> MarkdownDocument {
    var source = SourceText(bytes: bytes, macros: macros)
    let frontMatter = FrontMatterReader.read(&source.lines)
    var reader = RegionReader(source: source, maximumNesting: maximumNesting)
    let blocks = reader.blocks(in: Region(lines: source.lines, firstLine: 1), depth: 0)
    return MarkdownDocument(
      frontMatter: frontMatter, blocks: blocks, issues: source.issues + reader.issues)
  }
}

/// Parses one region: directives first, then cmark over what is left, then tables.
struct RegionReader {
  let source: SourceText
  let maximumNesting: Int
  var issues: [MarkdownIssue] = []

  init(source: SourceText, maximumNesting: Int) {
    self.source = source
    self.maximumNesting = maximumNesting
  }

  mutating func blocks(in region: Region, depth: Int) -> [Block] {
    var remaining = region
    var directiveBlocks: [Block] = []
    for directive in Directive.scan(region) {
      for line in directive.headerLine...directive.bodyEnd { remaining.lines[line - 1] = "" }
      let body =
        directive.bodyEnd > directive.headerEnd && depth < maximumNesting
        ? blocks(
          in: region.dedented(directive.headerEnd + 1, directive.bodyEnd, by: 4), depth: depth + 1)
        : []
      let kind: Block.Kind
      switch directive.kind {
      case .tab(let title): kind = .tab(title: title, body: body)
      case .admonition(let type, let title): kind = .admonition(type: type, title: title, body: body)
      }
      directiveBlocks.append(Block(kind, at: position(region, line: directive.headerLine, column: 1)))
    }
    let parsed = cmarkBlocks(remaining, depth: depth)
    return (parsed + directiveBlocks).sorted { $0.position < $1.position }
  }

  /// cmark over a region that holds no directives any more.
  private mutating func cmarkBlocks(_ region: Region, depth: Int) -> [Block] {
    guard region.lines.contains(where: { !$0.isBlank }) else { return [] }
    return Cmark.parse(region.lines.joined(separator: "\n")) { root in
      var converter = BlockConverter(reader: self, region: region)
      let blocks = root.children.flatMap { converter.blocks(of: $0, depth: depth) }
      issues += converter.issues
      return blocks
    }
  }

  func position(_ region: Region, line: Int, column: Int) -> TextPosition {
    let pageLine = region.pageLine(line)
    return TextPosition(
      line: pageLine,
      column: source.originalColumn(
        line: pageLine, column: region.pageColumn(line: line, column: column)))
  }

  /// Re-enters the reader for lines of a paragraph that turned out not to belong to a table.
  mutating func reparse(_ region: Region, depth: Int) -> [Block] {
    cmarkBlocks(region, depth: depth)
  }
}

/// Turns cmark nodes into `Block` and `Inline` values.
struct BlockConverter {
  var reader: RegionReader
  let region: Region
  var issues: [MarkdownIssue] = []

  init(reader: RegionReader, region: Region) {
    self.reader = reader
    self.region = region
  }

  mutating func blocks(of node: CmarkNode, depth: Int) -> [Block] {
    let at = reader.position(region, line: node.startLine, column: node.startColumn)
    if depth >= reader.maximumNesting {
      issues.append(
        MarkdownIssue(
          kind: "nesting-too-deep",
          message: "blocks nested more than \(reader.maximumNesting) levels deep are skipped",
          position: at))
      return []
    }
    switch node.type {
    case CMARK_NODE_HEADING:
      return [Block(.heading(level: node.headingLevel, content: inlines(of: node)), at: at)]
    case CMARK_NODE_PARAGRAPH:
      if let table = PipeTableBuilder.tableBlocks(paragraph: node, converter: &self, depth: depth) {
        return table
      }
      return [Block(.paragraph(inlines(of: node)), at: at)]
    case CMARK_NODE_CODE_BLOCK:
      return [Block(.codeBlock(info: node.fenceInfo, code: node.literal), at: at)]
    case CMARK_NODE_LIST:
      let items = node.children.map { item in
        ListItem(
          blocks: item.children.flatMap { blocks(of: $0, depth: depth + 1) },
          position: reader.position(region, line: item.startLine, column: item.startColumn))
      }
      return [Block(.list(ordered: node.isOrderedList, items: items), at: at)]
    case CMARK_NODE_BLOCK_QUOTE:
      return [Block(.blockQuote(node.children.flatMap { blocks(of: $0, depth: depth + 1) }), at: at)]
    case CMARK_NODE_THEMATIC_BREAK:
      return [Block(.thematicBreak, at: at)]
    case CMARK_NODE_HTML_BLOCK:
      return [Block(.html(node.literal), at: at)]
    default:
      return []
    }
  }

  func inlines(of node: CmarkNode) -> [Inline] {
    InlineConverter(position: { reader.position(region, line: $0, column: $1) }).inlines(of: node)
  }

  mutating func reparse(_ lines: Region, depth: Int) -> [Block] {
    var nested = reader
    nested.issues = []
    let blocks = nested.reparse(lines, depth: depth)
    issues += nested.issues
    return blocks
  }
}

/// Turns cmark inline nodes into `Inline` values, placing them with `position`.
struct InlineConverter {
  let position: (Int, Int) -> TextPosition

  func inlines(of node: CmarkNode) -> [Inline] {
    var result: [Inline] = []
    var lastPosition = position(node.startLine, node.startColumn)
    for child in node.children {
      // Breaks carry no position in cmark; they take that of what precedes them.
      if child.startLine > 0 { lastPosition = position(child.startLine, child.startColumn) }
      let at = lastPosition
      switch child.type {
      case CMARK_NODE_TEXT: result.append(Inline(.text(child.literal), at: at))
      case CMARK_NODE_CODE: result.append(Inline(.code(child.literal), at: at))
      case CMARK_NODE_EMPH: result.append(Inline(.emphasis(inlines(of: child)), at: at))
      case CMARK_NODE_STRONG: result.append(Inline(.strong(inlines(of: child)), at: at))
      case CMARK_NODE_LINK:
        result.append(Inline(.link(destination: child.url, content: inlines(of: child)), at: at))
      case CMARK_NODE_IMAGE:
        result.append(Inline(.image(source: child.url, content: inlines(of: child)), at: at))
      case CMARK_NODE_SOFTBREAK: result.append(Inline(.softBreak, at: at))
      case CMARK_NODE_LINEBREAK: result.append(Inline(.lineBreak, at: at))
      case CMARK_NODE_HTML_INLINE: result.append(Inline(.html(child.literal), at: at))
      default: break
      }
    }
    return result
  }
}
