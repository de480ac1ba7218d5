/// Reads the files a page's `{% include "…" %}` tags name: given by the caller, which knows
/// where the docs folder is (the reader itself touches no file).
public struct IncludeResolver: Sendable {
  public enum Resolution: Sendable {
    /// The file's bytes, and its path in the docs folder (what a further include in it is
    /// found from).
    case found(bytes: [UInt8], file: String)
    /// Why it cannot be read: a URL, a file that is not there, a path outside the docs folder.
    case unavailable(String)
  }

  /// The file `written` names, as written in the file `from` (a path in the docs folder).
  public var resolve: @Sendable (_ written: String, _ from: String) -> Resolution

  public init(resolve: @escaping @Sendable (_ written: String, _ from: String) -> Resolution) {
    self.resolve = resolve
  }

  /// How deep includes may nest: far more than any docs need, and no stack to fear.
  public static let maximumDepth = 8
}

/// What a region reader needs to follow an include: the resolver, the parser to read the
/// included file with, and the files that led to this one.
struct IncludeContext {
  let resolver: IncludeResolver
  let parser: MarkdownParser
  /// The files whose includes led here, outermost first; the last is the one being read.
  let chain: [String]

  enum Outcome {
    case success((file: String, document: MarkdownDocument))
    case failure(String)
  }

  func read(_ written: String, depth: Int) -> Outcome {
    guard chain.count <= IncludeResolver.maximumDepth else {
      return .failure("includes nest more than \(IncludeResolver.maximumDepth) levels deep")
    }
    switch resolver.resolve(written, chain.last ?? "") {
    case .unavailable(let reason):
      return .failure(reason)
    case .found(let bytes, let file):
      guard !chain.contains(file) else {
        return .failure("it includes itself (\((chain + [file]).joined(separator: " → ")))")
      }
      let document = parser.parse(bytes: bytes, file: file, including: chain)
      if let refusal = document.refusal { return .failure(refusal.message) }
      return .success((file, document))
    }
  }
}

extension Block {
  /// The block with every position in it (its own, its children's, its inlines') moved to
  /// `position`: blocks of an included file stand at the include.
  func relocated(to position: TextPosition) -> Block {
    Block(kind.relocated(to: position), at: position)
  }
}

extension Block.Kind {
  fileprivate func relocated(to position: TextPosition) -> Block.Kind {
    let blocks = { (blocks: [Block]) in blocks.map { $0.relocated(to: position) } }
    let inlines = { (inlines: [Inline]) in inlines.map { $0.relocated(to: position) } }
    switch self {
    case .heading(let level, let content): return .heading(level: level, content: inlines(content))
    case .paragraph(let content): return .paragraph(inlines(content))
    case .codeBlock, .thematicBreak, .html: return self
    case .list(let ordered, let items):
      return .list(ordered: ordered, items: items.map { ListItem(blocks: blocks($0.blocks), position: position) })
    case .blockQuote(let body): return .blockQuote(blocks(body))
    case .table(var table):
      let cells = { (row: [TableCell]) in row.map { TableCell(content: inlines($0.content), position: position) } }
      table.header = cells(table.header)
      table.rows = table.rows.map(cells)
      return .table(table)
    case .tab(let title, let body): return .tab(title: title, body: blocks(body))
    case .admonition(let type, let title, let body): return .admonition(type: type, title: title, body: blocks(body))
    }
  }
}

extension Inline {
  fileprivate func relocated(to position: TextPosition) -> Inline {
    let children = { (inlines: [Inline]) in inlines.map { $0.relocated(to: position) } }
    switch kind {
    case .emphasis(let content): return Inline(.emphasis(children(content)), at: position)
    case .strong(let content): return Inline(.strong(children(content)), at: position)
    case .link(let destination, let content): return Inline(.link(destination: destination, content: children(content)), at: position)
    case .image(let source, let content): return Inline(.image(source: source, content: children(content)), at: position)
    default: return Inline(kind, at: position)
    }
  }
}
