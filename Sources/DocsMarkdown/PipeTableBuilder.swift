import Ccmark

/// Rebuilds GFM pipe tables, which plain cmark leaves as paragraphs.
///
/// The paragraph's own source lines are split into cells on unescaped pipes outside code
/// spans; each cell is parsed by cmark on its own, so links, code and emphasis in cells come
/// out as inlines with true positions.
enum PipeTableBuilder {
  /// The blocks that replace `paragraph` when it holds a table (text before, between or after
  /// tables becomes paragraphs again); nil when it holds none.
  ///
  /// Tables that follow each other in one paragraph are found in one loop rather than by
  /// re-entering cmark for the rest of the paragraph after each table: thousands of tables
  /// glued together would otherwise cost quadratic time and as many stack frames.
  static func tableBlocks(paragraph: CmarkNode, converter: inout BlockConverter, depth: Int)
    -> [Block]?
  {
    let region = converter.region
    let first = paragraph.startLine
    let last = max(paragraph.endLine, first)
    guard last - first >= 1, last <= region.lines.count else { return nil }
    // Lines after the first keep any container prefix; cut every line at the paragraph's column.
    let cut = paragraph.startColumn - 1
    let lines = (first...last).map { String(decoding: region.lines[$0 - 1].utf8.dropFirst(cut), as: UTF8.self) }
    let line = { (index: Int) in first + index }

    var blocks: [Block] = []
    // The index of the first line not yet turned into blocks.
    var pending = 0
    while let delimiterIndex = nextDelimiter(in: lines, after: pending),
      let table = table(
        lines: lines, delimiterIndex: delimiterIndex, cut: cut, line: line, converter: &converter)
    {
      let headerIndex = delimiterIndex - 1
      if headerIndex > pending {
        blocks += converter.reparse(region.slice(line(pending), line(headerIndex - 1)), depth: depth)
      }
      blocks.append(table.block)
      pending = table.bodyEnd + 1
    }
    guard pending > 0 else { return nil }
    if pending < lines.count {
      blocks += converter.reparse(region.slice(line(pending), last), depth: depth)
    }
    return blocks
  }

  /// The first delimiter row at or after `start + 1` whose line before it can be a header.
  private static func nextDelimiter(in lines: [String], after start: Int) -> Int? {
    guard start + 1 < lines.count else { return nil }
    return lines.indices[(start + 1)...].first {
      DelimiterRow(lines[$0]) != nil && lines[$0 - 1].contains("|")
        && !CellSplitter.cells(in: lines[$0 - 1]).isEmpty
    }
  }

  /// The table whose delimiter row is `lines[delimiterIndex]`, and the index of its last row;
  /// nil when the header and the delimiter row disagree on the number of columns.
  private static func table(
    lines: [String], delimiterIndex: Int, cut: Int, line: (Int) -> Int, converter: inout BlockConverter
  ) -> (block: Block, bodyEnd: Int)? {
    guard let delimiter = DelimiterRow(lines[delimiterIndex]) else { return nil }
    let headerIndex = delimiterIndex - 1
    let headerCells = CellSplitter.cells(in: lines[headerIndex])
    guard headerCells.count == delimiter.alignments.count else { return nil }
    var bodyEnd = delimiterIndex
    while bodyEnd + 1 < lines.count, lines[bodyEnd + 1].contains("|") { bodyEnd += 1 }

    let region = converter.region
    var header: [TableCell] = []
    for headerCell in headerCells {
      header.append(cell(headerCell, line: line(headerIndex), cut: cut, converter: &converter))
    }
    var rows: [[TableCell]] = []
    for index in (delimiterIndex + 1)..<(bodyEnd + 1) {
      var cells: [TableCell] = []
      for rowCell in CellSplitter.cells(in: lines[index]) {
        cells.append(cell(rowCell, line: line(index), cut: cut, converter: &converter))
      }
      let rowStart = converter.reader.position(region, line: line(index), column: cut + 1)
      if cells.count < header.count {
        converter.issues.append(
          MarkdownIssue(
            kind: "table-short-row",
            message: "table row has \(cells.count) of \(header.count) cells; the missing ones are empty",
            position: rowStart))
        let end = cells.last.map { TextPosition(line: $0.position.line, column: $0.position.column) } ?? rowStart
        cells += Array(repeating: TableCell(content: [], position: end), count: header.count - cells.count)
      } else if cells.count > header.count {
        converter.issues.append(
          MarkdownIssue(
            kind: "table-long-row",
            message: "table row has \(cells.count) cells but the header has \(header.count); the extra ones are dropped",
            position: rowStart))
        cells.removeLast(cells.count - header.count)
      }
      rows.append(cells)
    }
    let tableStart = converter.reader.position(region, line: line(headerIndex), column: cut + 1)
    let table = Table(header: header, alignments: delimiter.alignments, rows: rows)
    return (Block(.table(table), at: tableStart), bodyEnd)
  }

  /// Parses one cell's text as inline content.
  private static func cell(
    _ cell: CellSplitter.Cell, line: Int, cut: Int, converter: inout BlockConverter
  ) -> TableCell {
    let region = converter.region
    let reader = converter.reader
    let column = cut + cell.offset + 1
    let position = reader.position(region, line: line, column: column)
    guard !cell.text.isEmpty else { return TableCell(content: [], position: position) }
    // A leading ';' keeps cmark from reading the cell as a block (a heading, a list item …)
    // without changing how the rest of the line is parsed; it is removed again below.
    let (content, issues): ([Inline], [MarkdownIssue]) = Cmark.parse(";" + cell.text) { root in
      guard let paragraph = root.children.first, paragraph.type == CMARK_NODE_PARAGRAPH else {
        return ([], [])
      }
      var inlines = InlineConverter(maximumDepth: reader.limits.maximumInlineNesting) {
        cellLine, cellColumn in
        reader.position(region, line: line + cellLine - 1, column: column + cellColumn - 2)
      }
      return (inlines.inlines(of: paragraph), inlines.issues)
    }
    converter.issues += issues
    return TableCell(content: dropMarker(content), position: position)
  }

