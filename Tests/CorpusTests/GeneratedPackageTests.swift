import APIModel
import Foundation
import Pipeline
import Testing

/// The Swift generated from the whole corpus compiles (warnings are errors), and the corpus
/// examples go through it: response examples decode into the answer types, request examples
/// decode into the methods' arguments and encode back to what they send.
@Suite(.enabled(if: Corpus.anyPresent, Corpus.noneMissing))
struct GeneratedPackageTests {
  /// A clean debug build of the runtime and the generated module; the target is under 20 s on
  /// the 2-core development machine, and the time is printed rather than asserted because
  /// other tests share the cores.
  @Test(arguments: Corpus.present)
  func generatedSwiftCompiles(_ corpus: Corpus) async throws {
    let run = try await GeneratedPackageRun.shared(corpus)
    print(
      """
      \(corpus.name) Swift: \(run.swiftFiles) files, \(run.swiftLines) lines; clean debug build \
      \(String(format: "%.1f", run.build.seconds)) s (target: under 20 s)
      """)
    #expect(run.build.succeeded, "the generated Swift does not compile:\n\(Self.errors(in: run.build.output))")
  }

  @Test(arguments: Corpus.present)
  func responseExamplesDecode(_ corpus: Corpus) async throws {
    let judgement = try await judge(.response, corpus)
    record(judgement, "response examples do not decode into the answer type")
  }

  @Test(arguments: Corpus.present)
  func requestExamplesRoundTrip(_ corpus: Corpus) async throws {
    let judgement = try await judge(.request, corpus)
    record(judgement, "request examples do not round-trip through the generated parameters")
  }

  /// The named endpoints of the issue on depth, right on the wire (`WireCheck`): requests
  /// captured by a stub transport, answers decoded through the methods, the absent and `null`
  /// cases included. Each problem is an issue of its own.
  @Test(arguments: Corpus.present.filter { $0.name == WireCheck.corpus })
  func namedEndpointsAreRightOnTheWire(_ corpus: Corpus) async throws {
    let result = try corpus.result()
    let conformance = ExampleConformance(
      api: result.api, wireChecks: WireCheck.checks(for: corpus, api: result.api))
    let run = try await GeneratedPackageRun.shared(corpus)
    guard run.build.succeeded, let outcomes = run.outcomes else {
      Issue.record("the generated package did not run: see generatedSwiftCompiles")
      return
    }
    let byID = Dictionary(outcomes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var report = "\(corpus.name) named endpoints on the wire:"
    for (id, check) in conformance.wireChecks {
      let problems = check.problems(byID[id], site: conformance.calls[check.path])
      report += "\n  \(problems.isEmpty ? "ok  " : "FAIL") \(check.name)"
      if !problems.isEmpty {
        report += ": " + problems.joined(separator: "; ")
        Issue.record("\(check.name): \(problems.joined(separator: "; "))")
      }
    }
    print(report)
  }

  /// One issue listing every failure that no warning excuses (see `ExampleConformance.judge`).
  private func record(_ judgement: ExampleConformance.Judgement, _ what: String) {
    guard !judgement.unexcused.isEmpty else { return }
    Issue.record(
      """
      \(judgement.unexcused.count) \(what), and no warning of their endpoint's section names the \
      defect:
      \(judgement.unexcused.map(\.description).joined(separator: "\n"))
      """)
  }

  /// The target of the extractor: an example answer with more than `success` has an answer type
  /// to decode into (without one, decoding checks only the envelope).
  @Test(arguments: Corpus.present)
  func responseExamplesWithPayloadHaveATypedAnswer(_ corpus: Corpus) throws {
    let result = try corpus.result()
    let calls = ExampleConformance(api: result.api).calls
    var untyped: [String] = []
    for endpoint in result.api.endpoints where endpoint.response.kind == .json {
      let payload = endpoint.response.examples.contains { example in
        guard let object = ExampleConformance.jsonObject(example.code) else { return false }
        return object["success"] as? Bool != false && object.keys.contains { $0 != "success" }
      }
      if payload, calls[endpoint.path]?.returnType == nil {
        untyped.append("\(endpoint.source) \(endpoint.path)")
      }
    }
    print("\(corpus.name): \(untyped.count) endpoints answer a payload in their example but have no answer type")
    #expect(
      untyped.isEmpty,
      "\(untyped.count) endpoints without an answer type:\n\(untyped.prefix(20).joined(separator: "\n"))")
  }

  /// Runs the package once (shared), then sorts the cases of one kind and prints the counts.
  private func judge(_ kind: ExampleCase.Kind, _ corpus: Corpus) async throws -> ExampleConformance.Judgement {
    let result = try corpus.result()
    let conformance = ExampleConformance(api: result.api)
    let run = try await GeneratedPackageRun.shared(corpus)
    guard run.build.succeeded, let test = run.test else {
      Issue.record("the generated Swift does not compile: see generatedSwiftCompiles")
      return ExampleConformance.Judgement()
    }
    guard let outcomes = run.outcomes else {
      Issue.record("the package's test reported nothing:\n\(Self.errors(in: test.output))")
      return ExampleConformance.Judgement()
    }
    #expect(
      conformance.endpointsWithoutCall.isEmpty,
      "no generated method found for: \(conformance.endpointsWithoutCall)")
    let judgement = conformance.judge(outcomes, kind: kind, diagnostics: result.diagnostics)
    let skipped = conformance.skipped.filter { $0.kind == kind }
    var report = """
      \(corpus.name) \(kind.rawValue) examples: \(judgement.passed.count) passed, \
      \(judgement.excused.count) failed with a warning that names the defect, \
      \(judgement.unexcused.count) failed without one, \(skipped.count) not checked
      """
    for (reason, group) in Dictionary(grouping: skipped, by: \.reason).sorted(by: { $0.key < $1.key }) {
      report += "\n  not checked, \(reason): \(group.count)"
    }
    for failure in judgement.excused {
      report += "\n  excused: \(failure)"
    }
    print(report)
    return judgement
  }

  /// The compiler's error lines, or the end of the output when it has none.
  static func errors(in output: String) -> String {
    var seen: Set<Substring> = []
    // The compiler repeats an error for every job that meets it; each is listed once.
    let lines = output.split(separator: "\n").filter { $0.contains("error:") && seen.insert($0).inserted }
    return lines.isEmpty ? String(output.suffix(3000)) : lines.prefix(40).joined(separator: "\n")
  }
}
