import APIModel
import DocsMarkdown

/// Stage 2 of apigen: parsed pages → a draft of the model.
///
/// An ordered list of passes over one `ExtractionContext`: first the structure of every page,
/// then what is defined once for all pages (objects, unions, value lists), then the readers of
/// each action. What can be judged from the model alone (paths against examples, examples
/// against types, request variants) is the next stage's, `ModelRefiner`.
public struct DocsExtractor: Sendable {
  public struct Options: Sendable {
    public var title: String
    /// The base URL the examples' `{{ macros }}` expand to (`https://api.navixy.com/v2`).
    public var baseURL: String
    /// The Markdown dialect the pages were parsed as (anchors, folder index pages, labels).
    public var dialect: MarkdownDialect
    /// The phrasing the readers look for.
    public var conventions: DocsConventions

    public init(
      title: String, baseURL: String, dialect: MarkdownDialect = .mkdocs, conventions: DocsConventions = .navixy
    ) {
      self.title = title
      self.baseURL = baseURL
      self.dialect = dialect
      self.conventions = conventions
    }
  }

  public var options: Options

  public init(options: Options) {
    self.options = options
  }

  /// The passes, in the order they run.
  static let passes: [any ExtractionPass] = [
    PageStructurePass(),
    ValueListPass(),
    ObjectSectionPass(),
    UnionSectionPass(),
    ObjectFieldPass(),
    PageIssuePass(),
    EndpointPass(),
    ReferencePass(),
  ]

  /// One line per pass, in order.
  public static var passSummaries: [String] { passes.map(\.summary) }

  /// The draft model of `pages` and what is wrong with them.
  public func extract(_ pages: [SourcePage]) -> (APIDescription, [Diagnostic]) {
    var context = ExtractionContext(options: options, pages: pages)
    for pass in Self.passes { pass.run(&context) }
    let api = APIDescription(
      info: .init(title: options.title, baseURL: options.baseURL, servers: context.reference.servers),
      resources: context.resources, endpoints: context.endpoints, types: context.types.sorted,
      errorCodes: context.reference.errorCodes)
    return (api, context.log.diagnostics)
  }
}
