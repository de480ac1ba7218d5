import APIModel
import ArgumentParser
import DocsMarkdown
import Foundation
import ModelDiff
import Pipeline

/// How results reach the user. Text: diagnostics, then the one-line summary, on standard
/// error (standard output stays free). JSON: one object on standard output,
/// `{"diagnostics": [...], "summary": {...}, "output": {...}, "failure": ...}`.
package struct Report {
  package var format: ReportOptions.Format = .text

  package init(format: ReportOptions.Format = .text) {
    self.format = format
  }

  /// What a `generate` run did besides reading, and why it wrote nothing when it did not.
  package struct Outcome {
    /// Why nothing was written (the docs' errors, `--strict`, `--fail-on`).
    package var refusal: String?
    /// The exit status that goes with `refusal`.
    package var status = ExitStatus.docsHaveErrors
    /// What changed since the output folder's `api.json`; nil without one.
    package var changes: ChangeReport?
    /// `--check`: the files that differ.
    package var check: OutputDifference?
    package var written: WriteSummary?

    package init() {}

    /// The exit status of a run that did not do what it was asked to, nil for success.
    package var failureStatus: Int32? {
      if refusal != nil { return status }
      if let check, !check.isEmpty { return ExitStatus.outputDiffers }
      return nil
    }
  }

  /// Prints the diagnostics, what changed in the API, the summary `2 endpoints, 2 types, 1
  /// warning in 0.01 s`, then (text only) a line saying what did not happen and why. `output`
  /// is the output folder as given, for `generate`.
  package func finish(
    endpoints: Int, types: Int, diagnostics: [Diagnostic], dialect: DialectDetection, elapsed: Duration,
    output: String?, outcome: Outcome = Outcome()
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
  package func fail(_ error: GeneratorError) -> ExitCode {
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
  package static func fail(_ error: GeneratorError) -> ExitCode {
    Report().fail(error)
  }

  package static func reason(strict: Bool, _ diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.count { $0.severity == .error }
    if errors > 0 { return "the docs have \(Summary.counted(errors, "error"))" }
    let warnings = diagnostics.count { $0.severity == .warning }
    return "the docs have \(Summary.counted(warnings, "warning")) and --strict is on"
  }

  package struct Summary: Encodable {
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

    package static func counted(_ count: Int, _ noun: String) -> String {
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
  package static func printJSON(_ value: some Encodable) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain values cannot fail; an empty object keeps the output JSON if it ever did.
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    FileHandle.standardOutput.write(data + Data("\n".utf8))
  }
}
