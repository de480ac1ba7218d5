import APIModel

/// Stage 3 of apigen: the extractor's draft → the model the emitters read.
///
/// Everything here works on the model alone: the servers read as templates, paths checked
/// against the URLs the examples call, request examples against the parameters, response
/// examples as evidence of which fields may be absent or null, request-only variants of the
/// objects sent "without" some fields, and the values examples send against their types.
public struct ModelRefiner: Sendable {
  /// What `apigen-overrides.json` settles, applied after everything else.
  public var overrides: Overrides?

  public init(overrides: Overrides? = nil) {
    self.overrides = overrides
  }

  /// The passes, in the order they run.
  static let passes: [any RefinementPass] = [
    ServerTemplatePass(),
    PathEvidencePass(),
    NestedParameterPass(),
    RequestExampleCheckPass(),
    DuplicateEndpointPass(),
    ExampleParameterPass(),
    ExampleTypePass(),
    ExampleConflictPass(),
    OverridePass(),
    ResponseEvidencePass(),
    RequestVariantPass(),
    RequestEvidencePass(),
    ExampleValueCheckPass(),
    OverridePass(reasserting: true),
  ]

  /// One line per pass, in order.
  public static var passSummaries: [String] { passes.map(\.summary) }

  public func refine(_ draft: APIDescription) -> (APIDescription, [Diagnostic]) {
    var context = RefinementContext(api: draft)
    context.overrides = overrides
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
  /// The user's overrides, when there are any.
  var overrides: Overrides?
  /// The endpoints (by heading) whose path the examples gave, against their page's wording.
  var pathsFromExamples: Set<SourceLocation> = []

  init(api: APIDescription) {
    self.api = api
    types = Dictionary(api.types.map { ($0.name, $0) }) { first, _ in first }
  }

  /// The base URLs an example URL may start with: the one the macros expand to, the servers
  /// the docs state, and those the examples themselves show.
  private(set) lazy var baseURLs: [String] =
    [api.info.baseURL] + api.info.servers.map(\.url) + ExampleBases.inferred(from: api.endpoints)
}

/// Base URLs the examples show where the docs state none: what stands before the endpoint's
/// own path in the URLs of examples that call exactly it (`https://api.example.org/v1` for
/// `…/v1/fee/read` under `/fee/read`). A base counts when the examples of two endpoints
/// agree on it (or only one endpoint has examples), so that one example that happens to end
/// with its path cannot make a base of a resource.
enum ExampleBases {
  static func inferred(from endpoints: [Endpoint]) -> [String] {
    var endpointsByBase: [String: Set<String>] = [:]
    for endpoint in endpoints {
      for example in endpoint.examples {
        let url = example.url.hasSuffix("/") ? String(example.url.dropLast()) : example.url
        guard url.hasSuffix(endpoint.path), url.contains("://") else { continue }
        let base = String(url.dropLast(endpoint.path.count))
        guard base.range(of: "://")?.upperBound != base.endIndex else { continue }
        endpointsByBase[base, default: []].insert(endpoint.path)
      }
    }
    let needed = min(2, endpoints.count { !$0.examples.isEmpty })
    return endpointsByBase.filter { $0.value.count >= needed }.keys.sorted()
  }
}

/// One step of refining the model, run in the order `ModelRefiner.passes` gives.
protocol RefinementPass: Sendable {
  /// What the pass does, in a line (the README lists them).
  var summary: String { get }
  func run(_ context: inout RefinementContext)
}
