import Foundation
import APIModel
import DocsMarkdown

/// An action heading of a page with the path it was given.
struct ActionSection {
  var section: Section
  /// The endpoint path the page's wording gives (prefix + action, a full-path heading, or the
  /// path a link list attaches to the heading's anchor).
  var path: String
  /// The action as written, without a `(signature)`.
  var action: String
  /// The resource the action belongs to: the API path line in effect where it stands.
  var resource: APIPathLine
}

/// A resource a page declares: an `API path:` line (or, on a page without one, the parent of
/// the paths its link list and path headings give), and where.
struct APIPathLine: Equatable {
  var path: String
  var position: TextPosition
}

/// A page as the extractor sees it: its section tree (headings, and bold labels where the
/// dialect has them), its resource and its actions.
///
/// An action is a heading that owns endpoint subsections (`parameters`, `examples`,
/// `response`, `errors`). The path comes, in order of precedence, from a full-path heading
/// (`### /data/spreadsheet/parse`), from a link list that maps anchors to paths
/// (`* [/tracker/get_counters](#get_counters)`), or from the API path line (`API path: …`) and
/// any prefix heading (`### /subscription/avangate/`) above the action.
struct PageStructure {
  let page: SourcePage
  let root: Section
  let conventions: DocsConventions
  let dialect: MarkdownDialect
  private var subsectionTitles: Set<String> { conventions.actionSubsections }

  init(page: SourcePage, conventions: DocsConventions, dialect: MarkdownDialect) {
    self.page = page
    self.conventions = conventions
    self.dialect = dialect
    let labels = dialect.boldLabelsAreHeadings ? conventions.actionSubsections : []
    let conventions = conventions
    root = Section.tree(
      of: page.document.blocks, labels: labels,
      definedObject: { block in
        guard case .paragraph(let inlines) = block.kind else { return nil }
        return conventions.definedObject(inlines.plainText)
      })
      .attachingStraySubsections(subsectionTitles: conventions.actionSubsections)
  }

  /// The page's first resource, or nil for a page that declares none.
  func resource() -> APIPathLine? {
    if let declared = apiPathLines().first { return declared }
    let paths = linkListPaths().map(\.value) + fullPathHeadings().map(\.path)
    guard !paths.isEmpty else { return nil }
    return APIPathLine(
      path: Self.commonParent(of: paths),
      position: root.allSections.first { $0.level == 1 }?.position ?? TextPosition(line: 1, column: 1))
  }

  /// The longest parent path that at least half of `paths` start with.
  static func commonParent(of paths: [String]) -> String {
    let parents = paths.flatMap { path -> [String] in
      let segments = path.split(separator: "/").dropLast()
      return (1...max(1, segments.count)).map { "/" + segments.prefix($0).joined(separator: "/") }
    }
    let covering = Set(parents).filter { parent in
      paths.filter { $0.hasPrefix(parent + "/") }.count * 2 >= paths.count
    }
    return covering.max { ($0.count, $1) < ($1.count, $0) } ?? "/"
  }

  /// The page's actions in order, each under the API path line before it: a page may declare
  /// several (`API base path: /tracker/command`, then further down `API path:
  /// /tracker/batch_get_commands` for a section of its own). Actions before any line count
  /// only when a link list or a full-path heading gives their path.
  func actions() -> [ActionSection] {
    guard let first = resource() else { return [] }
    let anchors = linkListPaths()
    let declaresLines = !apiPathLines().isEmpty
    // On a page without API path lines, the actions after its title use the common parent.
    var current: APIPathLine? = declaresLines ? nil : first
    var prefix = current?.path
    var actions: [ActionSection] = []
    for section in root.allSections {
      let lines = apiPathLines(in: section.blocks)
      let title = section.title
      if section.level > 0, title.hasPrefix("/"), !isAction(section) {
        // A path heading without subsections sets the prefix for the actions after it.
        prefix = EndpointPath.normalized(title)
      } else if section.level > 0, isAction(section) {
        // An API path line in the action's own text is its own.
        if let own = lines.last {
          current = own
          prefix = own.path
        }
        let action = Self.actionName(title)
        let path: String
        if title.hasPrefix("/") {
          path = EndpointPath.normalized(action)
        } else if let listed = anchors[slug(title)] {
          path = listed
        } else if let prefix {
          path = prefix + "/" + action
        } else {
          continue
        }
        actions.append(ActionSection(section: section, path: path, action: action, resource: current ?? first))
        continue
      }
      if let line = lines.last {
        current = line
        prefix = line.path
      }
    }
    return actions
  }

