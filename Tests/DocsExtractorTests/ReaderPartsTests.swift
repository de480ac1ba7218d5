import APIModel
import DocsMarkdown
import Foundation
import Testing

@testable import DocsExtractor

@Suite struct ReaderPartsTests {
  @Test func jsonExamplesForgiveCommentsAndTrailingCommas() throws {
    let text = """
      {
        "a": 1, // a comment
        "url": "http://x//y",
        "list": [1, 2,],
      }
      """
    let object = try #require(JSONExample.parse(text) as? [String: Any])
    #expect(object["url"] as? String == "http://x//y")
    #expect((object["list"] as? [Any])?.count == 2)
    #expect(JSONExample.parse(#"{"value": <number>}"#) == nil)
  }

  @Test func jsonValuesGiveTypeWords() {
    let object = JSONExample.parse(#"{"b": true, "i": 3, "d": 0.5, "t": "2020-01-02 03:04:05", "s": "x", "o": {}, "a": [{}]}"#)
      as? [String: Any] ?? [:]
    #expect(
      ["b", "i", "d", "t", "s", "o", "a"].map { JSONExample.typeWords(of: object[$0] as Any) } == [
        "boolean", "long", "double", "date/time", "string", "object", "array of objects",
      ])
  }

  @Test func linkListPagesTakeTheCommonParent() {
    #expect(
      ActionFinder.commonParent(of: [
        "/tracker/counter/read", "/tracker/counter/update", "/tracker/get_counters", "/tracker/counter/value/get",
        "/tracker/counter/value/list",
      ]) == "/tracker/counter")
  }

  @Test func fieldBulletShapes() {
    let page = SourcePage(
      path: "p.md",
      document: MarkdownParser().parse(
        """
        * `id` - int. Unique id.
        * `label` – optional string. A label.
        * `heading` int.
        * **offset, limit** (*integers, optional*). Paging.
        * `kind` - [enum](x.md). Kind. Can be one of:
            * `a` – first.
            * `b`.
        """))
    guard case .list(_, let items) = page.document.blocks.first?.kind,
      let drafts = FieldListReader(page: page).fields(of: items)
    else {
      Issue.record("no field list")
      return
    }
    #expect(drafts.map(\.name) == ["id", "label", "heading", "offset", "limit", "kind"])
    #expect(drafts.map(\.typeText) == ["int", "string", "int", "integers", "integers", "enum"])
    #expect(drafts.map(\.isOptional) == [false, true, false, true, true, false])
    #expect(drafts[5].values.map(\.value) == ["a", "b"])
    #expect(drafts[5].links == ["x.md"])
  }
}
