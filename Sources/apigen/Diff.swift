import APIModel
import ArgumentParser
import CommandSupport
import Foundation
import ModelDiff
import Pipeline

/// `--fail-on`: which API changes fail a run, for CI.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
  /// Changes that may break code written against the generated client.
  case breaking
  /// Any change at all.
  case any

  func matches(_ report: ChangeReport) -> Bool {
    switch self {
    case .breaking: report.breakingCount > 0
    case .any: !report.isEmpty
    }
  }

  /// `2 breaking changes`, `3 changes`.
  func counted(_ report: ChangeReport) -> String {
    switch self {
    case .breaking: Report.Summary.counted(report.breakingCount, "breaking change")
    case .any: Report.Summary.counted(report.changes.count, "change")
    }
  }
}

/// The options of the change report, shared by `generate` and `diff`.
struct ChangeOptions: ParsableArguments {
  @Option(
    help: """
      Exit with status 2 when the API changed this way: breaking (a change that may break code \
      using the generated Swift client) or any. generate then writes nothing.
      """)
  var failOn: FailOn?

  /// What changed since the model an earlier run left in `output`; nil when there is none, or
  /// it cannot be read (which a note on standard error says).
  func changes(since output: URL, to api: APIDescription) -> ChangeReport? {
    switch ModelSource.previous(in: output) {
    case .none:
      return nil
    case .model(let previous):
      return ModelDiff.compare(old: previous, new: api)
    case .unreadable(let reason):
      Output.standardError("apigen: note: no change report: \(reason)")
      return nil
    }
  }
}

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Reports what changed in the API between two docs folders or api.json files.",
    discussion: """
      OLD and NEW are each a docs folder, an api.json that apigen wrote, or an output folder \
      holding one. Text goes to standard output: one line per change, grouped by endpoint and \
      by type, each marked breaking or compatible for the generated Swift client. Exit status: \
      0 compared (whatever changed); 1 a docs folder has errors or a file is not a model; 2 the \
      API changed in a way --fail-on forbids; 64 usage error; 74 a file or folder could not be \
      read.
      """)

  @Argument(help: "The old docs folder or api.json.")
  var old: String

  @Argument(help: "The new docs folder or api.json.")
  var new: String

  @OptionGroup var reading: ReadingOptions

  @Option(help: "text: the report on standard output. json: one JSON object on standard output.")
  var format: ReportOptions.Format = .text

  @Option(help: "Stop with status 1 when reading takes longer than this many seconds (0: no limit).")
  var timeLimit: Double = 120

  @OptionGroup var changeOptions: ChangeOptions

  func run() throws {
    let watchdog = Watchdog(
      seconds: timeLimit,
      message: "error: apigen did not finish within \(String(format: "%g", timeLimit)) s (--time-limit).")
    let report = Report(format: format)
    let before: APIDescription
    let after: APIDescription
    do {
      before = try read(old)
      after = try read(new)
    } catch {
      throw report.fail(error)
    }
    watchdog.stop()
    let changes = ModelDiff.compare(old: before, new: after)
    switch format {
    case .text:
      let lines = changes.lines()
      for line in lines.isEmpty ? ["no API changes"] : lines { Output.standardOutput(line) }
    case .json:
      Report.printJSON(changes)
    }
    if let failOn = changeOptions.failOn, failOn.matches(changes) {
      Output.standardError("apigen: the API has \(failOn.counted(changes)) and --fail-on \(failOn.rawValue) is on")
      throw ExitCode(ExitStatus.forbiddenChange)
    }
  }

  /// A side's model; a docs folder with errors (a page over a limit, left out of the model)
  /// stops the comparison, which would report its endpoints as removed.
  private func read(_ path: String) throws(GeneratorError) -> APIDescription {
    let (api, diagnostics) = try ModelSource.read(URL(fileURLWithPath: path), options: reading.options(docs: path))
    let errors = diagnostics.filter { $0.severity == .error }
    for error in errors { Output.standardError(error.description) }
    guard errors.isEmpty else {
      throw .input("\(path): the docs have \(Report.Summary.counted(errors.count, "error")); nothing compared")
    }
    return api
  }
}

/// How `diff` reads a side that is a docs folder: `generate`'s base URL and dialect options.
struct ReadingOptions: ParsableArguments {
  @Option(
    help: """
      The API's base URL, for {{ extra.api_example_url }} when no mkdocs.yml beside a docs folder \
      defines it. (default: mkdocs.yml's, else the first server the docs state, else \
      \(Generator.fallbackBaseURL))
      """)
  var baseURL: String?

  @Option(help: "The Markdown dialect of a docs folder: mkdocs, gitbook, or auto. (default: auto)")
  var dialect: DialectOption?

  func validate() throws {
    if let baseURL, let problem = DocsOptions.problem(ofBaseURL: baseURL) {
      throw ValidationError("--base-url '\(baseURL)' \(problem).")
    }
  }

  func options(docs: String) -> Generator.Options {
    Generator.Options(docs: URL(fileURLWithPath: docs), baseURL: baseURL, dialect: dialect?.dialect)
  }
}
