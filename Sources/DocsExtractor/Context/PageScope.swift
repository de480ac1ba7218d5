import APIModel
import DocsMarkdown

/// What the readers of one page work with: the page, the conventions and the dialect it is
/// read by, and what the extraction shares across pages (the types, the diagnostics, the
/// object sections and value lists found so far).
struct PageScope {
  let page: SourcePage
  let conventions: DocsConventions
  let dialect: MarkdownDialect
  let types: TypeRegistry
  let log: DiagnosticLog
  let objects: ObjectIndex
  let valueLists: ValueListIndex

  func location(_ position: TextPosition) -> SourceLocation {
    page.location(position)
  }

  /// A note of a decision the docs' words made (a field read as optional), where they say it.
  func note(_ kind: String, _ message: String, at position: TextPosition) {
    log.add(Diagnostic(.note, kind: kind, message, at: location(position)))
  }

  func warn(
    _ kind: String, _ message: String, at position: TextPosition, notes: [Diagnostic.Note] = [], fixIt: String? = nil
  ) {
    log.warn(kind, message, on: page, at: position, notes: notes, fixIt: fixIt)
  }
}
