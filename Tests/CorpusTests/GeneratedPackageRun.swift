import APIModel
import Foundation
import Pipeline
import TestSupport

/// The Swift generated from the whole corpus, built once in a temporary package and then tested
/// there once with the corpus examples: one clean build and one `swift test`, shared by the
/// compile and conformance tests.
struct GeneratedPackageRun: Sendable {
  var swiftFiles: Int
  var swiftLines: Int
  var build: GeneratedPackage.Run
  /// `nil` when the build failed.
  var test: GeneratedPackage.Run?
  /// What the package's test reported, one outcome per example case; `nil` when it reported
  /// nothing.
  var outcomes: [ExampleOutcome]?

  /// The one run of `corpus`, started by the first test that asks for it.
  static func shared(_ corpus: Corpus) async throws -> GeneratedPackageRun {
    try await Once.shared.value(corpus)
  }

  private actor Once {
    static let shared = Once()
    private var tasks: [String: Task<GeneratedPackageRun, any Error>] = [:]

    func value(_ corpus: Corpus) async throws -> GeneratedPackageRun {
      if let task = tasks[corpus.name] { return try await task.value }
      let task = Task { try await GeneratedPackageRun.perform(corpus) }
      tasks[corpus.name] = task
      return try await task.value
    }
  }

  private static func perform(_ corpus: Corpus) async throws -> GeneratedPackageRun {
    let result = try corpus.result()
    let conformance = ExampleConformance(
      api: result.api, wireChecks: WireCheck.checks(for: corpus, api: result.api))
    let cases = try conformance.casesJSON()
    let sources = conformance.testSources()
    // Building blocks a thread for a minute: keep it off the tests' cooperative pool.
    return try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(with: Result { try run(result.files, sources: sources, cases: cases) })
      }
    }
  }

  private static func run(_ files: [EmittedFile], sources: [String: String], cases: Data) throws
    -> GeneratedPackageRun
  {
    let swift = files.filter { $0.path.hasSuffix(".swift") }
    let package = try GeneratedPackage(files: files, testFiles: sources)
    let keep = ProcessInfo.processInfo.environment["APIGEN_KEEP_PACKAGE"] != nil
    defer {
      if keep { print("corpus package kept at \(package.root.path)") } else { package.remove() }
    }
    try cases.write(to: package.root.appendingPathComponent(ExampleConformance.casesFile))
    var run = GeneratedPackageRun(
      swiftFiles: swift.count,
      swiftLines: swift.reduce(0) { $0 + $1.contents.count { $0 == "\n" } },
      build: try package.build())
    guard run.build.succeeded else { return run }
    run.test = try package.test()
    let outcomes = package.root.appendingPathComponent(ExampleConformance.outcomesFile)
    if let data = FileManager.default.contents(atPath: outcomes.path) {
      run.outcomes = try JSONDecoder().decode([ExampleOutcome].self, from: data)
    }
    return run
  }
}
