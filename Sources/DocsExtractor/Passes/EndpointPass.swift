import APIModel
import DocsMarkdown

/// The resource of each page and its actions, each read into an endpoint: parameters,
/// response, examples, errors.
struct EndpointPass: ExtractionPass {
  let summary = "endpoints: each page's resource and actions (parameters, response, examples, errors)"

  func run(_ context: inout ExtractionContext) {
    for (index, structure) in context.structures.enumerated() {
      let page = structure.page
      let actions = structure.actions()
      if actions.isEmpty, let why = Self.whyNoEndpoint(structure) {
        context.log.warn("page-without-endpoints", why.message, on: page, at: why.position)
      }
      // One resource per API path line that has actions, in the order of the page.
      var lines: [APIPathLine] = []
      for action in actions where !lines.contains(action.resource) { lines.append(action.resource) }
      let title = page.document.frontMatter.title ?? structure.root.allSections.first { $0.level == 1 }?.title
      for line in lines {
        context.resources.append(
          Resource(
            path: line.path, title: title ?? line.path, description: page.document.frontMatter.description ?? "",
            source: page.location(line.position)))
      }
      let scope = context.scope(index)
      context.endpoints += actions.map { action in
        EndpointReader(scope: scope, resourcePath: action.resource.path).read(action)
      }
    }
  }
}

extension EndpointPass {
  /// Why a page that looks like an API page (an API path line, or request examples under
  /// sections named as an action's) defines no endpoint; nil for a page that does not look
  /// like one.
  static func whyNoEndpoint(_ structure: PageStructure) -> (message: String, position: TextPosition)? {
    let sections = structure.conventions.actionSubsections.sorted().joined(separator: ", ")
    if let line = structure.apiPathLines().first {
      return (
        "the page gives the API path '\(line.path)' but defines no endpoint: no heading after it has a sub-section"
          + " named one of \(sections)",
        line.position
      )
    }
    // Request examples alone make a guide, not an API page: it takes a section titled as an
    // action's would be (`Parameters`, `Response`) as well.
    let subsections = structure.conventions.actionSubsections
    guard structure.root.allSections.contains(where: { subsections.contains($0.normalizedTitle) }) else { return nil }
    let examples = structure.root.allBlocks.flatMap(\.requestExampleBlocks)
    guard let first = examples.first else { return nil }
    return (
      "the page has \(examples.count) request example\(examples.count == 1 ? "" : "s") but defines no endpoint: it"
        + " has no `API path:` line, link list of paths or path heading that says which resource they call",
      first
    )
  }
}

extension Block {
  /// Where this block, or a block in it, holds a request example (a `curl` command).
  var requestExampleBlocks: [TextPosition] {
    switch kind {
    case .codeBlock(_, let code): code.trimmed().hasPrefix("curl") ? [position] : []
    case .tab(_, let body), .admonition(_, _, let body), .blockQuote(let body): body.flatMap(\.requestExampleBlocks)
    case .list(_, let items): items.flatMap { $0.blocks.flatMap(\.requestExampleBlocks) }
    default: []
    }
  }
}

/// What the docs say once for the whole API: the global error-code table and the servers.
struct ReferencePass: ExtractionPass {
  let summary = "reference: the global error-code table and the servers the docs state"

  func run(_ context: inout ExtractionContext) {
    context.reference = ReferenceSections(context.structures)
  }
}
