import Foundation
import Testing

@testable import DocsMarkdown

/// The bounds on work per page, and the shapes of text that used to cost more than linear
/// time. Each timed case must finish far inside its budget; before the fixes, each took
/// seconds to minutes at these sizes.
@Suite struct ParseLimitsTests {
  private func seconds(_ body: () -> Void) -> Double {
    let start = ContinuousClock.now
    body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  @Test func pageOverTheSizeLimitIsRefusedUnread() {
    let parser = MarkdownParser(limits: ParseLimits(maximumPageBytes: 100))
    let document = parser.parse(String(repeating: "word ", count: 30))
    #expect(document.blocks.isEmpty)
    #expect(document.refusal?.kind == "page-too-large")
    #expect(document.issues.map(\.kind) == ["page-too-large"])
    #expect(MarkdownParser().parse("# fine\n").refusal == nil)
  }

  @Test func macrosThatBlowThePageUpAreRefused() {
    let parser = MarkdownParser(
      macros: ["big": String(repeating: "x", count: 1_000)], limits: ParseLimits(maximumPageBytes: 10_000))
    let document = parser.parse(String(repeating: "{{ big }} ", count: 20))
    #expect(document.refusal?.kind == "page-too-large")
    #expect(document.refusal?.message.contains("once its macros are expanded") == true)
  }

  /// CVE-2023-22486 in Debian's cmark: `![[]()` repeated is quadratic.
  @Test func cmarkQuadraticImageCaseIsRefusedQuickly() {
    var document: MarkdownDocument?
    let time = seconds { document = MarkdownParser().parse(String(repeating: "![[]()", count: 40_000)) }
    #expect(document?.refusal?.kind == "page-too-complex")
    #expect(document?.refusal?.position == TextPosition(line: 1, column: 1))
    #expect(time < 1, "took \(time) s")
  }

  @Test func imageOpenersAndLinksCountPerParagraph() {
    let limits = ParseLimits(maximumImageLinkPairs: 100)
    // 10 × 10 in each of two paragraphs: 200 pairs on the page, over the limit; CRLF blank
    // lines separate paragraphs as LF ones do.
    let paragraph = String(repeating: "![", count: 10) + String(repeating: "[a](b)", count: 10)
    let twice = limits.violation(in: Array((paragraph + "\r\n\r\n" + paragraph).utf8))
    #expect(twice?.kind == "page-too-complex")
    #expect(twice?.position.line == 1)
    // Images and links in different paragraphs do not multiply.
    let apart = String(repeating: "![x\n\n", count: 50) + String(repeating: "[a](b)\n\n", count: 50)
    #expect(limits.violation(in: Array(apart.utf8)) == nil)
  }

  @Test func deepBlockNestingIsCutAndReportedOnce() {
    for text in [
      String(repeating: "- ", count: 10_000) + "x\n",
      String(repeating: "> ", count: 10_000) + "x\n",
      String(repeating: "> - ", count: 5_000) + "x\n",
    ] {
      let document = MarkdownParser().parse(text)
      #expect(document.issues.map(\.kind) == ["nesting-too-deep"])
    }
  }

  @Test func deepAdmonitionNestingIsCutAndReported() {
    let text = (0..<100).map { String(repeating: "    ", count: $0) + "!!! note\n" }.joined()
      + String(repeating: "    ", count: 100) + "deepest\n"
    let document = MarkdownParser().parse(text)
    #expect(document.issues.map(\.kind) == ["nesting-too-deep"])
  }

  @Test func deepInlineNestingKeepsItsText() throws {
    let text = String(repeating: "*a ", count: 20_000) + "b" + String(repeating: " a*", count: 20_000)
    let document = MarkdownParser().parse(text + "\n")
    #expect(document.issues.map(\.kind) == ["nesting-too-deep"])
    guard case .paragraph(let inlines)? = document.blocks.first?.kind else {
      Issue.record("expected a paragraph")
      return
    }
    // Nothing is lost: the cut-off part is kept as text.
    #expect(inlines.plainText.filter { $0 == "b" }.count == 1)
    #expect(inlines.plainText.filter { $0 == "a" }.count == 40_000)
  }

  @Test func manyTablesInOneParagraphTakeLinearTime() {
    let text = String(repeating: "| a | b |\n|---|---|\n| 1 | 2 |\ntext\n", count: 5_000)
    var document: MarkdownDocument?
    let time = seconds { document = MarkdownParser().parse(text) }
    let tables = document?.blocks.filter { if case .table = $0.kind { true } else { false } }
    #expect(tables?.count == 5_000)
    #expect(tables?.last?.position == TextPosition(line: 19_997, column: 1))
    #expect(time < 5, "took \(time) s")
  }

  @Test func unclosedBacktickRunsOfManyLengthsTakeLinearTime() {
    let line = "| " + (1..<1_000).map { String(repeating: "`", count: $0) }.joined(separator: " ") + " |"
    var cells: [CellSplitter.Cell] = []
    let time = seconds { cells = CellSplitter.cells(in: line) }
    #expect(cells.count == 1)
    #expect(time < 2, "took \(time) s")
    // Closing runs are still found after a search that failed.
    #expect(CellSplitter.cells(in: "| `a` `` b | c `` ``` | d |").map(\.text) == ["`a` `` b | c `` ```", "d"])
  }

  @Test func manyMacrosOnOneLineMapBackInLinearTime() {
    let parser = MarkdownParser(macros: ["m": "expanded"])
    let text = String(repeating: "{{ m }}*", count: 20_000) + " `end`\n"
    var document: MarkdownDocument?
    let time = seconds { document = parser.parse(text) }
    guard case .paragraph(let inlines)? = document?.blocks.first?.kind else {
      Issue.record("expected a paragraph")
      return
    }
    // `end` sits after 20,000 macros of 7 bytes and 20,000 stars, plus a space and a backtick.
    #expect(inlines.last?.kind == .code("end"))
    #expect(inlines.last?.position == TextPosition(line: 1, column: 20_000 * 8 + 3))
    #expect(time < 5, "took \(time) s")
  }

  @Test func longFrontMatterValuesTakeLinearTime() {
    let text = "---\ntitle: t\ndescription: first\n" + String(repeating: "  more\n", count: 100_000) + "---\n# H\n"
    var document: MarkdownDocument?
    let time = seconds { document = MarkdownParser().parse(text) }
    #expect(document?.frontMatter.description?.count == 5 + 100_000 * 5)
    #expect(time < 5, "took \(time) s")
  }

  @Test func nulColumnCountsFromTheLineStart() {
    let document = MarkdownParser().parse(bytes: Array("# T\n\na".utf8) + [0, 0] + Array("b\n".utf8))
    #expect(document.issues.map(\.position) == [TextPosition(line: 3, column: 2)])
  }

  @Test func issuesOfOneKindAreCappedWithACount() {
    let line: [UInt8] = Array("x ".utf8) + [0xFF, 0x0A]
    let bytes = Array(repeating: line, count: 80).flatMap { $0 }
    let document = MarkdownParser().parse(bytes: bytes)
    #expect(document.issues.count == 51)
    #expect(document.issues.last?.message == "30 more problems of this kind on the page, from here on, not listed")
    #expect(document.issues.last?.position.line == 51)
  }
}
