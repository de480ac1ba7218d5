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

  /// The one run, started by the first test that asks for it.
  static func shared() async throws -> GeneratedPackageRun {
    try await Once.shared.value()
  }

  private actor Once {
    static let shared = Once()
    private var task: Task<GeneratedPackageRun, any Error>?

    func value() async throws -> GeneratedPackageRun {
      if let task { return try await task.value }
      let task = Task { try await GeneratedPackageRun.perform() }
      self.task = task
      return try await task.value
    }
  }

  private static func perform() async throws -> GeneratedPackageRun {
    let result = try Corpus.result()
    let conformance = ExampleConformance(api: result.api)
    let cases = try conformance.casesJSON()
    let source = conformance.testSource()
    // Building blocks a thread for a minute: keep it off the tests' cooperative pool.
    return try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global().async {
        continuation.resume(with: Result { try run(result.files, source: source, cases: cases) })
      }
    }
  }

  private static func run(_ files: [EmittedFile], source: String, cases: Data) throws
    -> GeneratedPackageRun
  {
    let swift = files.filter { $0.path.hasSuffix(".swift") }
    let package = try GeneratedPackage(files: files, testFiles: ["CorpusExamples.swift": source])
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
