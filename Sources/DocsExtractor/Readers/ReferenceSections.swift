import Foundation
import APIModel
import DocsMarkdown

/// What the docs say once for the whole API: the global error-code table and the servers.
struct ReferenceSections {
  var errorCodes: [ErrorCode] = []
  var servers: [APIDescription.Server] = []

  init() {}

  init(_ pages: [PageStructure]) {
    for page in pages {
      let conventions = page.conventions
      for section in page.root.allSections {
        if errorCodes.isEmpty, let codes = Self.errorTable(section, page: page.page, conventions: conventions) {
          errorCodes = codes
        }
        if servers.isEmpty, section.normalizedTitle.contains(conventions.serverSectionCue) {
          servers = Self.servers(section, page: page.page)
        }
      }
    }
  }

  /// A `code | description | HTTP code` table; empty HTTP cells take the section's
  /// "Default HTTP code is N".
  private static func errorTable(_ section: Section, page: SourcePage, conventions: DocsConventions) -> [ErrorCode]? {
    for block in section.blocks {
      guard case .table(let table) = block.kind else { continue }
      let titles = table.header.map { $0.plainText.lowercased().trimmed() }
      guard titles.count >= 2, Array(titles.prefix(2)) == conventions.errorTableColumns else { continue }
      let statusColumn = titles.firstIndex { $0.contains(conventions.errorTableHTTPColumnCue) }
      let fallback = defaultStatus(section, cue: conventions.defaultHTTPStatusCue)
      return table.rows.compactMap { row in
        guard let code = Int(row[0].plainText.trimmed()) else { return nil }
        let status = statusColumn.flatMap { Int(row[$0].plainText.trimmed()) } ?? fallback
        return ErrorCode(
          code: code, description: row[1].plainText.trimmed(), httpStatus: status,
          source: page.location(row[0].position))
      }
    }
    return nil
  }

  private static func defaultStatus(_ section: Section, cue: String) -> Int? {
    for text in section.blocks.compactMap(\.paragraphText) {
      let lower = text.lowercased()
      guard let range = lower.range(of: cue) else { continue }
      return Int(lower[range.upperBound...].trimmed().prefix { $0.isNumber })
    }
    return nil
  }

  /// List items that hold a URL in a code span: `` `https://api.eu.navixy.com/v2` for European … ``.
  private static func servers(_ section: Section, page: SourcePage) -> [APIDescription.Server] {
    section.blocks.flatMap { block -> [APIDescription.Server] in
      guard case .list(_, let items) = block.kind else { return [] }
      return items.compactMap { item in
        guard case .paragraph(let inlines)? = item.blocks.first?.kind,
          let url = inlines.codeSpans.first(where: { $0.hasPrefix("http") })
        else { return nil }
        var description = inlines.plainText.replacingOccurrences(of: url, with: "").trimmed()
        if description.hasPrefix("for ") { description = String(description.dropFirst(4)) }
        // `**European platform**: `https://…`` leaves the label's colon.
        description = description.trimmingSuffix(".").trimmingSuffix(":").trimmingSuffix(";")
        return APIDescription.Server(url: url, description: description, source: page.location(item.position))
      }
    }
  }
}
