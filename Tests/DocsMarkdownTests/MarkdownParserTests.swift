import Testing

@testable import DocsMarkdown

@Suite struct FrontMatterTests {
  @Test func readsTitleAndDescriptionAndKeepsLineNumbers() {
    let page = """
      ---
      title: Push token
      description: Contains calls
        that continue.
      ---

      # Heading
      """
    let document = MarkdownParser().parse(page)
    #expect(document.frontMatter.title == "Push token")
    #expect(document.frontMatter.description == "Contains calls that continue.")
    #expect(document.blocks.count == 1)
    #expect(document.blocks[0].position == TextPosition(line: 7, column: 1))
  }

  @Test func pageWithoutFrontMatterIsLeftAlone() {
    let document = MarkdownParser().parse("# Title\n\n---\n\ntext\n")
    #expect(document.frontMatter.values.isEmpty)
    #expect(document.blocks.count == 3)
  }
}

@Suite struct PipeTableTests {
  private func firstTable(_ text: String) -> (Table, TextPosition)? {
    for block in MarkdownParser().parse(text).blocks {
      if case .table(let table) = block.kind { return (table, block.position) }
    }
    return nil
  }

  @Test func splitsCellsAndKeepsInlines() throws {
    let (table, position) = try #require(
      firstTable(
        """
        Intro.

        | name | description | type |
        | :----- | :-----: | ---: |
        | token | Push [token](a.md#b). | `string` |
        """))
    #expect(position == TextPosition(line: 3, column: 1))
    #expect(table.header.map(\.plainText) == ["name", "description", "type"])
    #expect(table.alignments == [.left, .center, .right])
    #expect(table.rows.count == 1)
    #expect(table.rows[0].map(\.plainText) == ["token", "Push token.", "string"])
    #expect(table.rows[0][0].position == TextPosition(line: 5, column: 3))
    guard case .link(let destination, _) = table.rows[0][1].content[1].kind else {
      Issue.record("expected a link, got \(table.rows[0][1].content)")
      return
    }
    #expect(destination == "a.md#b")
    #expect(table.rows[0][1].content[1].position == TextPosition(line: 5, column: 16))
    #expect(table.rows[0][2].content.first?.kind == .code("string"))
    #expect(table.rows[0][2].content.first?.position == TextPosition(line: 5, column: 36))
  }

  @Test func escapedPipesAndPipesInCodeSpansStayInTheCell() throws {
    let (table, _) = try #require(
      firstTable(
        """
        | a | b |
        |---|---|
        | x \\| y | `p|q` and `r\\|s` |
        """))
    #expect(table.rows[0].map(\.plainText) == ["x | y", "p|q and r|s"])
  }

  @Test func rowsWithoutOuterPipesAndMissingTrailingPipe() throws {
    let (table, _) = try #require(
      firstTable(
        """
        name | type
        --- | ---
        a | int
        | b | string
        """))
    #expect(table.rows.map { $0.map(\.plainText) } == [["a", "int"], ["b", "string"]])
  }

  @Test func shortRowIsPaddedAndReported() throws {
    let document = MarkdownParser().parse("| a | b | c |\n|---|---|---|\n| 1 | 2 |\n")
    guard case .table(let table) = document.blocks.first?.kind else {
      Issue.record("no table")
      return
    }
    #expect(table.rows[0].map(\.plainText) == ["1", "2", ""])
    #expect(document.issues.map(\.kind) == ["table-short-row"])
    #expect(document.issues.first?.position == TextPosition(line: 3, column: 1))
  }

  @Test func cellThatLooksLikeABlockStaysInline() throws {
    let (table, _) = try #require(firstTable("| a | b |\n|---|---|\n| # no | - item |\n"))
    #expect(table.rows[0].map(\.plainText) == ["# no", "- item"])
  }

  @Test func tableGluedToItsHeading() throws {
    let blocks = MarkdownParser().parse("#### parameters\n| a | b |\n|---|---|\n| 1 | 2 |\n").blocks
    #expect(blocks.count == 2)
    guard case .table = blocks[1].kind else {
      Issue.record("expected a table after the heading, got \(blocks)")
      return
    }
  }

  @Test func pipeLineInsideFencedCodeIsNotATable() {
    let blocks = MarkdownParser().parse("```\n| a | b |\n|---|---|\n```\n").blocks
    guard case .codeBlock = blocks.first?.kind else {
      Issue.record("expected code, got \(blocks)")
      return
    }
  }
}

