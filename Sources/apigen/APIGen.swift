import APIModel
import ArgumentParser
import DocsMarkdown
import Foundation
import ModelDiff
import Pipeline

@main
struct APIGen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apigen",
    abstract: "Generates a Swift client, an OpenAPI document and a JSON model from API docs in Markdown.",
    discussion: """
      Exit status: 0 success; 1 the docs have errors (or warnings, with --strict), or, with \
      generate --check, the output folder differs from what the docs generate; 2 the API \
      changed in a way --fail-on forbids; 64 usage error; 74 a file or folder could not be read \
      or written.
      """,
    version: APIGenVersion.current,
    subcommands: [Generate.self, Lint.self, Diff.self, Stats.self, Mock.self])
}

/// Options that say where the docs are and how to read them.
struct DocsOptions: ParsableArguments {
  @Argument(help: "The folder of Markdown pages (mkdocs' docs_dir).")
  var docsFolder: String?

  @Option(name: .customLong("docs"), help: "The folder of Markdown pages, as an option.")
  var docsOption: String?

  @OptionGroup var reading: ReadingOptions

  @Option(help: "The API's title in the generated documents.")
  var title = "Navixy API"

  /// The docs folder, however it was given (validation makes sure it was, once).
  var docs: String { docsFolder ?? docsOption ?? "" }

  func validate() throws {
    switch (docsFolder, docsOption) {
    case (nil, nil): throw ValidationError("Missing the docs folder: give it as DOCS-FOLDER or --docs DOCS-FOLDER.")
    case (.some, .some): throw ValidationError("Give the docs folder once: as DOCS-FOLDER or as --docs, not both.")
    default: break
    }
  }

  func generator(clientName: String = "NavixyClient") -> Generator {
    Generator(options: options(clientName: clientName))
  }

  func options(clientName: String = "NavixyClient") -> Generator.Options {
    var options = reading.options(docs: docs)
    options.title = title
    options.clientName = clientName
    return options
  }
}

/// How to read a docs folder, wherever it is given (`generate`, `lint`, `diff`…).
struct ReadingOptions: ParsableArguments {
  @Option(
    help: """
      The API's base URL: the client's default server, and {{ extra.api_example_url }} when no \
      mkdocs.yml beside the docs folder defines it. (default: mkdocs.yml's, else the first \
      server the docs state, else \(Generator.fallbackBaseURL))
      """)
  var baseURL: String?

  @Option(
    help: """
      The Markdown dialect of the pages: mkdocs, gitbook, or auto to tell from the folder \
      (mkdocs.yml; SUMMARY.md, .gitbook.yaml; the pages' {% %} tags or === tabs).
      """)
  var dialect: DialectOption = .auto

  func validate() throws {
    if let baseURL {
      let read = ServerURL(reading: baseURL)
      if case .template = read {
        throw ValidationError("--base-url '\(baseURL)' has a placeholder; give the URL the client should call.")
      }
      if let problem = read.problem { throw ValidationError("--base-url '\(baseURL)' \(problem).") }
    }
  }

  func options(docs: String) -> Generator.Options {
    .init(docs: URL(fileURLWithPath: docs), baseURL: baseURL, dialect: dialect.dialect)
  }
}

/// `--dialect`: one of the dialects apigen knows, or `auto`.
enum DialectOption: ExpressibleByArgument, CaseIterable {
  case auto
  case named(MarkdownDialect)

  init?(argument: String) {
    if argument == "auto" {
      self = .auto
    } else if let dialect = MarkdownDialect.named(argument) {
      self = .named(dialect)
    } else {
      return nil
    }
  }

  static var allCases: [DialectOption] { [.auto] + MarkdownDialect.all.map(DialectOption.named) }

  var defaultValueDescription: String {
    switch self {
    case .auto: "auto"
    case .named(let dialect): dialect.name
    }
  }

  var dialect: MarkdownDialect? {
    if case .named(let dialect) = self { dialect } else { nil }
  }
}

