import APIModel
import Pipeline
import Testing

/// `apigen stats`' counting, on a small hand-made model (no corpus needed).
@Suite struct StatisticsTests {
  static func at(_ file: String, _ line: Int) -> APIModel.SourceLocation {
    SourceLocation(file: file, line: line, column: 1)
  }

  static let api = APIDescription(
    info: .init(title: "T", baseURL: "https://example.invalid"),
    endpoints: [
      Endpoint(
        path: "/a/list", resource: "/a", action: "list",
        parameters: [
          Parameter(name: "x", type: .primitive(.int), required: true, description: "", source: at("a.md", 5)),
          Parameter(name: "y", type: .primitive(.int), required: false, description: "", source: at("a.md", 6)),
        ],
        response: Response(examples: [CodeSample(language: "json", code: "{}", source: at("a.md", 20))]),
        examples: [
          Example(
            kind: .curl, title: "cURL", url: "u", body: "{}",
            sample: CodeSample(language: "shell", code: "", source: at("a.md", 10)))
        ],
        source: at("a.md", 3)),
      Endpoint(path: "/b/read", resource: "/b", action: "read", source: at("b.md", 3)),
    ],
    types: [
      NamedType(name: "Kind", kind: .enum, description: "", values: [], source: at("a.md", 30)),
      NamedType(name: "Thing", kind: .object, description: "", fields: [], source: at("c.md", 1)),
    ])

  static let diagnostics: [Diagnostic] = [
    .warning("unknown-type", "m", at: at("a.md", 5)),
    .warning("unknown-type", "m", at: at("a.md", 6)),
    .warning("broken-link", "m", at: at("b.md", 9)),
    .warning("broken-link", "m", at: nil),
    .error("bad", "m", at: at("c.md", 2)),
    Diagnostic(.note, kind: "aside", "m", at: at("c.md", 3)),
  ]

  let statistics = Statistics(api: api, diagnostics: diagnostics, pages: ["a.md", "b.md", "c.md", "d.md"])

  @Test func countsPerPage() throws {
    let pages = Dictionary(uniqueKeysWithValues: statistics.pages.map { ($0.path, $0.counts) })
    #expect(pages.keys.sorted() == [Statistics.noPage, "a.md", "b.md", "c.md", "d.md"])
    let a = try #require(pages["a.md"])
    #expect(a.endpoints == 1 && a.parameters == 2 && a.types == 1 && a.enums == 1 && a.examples == 2)
    #expect(a.warnings == ["unknown-type": 2])
    #expect(pages["c.md"]?.errors == 1)
    #expect(pages["c.md"]?.types == 1 && pages["c.md"]?.enums == 0)
    #expect(pages["d.md"] == Statistics.Counts())
  }

  @Test func totalsAddUpEveryPage() {
    let total = statistics.total
    #expect(total.endpoints == 2 && total.parameters == 2 && total.types == 2 && total.enums == 1)
    #expect(total.examples == 2 && total.errors == 1 && total.warningCount == 4)
    #expect(total.warningsByKind.map { $0.kind } == ["broken-link", "unknown-type"])
  }

  @Test func tableIsAlignedWithTheTotalsLast() {
    let lines = statistics.table().split(separator: "\n").map(String.init)
    #expect(lines.count == 7)
    #expect(lines.first?.hasPrefix("page ") == true)
    #expect(lines.last?.hasPrefix("total (4 pages)") == true)
    #expect(lines.last?.hasSuffix("4 (broken-link 2, unknown-type 2)") == true)
    // The numeric columns are right-aligned: each ends where its header does.
    let header = lines[0]
    let endOfErrors = header.distance(from: header.startIndex, to: header.range(of: "errors")!.upperBound)
    #expect(lines.allSatisfy { $0.prefix(endOfErrors).last?.isNumber == true || $0 == header })
    // The order of the input does not matter.
    let shuffled = Statistics(
      api: Self.api, diagnostics: Self.diagnostics.reversed(), pages: ["d.md", "c.md", "b.md", "a.md"])
    #expect(statistics.table() == shuffled.table())
  }
}

/// The typed-coverage figure of `apigen stats`, on a hand-made model: each leaf of an example
/// lands in a typed member that it fits, in one it contradicts, or in none.
@Suite struct TypedCoverageTests {
  static let here = SourceLocation(file: "a.md", line: 1, column: 1)

  static func field(_ name: String, _ type: TypeRef) -> Field {
    Field(name: name, type: type, description: "", source: here)
  }

  static let api = APIDescription(
    info: .init(title: "T", baseURL: "https://example.invalid"),
    endpoints: [
      Endpoint(
        path: "/lamp/levels", resource: "/lamp", action: "levels",
        response: Response(
          fields: [
            field("levels", .map(.named("Level"))), field("count", .primitive(.int)), field("extra", .object),
            field("wicks", .array(.primitive(.int))),
          ],
          examples: [
            CodeSample(
              language: "json", code: "",
              json: [
                "success": true,
                // Two leaves typed through the map, one of them null.
                "levels": ["31": ["litres": 4.5], "32": ["litres": nil]],
                // Mistyped: text where the docs say a number.
                "count": "3",
                // Untyped: a free-form object's leaves, and a key no field describes.
                "extra": ["a": 1, "b": [true, false]],
                "unlisted": "x",
                // Mistyped: an object where the docs say a list.
                "wicks": ["1": 2],
              ],
              source: here)
          ]),
        source: here)
    ],
    types: [NamedType(name: "Level", kind: .object, description: "", fields: [field("litres", .primitive(.double))], source: here)])

  @Test func sortsEveryLeaf() {
    let coverage = Statistics(api: Self.api, diagnostics: [], pages: ["a.md"]).coverage
    #expect(coverage.typed == 2)
    #expect(coverage.mistyped == 2)
    #expect(coverage.untyped == 4)
    #expect(coverage.total == 8)
    #expect(coverage.share == 0.5)
    #expect(coverage.fittingShare == 0.25)
    #expect(coverage.untypedPlaces == ["/lamp/levels: extra": 3, "/lamp/levels: unlisted": 1])
    #expect(coverage.mistypedPlaces == ["/lamp/levels: count": 1, "/lamp/levels: wicks": 1])
  }
}