@Suite struct DirectiveTests {
  @Test func contentTabsHoldTheirFencedCode() {
    let page = """
      #### example

      === "cURL"

          ```shell
          curl -X POST 'https://x/y'
          ```

      === "HTTP GET"
          ```
          https://x/y?hash=1
          ```

      After.
      """
    let blocks = MarkdownParser().parse(page).blocks
    #expect(blocks.count == 4)
    guard case .tab(let title, let body) = blocks[1].kind, case .codeBlock(let info, let code) = body.first?.kind
    else {
      Issue.record("expected a tab, got \(blocks[1])")
      return
    }
    #expect(title == "cURL")
    #expect(info == "shell")
    #expect(code == "curl -X POST 'https://x/y'\n")
    #expect(blocks[1].position == TextPosition(line: 3, column: 1))
    #expect(body[0].position == TextPosition(line: 5, column: 5))
    // No blank line between the tab and its fence: still a code block, not inline code.
    guard case .tab("HTTP GET", let second) = blocks[2].kind, case .codeBlock(_, let url) = second.first?.kind
    else {
      Issue.record("expected the second tab, got \(blocks[2])")
      return
    }
    #expect(url == "https://x/y?hash=1\n")
    #expect(second[0].position == TextPosition(line: 10, column: 5))
    #expect(blocks[3].position == TextPosition(line: 14, column: 1))
  }

  @Test func admonitionsWithAndWithoutBody() {
    let page = """
      !!! note "Title only."

      !!!warning "A title that runs
      over two lines"
          Body *text*.

      ??? example
          Inside.
      """
    let blocks = MarkdownParser().parse(page).blocks
    #expect(blocks.count == 3)
    #expect(blocks[0].kind == .admonition(type: "note", title: "Title only.", body: []))
    guard case .admonition("warning", let title, let body) = blocks[1].kind else {
      Issue.record("expected a warning, got \(blocks[1])")
      return
    }
    #expect(title == "A title that runs over two lines")
    #expect(body.count == 1)
    #expect(body.first?.position == TextPosition(line: 5, column: 5))
    guard case .admonition("example", nil, let third) = blocks[2].kind else {
      Issue.record("expected an example, got \(blocks[2])")
      return
    }
    #expect(third.count == 1)
  }

  @Test func directiveInsideAFenceIsCode() {
    let blocks = MarkdownParser().parse("````markdown\n=== \"cURL\"\n    x\n````\n").blocks
    #expect(blocks.count == 1)
  }
}

@Suite struct SourceTextTests {
  @Test func macrosExpandAndColumnsMapBack() {
    let parser = MarkdownParser(macros: ["extra.api_example_url": "https://api.example.com/v2"])
    let document = parser.parse("[a]({{ extra.api_example_url }}/x) `y` {{ nope }} `z`\n")
    guard case .paragraph(let inlines) = document.blocks.first?.kind else {
      Issue.record("expected a paragraph")
      return
    }
    #expect(inlines.first?.kind == .link(destination: "https://api.example.com/v2/x", content: [
      Inline(.text("a"), at: TextPosition(line: 1, column: 2))
    ]))
    let codes = inlines.filter { if case .code = $0.kind { true } else { false } }
    #expect(codes.map(\.position) == [TextPosition(line: 1, column: 37), TextPosition(line: 1, column: 52)])
    #expect(document.issues.map(\.kind) == ["unknown-macro"])
    #expect(document.issues.first?.position == TextPosition(line: 1, column: 40))
  }

  @Test func crlfLoneCRAndBOM() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("# A\r\n\r\ntext\rmore\n\n# B".utf8)
    let blocks = MarkdownParser().parse(bytes: bytes).blocks
    #expect(blocks.map(\.position.line) == [1, 3, 6])
    #expect(blocks.first?.kind == .heading(level: 1, content: [Inline(.text("A"), at: TextPosition(line: 1, column: 3))]))
  }

  @Test func invalidUTF8AndNULAreReplacedAndReported() {
    let bytes: [UInt8] = Array("ok\nbad ".utf8) + [0xFF] + Array(" x\0y\n".utf8)
    let document = MarkdownParser().parse(bytes: bytes)
    #expect(document.issues.map(\.kind) == ["invalid-utf8", "nul-byte"])
    #expect(document.issues.first?.position == TextPosition(line: 2, column: 5))
  }
}
