import APIModel
import ArgumentParser
import CommandSupport
import Foundation
import ModelDiff
import Pipeline
import SwiftEmitter

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
    subcommands: [Generate.self, Lint.self, Diff.self, Stats.self])
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

  @Option(help: ArgumentHelp("The name of the generated client type. (default: NavixyClient)", valueName: "name"))
  var clientName: String?

  @Option(
    help: ArgumentHelp(
      "The access level of every generated Swift declaration: public, package or internal. (default: public)",
      valueName: "access-modifier"))
  var accessModifier: AccessModifier?

  @Option(
    help: ArgumentHelp(
      "Write the Swift client as exactly N files, \(FileLayout.partFileNames(count: 2).joined(separator: ", ")) …, instead of a file per API area.",
      discussion: "For builds that must name their output files before generating (SwiftPM build-tool plugins).",
      valueName: "N"))
  var swiftFiles: Int?

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

  func validate() throws {
    if depfileTarget != nil && depfile == nil {
      throw ValidationError("--depfile-target needs --depfile.")
    }
    if let swiftFiles, !(1...FileLayout.maximumParts).contains(swiftFiles) {
      throw ValidationError("--swift-files must be between 1 and \(FileLayout.maximumParts).")
    }
    let configuration = try docsOptions.configuration()
    try DocsOptions.once("--client-name", clientName, configuration?.clientName, in: docsOptions.config)
    try DocsOptions.once(
      "--access-modifier", accessModifier, configuration?.accessModifier, in: docsOptions.config)
  }

  @OptionGroup var reportOptions: ReportOptions

  func run() throws {
    let start = ContinuousClock.now
    let report = Report(format: reportOptions.format)
    let watchdog = reportOptions.watchdog()
    let configuration = try docsOptions.configuration()
    var generator = try docsOptions.generator(
      swift: .init(
        clientName: clientName ?? configuration?.clientName ?? "NavixyClient",
        accessModifier: accessModifier ?? configuration?.accessModifier ?? .public,
        layout: swiftFiles.map { .parts(count: $0) } ?? .areas))
    generator.options.emit = emit.kinds
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
        outcome.changes = changeOptions.changes(
          since: outputFolder, to: result.api,
          writing: result.files.first { $0.path == ModelJSON.fileName }?.contents)
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
    let configuration = try docsOptions.configuration()
    let generator = try docsOptions.generator(
      swift: .init(clientName: configuration?.clientName ?? "NavixyClient"))
    let reading: Generator.Reading
    do {
      reading = try generator.lint()
      watchdog.stop()
    } catch {
      throw report.fail(error)
    }
    let diagnostics = reading.diagnostics
    report.finish(
      endpoints: reading.api.endpoints.count, types: reading.api.types.count, diagnostics: diagnostics,
      dialect: reading.dialect, elapsed: ContinuousClock.now - start, output: nil)
    let failing = diagnostics.contains {
      $0.severity == .error || (reportOptions.strict && $0.severity == .warning)
    }
    if failing { throw ExitCode(ExitStatus.docsHaveErrors) }
  }
}

extension AccessModifier: ExpressibleByArgument {}
