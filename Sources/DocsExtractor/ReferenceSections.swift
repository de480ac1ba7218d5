import Foundation
import APIModel
import DocsMarkdown

/// What the docs say once for the whole API: the global error-code table and the base URLs.
struct ReferenceSections {
  var errorCodes: [ErrorCode] = []
  var servers: [APIDescription.Server] = []

  init(_ finders: [ActionFinder]) {
    for finder in finders {
      for section in finder.root.allSections {
        if errorCodes.isEmpty, let codes = Self.errorTable(section, page: finder.page) { errorCodes = codes }
        if servers.isEmpty, section.normalizedTitle.contains("base url") { servers = Self.servers(section) }
      }
    }
  }

  /// A `code | description | HTTP code` table; empty HTTP cells take the section's
  /// "Default HTTP code is N".
  private static func errorTable(_ section: Section, page: SourcePage) -> [ErrorCode]? {
    for block in section.blocks {
      guard case .table(let table) = block.kind else { continue }
      let titles = table.header.map { $0.plainText.lowercased().trimmed() }
      guard titles.first == "code", titles.count >= 2, titles[1] == "description" else { continue }
      let statusColumn = titles.firstIndex { $0.contains("http") }
      let fallback = defaultStatus(section)
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

  private static func defaultStatus(_ section: Section) -> Int? {
    for text in section.blocks.compactMap(\.paragraphText) {
      let lower = text.lowercased()
      guard let range = lower.range(of: "default http code is") else { continue }
      return Int(lower[range.upperBound...].trimmed().prefix { $0.isNumber })
    }
    return nil
  }

  /// List items that hold a URL in a code span: `` `https://api.eu.navixy.com/v2` for European … ``.
  private static func servers(_ section: Section) -> [APIDescription.Server] {
    section.blocks.flatMap { block -> [APIDescription.Server] in
      guard case .list(_, let items) = block.kind else { return [] }
      return items.compactMap { item in
        guard case .paragraph(let inlines)? = item.blocks.first?.kind,
          let url = inlines.codeSpans.first(where: { $0.hasPrefix("http") })
        else { return nil }
        var description = inlines.plainText.replacingOccurrences(of: url, with: "").trimmed()
        if description.hasPrefix("for ") { description = String(description.dropFirst(4)) }
        return APIDescription.Server(url: url, description: description.trimmingSuffix("."))
      }
    }
  }
}
