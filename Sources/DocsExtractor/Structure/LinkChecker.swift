import APIModel
import DocsMarkdown

/// Checks that every relative link of the docs points at a page that exists and, when it
/// names an anchor, at a heading of that page (by the dialect's anchor rule).
struct LinkChecker {
  private let anchors: [String: Set<String>]
  private let dialect: MarkdownDialect

  init(pages: [SourcePage], dialect: MarkdownDialect) {
    var anchors: [String: Set<String>] = [:]
    for page in pages {
      anchors[page.path] = Set(page.document.blocks.headingTexts.map(dialect.anchor(for:)))
    }
    self.anchors = anchors
    self.dialect = dialect
  }

  func check(_ page: SourcePage) -> [Diagnostic] {
    page.document.blocks.links.compactMap { destination, position in
      problem(destination, from: page.path).map {
        .warning("broken-link", $0.message, at: page.location(position), fixIt: $0.fixIt)
      }
    }
  }

  private func problem(_ destination: String, from page: String) -> (message: String, fixIt: String?)? {
    if destination.contains("://") || destination.hasPrefix("mailto:") || destination.isEmpty {
      return nil
    }
    let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let candidates = parts[0].isEmpty ? [page] : LinkTarget.candidates(String(parts[0]), from: page, dialect: dialect)
    guard let found = candidates.first(where: { anchors[$0] != nil }) else {
      return ("link target '\(destination)' not found in the docs folder", nil)
    }
    guard parts.count > 1, !parts[1].isEmpty, let pageAnchors = anchors[found], !pageAnchors.contains(String(parts[1]))
    else { return nil }
    // An anchor that differs only in case is what the author meant; say so.
    let meant = pageAnchors.first { $0.lowercased() == parts[1].lowercased() }
    return (
      "link target '\(destination)': '\(found)' has no heading with the anchor '#\(parts[1])'",
      meant.map { String(parts[0]) + "#" + $0 }
    )
  }
}

/// Where a relative link leads.
enum LinkTarget {
  /// The pages a link target may be, most likely first: the file as written, with `.md`, and
  /// a folder's index pages (`dir/`, `../`, `.`) by the dialect's rule.
  static func candidates(_ relative: String, from page: String, dialect: MarkdownDialect) -> [String] {
    let target = resolve(relative, from: page)
    let folder = target.isEmpty ? "" : target + "/"
    let indexPages = dialect.folderIndexPages.map { folder + $0 }
    if relative.hasSuffix("/") || relative == "." || relative == ".." || relative.hasSuffix("/..")
      || relative.hasSuffix("/.")
    {
      return indexPages
    }
    return [target, target + ".md"] + indexPages
  }

  /// `../../x.md` seen from `a/b/c/page.md` → `a/x.md`.
  static func resolve(_ relative: String, from page: String) -> String {
    var components = page.split(separator: "/").dropLast().map(String.init)
    if relative.hasPrefix("/") { components = [] }
    for component in relative.split(separator: "/") {
      switch component {
      case ".": continue
      case "..": if !components.isEmpty { components.removeLast() }
      default: components.append(String(component))
      }
    }
    return components.joined(separator: "/")
  }
}

extension Array where Element == Block {
  var headingTexts: [String] {
    flatMap { block -> [String] in
      switch block.kind {
      case .heading(_, let content): [content.plainText.trimmed()]
      case .tab(_, let body), .admonition(_, _, let body), .blockQuote(let body): body.headingTexts
      case .list(_, let items): items.flatMap(\.blocks.headingTexts)
      default: []
      }
    }
  }

  /// Every link destination in these blocks, with its position.
  var links: [(String, TextPosition)] {
    flatMap { block -> [(String, TextPosition)] in
      switch block.kind {
      case .heading(_, let content), .paragraph(let content): content.links
      case .tab(_, let body), .admonition(_, _, let body), .blockQuote(let body): body.links
      case .list(_, let items): items.flatMap(\.blocks.links)
      case .table(let table): (table.header + table.rows.flatMap { $0 }).flatMap(\.content.links)
      case .codeBlock, .thematicBreak, .html: []
      }
    }
  }
}

extension Array where Element == Inline {
  var links: [(String, TextPosition)] {
    flatMap { inline -> [(String, TextPosition)] in
      switch inline.kind {
      case .link(let destination, let content): [(destination, inline.position)] + content.links
      case .emphasis(let content), .strong(let content), .image(_, let content): content.links
      default: []
      }
    }
  }

  var codeSpans: [String] {
    flatMap { inline -> [String] in
      switch inline.kind {
      case .code(let code): [code]
      case .emphasis(let content), .strong(let content), .link(_, let content): content.codeSpans
      default: []
      }
    }
  }
}
