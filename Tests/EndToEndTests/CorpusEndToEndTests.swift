import APIModel
import Foundation
import MockServer
import Pipeline
import TestSupport
import Testing

/// The client generated from the whole corpus, compiled in a temporary package, against
/// `apigen-mock` serving the same docs on a free loopback port: every endpoint that has a
/// response example is called once with the values of its request example and its answer
/// decoded; the error paths surface as typed errors; 1,000 concurrent calls all succeed.
///
/// Skipped, with a message, when `../shared/corpus` is absent.
@Suite struct CorpusEndToEndTests {
  /// A session hash the mock accepts (any 32 hexadecimal digits).
  static let session = "0123456789abcdef0123456789abcdef"

  @Test(
    .enabled(if: Paths.corpusDocs != nil, "the corpus (../shared/corpus/navixy-2021) is absent"),
    .timeLimit(.minutes(20)))
  func theCorpusClientAgainstTheMock() async throws {
    let docs = try #require(Paths.corpusDocs)
    let result = try Generator(options: .init(docs: docs)).generate()
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("apigen-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let reportFile = scratch.appendingPathComponent("report.json")
    let baseURLFile = scratch.appendingPathComponent("base-url.txt")
    let writer = ExampleCallsWriter(
      api: result.api,
      settings: .init(
        baseURLFile: baseURLFile.path, reportPath: reportFile.path, session: Self.session,
        concurrentCalls: 1000, concurrencyTimeLimitSeconds: 120))
    let harness = try String(
      contentsOf: Paths.repository.appendingPathComponent(
        "Tests/EndToEndTests/Harness/ExampleHarness.swift"), encoding: .utf8)
    let package = try GeneratedPackage(
      files: result.files,
      testFiles: ["ExampleHarness.swift": harness, "ExampleCalls.swift": writer.source()])
    defer {
      package.remove()
      try? FileManager.default.removeItem(at: scratch)
    }

    // Everything is built before the mock starts, so that a slow build on a busy machine cannot
    // outlast the mock's idle timeout.
    let carried = Carried(value: package)
    let build = try await offThread { try carried.value.build() }
    #expect(build.succeeded, "the generated client does not build:\n\(build.output.suffix(4000))")
    let testBuild = try await offThread { try carried.value.swift(["build", "--build-tests"]) }
    #expect(testBuild.succeeded, "the harness does not build:\n\(testBuild.output.suffix(4000))")
    guard build.succeeded, testBuild.succeeded else { return }
    let mock = try await offThread { try MockProcess(docs: docs, idleTimeout: 600) }
    try Data(mock.baseURL.absoluteString.utf8).write(to: baseURLFile)
    let run = try await offThread { try carried.value.swift(["test", "--skip-build"]) }
    let (status, log) = try await offThread { mock.stop() }

    #expect(run.succeeded, "the harness failed:\n\(run.output.suffix(4000))")
    #expect(status == 0, "apigen-mock exited with \(status)")
    #expect(log.last == "stopped")
    #expect(!log.contains { $0.contains(Self.session) }, "the session hash is in the mock's log")
    let report = try JSONDecoder().decode(
      Report.self, from: Data(contentsOf: reportFile))
    Summary(
      report: report, origins: MockResponder(api: result.api).answerOrigins,
      endpointCount: result.api.endpoints.count, clientSeconds: build.seconds,
      requestsLogged: log.count - 1
    ).print()

    for check in report.checks {
      #expect(check.passed, "\(check.name): \(check.detail)")
    }
    #expect(report.concurrentCalls == 1000)
    #expect(report.concurrentFailures.isEmpty, "\(report.concurrentFailures.prefix(5))")
    // Failures the docs cannot cause: the client or the mock is wrong.
    for endpoint in report.endpoints where endpoint.outcome == "failed" {
      let reason = endpoint.reason ?? ""
      #expect(
        !Self.ourFault.contains { reason.hasPrefix($0) }, "\(endpoint.path): \(reason)")
    }
  }

  static let ourFault = [
    "transport", "unencodable request", "server error 4:", "server error 5:", "server error 111:",
  ]

  /// What the harness writes (see `Harness/ExampleHarness.swift`).
  struct Report: Decodable {
    struct Endpoint: Decodable {
      var path: String
      var outcome: String
      var reason: String?
      var exampleProblem: String?
      var coerced: [String]
      var filled: [String]
    }

    struct Check: Decodable {
      var name: String
      var passed: Bool
      var detail: String
    }

    var endpoints: [Endpoint]
    var checks: [Check]
    var concurrentCalls: Int
    var concurrentFailures: [String]
    var concurrentSeconds: Double
  }

  /// The closing numbers, printed for the record (and for the issue's closing note).
  struct Summary {
    var report: Report
    var origins: [String: String]
    var endpointCount: Int
    var clientSeconds: Double
    var requestsLogged: Int

    func print() {
      let endpoints = report.endpoints
      let decoded = endpoints.filter { $0.outcome == "decoded" }
      let exercised = endpoints.filter { $0.outcome != "skipped" }
      let pure = exercised.filter { $0.exampleProblem == nil && $0.filled.isEmpty }
      let synthesized = endpoints.filter { origins[$0.path] == "synthesized" }.count
      var lines = [
        "corpus end to end: \(endpointCount) endpoints, \(endpoints.count) with a response example;"
          + " \(exercised.count) called (\(pure.count) with their request example's values alone,"
          + " \(exercised.count - pure.count) with values filled in), \(decoded.count) decoded"
          + " (\(exercised.filter { !$0.coerced.isEmpty }.count) with example values coerced);"
          + " \(synthesized) answers synthesized from the response fields",
        "corpus end to end: client built in "
          + String(format: "%.1f", clientSeconds) + " s (debug, with the runtime);"
          + " \(report.concurrentCalls) concurrent calls in "
          + String(format: "%.2f", report.concurrentSeconds) + " s,"
          + " \(report.concurrentFailures.count) failed; \(requestsLogged) requests logged",
      ]
      for check in report.checks {
        lines.append("  check \(check.passed ? "passed" : "FAILED"): \(check.name)")
      }
      for endpoint in endpoints where endpoint.outcome != "decoded" {
        lines.append("  \(endpoint.outcome) \(endpoint.path): \(endpoint.reason ?? "")")
      }
      for endpoint in exercised where endpoint.exampleProblem != nil || !endpoint.filled.isEmpty {
        let problem = endpoint.exampleProblem.map { "\($0); " } ?? ""
        lines.append(
          "  filled in \(endpoint.path): \(problem)\(endpoint.filled.joined(separator: ", "))")
      }
      Swift.print(lines.joined(separator: "\n"))
    }
  }
}
