/// A run of lines that cmark parses as one document: the whole page, or the dedented body of
/// a content tab or an admonition. It knows where each of its lines sits in the page.
struct Region {
  var lines: [String]
  /// The page line (1-based) of `lines[0]`.
  var firstLine: Int
  /// Per line, how many bytes of indentation were removed from the page's line.
  var columnOffsets: [Int]

  init(lines: [String], firstLine: Int, columnOffsets: [Int]? = nil) {
    self.lines = lines
    self.firstLine = firstLine
    self.columnOffsets = columnOffsets ?? Array(repeating: 0, count: lines.count)
  }

  /// The page line and prepared-text column of a position cmark reports in this region.
  func pageLine(_ line: Int) -> Int { firstLine + line - 1 }

  func pageColumn(line: Int, column: Int) -> Int {
    let index = line - 1
    return column + (columnOffsets.indices.contains(index) ? columnOffsets[index] : 0)
  }

  /// The lines `from...to` (1-based, region-relative) as a new region.
  func slice(_ from: Int, _ to: Int) -> Region {
    Region(
      lines: Array(lines[(from - 1)..<to]), firstLine: pageLine(from),
      columnOffsets: Array(columnOffsets[(from - 1)..<to]))
  }

  /// A region of `lines[from...to]` with `width` columns of indentation removed from each.
  func dedented(_ from: Int, _ to: Int, by width: Int) -> Region {
    var body: [String] = []
    var offsets: [Int] = []
    for index in (from - 1)..<to {
      let (text, removed) = Self.removeIndentation(lines[index], width: width)
      body.append(text)
      offsets.append(columnOffsets[index] + removed)
    }
    return Region(lines: body, firstLine: pageLine(from), columnOffsets: offsets)
  }

  /// Removes up to `width` columns of leading spaces and tabs; returns the bytes removed.
  private static func removeIndentation(_ line: String, width: Int) -> (String, Int) {
    var columns = 0
    var bytes = 0
    for byte in line.utf8 {
      guard columns < width else { break }
      if byte == UInt8(ascii: " ") {
        columns += 1
      } else if byte == UInt8(ascii: "\t") {
        columns += 4 - columns % 4
      } else {
        break
      }
      bytes += 1
    }
    return (String(decoding: line.utf8.dropFirst(bytes), as: UTF8.self), bytes)
  }
}