/// How results are reported, shared by `generate` and `lint`.
struct ReportOptions: ParsableArguments {
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Flag(help: "Treat warnings as errors: exit with status 1 (and, for generate, write nothing).")
  var strict = false

  @Option(help: "text: diagnostics and a summary on standard error. json: one JSON object on standard output.")
  var format: Format = .text

  @Option(help: "Stop with status 1 when reading and generating take longer than this many seconds (0: no limit).")
  var timeLimit: Double = 120

  /// A watchdog for this run's time limit.
  func watchdog() -> Watchdog {
    Watchdog(
      seconds: timeLimit,
      message: "error: apigen did not finish within \(String(format: "%g", timeLimit)) s (--time-limit);"
        + " nothing was written."
        + " Something in the docs makes it slow: please report it with the docs that caused it.")
  }
}

/// Exit codes, as documented in the README (sysexits.h values for usage and I/O).
enum ExitStatus {
  static let docsHaveErrors: Int32 = 1
  /// `generate --check`: the output folder is not what the docs generate.
  static let outputDiffers: Int32 = 1
  /// `--fail-on`: the API changed in a way the option forbids.
  static let forbiddenChange: Int32 = 2
  /// swift-argument-parser exits with it (EX_USAGE) on a validation error.
  static let usage: Int32 = 64
  /// EX_IOERR.
  static let ioError: Int32 = 74
}

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Writes OUTPUT/Swift/*.swift, OUTPUT/openapi.json and OUTPUT/api.json.",
    discussion: """
      Nothing is written when the docs have errors (or warnings, with --strict), and a failure \
      while writing leaves OUTPUT as it was. Only files apigen generated are ever replaced or \
      removed. When OUTPUT holds an api.json, what changed in the API since is reported.
      """)

  @OptionGroup var docsOptions: DocsOptions

  @Option(help: "The output folder. Only files apigen generated are ever replaced or removed.")
  var output: String

  @Option(help: "The name of the generated client type.")
  var clientName = "NavixyClient"

  @Option(
    help: ArgumentHelp(
      "The outputs to write, comma-separated: swift, openapi, model. Stale files are removed only of these.",
      valueName: "kinds"))
  var emit = EmitList.all

  @Flag(help: "Write nothing: exit with status 1 and list the files of OUTPUT that differ from what the docs generate.")
  var check = false

  @Option(help: "Also write a Make dependency file listing every file and folder read.")
  var depfile: String?

  @Option(help: "The target the dependency file names (default: OUTPUT).")
  var depfileTarget: String?

  @OptionGroup var changeOptions: ChangeOptions

  @OptionGroup var reportOptions: ReportOptions

  func validate() throws {
    if depfileTarget != nil && depfile == nil {
      throw ValidationError("--depfile-target needs --depfile.")
    }
  }

  func run() throws {
    let start = ContinuousClock.now
    let report = Report(format: reportOptions.format)
    let watchdog = reportOptions.watchdog()
    var options = docsOptions.options(clientName: clientName)
    options.emit = emit.kinds
    let generator = Generator(options: options)
    let outputFolder = URL(fileURLWithPath: output)
    var outcome = Report.Outcome()
    let result: Generator.Result
    do {
      result = try generator.generate()
      watchdog.stop()
      if let depfile {
        try Depfile.write(
          Depfile.text(
            target: depfileTarget ?? output, inputs: result.inputs,
            directory: FileManager.default.currentDirectoryPath),
          to: depfile)
      }
      if result.hasErrors || (reportOptions.strict && result.hasWarnings) {
        outcome.refusal = Report.reason(strict: reportOptions.strict, result.diagnostics)
      } else {
        outcome.changes = changeOptions.changes(since: outputFolder, to: result.api)
        if let changes = outcome.changes, let failOn = changeOptions.failOn, failOn.matches(changes) {
          outcome.refusal = "the API has \(failOn.counted(changes)) and --fail-on \(failOn.rawValue) is on"
          outcome.status = ExitStatus.forbiddenChange
        } else if check {
          outcome.check = try generator.check(result, against: outputFolder)
        } else {
          outcome.written = try generator.write(result, to: outputFolder)
        }
      }
    } catch {
      throw report.fail(error)
    }
    report.finish(
      endpoints: result.api.endpoints.count, types: result.api.types.count,
      diagnostics: result.diagnostics, dialect: result.dialect, elapsed: ContinuousClock.now - start,
      output: output, outcome: outcome)
    if let status = outcome.failureStatus { throw ExitCode(status) }
  }
}

/// `--emit swift,openapi,model`.
struct EmitList: ExpressibleByArgument {
  var kinds: Set<OutputKind>

  static let all = EmitList(kinds: Set(OutputKind.allCases))

  init(kinds: Set<OutputKind>) {
    self.kinds = kinds
  }

  init?(argument: String) {
    let names = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    let kinds = names.compactMap(OutputKind.init(rawValue:))
    guard !kinds.isEmpty, kinds.count == names.count else { return nil }
    self.kinds = Set(kinds)
  }

  var defaultValueDescription: String {
    OutputKind.allCases.map(\.rawValue).joined(separator: ",")
  }

  static var allValueStrings: [String] { OutputKind.allCases.map(\.rawValue) }
}

struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Reads the docs and reports what is wrong with them, without writing anything.")

  @OptionGroup var docsOptions: DocsOptions

  @OptionGroup var reportOptions: ReportOptions

  func run() throws {
    let start = ContinuousClock.now
    let report = Report(format: reportOptions.format)
    let watchdog = reportOptions.watchdog()
    let reading: Generator.Reading
    do {
      reading = try docsOptions.generator().readDocs()
      watchdog.stop()
    } catch {
      throw report.fail(error)
    }
    let diagnostics = reading.diagnostics
    report.finish(
      endpoints: reading.api.endpoints.count, types: reading.api.types.count, diagnostics: diagnostics,
      dialect: reading.dialect, elapsed: ContinuousClock.now - start, output: nil, outcome: Report.Outcome())
    let failing = diagnostics.contains {
      $0.severity == .error || (reportOptions.strict && $0.severity == .warning)
    }
    if failing { throw ExitCode(ExitStatus.docsHaveErrors) }
  }
}

/// How results reach the user. Text: diagnostics, then the one-line summary, on standard
/// error (standard output stays free). JSON: one object on standard output,
/// `{"diagnostics": [...], "summary": {...}, "output": {...}, "failure": ...}`.
struct Report {
  var format: ReportOptions.Format = .text

  /// What a `generate` run did besides reading, and why it wrote nothing when it did not.
  struct Outcome {
    /// Why nothing was written (the docs' errors, `--strict`, `--fail-on`).
    var refusal: String?
    /// The exit status that goes with `refusal`.
    var status = ExitStatus.docsHaveErrors
    /// What changed since the output folder's `api.json`; nil without one.
    var changes: ChangeReport?
    /// `--check`: the files that differ.
    var check: OutputDifference?
    var written: WriteSummary?

    /// The exit status of a run that did not do what it was asked to, nil for success.
    var failureStatus: Int32? {
      if refusal != nil { return status }
      if let check, !check.isEmpty { return ExitStatus.outputDiffers }
      return nil
    }
  }

  /// Prints the diagnostics, what changed in the API, the summary `2 endpoints, 2 types, 1
  /// warning in 0.01 s`, then (text only) a line saying what did not happen and why.
  func finish(
    endpoints: Int, types: Int, diagnostics: [Diagnostic], dialect: DialectDetection, elapsed: Duration,
    output: String?, outcome: Outcome
  ) {
    let summary = Summary(
      endpoints: endpoints, types: types, errors: diagnostics.count { $0.severity == .error },
      warnings: diagnostics.count { $0.severity == .warning }, seconds: Self.seconds(elapsed),
      dialect: dialect.dialect.name, dialectReason: dialect.reason)
    switch format {
    case .text:
      for diagnostic in diagnostics { Output.standardError(diagnostic.description) }
      if let changes = outcome.changes, let output {
        for line in changes.lines(heading: "API changes since \(Self.path(output, ModelJSON.fileName))") {
          Output.standardError(line)
        }
      }
      Output.standardError(summary.line)
      if let output, let refusal = outcome.refusal {
        Output.standardError("apigen: nothing written to \(output): \(refusal)")
      }
      if let output, let check = outcome.check {
        for (paths, state) in [(check.changed, "changed"), (check.new, "new"), (check.stale, "stale, would be removed")] {
          for path in paths { Output.standardError("\(Self.path(output, path)): \(state)") }
        }
        let count = check.changed.count + check.new.count + check.stale.count
        Output.standardError(
          count == 0
            ? "apigen: \(output) is up to date (--check)"
            : "apigen: \(Summary.counted(count, "file")) in \(output) differ from what the docs generate (--check); nothing was written")
      }
    case .json:
      Self.printJSON(
        JSONReport(
          diagnostics: diagnostics, summary: summary, changes: outcome.changes,
          output: outcome.written, check: outcome.check, failure: nil))
    }
  }

  /// `OUT/api.json`, without doubling a trailing slash.
  private static func path(_ folder: String, _ file: String) -> String {
    folder.hasSuffix("/") ? folder + file : folder + "/" + file
  }

  /// Reports a run that stopped, and the exit code that says why.
  func fail(_ error: GeneratorError) -> ExitCode {
    let status: Int32
    switch error {
    case .input: status = ExitStatus.docsHaveErrors
    case .io: status = ExitStatus.ioError
    }
    Output.standardError("error: \(error.description)")
    if format == .json {
      Self.printJSON(
        JSONReport(
          diagnostics: [], summary: nil, changes: nil, output: nil, check: nil,
          failure: .init(message: error.description, status: status)))
    }
    return ExitCode(status)
  }

  /// The text-mode `fail`, for commands without a format (`stats`).
  static func fail(_ error: GeneratorError) -> ExitCode {
    Report().fail(error)
  }

  static func reason(strict: Bool, _ diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.count { $0.severity == .error }
    if errors > 0 { return "the docs have \(Summary.counted(errors, "error"))" }
    let warnings = diagnostics.count { $0.severity == .warning }
    return "the docs have \(Summary.counted(warnings, "warning")) and --strict is on"
  }

  struct Summary: Encodable {
    var endpoints: Int
    var types: Int
    var errors: Int
    var warnings: Int
    var seconds: Double
    /// The dialect the pages were read as, and why.
    var dialect: String
    var dialectReason: String

    /// `318 endpoints, 140 types, 12 warnings in 0.05 s (mkdocs: mkdocs.yml beside the docs
    /// folder)`, errors named only when there are any.
    var line: String {
      var parts = [Self.counted(endpoints, "endpoint"), Self.counted(types, "type")]
      if errors > 0 { parts.append(Self.counted(errors, "error")) }
      parts.append(Self.counted(warnings, "warning"))
      return parts.joined(separator: ", ") + " in " + String(format: "%.2f", seconds) + " s"
        + " (\(dialect): \(dialectReason))"
    }

    static func counted(_ count: Int, _ noun: String) -> String {
      "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
  }

  private struct JSONReport: Encodable {
    struct Failure: Encodable {
      var message: String
      var status: Int32
    }

    var diagnostics: [Diagnostic]
    var summary: Summary?
    var changes: ChangeReport?
    var output: WriteSummary?
    var check: OutputDifference?
    var failure: Failure?
  }

  private static func seconds(_ elapsed: Duration) -> Double {
    Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  /// One JSON document on standard output, keys sorted.
  static func printJSON(_ value: some Encodable) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain values cannot fail; an empty object keeps the output JSON if it ever did.
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    FileHandle.standardOutput.write(data + Data("\n".utf8))
  }
}
