import APIModel
import ArgumentParser
import Foundation
import Pipeline

@main
struct APIGen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apigen",
    abstract: "Generates a Swift client, an OpenAPI document and a JSON model from API docs in Markdown.",
    subcommands: [Generate.self, Lint.self, Stats.self, Mock.self])
}

/// Options that say where the docs are and how to read them.
struct DocsOptions: ParsableArguments {
  @Option(help: "The folder of Markdown pages (mkdocs' docs_dir).")
  var docs: String

  @Option(help: "The API's base URL, for {{ extra.api_example_url }} when no mkdocs.yml beside the docs folder defines it.")
  var baseURL = "https://api.navixy.com/v2"

  @Option(help: "The API's title in the generated documents.")
  var title = "Navixy API"

  func generator(clientName: String = "NavixyClient") -> Generator {
    Generator(
      options: .init(
        docs: URL(fileURLWithPath: docs), baseURL: baseURL, title: title, clientName: clientName))
  }
}

/// Exit codes, as documented in the README.
enum ExitStatus {
  static let docsHaveErrors: Int32 = 1
  static let ioError: Int32 = 74
}

struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Writes OUTPUT/Swift/*.swift, OUTPUT/openapi.json and OUTPUT/api.json.")

  @OptionGroup var docsOptions: DocsOptions

  @Option(help: "The output folder. Only files apigen generated are ever replaced or removed.")
  var output: String

  @Option(help: "The name of the generated client type.")
  var clientName = "NavixyClient"

  func run() throws {
    let start = ContinuousClock.now
    do {
      let (result, written) = try docsOptions.generator(clientName: clientName).run(
        output: URL(fileURLWithPath: output))
      Report.print(result.diagnostics)
      let elapsed = ContinuousClock.now - start
      Report.summary(
        endpoints: result.api.endpoints.count, types: result.api.types.count,
        diagnostics: result.diagnostics, elapsed: elapsed,
        files: result.hasErrors
          ? "nothing written"
          : "\(written.written.count) written, \(written.unchanged.count) unchanged, \(written.removed.count) removed")
      if result.hasErrors { throw ExitCode(ExitStatus.docsHaveErrors) }
    } catch let error as GeneratorError {
      throw Report.fail(error)
    }
  }
}

struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Reads the docs and reports what is wrong with them, without writing anything.")

  @OptionGroup var docsOptions: DocsOptions

  @Flag(help: "Exit with status 1 on warnings too.")
  var strict = false

  func run() throws {
    let start = ContinuousClock.now
    do {
      let (api, diagnostics) = try docsOptions.generator().read()
      Report.print(diagnostics)
      Report.summary(
        endpoints: api.endpoints.count, types: api.types.count, diagnostics: diagnostics,
        elapsed: ContinuousClock.now - start, files: nil)
      let failing = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
      if failing { throw ExitCode(ExitStatus.docsHaveErrors) }
    } catch let error as GeneratorError {
      throw Report.fail(error)
    }
  }
}

/// How results reach the terminal: diagnostics and errors on stderr, the summary too (stdout
/// stays free for tools).
enum Report {
  static func print(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics { standardError(diagnostic.description) }
  }

  static func summary(
    endpoints: Int, types: Int, diagnostics: [Diagnostic], elapsed: Duration, files: String?
  ) {
    let errors = diagnostics.count { $0.severity == .error }
    let warnings = diagnostics.count { $0.severity == .warning }
    let seconds = Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
    var line = "\(endpoints) endpoints, \(types) types, \(errors) errors, \(warnings) warnings"
    line += " in " + String(format: "%.2f", seconds) + " s"
    if let files { line += " (\(files))" }
    standardError(line)
  }

  static func fail(_ error: GeneratorError) -> ExitCode {
    standardError("error: \(error.description)")
    switch error {
    case .input: return ExitCode(ExitStatus.docsHaveErrors)
    case .io: return ExitCode(ExitStatus.ioError)
    }
  }

  private static func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
