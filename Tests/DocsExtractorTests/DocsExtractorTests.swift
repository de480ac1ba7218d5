import APIModel
import DocsMarkdown
import ModelRefiner
import Testing

@testable import DocsExtractor

/// Extracts a model from pages given as (path, Markdown) pairs.
func extract(_ pages: [(String, String)]) -> (APIDescription, [Diagnostic]) {
  let parser = MarkdownParser(macros: ["extra.api_example_url": "https://api.example.com/v2"])
  let sources = pages.map { SourcePage(path: $0.0, document: parser.parse($0.1)) }
  let (draft, found) = DocsExtractor(options: .init(title: "Test API", baseURL: "https://api.example.com/v2"))
    .extract(sources)
  let (api, judged) = ModelRefiner().refine(draft)
  return (api, found + judged)
}

@Suite struct EndpointExtractionTests {
  static let page = """
    ---
    title: Widget
    description: Calls that manage widgets.
    ---

    # Widget

    API path: `widget/`.

    ### paint

    Paints a widget.

    **required sub-user rights**: `widget_update`

    #### parameters

    | name | description | type |
    | :--- | :--- | :--- |
    | mode | Paint mode, either "matte" or "gloss". | [enum](../types.md#data-types) |
    | color | Colour name. | string |
    | layers | Optional. How many layers, default is `2`. | int |
    | tags | Optional. Labels. | string array |
    | kind_filter | Optional. Kinds to paint, default `*`. | sting |

    #### example

    === "cURL"

        ```shell
        curl -X POST '{{ extra.api_example_url }}/widget/paint' \\
            -H 'Content-Type: application/json' \\
            -d '{"hash": "0123456789abcdef0123456789abcdef", "mode": "matte", "colour": "red"}'
        ```

    #### response

    ```json
    { "success": true }
    ```

    Use `kind_filter` to pick kinds.

    ##### Possible kinds:

    * `round` – round widgets.
    * `square` – square widgets.

    #### errors

    * 201 – Not found in the database.
    * 236 (Feature unavailable) – if painting is off.

    ### forget

    Forgets widgets.

    #### parameters

    Only session `hash`.

    #### examples

    === "HTTP GET"

        ```
        {{ extra.api_example_url }}/widget/forget?hash=0123456789abcdef0123456789abcdef&all=true
        ```

    #### response

    ```json
    { "success": true }
    ```

    #### errors

    [General](../types.md#error-codes) types only.
    """

  @Test func readsEndpointsParametersAndEnums() throws {
    let (api, _) = extract([("api/widget.md", Self.page)])
    #expect(api.resources.map(\.path) == ["/widget"])
    #expect(api.endpoints.map(\.path) == ["/widget/forget", "/widget/paint"])
    let paint = try #require(api.endpoints.last)
    #expect(paint.summary == "Paints a widget.")
    #expect(paint.requiredRights == "widget_update")
    #expect(paint.source == SourceLocation(file: "api/widget.md", line: 10, column: 1))
    #expect(paint.parameters.map(\.name) == ["mode", "color", "layers", "tags", "kind_filter"])
    #expect(paint.parameters.map(\.required) == [true, true, false, false, false])
    #expect(paint.parameters.map(\.type.description) == ["WidgetMode", "string", "int", "array<string>", "string"])
    #expect(paint.parameters.map(\.default) == [nil, nil, "2", nil, "*"])
    #expect(paint.parameters[0].source == SourceLocation(file: "api/widget.md", line: 20, column: 3))
    #expect(paint.parameters[4].documentedValues == "WidgetKind")
    #expect(api.types.map(\.name) == ["WidgetKind", "WidgetMode"])
    #expect(api.type(named: "WidgetMode")?.values?.map(\.value) == ["matte", "gloss"])
    #expect(api.type(named: "WidgetKind")?.values?.map(\.description) == ["round widgets.", "square widgets."])
    #expect(paint.errors.codes.map(\.code) == [201, 236])
    #expect(paint.errors.codes.map(\.description) == ["Not found in the database.", "(Feature unavailable) – if painting is off."])
    #expect(paint.description.contains("Use `kind_filter` to pick kinds."))
  }

  @Test func readsExamples() throws {
    let (api, _) = extract([("api/widget.md", Self.page)])
    let paint = try #require(api.endpoints.last)
    let curl = try #require(paint.examples.first)
    #expect(curl.kind == .curl)
    #expect(curl.url == "https://api.example.com/v2/widget/paint")
    #expect(curl.body == #"{"hash": "0123456789abcdef0123456789abcdef", "mode": "matte", "colour": "red"}"#)
    let forget = try #require(api.endpoints.first)
    // The example sends `all`, which no list gives: an optional parameter of the value's type.
    #expect(forget.parameters.map(\.name) == ["all"])
    #expect(forget.parameters.map(\.required) == [false])
    #expect(forget.parameters.first?.type == .primitive(.bool))
    #expect(forget.errors == ErrorList(includesGeneral: true, codes: []))
    #expect(forget.examples.first?.kind == .httpGet)
    #expect(forget.examples.first?.body == #"{"hash": "0123456789abcdef0123456789abcdef", "all": true}"#)
  }

