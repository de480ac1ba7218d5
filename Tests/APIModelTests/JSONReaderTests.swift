import APIModel
import Testing

/// The one reader of the docs' JSON: lenient where the docs are (comments, trailing commas),
/// exact about where text is not JSON.
@Suite struct JSONReaderTests {
  @Test(
    arguments: [
      ("{\"a\": 1, // one\n \"b\": [1, 2,],}", ["a": 1, "b": [1, 2]] as JSON),
      (#"{"u": "http://x/*y*/"} /* end */"#, ["u": "http://x/*y*/"] as JSON),
      (#"{"q": "say \"//\""}"#, ["q": #"say "//""#] as JSON),
      ("/* lead */ [true, false, null]", [true, false, nil] as JSON),
      (#""\u00e9\ud83d\ude00\n""#, "é😀\n" as JSON),
    ] as [(String, JSON)])
  func commentsAndTrailingCommasGoStringsStay(text: String, value: JSON) throws {
    #expect(try JSONReader.read(text) == value)
  }

  @Test func integersStayApartFromOtherNumbers() throws {
    #expect(try JSONReader.read("3") == .int(3))
    #expect(try JSONReader.read("3.0") == .double(3))
    #expect(try JSONReader.read("-1e2") == .double(-100))
    #expect(try JSONReader.read("12345678901234567890") == .double(1.2345678901234567e19))
    #expect(JSON.double(3).isWholeNumber && !JSON.double(3.5).isWholeNumber)
  }

  @Test(
    arguments: [
      (#"{"settings": <settings>}"#, 1, 14, "expected a value"),
      ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}'"),
      (#"{"a": "x"#, 1, 9, "the text ends inside a string"),
      ("[1, 2", 1, 6, "the text ends inside an array"),
      ("{} {}", 1, 4, "unexpected text after the value"),
      ("/* open", 1, 1, "a comment that is not closed"),
      ("", 1, 1, "no value"),
      ("01", 1, 2, "unexpected text after the value"),
      (#"{"a": "\q"}"#, 1, 9, #"an unknown escape '\q'"#),
    ] as [(String, Int, Int, String)])
  func errorsSayWhere(text: String, line: Int, column: Int, message: String) {
    #expect(throws: JSONSyntaxError(message: message, line: line, column: column)) { try JSONReader.read(text) }
  }

  @Test func deepNestingIsRefusedNotRecursedInto() {
    let deep = String(repeating: "[", count: 100_000)
    #expect(throws: JSONSyntaxError.self) { try JSONReader.read(deep) }
  }

  @Test func valuesWriteBackAsSortedCompactJSON() throws {
    let value = try JSONReader.read(#"{"b": [1, 2.5, "x/\"y\""], "a": {"c": null, "d": true}}"#)
    #expect(value.description == #"{"a":{"c":null,"d":true},"b":[1,2.5,"x/\"y\""]}"#)
    #expect(try JSONReader.read(value.description) == value)
  }

  @Test func typeWordsAreTheDocsVocabulary() throws {
    let object = try #require(try JSONReader.read(#"{"b": true, "i": 3, "d": 0.5, "t": "2020-01-02 03:04:05", "s": "x", "o": {}, "a": [{}], "n": [1]}"#).object)
    #expect(
      ["b", "i", "d", "t", "s", "o", "a", "n"].map { object[$0]?.typeWords }
        == ["boolean", "long", "double", "date/time", "string", "object", "array of objects", "long array"])
  }
}

@Suite struct ServerURLTests {
  @Test(
    arguments: [
      ("https://api.eu.example.com/v2", ServerURL.fixed("https://api.eu.example.com/v2")),
      ("https://api.your_domain", .template(prefix: "https://api.", variable: "domain", placeholder: "your_domain", suffix: "")),
      ("https://<domain>/v2", .template(prefix: "https://", variable: "domain", placeholder: "domain", suffix: "/v2")),
      ("https://{host name}/api", .template(prefix: "https://", variable: "host_name", placeholder: "host name", suffix: "/api")),
    ] as [(String, ServerURL)])
  func placeholdersBecomeVariables(url: String, expected: ServerURL) {
    #expect(ServerURL(reading: url) == expected)
    #expect(expected.problem == nil)
  }

  @Test func aURLWithoutSchemeIsAProblem() {
    #expect(ServerURL(reading: "api.example.com/v2").problem != nil)
    #expect(ServerURL(reading: "https://a b").problem != nil)
  }
}

@Suite struct EndpointPathTests {
  let bases = ["https://api.example.com/v2", "https://api.eu.example.com/v2", "https://api.your_domain"]

  @Test(
    arguments: [
      ("https://api.example.com/v2/tracker/list", "/tracker/list"),
      ("https://api.eu.example.com/v2/tracker/list/", "/tracker/list"),
      // A host no base names, on the bases' path.
      ("https://api.other.org/v2/zone/read", "/zone/read"),
      // A host no base names, off the bases' path.
      ("https://api.other.org/zone/read", "/zone/read"),
      // Not a prefix at a path boundary.
      ("https://api.example.com/v22/x", "/v22/x"),
      // The slash after the base left out.
      ("https://api.example.com/v2tracker/list", "/tracker/list"),
    ] as [(String, String)])
  func examplesCallThePathAfterTheirServer(url: String, path: String) {
    #expect(EndpointPath.called(byExampleURL: url, bases: bases) == path)
  }
}

@Suite struct ExamplePlaceholderTests {
  @Test func placeholdersAreNullsWithTheirPaths() throws {
    let (value, placeholders) = try JSONReader.readExample(
      #"{"value": <form_object>, "list": [{"asset": {<asset>}, "n": 1}, ...], "track": [track_info], "more": 2, ...}"#)
    #expect(value == ["value": nil, "list": [["asset": nil, "n": 1]], "track": [nil], "more": 2])
    #expect(placeholders == ["value", "list[0].asset", "track[0]"])
  }

  @Test func withoutPlaceholdersTheyAreErrors() {
    #expect(throws: JSONSyntaxError.self) { try JSONReader.read(#"{"value": <form_object>}"#) }
    #expect(throws: JSONSyntaxError.self) { try JSONReader.read("[1, ...]") }
  }

  @Test func wordsThatAreJSONStayJSON() throws {
    let (value, placeholders) = try JSONReader.readExample(#"[true, null, false, "x"]"#)
    #expect(value == [true, nil, false, "x"])
    #expect(placeholders.isEmpty)
  }
}

@Suite struct JSONPathReplacementTests {
  @Test func placeholdersCanStandForObjects() throws {
    let (value, placeholders) = try JSONReader.readExample(#"{"a": [{"b": <x>}, 1], "c": <y>}"#)
    #expect(value.replacing(placeholders, with: .object([:])) == ["a": [["b": [:]], 1], "c": [:]])
    #expect(value.replacing(["a[5]", "zz.q"], with: 1) == value)
  }
}
