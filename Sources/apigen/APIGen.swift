import APIModel
import ArgumentParser
import CommandSupport
import Foundation
import Pipeline
import SwiftEmitter

@main
struct APIGen: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apigen",
    abstract: "Generates a Swift client, an OpenAPI document and a JSON model from API docs in Markdown.",
    discussion: """
      Exit status: 0 success; 1 the docs have errors (or warnings, with --strict); 64 usage \
      error; 74 a file or folder could not be read or written.
      """,
    subcommands: [Generate.self, Lint.self, Stats.self])
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

  func validate() throws {
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
    let generator = try docsOptions.generator(
      swift: .init(
        clientName: clientName ?? configuration?.clientName ?? "NavixyClient",
        accessModifier: accessModifier ?? configuration?.accessModifier ?? .public,
        layout: swiftFiles.map { .parts(count: $0) } ?? .areas))
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
      diagnostics: result.diagnostics, dialect: result.dialect, elapsed: ContinuousClock.now - start,
      output: written,
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
      dialect: reading.dialect, elapsed: ContinuousClock.now - start, output: nil, outcome: nil)
    let failing = diagnostics.contains {
      $0.severity == .error || (reportOptions.strict && $0.severity == .warning)
    }
    if failing { throw ExitCode(ExitStatus.docsHaveErrors) }
  }
}

extension AccessModifier: ExpressibleByArgument {}
