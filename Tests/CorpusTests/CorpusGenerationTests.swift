import APIModel
import Foundation
import Pipeline
import Testing

/// Each corpus goes through the generator: no crash, no error, its endpoints with the paths
/// its examples call, and none invented.
@Suite(.enabled(if: Corpus.anyPresent, Corpus.noneMissing))
struct CorpusGenerationTests {
  @Test(arguments: Corpus.present)
  func generatesWithoutErrors(_ corpus: Corpus) throws {
    let result = try corpus.result()
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "errors:\n\(errors.map(\.description).joined(separator: "\n"))")
    let warnings = result.diagnostics.count { $0.severity == .warning }
    // Recorded in the test output, so that a change in the warnings shows in every run.
    print(
      """
      \(corpus.name) (\(result.dialect)): \(result.api.endpoints.count) endpoints, \
      \(result.api.types.count) types, \(errors.count) errors, \(warnings) warnings by kind:
      \(Corpus.warningSummary(result.diagnostics))
      """)
    #expect(!result.files.isEmpty)
  }

  /// The examples' JSON lands in typed members: at least 96 % of the 2021 corpus's leaves and
  /// 98.5 % of the 2026 one's (96.2 % and 98.7 % when the rules for maps, example structures,
  /// object definitions and kinds were written), so that a rule that loses types fails here.
  /// What is left is listed by `apigen stats --places`.
  @Test(arguments: Corpus.present)
  func examplesLandInTypedMembers(_ corpus: Corpus) throws {
    let result = try corpus.result()
    let coverage = Statistics(api: result.api, diagnostics: [], pages: []).coverage
    print(
      "\(corpus.name): \(coverage.typed + coverage.mistyped) of \(coverage.total) example values land in typed members, "
        + "\(coverage.mistyped) of them contradicting the member's type")
    #expect(coverage.share >= corpus.minimumTypedShare, "typed share \(coverage.share)")
  }

  @Test(arguments: Corpus.present)
  func readsTheRightDialect(_ corpus: Corpus) throws {
    let expected = corpus.name == Corpus.navixy2026.name ? "gitbook" : "mkdocs"
    #expect(try corpus.result().dialect.dialect.name == expected)
  }

  @Test(arguments: Corpus.present)
  func findsEveryEndpoint(_ corpus: Corpus) throws {
    let endpoints = try corpus.result().api.endpoints
    #expect(endpoints.count == corpus.expectedEndpoints, "\(corpus.name) defines \(corpus.expectedEndpoints) endpoints")
  }

  /// The paths the request examples call, read straight from the pages' text (a `curl` line's
  /// URL, or a line that is only a URL), are endpoints of the model: at least 99 % of them on
  /// the GitBook corpus. The others are the docs' typos (an HTTP GET example that calls
  /// `…/listd` under `### list`), each with an `example-path-mismatch` warning.
  @Test(arguments: Corpus.present)
  func coversThePathsTheExamplesCall(_ corpus: Corpus) throws {
    let docs = try #require(corpus.docs)
    let result = try corpus.result()
    let found = Set(result.api.endpoints.map(\.path))
    let called = try RawExampleURLs.paths(in: docs, skipping: corpus.definesNoEndpoint)
    let missing = called.subtracting(found).sorted()
    let share = Double(called.count - missing.count) / Double(max(called.count, 1))
    print("\(corpus.name): \(called.count - missing.count) of \(called.count) example paths are endpoints; not: \(missing)")
    if corpus.name == Corpus.navixy2026.name {
      #expect(share >= 0.99, "\(missing.count) of \(called.count) example paths are not endpoints: \(missing)")
    }
    let warned = result.diagnostics.filter { $0.kind == "example-path-mismatch" }.map(\.message)
    let silent = missing.filter { path in !warned.contains { $0.contains(path + "'") || $0.contains(path + "?") } }
    #expect(silent.isEmpty, "example paths that are no endpoint, without a warning: \(silent)")
  }

  /// An endpoint's path is the one its own examples call, where it has examples: the path
  /// reading (API path lines, headings, servers, evidence) agrees with the examples of at least
  /// 99 % of the GitBook corpus's endpoints. Where an endpoint's examples call another path
  /// (the 2021 pages have nine examples copied from a neighbour), an `example-path-mismatch`
  /// warning says so at the example.
  @Test(arguments: Corpus.present)
  func endpointPathsAgreeWithTheirExamples(_ corpus: Corpus) throws {
    let result = try corpus.result()
    let api = result.api
    let bases = [api.info.baseURL] + api.info.servers.map(\.url)
    let withExamples = api.endpoints.filter { !$0.examples.isEmpty }
    let disagreeing = withExamples.filter { endpoint in
      !endpoint.examples.contains { EndpointPath.called(byExampleURL: $0.url, bases: bases) == endpoint.path }
    }
    print(
      "\(corpus.name): \(withExamples.count - disagreeing.count) of \(withExamples.count) endpoints are called by their"
        + " examples; not: \(disagreeing.map { "\($0.path) (\($0.examples.map(\.url).joined(separator: ", ")))" })")
    if corpus.name == Corpus.navixy2026.name {
      #expect(Double(disagreeing.count) <= Double(withExamples.count) * 0.01)
    }
    let warned = Set(
      result.diagnostics.filter { $0.kind == "example-path-mismatch" }.compactMap(\.location))
    let silent = disagreeing.filter { endpoint in !endpoint.examples.contains { warned.contains($0.sample.source) } }
    #expect(silent.isEmpty, "examples that call another path without a warning: \(silent.map(\.path))")
  }

  @Test(arguments: Corpus.present)
  func inventsNoEndpointOnPagesThatDefineNone(_ corpus: Corpus) throws {
    let invented = try corpus.result().api.endpoints.filter { corpus.definesNoEndpoint($0.source.file) }
    #expect(
      invented.isEmpty,
      "endpoints read from pages without any:\n\(invented.map { "\($0.source) \($0.path)" }.joined(separator: "\n"))"
    )
  }

  @Test(arguments: Corpus.present)
  func endpointPathsAreWellFormedAndUnique(_ corpus: Corpus) throws {
    let endpoints = try corpus.result().api.endpoints
    let malformed = endpoints.filter {
      !$0.path.hasPrefix("/") || $0.path.hasSuffix("/") || $0.path.contains("//")
        || $0.path.contains(" ") || $0.path.contains("{")
    }
    #expect(malformed.isEmpty, "\(malformed.map { "\($0.source) \($0.path)" })")
    let duplicates = Dictionary(grouping: endpoints, by: \.path).filter { $0.value.count > 1 }
    #expect(
      duplicates.isEmpty,
      "\(duplicates.keys.sorted().map { "\($0): \(duplicates[$0]!.map(\.source.description))" })")
  }

  /// The endpoints both generations document have the parameters of the older one: a
  /// parameter the 2021 pages list is in the 2026 model, or the 2026 page no longer lists it
  /// in a table or a bullet of the endpoint's section.
  @Test(.enabled(if: Corpus.navixy2021.isPresent && Corpus.navixy2026.isPresent, "needs both corpora"))
  func theGitBookParametersAreAsCompleteAsTheMkdocsOnes() throws {
    let old = Dictionary(try Corpus.navixy2021.result().api.endpoints.map { ($0.path, $0) }) { first, _ in first }
    let new = try Corpus.navixy2026.result()
    let docs = try #require(Corpus.navixy2026.docs)
    var lost: [String] = []
    var common = 0
    for endpoint in new.api.endpoints {
      guard let before = old[endpoint.path] else { continue }
      common += 1
      let now = Set(endpoint.parameters.map(\.name))
      let page = try String(contentsOf: docs.appendingPathComponent(endpoint.source.file), encoding: .utf8)
      let section = RawExampleURLs.section(of: page, from: endpoint.source.line)
      for parameter in before.parameters where !now.contains(parameter.name) {
        let escaped = parameter.name.replacingOccurrences(of: "_", with: "\\_")
        let listed = [parameter.name, escaped].contains { name in
          section.contains("| \(name) ") || section.contains("`\(name)` -") || section.contains("**\(name)**")
        }
        if listed { lost.append("\(endpoint.path).\(parameter.name)") }
      }
    }
    print("both corpora: \(common) common endpoints; parameters the 2026 pages list but the model lost: \(lost)")
    #expect(common > 100)
    #expect(lost.isEmpty, "\(lost)")
  }
}

