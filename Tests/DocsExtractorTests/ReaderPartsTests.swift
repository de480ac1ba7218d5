import APIModel
import DocsMarkdown
@testable import ModelRefiner
import Foundation
import Testing

@testable import DocsExtractor

@Suite struct ReaderPartsTests {
  /// A page's scope, as the extractor's passes give it to the readers.
  private func scope(_ text: String = "") -> PageScope {
    let page = SourcePage(path: "p.md", document: MarkdownParser().parse(text))
    return ExtractionContext(options: .init(title: "T", baseURL: "https://x"), pages: [page]).scope(0)
  }

  @Test func omissionWordings() {
    let reader = OmissionReader(scope: scope())
    #expect(reader.omission(in: "A vehicle object without `id` field.") == .fields(["id"], saysFields: true))
    #expect(reader.omission(in: #"Schedule object without fields "id", "fire_time"."#) == .fields(["id", "fire_time"], saysFields: true))
    #expect(reader.omission(in: "Status object without ID field.") == .fields(["ID"], saysFields: true))
    #expect(reader.omission(in: "A dog without `id`.") == .fields(["id"], saysFields: false))
    #expect(reader.omission(in: "Route object without fields which are *IGNORED*.") == .ignoredFields)
    #expect(reader.omission(in: "Trackers owned by others are ignored without errors.") == nil)
    #expect(reader.omission(in: "Phone number without '+' sign.") == nil)
  }

  @Test func ignoredFieldsArePerAction() {
    let reader = OmissionReader(scope: scope())
    let both = "User id. *IGNORED* in checkpoint/create, checkpoint/update."
    #expect(reader.isIgnored(both, in: "create") && reader.isIgnored(both, in: "update"))
    let create = "Primary key. Used in the update call, *IGNORED* in create."
    #expect(reader.isIgnored(create, in: "create") && !reader.isIgnored(create, in: "update"))
    #expect(reader.isIgnored("User id. *IGNORED* in create/update.", in: "update"))
    #expect(!reader.isIgnored("Name of the route.", in: "create"))
  }

  @Test func aMissingTypeIsWhatTheDescriptionSays() {
    let resolver = TypeResolver(scope: scope())
    #expect(resolver.guess(from: "Id of the tag to upload.")?.0 == .primitive(.int))
    #expect(resolver.guess(from: "Ids of trackers. Unknown ones are skipped.")?.0 == .array(.primitive(.int)))
    #expect(resolver.guess(from: "Image file.")?.0 == .primitive(.file))
    #expect(resolver.guess(from: "Optional. URL to redirect.") == nil)
    #expect(resolver.guess(from: "Identifier-like text.") == nil)
  }

  @Test func anObjectIsFoundByTheWordsBeforeObject() {
    var index = ObjectIndex()
    index.add(page: "a.md", anchor: "task-schedule-entry-object", name: "TaskScheduleEntry", calledBy: "TaskScheduleEntry")
    index.add(page: "a.md", anchor: "sub-user-object", name: "SubUser", calledBy: "SubUser")
    index.add(page: "b.md", anchor: "plugin-object", name: "Plugin", calledBy: "Plugin")
    #expect(index.object(mentionedIn: "`schedule_entry` object without fields.", onPage: "a.md", objectWords: DocsConventions.navixy.objectWords) == "TaskScheduleEntry")
    #expect(index.object(mentionedIn: "`subuser object` without `id` field.", onPage: "a.md", objectWords: DocsConventions.navixy.objectWords) == "SubUser")
    #expect(index.object(mentionedIn: "A [sub-user](#sub-user-object) object.", onPage: "a.md", objectWords: DocsConventions.navixy.objectWords) == "SubUser")
    // Objects of other pages are not searched: the same word names other things there.
    #expect(index.object(mentionedIn: "A plugin object (see below).", onPage: "a.md", objectWords: DocsConventions.navixy.objectWords) == nil)
    #expect(index.object(mentionedIn: "JSON object with settings.", onPage: "a.md", objectWords: DocsConventions.navixy.objectWords) == nil)
  }

  @Test func linkListPagesTakeTheCommonParent() {
    #expect(
      PageStructure.commonParent(of: [
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
      let drafts = FieldListReader(page: page, conventions: .navixy).fields(of: items)
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

@Suite struct OverrideFileTests {
  @Test func aFileThatIsNotJSONIsAnErrorAtItsLine() {
    let (_, problems) = Overrides.read("{\n  \"types\": {\n    \"A\": {\"b\": {\"type\": }}\n  }\n}\n", file: "apigen-overrides.json")
    #expect(problems.map(\.kind) == ["override-invalid"])
    #expect(problems.first?.location == SourceLocation(file: "apigen-overrides.json", line: 3, column: 25))
  }

  @Test func unknownKeysAreErrorsAtTheirLines() {
    let text = """
      {
        "types": {"A": {"b": {"kind": "int"}}},
        "endpoints": {"/a": {"headers": {}}},
        "extra": 1
      }
      """
    let (overrides, problems) = Overrides.read(text, file: "o.json")
    #expect(problems.map { $0.location?.line } == [4, 2, 3])
    #expect(overrides.entries.isEmpty)
  }
}
