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
  /// Bounds on the work one page may cause (see `ParseLimits`).
  public var limits: ParseLimits

  /// Blocks nested deeper than this (lists in quotes in lists …) are not descended into;
  /// it bounds the work and the stack for hostile input.
  public var maximumNesting: Int {
    get { limits.maximumNesting }
    set { limits.maximumNesting = newValue }
  }

  public init(macros: [String: String] = [:], maximumNesting: Int = 64) {
    self.init(macros: macros, limits: ParseLimits(maximumNesting: maximumNesting))
  }

  public init(macros: [String: String] = [:], limits: ParseLimits) {
    self.macros = macros
    self.limits = limits
  }

  public func parse(_ text: String) -> MarkdownDocument {
    parse(bytes: Array(text.utf8))
  }

  /// Parses a page; a page over the limits comes back empty, with the reason as its `refusal`.
  public func parse(bytes: [UInt8]) -> MarkdownDocument {
    if let refusal = limits.violation(in: bytes) { return .refused(refusal) }
    var source = SourceText(bytes: bytes, macros: macros, maximumBytes: limits.maximumPageBytes)
    if let expandedBytes = source.overflowingBytes {
      return .refused(
        MarkdownIssue(
          kind: "page-too-large",
          message: "the page has more than \(expandedBytes) bytes once its macros are expanded,"
            + " more than the limit of \(limits.maximumPageBytes); it is not read",
          position: TextPosition(line: 1, column: 1)))
    }
    let frontMatter = FrontMatterReader.read(&source.lines)
    var reader = RegionReader(source: source, limits: limits)
    let blocks = reader.blocks(in: Region(lines: source.lines, firstLine: 1), depth: 0)
    return MarkdownDocument(
      frontMatter: frontMatter, blocks: blocks,
      issues: IssueLimiter.capped(source.issues + reader.issues, perKind: limits.maximumIssuesPerKind))
  }
}

/// Keeps a page's report readable: the first issues of each kind, then one that counts the
/// rest. `nesting-too-deep` is reported once per page, since one deep structure would
/// otherwise report each of its deepest children.
enum IssueLimiter {
  static func capped(_ issues: [MarkdownIssue], perKind limit: Int) -> [MarkdownIssue] {
    var kept: [MarkdownIssue] = []
    var counts: [String: Int] = [:]
    var firstLeftOut: [String: MarkdownIssue] = [:]
    for issue in issues {
      let count = counts[issue.kind, default: 0]
      counts[issue.kind] = count + 1
      let kindLimit = issue.kind == "nesting-too-deep" ? 1 : limit
      if count < kindLimit {
        kept.append(issue)
      } else if firstLeftOut[issue.kind] == nil {
        firstLeftOut[issue.kind] = issue
      }
    }
    for (kind, first) in firstLeftOut.sorted(by: { $0.key < $1.key }) where kind != "nesting-too-deep" {
      let leftOut = counts[kind, default: 0] - limit
      kept.append(
        MarkdownIssue(
          kind: kind,
          message: "\(leftOut) more problem\(leftOut == 1 ? "" : "s") of this kind on the page, from here on, not listed",
          position: first.position))
    }
    return kept
  }
}

/// Parses one region: directives first, then cmark over what is left, then tables.
struct RegionReader {
  let source: SourceText
  let limits: ParseLimits
  var issues: [MarkdownIssue] = []

  var maximumNesting: Int { limits.maximumNesting }

  init(source: SourceText, limits: ParseLimits) {
    self.source = source
    self.limits = limits
  }

