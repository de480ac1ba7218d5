import APIModel
import ArgumentParser
import DocsMarkdown
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
    help: """
      The API's base URL: the client's default server, and {{ extra.api_example_url }} when no \
      mkdocs.yml beside the docs folder defines it. (default: mkdocs.yml's, else the first \
      server the docs state, else \(Generator.fallbackBaseURL))
      """)
  package var baseURL: String?

  @Option(
    help: """
      The Markdown dialect of the pages: mkdocs, gitbook, or auto to tell from the folder \
      (mkdocs.yml; SUMMARY.md, .gitbook.yaml; the pages' {% %} tags or === tabs). (default: auto)
      """)
  package var dialect: DialectOption?

  @Option(help: "The API's title in the generated documents.")
  package var title = "Navixy API"

  package func validate() throws {
    let folders = [docsFolder, docsOption].compactMap { $0 }
    if let configuration = try configuration() {
      guard folders.isEmpty else {
        throw ValidationError("Give the docs folder in \(config ?? "") or on the command line, not both.")
      }
      try Self.once("--base-url", baseURL, configuration.baseURL, in: config)
      try Self.once("--dialect", dialect, configuration.dialect, in: config)
    } else {
      switch folders.count {
      case 0:
        throw ValidationError(
          "Missing the docs folder: give it as DOCS-FOLDER, --docs DOCS-FOLDER or --config apigen.json.")
      case 1: break
      default: throw ValidationError("Give the docs folder once: as DOCS-FOLDER or as --docs, not both.")
      }
    }
    if let baseURL, let problem = Self.problem(ofBaseURL: baseURL) {
      throw ValidationError("--base-url '\(baseURL)' \(problem).")
    }
  }

  /// What is wrong with a base URL given as an option, if anything.
  package static func problem(ofBaseURL url: String) -> String? {
    let read = ServerURL(reading: url)
    if case .template = read { return "has a placeholder; give the URL the client should call" }
    return read.problem
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
      docs: docs, baseURL: baseURL ?? configuration?.baseURL, title: title,
      dialect: (dialect ?? configuration?.dialect)?.dialect)
    options.swift = swift
    return Generator(options: options)
  }
}

/// `--dialect`: one of the dialects apigen knows, or `auto`.
package enum DialectOption: ExpressibleByArgument, CaseIterable, Equatable {
  case auto
  case named(MarkdownDialect)

  package init?(argument: String) {
    if argument == "auto" {
      self = .auto
    } else if let dialect = MarkdownDialect.named(argument) {
      self = .named(dialect)
    } else {
      return nil
    }
  }

  package static var allCases: [DialectOption] { [.auto] + MarkdownDialect.all.map(DialectOption.named) }

  /// The values as they are typed, for the help text (`auto, mkdocs, gitbook`).
  package static var allValueStrings: [String] { allCases.map(\.defaultValueDescription) }

  package var defaultValueDescription: String {
    switch self {
    case .auto: "auto"
    case .named(let dialect): dialect.name
    }
  }

  package var dialect: MarkdownDialect? {
    if case .named(let dialect) = self { dialect } else { nil }
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
