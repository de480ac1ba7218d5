import APIModel
import ArgumentParser
import DocsMarkdown
import Foundation
import Pipeline

@main
struct APIGen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apigen",
    abstract: "Generates a Swift client, an OpenAPI document and a JSON model from API docs in Markdown.",
    discussion: """
      Exit status: 0 success; 1 the docs have errors (or warnings, with --strict); 64 usage \
      error; 74 a file or folder could not be read or written.
      """,
    subcommands: [Generate.self, Lint.self, Stats.self, Mock.self])
}

/// Options that say where the docs are and how to read them.
struct DocsOptions: ParsableArguments {
  @Argument(help: "The folder of Markdown pages (mkdocs' docs_dir).")
  var docsFolder: String?

  @Option(name: .customLong("docs"), help: "The folder of Markdown pages, as an option.")
  var docsOption: String?

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
    if let baseURL {
      let read = ServerURL(reading: baseURL)
      if case .template = read {
        throw ValidationError("--base-url '\(baseURL)' has a placeholder; give the URL the client should call.")
      }
      if let problem = read.problem { throw ValidationError("--base-url '\(baseURL)' \(problem).") }
    }
  }

  func generator(clientName: String = "NavixyClient") -> Generator {
    Generator(
      options: .init(
        docs: URL(fileURLWithPath: docs), baseURL: baseURL, title: title, clientName: clientName,
        dialect: dialect.dialect))
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
      removed.
      """)

  @OptionGroup var docsOptions: DocsOptions

  @Option(help: "The output folder. Only files apigen generated are ever replaced or removed.")
  var output: String

  @Option(help: "The name of the generated client type.")
  var clientName = "NavixyClient"

  @OptionGroup var reportOptions: ReportOptions

  func run() throws {
    let start = ContinuousClock.now
    let report = Report(format: reportOptions.format)
    let watchdog = reportOptions.watchdog()
    let generator = docsOptions.generator(clientName: clientName)
    let result: Generator.Result
    let written: WriteSummary?
    do {
      result = try generator.generate()
      watchdog.stop()
      written = result.hasErrors || (reportOptions.strict && result.hasWarnings)
        ? nil : try generator.write(result, to: URL(fileURLWithPath: output))
    } catch {
      throw report.fail(error)
    }
    report.finish(
      endpoints: result.api.endpoints.count, types: result.api.types.count,
      diagnostics: result.diagnostics, dialect: result.dialect, elapsed: ContinuousClock.now - start, output: written,
      outcome: written == nil
        ? "nothing written to \(output): \(Report.reason(strict: reportOptions.strict, result.diagnostics))" : nil)
    if written == nil { throw ExitCode(ExitStatus.docsHaveErrors) }
  }
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
      dialect: reading.dialect, elapsed: ContinuousClock.now - start, output: nil, outcome: nil)
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

  /// Prints the diagnostics and the summary `2 endpoints, 2 types, 1 warning in 0.01 s`;
  /// `outcome` is a further line (text only) saying what did not happen.
  func finish(
    endpoints: Int, types: Int, diagnostics: [Diagnostic], dialect: DialectDetection, elapsed: Duration,
    output: WriteSummary?, outcome: String?
  ) {
    let summary = Summary(
      endpoints: endpoints, types: types, errors: diagnostics.count { $0.severity == .error },
      warnings: diagnostics.count { $0.severity == .warning }, seconds: Self.seconds(elapsed),
      dialect: dialect.dialect.name, dialectReason: dialect.reason)
    switch format {
    case .text:
      for diagnostic in diagnostics { Output.standardError(diagnostic.description) }
      Output.standardError(summary.line)
      if let outcome { Output.standardError("apigen: \(outcome)") }
    case .json:
      Self.printJSON(JSONReport(diagnostics: diagnostics, summary: summary, output: output, failure: nil))
    }
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
          diagnostics: [], summary: nil, output: nil,
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
    var output: WriteSummary?
    var failure: Failure?
  }

  private static func seconds(_ elapsed: Duration) -> Double {
    Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  private static func printJSON(_ report: JSONReport) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain values cannot fail; an empty object keeps the output JSON if it ever did.
    let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
    FileHandle.standardOutput.write(data + Data("\n".utf8))
  }
}
