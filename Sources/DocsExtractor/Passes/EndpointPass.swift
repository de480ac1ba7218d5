import APIModel
import DocsMarkdown

/// The resource of each page and its actions, each read into an endpoint: parameters,
/// response, examples, errors.
struct EndpointPass: ExtractionPass {
  let summary = "endpoints: each page's resource and actions (parameters, response, examples, errors)"

  func run(_ context: inout ExtractionContext) {
    for (index, structure) in context.structures.enumerated() {
      let page = structure.page
      guard let (path, position) = structure.resource() else { continue }
      let resource = Resource(
        path: path,
        title: page.document.frontMatter.title ?? structure.root.allSections.first { $0.level == 1 }?.title ?? path,
        description: page.document.frontMatter.description ?? "", source: page.location(position))
      let reader = EndpointReader(scope: context.scope(index), resourcePath: path)
      let endpoints = structure.actions(resourcePath: path, after: position).map(reader.read)
      if !endpoints.isEmpty { context.resources.append(resource) }
      context.endpoints += endpoints
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
