import APIModel
import DocsMarkdown

/// The diagnostics of one extraction, collected by every reader and pass.
final class DiagnosticLog {
  private(set) var diagnostics: [Diagnostic] = []

  func add(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  func add(_ more: [Diagnostic]) {
    diagnostics += more
  }

  /// A warning at a place of `page`.
  func warn(
    _ kind: String, _ message: String, on page: SourcePage, at position: TextPosition,
    notes: [Diagnostic.Note] = [], fixIt: String? = nil
  ) {
    diagnostics.append(.warning(kind, message, at: page.location(position), notes: notes, fixIt: fixIt))
  }
}