  func isAction(_ section: Section) -> Bool {
    section.level >= 2 && !subsectionTitles.contains(section.normalizedTitle)
      && section.children.contains { subsectionTitles.contains($0.normalizedTitle) }
  }

  /// The anchor a link to a heading of this page names.
  private func slug(_ title: String) -> String {
    dialect.anchor(for: title)
  }

  /// `bind` → `bind`; `read(entity_id)` → `read`.
  static func actionName(_ title: String) -> String {
    let name = title.split(separator: "(", maxSplits: 1).first.map(String.init) ?? title
    return name.trimmed()
  }

  /// Every `API path: `/x/y`.` or `API base path: `/x/y`` line of the page, in order.
  func apiPathLines() -> [APIPathLine] {
    root.allSections.flatMap { apiPathLines(in: $0.blocks) }
  }

  private func apiPathLines(in blocks: [Block]) -> [APIPathLine] {
    blocks.compactMap { block in
      guard case .paragraph(let inlines) = block.kind else { return nil }
      let text = inlines.plainText.lowercased()
      guard conventions.apiPathCues.contains(where: text.hasPrefix), let code = inlines.codeSpans.first else { return nil }
      return APIPathLine(path: EndpointPath.normalized(code), position: block.position)
    }
  }

  /// `* [/tracker/counter/read](#read)` items (or `(counter.md#read)`, this page by name):
  /// anchor → path.
  private func linkListPaths() -> [String: String] {
    var paths: [String: String] = [:]
    for section in root.allSections {
      for block in section.blocks {
        guard case .list(_, let items) = block.kind else { continue }
        for item in items {
          guard case .paragraph(let inlines)? = item.blocks.first?.kind, inlines.count == 1,
            case .link(let destination, let content) = inlines[0].kind, let anchor = anchorOnThisPage(destination)
          else { continue }
          let text = content.plainText.trimmed()
          if text.hasPrefix("/") { paths[anchor] = EndpointPath.normalized(text) }
        }
      }
    }
    return paths
  }

  /// The anchor of a link to a heading of this page (`#read`, `this-page.md#read`).
  private func anchorOnThisPage(_ destination: String) -> String? {
    let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[1].isEmpty else { return nil }
    if parts[0].isEmpty { return String(parts[1]) }
    let targets = LinkTarget.candidates(String(parts[0]), from: page.path, dialect: dialect)
    return targets.first == page.path || targets.contains(page.path) ? String(parts[1]) : nil
  }

  private func fullPathHeadings() -> [(path: String, section: Section)] {
    root.allSections.filter { $0.title.hasPrefix("/") && isAction($0) }.map {
      (EndpointPath.normalized(Self.actionName($0.title)), $0)
    }
  }
}

extension Section {
  /// Moves subsection headings that stand at the level of their action (`### list` followed by
  /// `### parameters`, `#### upload` followed by `#### errors`) under the action before them.
  /// Only a heading written like an action name takes them: inside an action, `#### Id type:`
  /// followed by `#### errors` leaves the errors with the action.
  func attachingStraySubsections(subsectionTitles: Set<String>) -> Section {
    var copy = self
    var children: [Section] = []
    for child in self.children.map({ $0.attachingStraySubsections(subsectionTitles: subsectionTitles) }) {
      if subsectionTitles.contains(child.normalizedTitle), var previous = children.last,
        previous.level == child.level, Self.isActionLike(previous.title, subsectionTitles: subsectionTitles)
      {
        // Its own subsections (`#### response` under a stray `### parameters`) belong to the
        // action too.
        var stray = child
        let lifted = stray.children.filter { subsectionTitles.contains($0.normalizedTitle) }
        stray.children.removeAll { subsectionTitles.contains($0.normalizedTitle) }
        previous.children.append(stray)
        previous.children += lifted
        children[children.count - 1] = previous
      } else {
        children.append(child)
      }
    }
    copy.children = children
    return copy
  }

  /// `list`, `tags/set`, `/data/spreadsheet/parse`, `read(entity_id)`.
  static func isActionLike(_ title: String, subsectionTitles: Set<String>) -> Bool {
    let name = PageStructure.actionName(title)
    return !name.isEmpty && !subsectionTitles.contains(name.lowercased())
      && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "/" || $0 == "-" }
  }
}
