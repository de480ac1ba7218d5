import APIModel
import Foundation
import Pipeline
import Testing

/// The whole corpus goes through the generator: no crash, no error, the catalogue's endpoints
/// and none invented.
@Suite(.enabled(if: Corpus.isPresent, Corpus.missing))
struct CorpusGenerationTests {
  @Test func generatesWithoutErrors() throws {
    let result = try Corpus.result()
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "errors:\n\(errors.map(\.description).joined(separator: "\n"))")
    let warnings = result.diagnostics.count { $0.severity == .warning }
    // Recorded in the test output, so that a change in the warnings shows in every run.
    print(
      """
      corpus: \(result.api.endpoints.count) endpoints, \(result.api.types.count) types, \
      \(errors.count) errors, \(warnings) warnings by kind:
      \(Corpus.warningSummary(result.diagnostics))
      """)
    #expect(!result.files.isEmpty)
  }

  /// The target of the extractor: the 318 endpoints the corpus catalogue counts.
  @Test func findsEveryEndpointOfTheCatalogue() throws {
    let endpoints = try Corpus.result().api.endpoints
    #expect(
      endpoints.count == Corpus.expectedEndpoints,
      "the catalogue counts \(Corpus.expectedEndpoints) endpoints")
  }

  @Test func inventsNoEndpointOnPagesThatDefineNone() throws {
    let invented = try Corpus.result().api.endpoints.filter { Corpus.definesNoEndpoint($0.source.file) }
    #expect(
      invented.isEmpty,
      "endpoints read from pages without any:\n\(invented.map { "\($0.source) \($0.path)" }.joined(separator: "\n"))"
    )
  }

  @Test func endpointPathsAreWellFormedAndUnique() throws {
    let endpoints = try Corpus.result().api.endpoints
    let malformed = endpoints.filter {
      !$0.path.hasPrefix("/") || $0.path.hasSuffix("/") || $0.path.contains("//")
        || $0.path.contains(" ")
    }
    #expect(malformed.isEmpty, "\(malformed.map { "\($0.source) \($0.path)" })")
    let duplicates = Dictionary(grouping: endpoints, by: \.path).filter { $0.value.count > 1 }
    #expect(
      duplicates.isEmpty,
      "\(duplicates.keys.sorted().map { "\($0): \(duplicates[$0]!.map(\.source.description))" })")
  }
}
