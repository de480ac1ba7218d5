import APIModel
import Foundation
import Pipeline
import Testing
import TestSupport

/// The Navixy corpus and what apigen makes of it, generated once for all the corpus tests.
///
/// The corpus lives outside the repository (`../shared/corpus/navixy-2021/docs`); where it is
/// missing the tests are skipped with `Corpus.missing` as the reason, never failed.
enum Corpus {
  static let docs = Paths.corpusDocs

  static let isPresent = docs != nil
  static let missing: Comment =
    "skipped: the corpus ../shared/corpus/navixy-2021/docs is not there"

  /// The endpoint count the corpus catalogue gives: the target of the extractor.
  static let expectedEndpoints = 318

  /// One generation of the whole corpus (about a second), shared by every test; `nil` without
  /// the corpus.
  static let generation: Result<Generator.Result, GeneratorError>? = docs.map { docs in
    Result { () throws(GeneratorError) in try Generator(options: .init(docs: docs)).generate() }
  }

  /// The generation's result; a test that needs it fails here when generation itself threw.
  static func result() throws -> Generator.Result {
    guard let generation else { throw CorpusMissing() }
    return try generation.get()
  }

  /// Pages and folders the catalogue lists as defining no endpoint: guides, the WebSocket API,
  /// the front-end and general pages, and the reference pages that only borrow the look of an
  /// API page (rule types, report plugins, tracking profiles, portlets, form field types).
  static let pagesWithoutEndpoints: [String] = [
    "index.md",
    "backend-api/getting-started.md",
    "backend-api/how-to/",
    "backend-api/websocket/",
    "frontend/",
    "general/",
    "backend-api/resources/tracking/tracker/rules/rule_types.md",
    "backend-api/resources/commons/plugin/report_plugins.md",
    "backend-api/resources/tracking/tracker/settings/tracking_profiles.md",
    "backend-api/resources/tracking/tracker/settings/special/portlets.md",
    "backend-api/resources/field_service/form/field-types.md",
  ]

  static func definesNoEndpoint(_ page: String) -> Bool {
    pagesWithoutEndpoints.contains { $0.hasSuffix("/") ? page.hasPrefix($0) : page == $0 }
  }

  /// `kind count` lines, most frequent first, for test output.
  static func warningSummary(_ diagnostics: [Diagnostic]) -> String {
    var counts: [String: Int] = [:]
    for diagnostic in diagnostics where diagnostic.severity == .warning {
      counts[diagnostic.kind, default: 0] += 1
    }
    return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      .map { "  \($0.key) \($0.value)" }.joined(separator: "\n")
  }
}

struct CorpusMissing: Error, CustomStringConvertible {
  var description: String { "the corpus is not there" }
}

/// Where each endpoint's part of its page begins and ends, to tell whether a warning is about
/// that endpoint: from its heading to the next endpoint heading of the same page.
struct EndpointSections {
  private var ranges: [String: (file: String, lines: Range<Int>)] = [:]

  init(_ endpoints: [Endpoint]) {
    let byPage = Dictionary(grouping: endpoints, by: \.source.file)
    for (file, endpoints) in byPage {
      let sorted = endpoints.sorted { $0.source < $1.source }
      for endpoint in sorted {
        // Endpoints from one heading (a heading listing two paths) share its section.
        let next = sorted.first { $0.source.line > endpoint.source.line }
        ranges[endpoint.path] = (file, endpoint.source.line..<(next?.source.line ?? Int.max))
      }
    }
  }

  /// The warnings located in the section of the endpoint at `path`.
  func warnings(for path: String, in diagnostics: [Diagnostic]) -> [Diagnostic] {
    guard let range = ranges[path] else { return [] }
    return diagnostics.filter { diagnostic in
      guard diagnostic.severity == .warning, let location = diagnostic.location else { return false }
      return location.file == range.file && range.lines.contains(location.line)
    }
  }
}
