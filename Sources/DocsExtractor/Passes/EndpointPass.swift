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

/// What the docs say once for the whole API: the global error-code table and the servers.
struct ReferencePass: ExtractionPass {
  let summary = "reference: the global error-code table and the servers the docs state"

  func run(_ context: inout ExtractionContext) {
    context.reference = ReferenceSections(context.structures)
  }
}
