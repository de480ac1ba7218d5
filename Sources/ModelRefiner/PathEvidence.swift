import APIModel

/// Where a page's wording and its own example URLs disagree about paths, the examples decide
/// when they agree with each other, and the disagreement is reported.
struct PathEvidencePass: RefinementPass {
  let summary = "paths: each page's API path against the URLs its examples call (past the servers the docs state)"

  func run(_ context: inout RefinementContext) {
    let bases = context.baseURLs
    var corrected: [Endpoint] = []
    // A resource's endpoints stand together in the draft, in page order.
    var start = 0
    let endpoints = context.api.endpoints
    let sameResource = { (a: Endpoint, b: Endpoint) in a.source.file == b.source.file && a.resource == b.resource }
    while start < endpoints.count {
      var end = start
      while end < endpoints.count, sameResource(endpoints[start], endpoints[end]) { end += 1 }
      let group = Array(endpoints[start..<end])
      let first = endpoints[start]
      if let resourceIndex = context.api.resources.firstIndex(where: {
        $0.source.file == first.source.file && $0.path == first.resource
      }) {
        let resource = context.api.resources[resourceIndex]
        let (fixed, diagnostics) = Self.corrected(group, resource: resource, bases: bases)
        for (before, after) in zip(group, fixed) where before.path != after.path {
          context.pathsFromExamples.insert(after.source)
        }
        // The examples moved the whole resource: it is where they call.
        if let moved = fixed.first?.resource, moved != resource.path, fixed.allSatisfy({ $0.resource == moved }) {
          context.api.resources[resourceIndex].path = moved
        }
        corrected += fixed
        context.diagnostics += diagnostics
      } else {
        corrected += group
      }
      start = end
    }
    context.api.endpoints = corrected
  }

  /// Endpoint paths corrected by the page's examples, with warnings.
  static func corrected(_ endpoints: [Endpoint], resource: Resource, bases: [String]) -> ([Endpoint], [Diagnostic]) {
    var endpoints = endpoints
    var diagnostics: [Diagnostic] = []
    let called = endpoints.map { endpoint in
      endpoint.examples.map { EndpointPath.called(byExampleURL: $0.url, bases: bases) }
    }
    // The whole page: every example calls `<other prefix>/<action>` instead of the API path.
    // One prefix per endpoint whose examples all call `<prefix>/<action>`.
    let prefixes = zip(endpoints, called).compactMap { endpoint, paths -> String? in
      let other = Set(
        paths.filter { $0.hasSuffix("/" + endpoint.action) && $0 != endpoint.path }.map {
          String($0.dropLast(endpoint.action.count + 1))
        })
      return other.count == 1 && paths.count == other.count + (paths.count - other.count) ? other.first : nil
    }
    let agreeing = zip(endpoints, called).filter { !$1.isEmpty && $1.contains($0.path) }.count
    if prefixes.count >= 2, Set(prefixes).count == 1, agreeing == 0, let prefix = prefixes.first,
      prefix != resource.path
    {
      diagnostics.append(
        .warning(
          "api-path-mismatch",
          "the API path '\(resource.path)' disagrees with every example URL of the page, which call '\(prefix)/…'; using '\(prefix)'",
          at: resource.source))
      for index in endpoints.indices where endpoints[index].path.hasPrefix(resource.path + "/") {
        endpoints[index].path = prefix + endpoints[index].path.dropFirst(resource.path.count)
        endpoints[index].resource = prefix
      }
    }
    for index in endpoints.indices {
      let endpoint = endpoints[index]
      // `API path: /task/route/points/optimize` with `### optimize`: the action is the path.
      let segments = endpoint.resource.split(separator: "/")
      if segments.last.map(String.init) == endpoint.action, endpoint.path == endpoint.resource + "/" + endpoint.action,
        called[index].isEmpty || called[index].contains(endpoint.resource)
      {
        endpoints[index].path = endpoint.resource
        diagnostics.append(
          .warning(
            "api-path-includes-action",
            "the API path '\(endpoint.resource)' already ends with the action '\(endpoint.action)'; the endpoint is '\(endpoint.resource)'",
            at: endpoint.source))
        continue
      }
      // An action heading that is not a path (`### protocols list`): its example says.
      if endpoint.action.contains(" "),
        let path = called[index].first(where: { $0.hasPrefix(endpoint.resource + "/") || $0 == endpoint.resource })
      {
        endpoints[index].path = path
        diagnostics.append(
          .warning(
            "action-not-a-path", "the action '\(endpoint.action)' is not a path; its example calls '\(path)'",
            at: endpoint.source))
      }
    }
    return (endpoints, diagnostics)
  }
}