  mutating func blocks(in region: Region, depth: Int) -> [Block] {
    var remaining = region
    var directiveBlocks: [Block] = []
    for directive in Directive.scan(region) {
      for line in directive.headerLine...directive.bodyEnd { remaining.lines[line - 1] = "" }
      let hasBody = directive.bodyEnd > directive.headerEnd
      let at = position(region, line: directive.headerLine, column: 1)
      if hasBody && depth >= maximumNesting { issues.append(.nestingTooDeep(maximumNesting, at: at)) }
      let body =
        hasBody && depth < maximumNesting
        ? blocks(
          in: region.dedented(directive.headerEnd + 1, directive.bodyEnd, by: 4), depth: depth + 1)
        : []
      let kind: Block.Kind
      switch directive.kind {
      case .tab(let title): kind = .tab(title: title, body: body)
      case .admonition(let type, let title): kind = .admonition(type: type, title: title, body: body)
      }
      directiveBlocks.append(Block(kind, at: at))
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
      issues.append(.nestingTooDeep(reader.maximumNesting, at: at))
      return []
    }
    switch node.type {
    case CMARK_NODE_HEADING:
      let content = inlines(of: node)
      return [Block(.heading(level: node.headingLevel, content: content), at: at)]
    case CMARK_NODE_PARAGRAPH:
      if let table = PipeTableBuilder.tableBlocks(paragraph: node, converter: &self, depth: depth) {
        return table
      }
      let content = inlines(of: node)
      return [Block(.paragraph(content), at: at)]
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

  mutating func inlines(of node: CmarkNode) -> [Inline] {
    let reader = reader
    let region = region
    var converter = InlineConverter(maximumDepth: reader.limits.maximumInlineNesting) {
      reader.position(region, line: $0, column: $1)
    }
    let inlines = converter.inlines(of: node)
    issues += converter.issues
    return inlines
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
  /// Emphasis, links and images nested deeper than this become their plain text.
  let maximumDepth: Int
  let position: (Int, Int) -> TextPosition
  private(set) var issues: [MarkdownIssue] = []

  init(maximumDepth: Int, position: @escaping (Int, Int) -> TextPosition) {
    self.maximumDepth = maximumDepth
    self.position = position
  }

  mutating func inlines(of node: CmarkNode) -> [Inline] {
    inlines(of: node, depth: 0)
  }

  private mutating func inlines(of node: CmarkNode, depth: Int) -> [Inline] {
    var result: [Inline] = []
    var lastPosition = position(node.startLine, node.startColumn)
    for child in node.children {
      // Breaks carry no position in cmark; they take that of what precedes them.
      if child.startLine > 0 { lastPosition = position(child.startLine, child.startColumn) }
      let at = lastPosition
      let isContainer = [CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE]
        .contains(child.type)
      if isContainer && depth >= maximumDepth {
        issues.append(
          MarkdownIssue(
            kind: "nesting-too-deep",
            message: "inlines nested more than \(maximumDepth) levels deep are kept as plain text",
            position: at))
        result.append(Inline(.text(child.descendantText), at: at))
        continue
      }
      switch child.type {
      case CMARK_NODE_TEXT: result.append(Inline(.text(child.literal), at: at))
      case CMARK_NODE_CODE: result.append(Inline(.code(child.literal), at: at))
      case CMARK_NODE_EMPH: result.append(Inline(.emphasis(inlines(of: child, depth: depth + 1)), at: at))
      case CMARK_NODE_STRONG: result.append(Inline(.strong(inlines(of: child, depth: depth + 1)), at: at))
      case CMARK_NODE_LINK:
        let content = inlines(of: child, depth: depth + 1)
        result.append(Inline(.link(destination: child.url, content: content), at: at))
      case CMARK_NODE_IMAGE:
        let content = inlines(of: child, depth: depth + 1)
        result.append(Inline(.image(source: child.url, content: content), at: at))
      case CMARK_NODE_SOFTBREAK: result.append(Inline(.softBreak, at: at))
      case CMARK_NODE_LINEBREAK: result.append(Inline(.lineBreak, at: at))
      case CMARK_NODE_HTML_INLINE: result.append(Inline(.html(child.literal), at: at))
      default: break
      }
    }
    return result
  }
}

extension MarkdownIssue {
  static func nestingTooDeep(_ limit: Int, at position: TextPosition) -> MarkdownIssue {
    MarkdownIssue(
      kind: "nesting-too-deep", message: "blocks nested more than \(limit) levels deep are skipped",
      position: position)
  }
}

extension MarkdownDocument {
  /// An empty document for a page that is not read, with the reason.
  public static func refused(_ refusal: MarkdownIssue) -> MarkdownDocument {
    MarkdownDocument(frontMatter: FrontMatter(), blocks: [], issues: [refusal], refusal: refusal)
  }
}