  @Test func warnsWithPlaces() {
    let (_, diagnostics) = extract([("api/widget.md", Self.page)])
    let lines = diagnostics.map(\.description)
    #expect(lines.contains("api/widget.md:20:51: warning: link target '../types.md#data-types' not found in the docs folder [broken-link]"))
    #expect(lines.contains("api/widget.md:24:58: warning: unknown type 'sting' of 'kind_filter'; did you mean 'string'? [unknown-type]"))
    #expect(lines.contains("api/widget.md:30:5: warning: cURL example sends 'colour', which the parameters of '/widget/paint' do not list [example-param-not-documented]"))
    #expect(lines.contains("api/widget.md:30:5: warning: cURL example omits the required parameter 'color' [example-param-missing]"))
    #expect(lines.contains("api/widget.md:66:5: warning: HTTP GET example sends 'all', which the parameters of '/widget/forget' do not list [example-param-not-documented]"))
    #expect(lines.contains("api/widget.md:78:1: warning: link target '../types.md#error-codes' not found in the docs folder [broken-link]"))
    #expect(diagnostics.count == 6)
  }

  @Test func linksToExistingPagesAndAnchorsAreFine() {
    let types = "# Types\n\n## Data types\n\n## Error codes\n"
    let (_, diagnostics) = extract([("api/widget.md", Self.page), ("types.md", types)])
    #expect(!diagnostics.contains { $0.kind == "broken-link" })
  }

  @Test func pageWithoutAPIPathHasNoEndpoints() {
    let (api, _) = extract([("guide.md", "# Guide\n\n### step\n\n#### parameters\n\n| name | description | type |\n|---|---|---|\n| a | b | int |\n")])
    #expect(api.endpoints.isEmpty)
  }
}

@Suite struct WordingTests {
  @Test(arguments: [
    ("Optional. Count, default is `10`.", true, "10"),
    ("Optional, default=25.", true, "25"),
    ("Optional (default is false).", true, "false"),
    ("Default value is **now**.", false, "now"),
    ("Uses the default_radius setting.", false, nil),
    ("An optional object.", true, nil),
  ] as [(String, Bool, String?)])
  func optionalAndDefault(text: String, optional: Bool, value: String?) {
    let wording = DescriptionWording(text: text, conventions: .navixy)
    #expect(wording.isOptional == optional)
    #expect(wording.defaultValue == value)
  }

  @Test func alternatives() {
    #expect(DescriptionWording(text: #"Can be "pdf" | "xls"."#, conventions: .navixy).alternatives == ["pdf", "xls"])
    #expect(DescriptionWording(text: "`ignore` or `fail`.", conventions: .navixy).alternatives == ["ignore", "fail"])
    #expect(DescriptionWording(text: #"Just "one"."#, conventions: .navixy).alternatives == [])
    // A quote lost in typing: the list is split at its commas and "or".
    #expect(DescriptionWording(text: #"Can be "xls", xlsx" or "pdf"."#, conventions: .navixy).alternatives == ["xls", "xlsx", "pdf"])
    #expect(DescriptionWording(text: #"Aka "VATIN" or "INN". Can be "a" or "b"."#, conventions: .navixy).alternatives == ["VATIN", "INN", "a", "b"])
    // Repeats are dropped and the first order kept, also for long lists.
    let many = (0..<5_000).map { "`v\($0 % 2_500)`" }.joined(separator: ", ")
    #expect(DescriptionWording(text: many, conventions: .navixy).alternatives == (0..<2_500).map { "v\($0)" })
    #expect(DescriptionWording(text: "`[\"a\", \"b\", \"a\"]` or `c`", conventions: .navixy).alternatives == ["a", "b", "c"])
  }

  @Test func typeSpellings() {
    let vocabulary = TypeVocabulary()
    #expect(vocabulary.read("Boolean") == .type(.primitive(.bool)))
    #expect(vocabulary.read("int array") == .type(.array(.primitive(.int))))
    #expect(vocabulary.read("int arrays") == .type(.array(.primitive(.int))))
    #expect(vocabulary.read("array of JSON objects") == .type(.array(.object)))
    #expect(vocabulary.read("enum array") == .arrayOfEnumeration)
    #expect(vocabulary.read("date/time") == .type(.primitive(.dateTime)))
    #expect(vocabulary.read("[int]") == .type(.array(.primitive(.int))))
    #expect(vocabulary.readLoosely("iso 8601 duration") == .type(.primitive(.string)))
    #expect(vocabulary.read("sting") == nil)
    #expect(vocabulary.nearestSpelling(to: "sting") == "string")
  }

  @Test func names() {
    #expect(TypeNamer.name(resource: "push_token", member: "application") == "PushTokenApplication")
    #expect(TypeNamer.name(resource: "tracker", member: "tracker_type") == "TrackerType")
    #expect(TypeNamer.singular("categories") == "category")
    #expect(TypeNamer.singular("statuses") == "status")
    #expect(MarkdownDialect.mkdocs.anchor(for: "Data types") == "data-types")
    #expect(MarkdownDialect.mkdocs.anchor(for: "Bill object (v2)!") == "bill-object-v2")
    #expect(MarkdownDialect.gitbook.anchor(for: "1. User session hash (basic)") == "id-1.-user-session-hash-basic")
    #expect(MarkdownDialect.gitbook.anchor(for: "list_models") == "list_models")
  }
}
