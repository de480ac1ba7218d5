import ArgumentParser
import Foundation
import Pipeline
import SwiftEmitter

/// Options that say where the docs are and how to read them.
package struct DocsOptions: ParsableArguments {
  package init() {}

  @Argument(help: "The folder of Markdown pages (mkdocs' docs_dir).")
  package var docsFolder: String?

  @Option(name: .customLong("docs"), help: "The folder of Markdown pages, as an option.")
  package var docsOption: String?

  @Option(help: "The API's base URL, for {{ extra.api_example_url }} when no mkdocs.yml beside the docs folder defines it.")
  package var baseURL = "https://api.navixy.com/v2"

  @Option(help: "The API's title in the generated documents.")
  package var title = "Navixy API"

  /// The docs folder, however it was given (validation makes sure it was, once).
  package var docs: String { docsFolder ?? docsOption ?? "" }

  package func validate() throws {
    switch (docsFolder, docsOption) {
    case (nil, nil): throw ValidationError("Missing the docs folder: give it as DOCS-FOLDER or --docs DOCS-FOLDER.")
    case (.some, .some): throw ValidationError("Give the docs folder once: as DOCS-FOLDER or as --docs, not both.")
    default: break
    }
  }

  /// A generator of these docs; `swift` says how the Swift client is written.
  package func generator(swift: SwiftEmitter.Options = .init()) -> Generator {
    var options = Generator.Options(docs: URL(fileURLWithPath: docs), baseURL: baseURL, title: title)
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