  private static func dropMarker(_ inlines: [Inline]) -> [Inline] {
    guard var first = inlines.first, case .text(let text) = first.kind, text.hasPrefix(";") else {
      return inlines
    }
    let rest = String(text.dropFirst())
    if rest.isEmpty { return Array(inlines.dropFirst()) }
    first.kind = .text(rest)
    first.position.column += 1
    return [first] + inlines.dropFirst()
  }
}

/// The `| :--- | :---: |` line under a table header.
struct DelimiterRow {
  var alignments: [Table.Alignment]

  init?(_ line: String) {
    guard line.contains("-") else { return nil }
    let cells = CellSplitter.cells(in: line)
    guard !cells.isEmpty, line.contains("|") || cells.count > 1 else { return nil }
    var alignments: [Table.Alignment] = []
    for cell in cells {
      let text = cell.text
      let left = text.hasPrefix(":")
      let right = text.hasSuffix(":")
      let dashes = text.dropFirst(left ? 1 : 0).dropLast(right && text.count > 1 ? 1 : 0)
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
    }
    self.alignments = alignments
  }
}

/// Splits a table line into cells on pipes that are neither escaped nor inside a code span.
enum CellSplitter {
  struct Cell {
    /// The cell's text, trimmed, with `\|` inside code spans turned into `|` (as GFM does).
    var text: String
    /// Byte offset of the trimmed text in the line.
    var offset: Int
  }

  static func cells(in line: String) -> [Cell] {
    let bytes = Array(line.utf8)
    var boundaries: [Int] = []
    var codeRanges: [Range<Int>] = []
    var closers = ClosingRuns()
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "\\"):
        index += 2
      case UInt8(ascii: "`"):
        let run = backtickRun(bytes, at: index)
        if let close = closers.next(in: bytes, length: run, from: index + run) {
          codeRanges.append(index..<(close + run))
          index = close + run
        } else {
          index += run
        }
      case UInt8(ascii: "|"):
        boundaries.append(index)
        index += 1
      default:
        index += 1
      }
    }
    var start = 0
    var end = bytes.count
    let leading = bytes.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } ?? bytes.count
    if let firstPipe = boundaries.first, firstPipe == leading {
      start = firstPipe + 1
      boundaries.removeFirst()
    }
    let trailing = (bytes.lastIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } ?? -1)
    if let lastPipe = boundaries.last, lastPipe == trailing {
      end = lastPipe
      boundaries.removeLast()
    }
    guard start <= end else { return [] }
    // One flag per byte, so that finding whether a byte is in a code span costs O(1) however
    // many code spans the line holds.
    var inCode = [Bool](repeating: false, count: bytes.count)
    for range in codeRanges {
      for index in range where index < bytes.count { inCode[index] = true }
    }
    var cells: [Cell] = []
    var cellStart = start
    for boundary in boundaries + [end] {
      cells.append(makeCell(bytes, cellStart..<boundary, inCode: inCode))
      cellStart = boundary + 1
    }
    return cells
  }

  private static func makeCell(_ bytes: [UInt8], _ range: Range<Int>, inCode: [Bool]) -> Cell {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "\t") { lower += 1 }
    while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") || bytes[upper - 1] == UInt8(ascii: "\t") { upper -= 1 }
    var text: [UInt8] = []
    var index = lower
    while index < upper {
      if inCode[index], bytes[index] == UInt8(ascii: "\\"), index + 1 < upper, bytes[index + 1] == UInt8(ascii: "|") {
        index += 1
        continue
      }
      text.append(bytes[index])
      index += 1
    }
    return Cell(text: String(decoding: text, as: UTF8.self), offset: lower)
  }

  private static func backtickRun(_ bytes: [UInt8], at index: Int) -> Int {
    var end = index
    while end < bytes.count, isBacktick(bytes[end]) { end += 1 }
    return end - index
  }

  fileprivate static func isBacktick(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "`") }

  /// Finds closing backtick runs, remembering what a search that reached the end of the line
  /// saw, as cmark does: without it, a line of unclosed runs of many lengths (`` ` `` ``` `` ```
  /// …) would be rescanned once per run, in quadratic time.
  fileprivate struct ClosingRuns {
    /// Once a search reached the end of the line: the start of the last run of each length
    /// from where that search began.
    private var lastRunStart: [Int: Int]?

    /// The start of the next run of exactly `length` backticks at or after `start`. Searches
    /// come with `start` never decreasing and aligned to the end of a run.
    mutating func next(in bytes: [UInt8], length: Int, from start: Int) -> Int? {
      if let lastRunStart, (lastRunStart[length] ?? -1) < start { return nil }
      var seen: [Int: Int] = [:]
      var index = start
      while index < bytes.count {
        if CellSplitter.isBacktick(bytes[index]) {
          let run = CellSplitter.backtickRun(bytes, at: index)
          if run == length { return index }
          seen[run] = index
          index += run
        } else {
          index += 1
        }
      }
      if lastRunStart == nil { lastRunStart = seen }
      return nil
    }
  }
}
