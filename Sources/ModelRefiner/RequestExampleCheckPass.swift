import APIModel

/// Each request example against its endpoint: the path it calls, a body that is JSON, the
/// parameters it sends that the endpoint does not list, the required ones it leaves out.
struct RequestExampleCheckPass: RefinementPass {
  let summary = "request examples: the path each calls, and the parameters it sends or leaves out"

  func run(_ context: inout RefinementContext) {
    let bases = context.baseURLs
    for endpoint in context.api.endpoints {
      context.diagnostics += Self.check(endpoint, bases: bases)
    }
  }

  static func check(_ endpoint: Endpoint, bases: [String]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let documented = Set(endpoint.parameters.map(\.name))
    for example in endpoint.examples {
      let location = example.sample.source
      if EndpointPath.called(byExampleURL: example.url, bases: bases) != endpoint.path {
        diagnostics.append(
          .warning(
            "example-path-mismatch", "\(example.title) example calls '\(example.url)', not '\(endpoint.path)'",
            at: location))
      }
      guard example.body != nil else { continue }
      guard let object = example.arguments?.object else {
        diagnostics.append(
          .warning("example-body-invalid", "\(example.title) example body is not a JSON object", at: location))
        continue
      }
      let sent = Set(object.keys).subtracting(["hash"])
      for name in sent.subtracting(documented).sorted() {
        diagnostics.append(
          .warning(
            "example-param-not-documented",
            "\(example.title) example sends '\(name)', which the parameters of '\(endpoint.path)' do not list",
            at: location))
      }
      for parameter in endpoint.parameters where parameter.required && !sent.contains(parameter.name) {
        diagnostics.append(
          .warning(
            "example-param-missing", "\(example.title) example omits the required parameter '\(parameter.name)'",
            at: location))
      }
    }
    return diagnostics
  }
}

/// The same path documented twice: one description is kept, the other reported. The one a
/// page's own wording gives the path wins over one whose path only its examples gave (a page
/// that says `API path: /asset/track` but calls `/track/list` is a variant of `/track/list`,
/// not its description); otherwise the first, in page order.
struct DuplicateEndpointPass: RefinementPass {
  let summary = "duplicates: a path documented twice keeps the description whose page states the path (else the first)"

  func run(_ context: inout RefinementContext) {
    let fromExamples = context.pathsFromExamples
    var kept: [String: Endpoint] = [:]
    var order: [String] = []
    for endpoint in context.api.endpoints {
      guard let other = kept[endpoint.path] else {
        kept[endpoint.path] = endpoint
        order.append(endpoint.path)
        continue
      }
      let replaces = fromExamples.contains(other.source) && !fromExamples.contains(endpoint.source)
      let (used, dropped) = replaces ? (endpoint, other) : (other, endpoint)
      kept[endpoint.path] = used
      context.diagnostics.append(
        .warning(
          "duplicate-endpoint",
          "'\(endpoint.path)' is documented twice; "
            + (replaces ? "the one whose page states the path is used" : "the first is used"),
          at: dropped.source, notes: [.init("the one used is documented here", at: used.source)]))
    }
    context.api.endpoints = order.compactMap { kept[$0] }
    // A resource none of whose endpoints is kept is gone with them.
    let used = Set(context.api.endpoints.map { $0.source.file + " " + $0.resource })
    context.api.resources.removeAll { !used.contains($0.source.file + " " + $0.path) }
  }
}