/// The request examples of a docs folder, read from the raw text of its pages without apigen's
/// reader: the independent side of the path checks.
enum RawExampleURLs {
  /// The endpoint paths that `curl` lines and bare URL lines call, past a `/v2`-like version
  /// segment or a leading `{{ macro }}`.
  /// - Parameter skipping: pages that define no endpoint (guides call endpoints too).
  static func paths(in docs: URL, skipping: (String) -> Bool) throws -> Set<String> {
    var paths: Set<String> = []
    let files = FileManager.default.enumerator(atPath: docs.path)?.compactMap { $0 as? String } ?? []
    let curl = try Regex(#"^\s*(?:\$\s*)?curl\b.*?['"]?((?:https?://|\{\{[^}]*\}\})[^'"\s]+)"#)
    let bare = try Regex(#"^\s*(https?://\S+)\s*$"#)
    for file in files where file.hasSuffix(".md") && !skipping(file) {
      let text = try String(contentsOf: docs.appendingPathComponent(file), encoding: .utf8)
      for line in text.split(whereSeparator: \.isNewline) {
        let match = line.firstMatch(of: curl)?.output[1].substring ?? line.firstMatch(of: bare)?.output[1].substring
        if let match, let path = path(of: String(match)) { paths.insert(path) }
      }
    }
    return paths
  }

  /// `https://host/v2/tracker/list?x` → `/tracker/list`; `{{ m }}/tracker/list` → `/tracker/list`.
  static func path(of url: String) -> String? {
    var rest = Substring(url.split(separator: "?", maxSplits: 1).first ?? "")
    if rest.hasPrefix("{{"), let end = rest.range(of: "}}") {
      rest = rest[end.upperBound...]
    } else if let scheme = rest.range(of: "://") {
      rest = rest[scheme.upperBound...].drop { $0 != "/" }
      if let version = rest.firstMatch(of: /^\/v[0-9]+(?=\/)/) { rest = rest[version.range.upperBound...] }
    } else {
      return nil
    }
    let path = rest.hasSuffix("/") ? String(rest.dropLast()) : String(rest)
    return path.count > 1 ? path : nil
  }

  /// The text of a page from `line` to the next heading of the same or a higher level.
  static func section(of page: String, from line: Int) -> String {
    let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
    guard line - 1 < lines.count else { return "" }
    let level = lines[line - 1].prefix { $0 == "#" }.count
    var end = line
    while end < lines.count {
      let hashes = lines[end].prefix { $0 == "#" }.count
      if hashes > 0, hashes <= level, lines[end].dropFirst(hashes).first == " " { break }
      end += 1
    }
    return lines[(line - 1)..<end].joined(separator: "\n")
  }
}
