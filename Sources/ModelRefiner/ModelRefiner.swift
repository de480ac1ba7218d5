import APIModel

/// Stage 3 of apigen: the extractor's draft → the model the emitters read.
///
/// Everything here works on the model alone: the servers read as templates, paths checked
/// against the URLs the examples call, request examples against the parameters, response
/// examples as evidence of which fields may be absent or null, request-only variants of the
/// objects sent "without" some fields, and the values examples send against their types.
public struct ModelRefiner: Sendable {
  public init() {}

  /// The passes, in the order they run.
  static let passes: [any RefinementPass] = [
    ServerTemplatePass(),
    PathEvidencePass(),
    RequestExampleCheckPass(),
    DuplicateEndpointPass(),
    ResponseEvidencePass(),
    RequestVariantPass(),
    RequestEvidencePass(),
    ExampleValueCheckPass(),
  ]

  /// One line per pass, in order.
  public static var passSummaries: [String] { passes.map(\.summary) }

  public func refine(_ draft: APIDescription) -> (APIDescription, [Diagnostic]) {
    var context = RefinementContext(api: draft)
    for pass in Self.passes { pass.run(&context) }
    var api = context.api
    api.types = context.types.values.sorted { $0.name < $1.name }
    api.resources.sort { $0.path < $1.path }
    api.endpoints.sort { $0.path < $1.path }
    return (api, context.diagnostics)
  }
}

/// What the refinement passes share: the model being refined (its types by name) and the
/// diagnostics.
struct RefinementContext {
  var api: APIDescription
  var types: [String: NamedType]
  var diagnostics: [Diagnostic] = []
  /// The types made for requests only (the variants sent without some fields).
  var requestOnlyTypes: Set<String> = []

  init(api: APIDescription) {
    self.api = api
    types = Dictionary(api.types.map { ($0.name, $0) }) { first, _ in first }
  }

  /// The base URLs an example URL may start with: the one the macros expand to, and the
  /// servers the docs state.
  var baseURLs: [String] { [api.info.baseURL] + api.info.servers.map(\.url) }
}

/// One step of refining the model, run in the order `ModelRefiner.passes` gives.
protocol RefinementPass: Sendable {
  /// What the pass does, in a line (the README lists them).
  var summary: String { get }
  func run(_ context: inout RefinementContext)
}
