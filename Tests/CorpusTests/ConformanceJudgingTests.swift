import APIModel
import Testing

/// How example failures are judged, on a hand-made model (no corpus, no package build).
@Suite struct ConformanceJudgingTests {
  static func at(_ line: Int, _ file: String = "a.md") -> APIModel.SourceLocation {
    APIModel.SourceLocation(file: file, line: line, column: 1)
  }

  static func endpoint(_ path: String, line: Int, examples: [Example] = []) -> Endpoint {
    Endpoint(
      path: path, resource: "/a", action: String(path.split(separator: "/").last!),
      parameters: [
        Parameter(name: "tracker_id", type: .primitive(.int), required: true, description: "", source: at(line + 2))
      ],
      examples: examples, source: at(line))
  }

  static func curl(_ body: String, line: Int) -> Example {
    Example(
      kind: .curl, title: "cURL", url: "u", body: body,
      sample: CodeSample(language: "shell", code: "", source: at(line)))
  }

  static let api = APIDescription(
    info: .init(title: "T", baseURL: "https://example.invalid"),
    endpoints: [
      endpoint("/a/read", line: 10, examples: [curl(#"{"hash": "h", "tracker_id": "1"}"#, line: 15)]),
      endpoint("/a/list", line: 30, examples: [curl(#"{"tracker_id": 1, "extra": 2}"#, line: 35)]),
    ])

  let conformance = ExampleConformance(api: api)

  @Test func requestCasesLeaveTheSessionOut() {
    #expect(conformance.cases.map(\.path) == ["/a/read", "/a/list"])
    #expect(conformance.cases.allSatisfy { $0.kind == .request })
  }

  @Test func aWarningExcusesOnlyWhenItNamesTheDefectInTheSection() {
    let outcomes = [
      ExampleOutcome(id: 0, failure: "parameter 'tracker_id': not a Int: found a string", sent: nil),
      ExampleOutcome(id: 1, failure: nil, sent: #"{"tracker_id": 1}"#),
    ]
    // Unrelated, in the section: no excuse.
    var judgement = conformance.judge(
      outcomes, kind: .request,
      diagnostics: [.warning("enum-values-not-found", "'type' has no values", at: Self.at(12))])
    #expect(judgement.unexcused.map(\.example.path) == ["/a/read", "/a/list"])
    #expect(judgement.unexcused.last?.reason == "'extra' not sent")
    // Naming the failing key: an excuse in its own section (line 31 is `/a/list`'s), none in
    // another's.
    judgement = conformance.judge(
      outcomes, kind: .request,
      diagnostics: [
        .warning("example-param-not-documented", "sends 'extra'", at: Self.at(31)),
        .warning("example-param-type", "'tracker_id' is text", at: Self.at(32)),
      ])
    #expect(judgement.unexcused.map(\.example.path) == ["/a/read"])
    #expect(judgement.excused.map(\.example.path) == ["/a/list"])
    // At the example itself: an excuse, whatever it says.
    judgement = conformance.judge(
      outcomes, kind: .request,
      diagnostics: [.warning("example-body-invalid", "odd body", at: Self.at(15))])
    #expect(judgement.excused.map(\.example.path) == ["/a/read"])
  }

  @Test func failingNamesAreTheQuotedNamesAndTheLastKeyOfThePath() {
    #expect(ExampleConformance.failingNames(in: "null for Int at list[0].extra.task_id") == ["task_id"])
    #expect(ExampleConformance.failingNames(in: "missing 'file_id' at value.fields[0]") == ["file_id", "fields"])
    #expect(ExampleConformance.quotedNames(in: "a value at 'list[0].extra' is odd") == ["list", "extra"])
  }
}
