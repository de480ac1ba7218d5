import APIModel
import ArgumentParser
import DocsMarkdown
import Foundation
import Pipeline

/// How results reach the user. Text: diagnostics, then the one-line summary, on standard
/// error (standard output stays free). JSON: one object on standard output,
/// `{"diagnostics": [...], "summary": {...}, "output": {...}, "failure": ...}`.
package struct Report {
  package var format: ReportOptions.Format = .text

  package init(format: ReportOptions.Format = .text) {
    self.format = format
  }

  /// Prints the diagnostics and the summary `2 endpoints, 2 types, 1 warning in 0.01 s`;
  /// `outcome` is a further line (text only) saying what did not happen.
  package func finish(
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
          diagnostics: [], summary: nil, output: nil,
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
