import APIModel
import DocsMarkdown

/// Reads an `errors` section: a reference to the general error codes and/or a list of
/// `* 204 – Entity not found (if …)` or `* 204 (Entity not found) – if …` items.
struct ErrorSectionReader {
  let scope: PageScope

  func read(_ blocks: [Block]) -> ErrorList {
    var list = ErrorList(includesGeneral: false, codes: [])
    for block in blocks {
      switch block.kind {
      case .paragraph(let inlines):
        if mentionsGeneralCodes(inlines) { list.includesGeneral = true }
      case .list(_, let items):
        for item in items {
          guard case .paragraph(let inlines)? = item.blocks.first?.kind else { continue }
          if mentionsGeneralCodes(inlines) {
            list.includesGeneral = true
          } else if let code = Self.errorCode(inlines.plainText, at: scope.location(item.position)) {
            list.codes.append(code)
          }
        }
      default:
        continue
      }
    }
    return list
  }

  private func mentionsGeneralCodes(_ inlines: [Inline]) -> Bool {
    let text = inlines.plainText.lowercased()
    return text.hasPrefix(scope.conventions.generalErrorsStart) && text.contains(scope.conventions.generalErrorsHolds)
  }

  private static func errorCode(_ text: String, at location: SourceLocation) -> ErrorCode? {
    let digits = text.prefix { $0.isNumber }
    guard let code = Int(digits) else { return nil }
    var rest = text.dropFirst(digits.count).trimmed()
    for dash in ["–", "-", "—"] where rest.hasPrefix(dash) {
      rest = String(rest.dropFirst()).trimmed()
    }
    return ErrorCode(code: code, description: rest, source: location)
  }
}
