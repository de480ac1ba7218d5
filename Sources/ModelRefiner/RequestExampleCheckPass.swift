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

/// The same path documented twice: the first is kept, the second reported.
struct DuplicateEndpointPass: RefinementPass {
  let summary = "duplicates: a path documented twice keeps its first description"

  func run(_ context: inout RefinementContext) {
    var first: [String: SourceLocation] = [:]
    var kept: [Endpoint] = []
    for endpoint in context.api.endpoints {
      if let earlier = first[endpoint.path] {
        context.diagnostics.append(
          .warning(
            "duplicate-endpoint", "'\(endpoint.path)' is documented twice; the first is used", at: endpoint.source,
            notes: [.init("first documented here", at: earlier)]))
      } else {
        first[endpoint.path] = endpoint.source
        kept.append(endpoint)
      }
    }
    context.api.endpoints = kept
  }
}
