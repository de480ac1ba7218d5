import ArgumentParser
import Foundation
import Pipeline
import SwiftEmitter

/// Options that say where the docs are and how to read them: on the command line, or in an
/// `apigen.json` (`--config`).
package struct DocsOptions: ParsableArguments {
  package init() {}

  @Argument(help: "The folder of Markdown pages (mkdocs' docs_dir).")
  package var docsFolder: String?

  @Option(name: .customLong("docs"), help: "The folder of Markdown pages, as an option.")
  package var docsOption: String?

  @Option(
    help: ArgumentHelp(
      "Read the docs folder and options from an apigen.json (see the README), instead of the command line.",
      valueName: "file"))
  package var config: String?

  @Option(
    help: ArgumentHelp(
      "The API's base URL, for {{ extra.api_example_url }} when no mkdocs.yml beside the docs folder defines it. (default: \(Self.defaultBaseURL))",
      valueName: "url"))
  package var baseURL: String?

  @Option(help: "The API's title in the generated documents.")
  package var title = "Navixy API"

  package static let defaultBaseURL = "https://api.navixy.com/v2"

  package func validate() throws {
    let folders = [docsFolder, docsOption].compactMap { $0 }
    if let configuration = try configuration() {
      guard folders.isEmpty else {
        throw ValidationError("Give the docs folder in \(config ?? "") or on the command line, not both.")
      }
      try Self.once("--base-url", baseURL, configuration.baseURL, in: config)
      return
    }
    switch folders.count {
    case 0:
      throw ValidationError(
        "Missing the docs folder: give it as DOCS-FOLDER, --docs DOCS-FOLDER or --config apigen.json.")
    case 1: break
    default: throw ValidationError("Give the docs folder once: as DOCS-FOLDER or as --docs, not both.")
    }
  }

  /// The `--config` file, read, or nil without one.
  package func configuration() throws(ValidationError) -> Configuration? {
    try config.map { path throws(ValidationError) in try Configuration.read(URL(fileURLWithPath: path)) }
  }

  /// Fails when an option is given both on the command line and in the configuration file.
  package static func once<Value>(_ option: String, _ given: Value?, _ configured: Value?, in file: String?) throws {
    if given != nil, configured != nil {
      throw ValidationError("\(option) is set in \(file ?? "the configuration") too: give it in one place.")
    }
  }

  /// A generator of these docs; `swift` says how the Swift client is written.
  package func generator(swift: SwiftEmitter.Options = .init()) throws -> Generator {
    let configuration = try configuration()
    let docs = docsFolder.map(URL.init(fileURLWithPath:)) ?? docsOption.map(URL.init(fileURLWithPath:))
      ?? configuration?.docs ?? URL(fileURLWithPath: "")
    var options = Generator.Options(
      docs: docs, baseURL: baseURL ?? configuration?.baseURL ?? Self.defaultBaseURL, title: title)
    options.swift = swift
    return Generator(options: options)
  }
}

/// How results are reported, shared by `generate` and `lint`.
package struct ReportOptions: ParsableArguments {
  package init() {}

  package enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Flag(help: "Treat warnings as errors: exit with status 1 (and, for generate, write nothing).")
  package var strict = false

  @Option(help: "text: diagnostics and a summary on standard error. json: one JSON object on standard output.")
  package var format: Format = .text

  @Option(help: "Stop with status 1 when reading and generating take longer than this many seconds (0: no limit).")
  package var timeLimit: Double = 120

  /// A watchdog for this run's time limit.
  package func watchdog() -> Watchdog {
    Watchdog(
      seconds: timeLimit,
      message: "error: apigen did not finish within \(String(format: "%g", timeLimit)) s (--time-limit);"
        + " nothing was written."
        + " Something in the docs makes it slow: please report it with the docs that caused it.")
  }
}
