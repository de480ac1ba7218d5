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

  @Test func omissionWordings() {
    #expect(Omission.read("A vehicle object without `id` field.") == .fields(["id"], saysFields: true))
    #expect(Omission.read(#"Schedule object without fields "id", "fire_time"."#) == .fields(["id", "fire_time"], saysFields: true))
    #expect(Omission.read("Status object without ID field.") == .fields(["ID"], saysFields: true))
    #expect(Omission.read("A dog without `id`.") == .fields(["id"], saysFields: false))
    #expect(Omission.read("Route object without fields which are *IGNORED*.") == .ignoredFields)
    #expect(Omission.read("Trackers owned by others are ignored without errors.") == nil)
    #expect(Omission.read("Phone number without '+' sign.") == nil)
  }

  @Test func ignoredFieldsArePerAction() {
    let both = "User id. *IGNORED* in checkpoint/create, checkpoint/update."
    #expect(RequestVariants.isIgnored(both, in: "create") && RequestVariants.isIgnored(both, in: "update"))
    let create = "Primary key. Used in the update call, *IGNORED* in create."
    #expect(RequestVariants.isIgnored(create, in: "create") && !RequestVariants.isIgnored(create, in: "update"))
    #expect(RequestVariants.isIgnored("User id. *IGNORED* in create/update.", in: "update"))
    #expect(!RequestVariants.isIgnored("Name of the route.", in: "create"))
  }

  @Test func aMissingTypeIsWhatTheDescriptionSays() {
    #expect(TypeResolver.guess(from: "Id of the tag to upload.")?.0 == .primitive(.int))
    #expect(TypeResolver.guess(from: "Ids of trackers. Unknown ones are skipped.")?.0 == .array(.primitive(.int)))
    #expect(TypeResolver.guess(from: "Image file.")?.0 == .primitive(.file))
    #expect(TypeResolver.guess(from: "Optional. URL to redirect.") == nil)
    #expect(TypeResolver.guess(from: "Identifier-like text.") == nil)
  }

  @Test func anObjectIsFoundByTheWordsBeforeObject() {
    var index = ObjectIndex()
    index.add(page: "a.md", anchor: "task-schedule-entry-object", name: "TaskScheduleEntry", calledBy: "TaskScheduleEntry")
    index.add(page: "a.md", anchor: "sub-user-object", name: "SubUser", calledBy: "SubUser")
    index.add(page: "b.md", anchor: "plugin-object", name: "Plugin", calledBy: "Plugin")
    #expect(index.object(mentionedIn: "`schedule_entry` object without fields.", onPage: "a.md") == "TaskScheduleEntry")
    #expect(index.object(mentionedIn: "`subuser object` without `id` field.", onPage: "a.md") == "SubUser")
    #expect(index.object(mentionedIn: "A [sub-user](#sub-user-object) object.", onPage: "a.md") == "SubUser")
    // Objects of other pages are not searched: the same word names other things there.
    #expect(index.object(mentionedIn: "A plugin object (see below).", onPage: "a.md") == nil)
    #expect(index.object(mentionedIn: "JSON object with settings.", onPage: "a.md") == nil)
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
