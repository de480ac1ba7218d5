import Testing

@testable import SwiftEmitter

@Suite struct DocCommentTests {
  private func rendered(_ text: String, indent: Int = 1) -> [String] {
    var doc = DocComment()
    doc.paragraph(text)
    return doc.rendered(indent: indent)
  }

  @Test func hostileTextStaysInsideLineComments() {
    let text = """
      Ends a block comment */ opens a string \""" and interpolates \\(secret)
      next line\u{2028}after a line separator\rafter a return\u{85}after NEL, then a NUL:\u{0}.
      """
    let lines = rendered(text)

    #expect(lines.allSatisfy { $0.hasPrefix("  ///") })
    #expect(
      lines == [
        #"  /// Ends a block comment */ opens a string """ and interpolates \(secret)"#,
        "  /// next line",
        "  /// after a line separator",
        "  /// after a return",
        "  /// after NEL, then a NUL:.",
      ])
  }

  @Test func controlAndBidiCharactersAreDropped() {
    #expect(rendered("a\u{7}b\u{202E}c\u{2066}d", indent: 0) == ["/// abcd"])
  }

  @Test func anUnclosedFenceIsClosedBeforeTheNextBlock() {
    var doc = DocComment()
    doc.paragraph("Example:\n```json\n{ \"a\": 1 }")
    doc.item("Throws", "``APIError``.")

    #expect(
      doc.rendered(indent: 0) == [
        "/// Example:", "/// ```json", #"/// { "a": 1 }"#, "/// ```", "///",
        "/// - Throws: ``APIError``.",
      ])
  }

  @Test func longLinesWrapWithinTheLineLength() {
    let text = Array(repeating: "word", count: 60).joined(separator: " ")
    let lines = rendered(text, indent: 2)

    #expect(lines.count == 4)
    #expect(lines.allSatisfy { $0.count <= 100 && $0.hasPrefix("    /// word") })
    #expect(lines.map { $0.dropFirst(8) }.joined(separator: " ") == text)
  }

  @Test(arguments: ["-", "*", "+", "#", "##", ">", ">quote", "===", "---", "|", "1.", "1)", "```"])
  func aWrappedLineNeverStartsAMarkdownBlock(_ marker: String) {
    let filler = String(repeating: "x", count: 92)
    #expect(
      rendered("\(filler) \(marker) tail", indent: 0) == ["/// \(filler) \(marker)", "/// tail"])
  }

  @Test func aWordThatMustNotStartALineTakesThePreviousWordAlong() {
    let filler = String(repeating: "x", count: 94)
    #expect(rendered("\(filler) a - b", indent: 0) == ["/// \(filler)", "/// a - b"])
  }

  @Test(arguments: ["**bold**", "2.", "#5", "-1", "`code`"])
  func ordinaryWordsMayStartALine(_ word: String) {
    let filler = String(repeating: "x", count: 94)
    #expect(rendered("\(filler) \(word)", indent: 0) == ["/// \(filler)", "/// \(word)"])
  }

  @Test func wrappingLeavesNoTrailingSpaces() {
    let text = String(repeating: "word  ", count: 30)
    #expect(rendered(text).allSatisfy { !$0.hasSuffix(" ") })
  }

  @Test func fencedCodeTablesAndHeadingsAreNotWrapped() {
    let long = String(repeating: "abc ", count: 30)
    let text = "```\n\(long)\n```\n| \(long) |\n## \(long)"
    #expect(rendered(text, indent: 0).count == 5)
  }

  @Test func listItemsIndentTheirContinuations() {
    var doc = DocComment()
    doc.item("Parameters")
    doc.item("filter", String(repeating: "word ", count: 25) + "\n\nSecond paragraph.", level: 1)

    #expect(
      doc.rendered(indent: 0) == [
        "/// - Parameters:",
        "///   - filter: word word word word word word word word word word word word word word word word word",
        "///     word word word word word word word word",
        "///",
        "///     Second paragraph.",
      ])
  }

  @Test func blankTextAddsNothing() {
    var doc = DocComment()
    doc.paragraph(" \n\n  ")
    #expect(doc.isEmpty)
  }

  @Test(arguments: [("*", "`*`"), ("false", "`false`"), ("now minus 7 days", "now minus 7 days")])
  func defaultValuesAreCodeWhenTheyAreOneToken(_ value: String, _ expected: String) {
    #expect(DocText.inlineValue(value) == expected)
  }

  @Test func stringLiteralsEscapeWhatWouldEndThemOrInterpolate() {
    #expect(stringLiteral("a\"b\\(c)") == #""a\"b\\(c)""#)
    #expect(stringLiteral("line\nbreak\u{2028}\u{0}") == #""line\nbreak\u{2028}\u{0}""#)
    #expect(stringLiteral("category_filter") == #""category_filter""#)
    #expect(stringLiteral("café 😀") == #""café 😀""#)
  }
}
