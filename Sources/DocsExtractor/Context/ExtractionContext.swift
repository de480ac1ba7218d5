import APIModel
import DocsMarkdown

/// What the extractor's passes share, each pass reading what the ones before it found and
/// adding its own: the pages and their structure, the types, the diagnostics, and the draft
/// of the model.
struct ExtractionContext {
  let options: DocsExtractor.Options
  /// The pages, sorted by path.
  let pages: [SourcePage]
  let types = TypeRegistry()
  let log = DiagnosticLog()

  /// Per page (in `pages`' order): its sections, resource and actions.
  var structures: [PageStructure] = []
  /// Per page: the value lists it gives under a label, with every page's as the fallback.
  var valueLists: [ValueListIndex] = []
  /// Where each object section is, by page and anchor and by the word the prose uses.
  var objects = ObjectIndex()
  /// Object sections and unions, with the page they are on, their fields still to read.
  var objectSections: [(page: Int, section: ObjectSection)] = []
  var unionSections: [(page: Int, union: UnionSection, variantNames: [String])] = []
  /// What the docs say once for the whole API (errors, servers).
  var reference = ReferenceSections()
  /// The draft of the model: resources and endpoints in page order.
  var resources: [Resource] = []
  var endpoints: [Endpoint] = []

  init(options: DocsExtractor.Options, pages: [SourcePage]) {
    self.options = options
    self.pages = pages.sorted { $0.path < $1.path }
  }

  var conventions: DocsConventions { options.conventions }
  var dialect: MarkdownDialect { options.dialect }

  /// What the readers of page `index` work with.
  func scope(_ index: Int) -> PageScope {
    PageScope(
      page: pages[index], conventions: conventions, dialect: dialect, types: types, log: log, objects: objects,
      valueLists: valueLists.indices.contains(index) ? valueLists[index] : ValueListIndex())
  }
}

/// One step of reading the docs, run in the order `DocsExtractor.passes` gives.
protocol ExtractionPass: Sendable {
  /// What the pass does, in a line (the README lists them).
  var summary: String { get }
  func run(_ context: inout ExtractionContext)
}
