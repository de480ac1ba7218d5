import APIModel
import Foundation
import Pipeline
import Testing
import TestSupport

/// A docs corpus of `../shared/corpus` and what apigen makes of it, generated once for all the
/// corpus tests: the mkdocs generation of the Navixy docs (2021) and their GitBook generation
/// (2026, the tracking area and the global pages).
///
/// The corpora live outside the repository; where one is missing its tests are skipped with
/// `missing` as the reason, never failed.
struct Corpus: Sendable, CustomTestStringConvertible {
  /// The folder name under `../shared/corpus`.
  var name: String
  /// The endpoints the corpus defines: the target of the extractor.
  var expectedEndpoints: Int
  /// Pages and folders that define no endpoint (guides, the WebSocket API, general pages,
  /// and the reference pages that only borrow the look of an API page).
  var pagesWithoutEndpoints: [String]
  /// The least share of the examples' JSON leaves that must land in typed members.
  var minimumTypedShare: Double

  var testDescription: String { name }
  var docs: URL? { Paths.corpus(name) }
  var isPresent: Bool { docs != nil }
  var missing: Comment { "skipped: the corpus ../shared/corpus/\(name)/docs is not there" }

  /// The 2021 corpus; 318 endpoints is the count of its catalogue (`CATALOGUE.md`).
  static let navixy2021 = Corpus(
    name: "navixy-2021", expectedEndpoints: 318,
    pagesWithoutEndpoints: [
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
    ], minimumTypedShare: 0.96)

  /// The 2026 corpus: 160 endpoints, the distinct paths its tracking pages' examples call
  /// (less a typo'd `listd` and a static file URL) and the nine actions documented without an
  /// example (`CorpusGenerationTests.coversTheExamplesPaths` checks the first part from the
  /// pages' text).
  static let navixy2026 = Corpus(
    name: "navixy-2026", expectedEndpoints: 160,
    pagesWithoutEndpoints: [
      "authentication.md",
      "getting-started.md",
      "backend-api/README.md",
      "backend-api/errors.md",
      "backend-api/resources/README.md",
      "backend-api/resources/tracking/README.md",
      "backend-api/websocket/",
      "backend-api/resources/tracking/tracker/rules/rule_types.md",
      "backend-api/resources/tracking/tracker/settings/tracking_profiles.md",
      "backend-api/resources/tracking/tracker/settings/special/portlets.md",
    ], minimumTypedShare: 0.985)

  static let all = [navixy2021, navixy2026]
  /// The corpora that are there, for parameterised tests.
  static var present: [Corpus] { all.filter(\.isPresent) }
  static var anyPresent: Bool { !present.isEmpty }
  static let noneMissing: Comment = "skipped: no corpus in ../shared/corpus"

  func definesNoEndpoint(_ page: String) -> Bool {
    pagesWithoutEndpoints.contains { $0.hasSuffix("/") ? page.hasPrefix($0) : page == $0 }
  }

  /// The generation's result; a test that needs it fails here when generation itself threw.
  func result() throws -> Generator.Result {
    try Generations.shared.result(for: self)
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

/// One generation per corpus (about a second each), shared by every test.
final class Generations: Sendable {
  static let shared = Generations()
  private let results: [String: Result<Generator.Result, GeneratorError>]

  private init() {
    var results: [String: Result<Generator.Result, GeneratorError>] = [:]
    for corpus in Corpus.present {
      guard let docs = corpus.docs else { continue }
      results[corpus.name] = Result { () throws(GeneratorError) in try Generator(options: .init(docs: docs)).generate() }
    }
    self.results = results
  }

  func result(for corpus: Corpus) throws -> Generator.Result {
    guard let result = results[corpus.name] else { throw CorpusMissing() }
    return try result.get()
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
