import Ccmark

/// Stage 1 of apigen: Markdown text → `MarkdownDocument`.
///
/// Front matter and `{{ macros }}` are dealt with before cmark sees the text, content tabs and
/// admonitions are cut out and parsed on their own, and pipe tables are rebuilt from the
/// paragraphs cmark leaves them as. Every position in the result is a true line and column of
/// the page as written.
public struct MarkdownParser: Sendable {
  /// The Markdown dialect the pages are written in.
  public var dialect: MarkdownDialect
  /// Values for `{{ name }}` macros, such as `extra.api_example_url` (dialects that have them).
  public var macros: [String: String]
  /// Bounds on the work one page may cause (see `ParseLimits`).
  public var limits: ParseLimits
  /// Reads the files `{% include %}` names; without it, an include is reported and left out.
  public var includes: IncludeResolver?

  /// Blocks nested deeper than this (lists in quotes in lists …) are not descended into;
  /// it bounds the work and the stack for hostile input.
  public var maximumNesting: Int {
    get { limits.maximumNesting }
    set { limits.maximumNesting = newValue }
  }

  public init(
    dialect: MarkdownDialect = .mkdocs, macros: [String: String] = [:], maximumNesting: Int = 64,
    includes: IncludeResolver? = nil
  ) {
    self.init(dialect: dialect, macros: macros, limits: ParseLimits(maximumNesting: maximumNesting), includes: includes)
  }

  public init(
    dialect: MarkdownDialect = .mkdocs, macros: [String: String] = [:], limits: ParseLimits,
    includes: IncludeResolver? = nil
  ) {
    self.dialect = dialect
    self.macros = macros
    self.limits = limits
    self.includes = includes
  }

  public func parse(_ text: String) -> MarkdownDocument {
    parse(bytes: Array(text.utf8))
  }

  /// Parses a page; a page over the limits comes back empty, with the reason as its `refusal`.
  /// - Parameter path: the page's path in the docs folder, which includes are found from.
  public func parse(bytes: [UInt8], path: String = "") -> MarkdownDocument {
    parse(bytes: bytes, file: path, including: [])
  }

  /// - Parameter including: the files whose includes led here, outermost first (a file met
  ///   again is a cycle).
  func parse(bytes: [UInt8], file: String, including: [String]) -> MarkdownDocument {
    if let refusal = limits.violation(in: bytes) { return .refused(refusal) }
    var source = SourceText(
      bytes: bytes, macros: dialect.expandsMacros ? macros : nil, maximumBytes: limits.maximumPageBytes)
    if let expandedBytes = source.overflowingBytes {
      return .refused(
        MarkdownIssue(
          kind: "page-too-large",
          message: "the page has more than \(expandedBytes) bytes once its macros are expanded,"
            + " more than the limit of \(limits.maximumPageBytes); it is not read",
          position: TextPosition(line: 1, column: 1)))
    }
    let frontMatter = FrontMatterReader.read(&source.lines)
    var reader = RegionReader(
      source: source, limits: limits, dialect: dialect,
      includes: includes.map { IncludeContext(resolver: $0, parser: self, chain: including + [file]) })
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

/// Parses one region: the dialect's directives first, then cmark over what is left, then
/// tables.
struct RegionReader {
  let source: SourceText
  let limits: ParseLimits
  let dialect: MarkdownDialect
  /// How to read `{% include %}`, when the parser was given a resolver.
  let includes: IncludeContext?
  var issues: [MarkdownIssue] = []

  var maximumNesting: Int { limits.maximumNesting }

  init(source: SourceText, limits: ParseLimits, dialect: MarkdownDialect = .mkdocs, includes: IncludeContext? = nil) {
    self.source = source
    self.limits = limits
    self.dialect = dialect
    self.includes = includes
  }

  mutating func blocks(in region: Region, depth: Int) -> [Block] {
    var remaining = region
    var directiveBlocks: [Block] = []
    for directive in directives(in: region) {
      for line in directive.first...directive.last { remaining.lines[line] = "" }
      let at = position(region, line: directive.first + 1, column: 1)
      if let issue = directive.issue { issues.append(MarkdownIssue(kind: issue.kind, message: issue.message, position: at)) }
      if directive.body != nil && depth >= maximumNesting { issues.append(.nestingTooDeep(maximumNesting, at: at)) }
      let body =
        directive.body.map { lines in
          depth < maximumNesting
            ? blocks(in: region.dedented(lines.lowerBound + 1, lines.upperBound + 1, by: directive.dedent), depth: depth + 1)
            : []
        } ?? []
      switch directive.kind {
      case .tab(let title): directiveBlocks.append(Block(.tab(title: title, body: body), at: at))
      case .admonition(let type, let title):
        directiveBlocks.append(Block(.admonition(type: type, title: title, body: body), at: at))
      case .transparent: directiveBlocks += body
      case .include(let path): directiveBlocks += included(path, at: at, depth: depth)
      case .dropped: continue
      }
    }
    let parsed = cmarkBlocks(remaining, depth: depth)
    return (parsed + directiveBlocks).sorted { $0.position < $1.position }
  }

  /// The dialect's directives that start at the left of `region`'s lines, outside fenced code.
  private func directives(in region: Region) -> [DirectiveMatch] {
    guard !dialect.blockSyntaxes.isEmpty else { return [] }
    var found: [DirectiveMatch] = []
    var fence = FenceTracker()
    var index = 0
    while index < region.lines.count {
      if fence.consume(region.lines[index]) {
        index += 1
        continue
      }
      if let directive = dialect.blockSyntaxes.lazy.compactMap({ $0.directive(at: index, in: region.lines) }).first {
        found.append(directive)
        index = directive.last + 1
      } else {
        index += 1
      }
    }
    return found
  }

  /// The blocks of the file `path` names, placed where the include stands.
  private mutating func included(_ path: String, at position: TextPosition, depth: Int) -> [Block] {
    let notRead = { (reason: String) in
      MarkdownIssue(kind: "include-not-read", message: "'\(path)' is not included: \(reason)", position: position)
    }
    guard let includes else {
      issues.append(notRead("includes are not read here"))
      return []
    }
    switch includes.read(path, depth: depth) {
    case .failure(let reason):
      issues.append(notRead(reason))
      return []
    case .success((let file, let document)):
      // The included file's own problems are the page's, at the include.
      issues += document.issues.map {
        MarkdownIssue(kind: $0.kind, message: "in '\(file)' (line \($0.position.line)): \($0.message)", position: position)
      }
      return document.blocks.map { $0.relocated(to: position) }
    }
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
    InlineHTML.folded(inlines(of: node, depth: 0))
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
