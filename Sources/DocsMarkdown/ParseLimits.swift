/// Bounds on the work one page may cause, so that no page (a mistake, a binary file saved as
/// `.md`, or text written to hurt) can make a run take minutes or exhaust the stack.
///
/// Each bound sits far above what real docs need (the Navixy docs' largest page is 80 KB, with
/// blocks nested 4 deep and at most 11 image-link pairs) and far below where the work becomes
/// noticeable. Pages over a bound are refused whole (`page-too-large`, `page-too-complex`);
/// nesting over a bound is cut off where it starts (`nesting-too-deep`).
public struct ParseLimits: Hashable, Sendable {
  /// The largest page read, in bytes (before and after `{{ macro }}` expansion). 1 MiB is 12
  /// times the largest real page; the costliest pages of that size (nothing but tables, or
  /// headings) take 3 to 8 seconds through a debug build of apigen, about 4 times less through
  /// a release build.
  public var maximumPageBytes: Int
  /// Blocks (lists, quotes, tabs, admonitions) nested deeper than this are skipped. The tree is
  /// converted recursively; 64 levels keep that far from any thread's stack limit.
  public var maximumNesting: Int
  /// Inlines (emphasis, links, images) nested deeper than this are kept as their plain text.
  public var maximumInlineNesting: Int
  /// cmark 0.30.2 (Debian's; CVE-2023-22486, fixed in 0.30.3) takes time proportional to the
  /// number of unclosed image openers `![` times the number of links closed after them in the
  /// same paragraph: `![[]()` × 40,000 takes 3 to 7 seconds. A page is refused when the sum
  /// over its paragraphs of (`![` count × `](` count) exceeds this; 1,000,000 costs a few
  /// milliseconds at most.
  public var maximumImageLinkPairs: Int
  /// At most this many problems of one kind are reported per page; one more issue says how
  /// many were left out (a binary file would otherwise report every line).
  public var maximumIssuesPerKind: Int

  public init(
    maximumPageBytes: Int = 1 << 20, maximumNesting: Int = 64, maximumInlineNesting: Int = 32,
    maximumImageLinkPairs: Int = 1_000_000, maximumIssuesPerKind: Int = 50
  ) {
    self.maximumPageBytes = maximumPageBytes
    self.maximumNesting = maximumNesting
    self.maximumInlineNesting = maximumInlineNesting
    self.maximumImageLinkPairs = maximumImageLinkPairs
    self.maximumIssuesPerKind = maximumIssuesPerKind
  }

  /// Why a page of `byteCount` bytes is refused before it is read, if it is.
  public func sizeViolation(byteCount: Int) -> MarkdownIssue? {
    guard byteCount > maximumPageBytes else { return nil }
    return MarkdownIssue(
      kind: "page-too-large",
      message: "the page has \(byteCount) bytes, more than the limit of \(maximumPageBytes); it is not read",
      position: TextPosition(line: 1, column: 1))
  }

  /// Why the page `bytes` is refused, if it is: too large, or shaped to make cmark slow.
  public func violation(in bytes: [UInt8]) -> MarkdownIssue? {
    if let issue = sizeViolation(byteCount: bytes.count) { return issue }
    return imageLinkViolation(in: bytes)
  }

  /// Counts `![` and `](` per run of lines between blank lines (a paragraph cannot span a blank
  /// line, so cmark's quadratic walk cannot either). Counting ignores code spans and escapes: it
  /// can only overestimate, and real pages stay orders of magnitude below the limit.
  func imageLinkViolation(in bytes: [UInt8]) -> MarkdownIssue? {
    // Counts are at most half the page size, so products of them cannot overflow.
    var total = 0
    var worst = (line: 1, images: 0, links: 0)
    var chunk = (line: 0, images: 0, links: 0)
    var line = 1
    var lineIsBlank = true
    var previous: UInt8 = 0
    func closeChunk() {
      total += chunk.images * chunk.links
      if chunk.images * chunk.links > worst.images * worst.links { worst = chunk }
      chunk = (0, 0, 0)
    }
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "\n") where previous == UInt8(ascii: "\r"):
        break  // the second half of a CRLF
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        if lineIsBlank { closeChunk() }
        line += 1
        lineIsBlank = true
      case UInt8(ascii: " "), UInt8(ascii: "\t"):
        break
      default:
        if chunk.line == 0 { chunk.line = line }
        if byte == UInt8(ascii: "[") && previous == UInt8(ascii: "!") { chunk.images += 1 }
        if byte == UInt8(ascii: "(") && previous == UInt8(ascii: "]") { chunk.links += 1 }
        lineIsBlank = false
      }
      previous = byte
    }
    closeChunk()
    guard total > maximumImageLinkPairs else { return nil }
    return MarkdownIssue(
      kind: "page-too-complex",
      message: "the paragraph here has \(worst.images) image openers '![' and \(worst.links) links"
        + " (\(total) pairs on the page, more than the limit of \(maximumImageLinkPairs));"
        + " cmark would take too long, so the page is not read",
      position: TextPosition(line: worst.line, column: 1))
  }
}
