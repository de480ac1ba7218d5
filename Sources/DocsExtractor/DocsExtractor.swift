import APIModel
import DocsMarkdown

/// Stage 2 of apigen: parsed pages → the model.
public struct DocsExtractor: Sendable {
  public struct Options: Sendable {
    public var title: String
    public var baseURL: String

    public init(title: String, baseURL: String) {
      self.title = title
      self.baseURL = baseURL
    }
  }

  public var options: Options

  public init(options: Options) {
    self.options = options
  }

  public func extract(_ pages: [SourcePage]) -> (APIDescription, [Diagnostic]) {
    var types = TypeRegistry()
    var resources: [Resource] = []
    var endpoints: [Endpoint] = []
    var diagnostics: [Diagnostic] = []
    let links = LinkChecker(pages: pages)
    for page in pages.sorted(by: { $0.path < $1.path }) {
      diagnostics += page.document.issues.map {
        .warning($0.kind, $0.message, at: page.location($0.position))
      }
      diagnostics += links.check(page)
      var reader = PageReader(page: page, types: types)
      if let (resource, pageEndpoints) = reader.read() {
        resources.append(resource)
        endpoints += pageEndpoints
      }
      types = reader.types
      diagnostics += reader.diagnostics
    }
    let api = APIDescription(
      info: .init(title: options.title, baseURL: options.baseURL),
      resources: resources.sorted { $0.path < $1.path },
      endpoints: endpoints.sorted { $0.path < $1.path },
      types: types.sorted)
    return (api, Array(Set(diagnostics)).sorted())
  }
}
