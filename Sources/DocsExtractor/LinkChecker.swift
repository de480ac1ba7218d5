import APIModel
import DocsMarkdown

/// Checks that every relative link of the docs points at a page that exists and, when it
/// names an anchor, at a heading of that page (mkdocs' slug rules).
struct LinkChecker {
  private let anchors: [String: Set<String>]

  init(pages: [SourcePage]) {
    var anchors: [String: Set<String>] = [:]
    for page in pages {
      anchors[page.path] = Set(page.document.blocks.headingTexts.map(Self.slug))
    }
    self.anchors = anchors
  }

  func check(_ page: SourcePage) -> [Diagnostic] {
    page.document.blocks.links.compactMap { destination, position in
      problem(destination, from: page.path).map {
        .warning("broken-link", $0, at: page.location(position))
      }
    }
  }

  private func problem(_ destination: String, from page: String) -> String? {
    if destination.contains("://") || destination.hasPrefix("mailto:") || destination.isEmpty {
      return nil
    }
    let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let target = parts[0].isEmpty ? page : Self.resolve(String(parts[0]), from: page)
    let candidates = [target, target + ".md", target + "/index.md", target + "index.md"]
    guard let found = candidates.first(where: { anchors[$0] != nil }) else {
      return "link target '\(destination)' not found in the docs folder"
    }
    if parts.count > 1, !parts[1].isEmpty, anchors[found]?.contains(String(parts[1])) == false {
      return "link target '\(destination)': '\(found)' has no heading with the anchor '#\(parts[1])'"
    }
    return nil
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

  /// Python-Markdown's default slug: lower case, punctuation dropped, spaces to hyphens.
  static func slug(_ heading: String) -> String {
    let kept = heading.lowercased().unicodeScalars.filter {
      $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == " "
    }
    let words = String(String.UnicodeScalarView(kept)).split { $0 == " " || $0 == "-" }
    return words.joined(separator: "-")
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
