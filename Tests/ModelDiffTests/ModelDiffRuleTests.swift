import APIModel
import ModelDiff
import TestSupport
import Testing

/// Each rule of the change report on a pair of hand-made models. A change is written
/// `kind breaking|compatible line side: message` so that one line says all of it.
@Suite struct ModelDiffRuleTests {
  typealias M = SmallModels

  private func changes(_ old: APIDescription, _ new: APIDescription) -> [String] {
    ModelDiff.compare(old: old, new: new).changes.map { change in
      "\(change.kind.rawValue) \(change.breaking ? "breaking" : "compatible") "
        + "\(change.source.line) \(change.side.rawValue): \(change.message)"
    }
  }

  @Test func identicalModelsHaveNoChanges() {
    let api = M.api(
      [M.endpoint("plant", [M.parameter("name")], answer: [M.field("id", "int")])],
      types: [M.enumType("Soil", ["clay", "sand"])], errorCodes: [M.errorCode(1, "Database error")])
    let report = ModelDiff.compare(old: api, new: api)
    #expect(report.isEmpty)
    #expect(report.lines().isEmpty)
  }

  /// Descriptions, examples, places and summaries change the docs but not the client's API.
  @Test func wordingAndPlacesAreNotChanges() {
    var new = M.api([M.endpoint("plant", line: 12, [M.parameter("name", line: 22)])])
    new.endpoints[0].summary = "Plants a seed."
    new.endpoints[0].parameters[0].description = "Another wording."
    #expect(changes(M.api([M.endpoint("plant", [M.parameter("name")])]), new).isEmpty)
  }

  // MARK: Endpoints

  @Test func endpointAddedAndRemoved() {
    let old = M.api([M.endpoint("plant", line: 10)])
    let new = M.api([M.endpoint("water", line: 40)])
    #expect(
      changes(old, new) == [
        "endpoint-removed breaking 10 old: endpoint removed",
        "endpoint-added compatible 40 new: endpoint added",
      ])
    let report = ModelDiff.compare(old: old, new: new)
    #expect(report.endpoints.map(\.name) == ["/garden/plant", "/garden/water"])
  }

  // MARK: Parameters

  @Test func requiredParameterAddedBreaksCalls() {
    let old = M.api([M.endpoint("plant", [M.parameter("name")])])
    let new = M.api([
      M.endpoint("plant", [M.parameter("name"), M.parameter("depth", "int", line: 21)])
    ])
    #expect(changes(old, new) == ["parameter-added breaking 21 new: parameter 'depth' added, required"])
    #expect(ModelDiff.compare(old: old, new: new).changes[0].effect == "every call must pass it")
  }

  @Test func optionalParameterAddedIsCompatible() {
    let old = M.api([M.endpoint("plant", [M.parameter("name")])])
    let new = M.api([
      M.endpoint("plant", [M.parameter("depth", "int", required: false, line: 19), M.parameter("name")])
    ])
    // Swift lets callers leave out a defaulted argument anywhere, so even before `name`.
    #expect(changes(old, new) == ["parameter-added compatible 19 new: parameter 'depth' added, optional"])
  }

  @Test func parameterRemovedPointsAtTheOldDocs() {
    let old = M.api([M.endpoint("plant", [M.parameter("name"), M.parameter("depth", required: false, line: 25)])])
    let new = M.api([M.endpoint("plant", [M.parameter("name")])])
    #expect(changes(old, new) == ["parameter-removed breaking 25 old: parameter 'depth' removed"])
  }

  @Test func parameterMadeOptionalOrRequired() {
    let required = M.api([M.endpoint("plant", [M.parameter("name")])])
    let optional = M.api([M.endpoint("plant", [M.parameter("name", required: false)])])
    #expect(changes(required, optional) == ["parameter-made-optional compatible 20 new: parameter 'name' made optional"])
    #expect(changes(optional, required) == ["parameter-made-required breaking 20 new: parameter 'name' made required"])
  }

  @Test(arguments: [
    ("int", "long", false), ("short", "byte", false), ("float", "double", false), ("string", "locale", false),
    ("array<int>", "array<long>", false), ("int", "string", true), ("int", "array<int>", true),
    ("string", "Soil", true), ("object", "Soil", true), ("date/time", "string", true),
    ("int", "float", true), ("Soil", "Ground", true),
  ])
  func parameterRetypedBreaksOnlyWhenTheSwiftTypeChanges(old: String, new: String, breaking: Bool) {
    let types = [M.enumType("Soil", ["clay"]), M.enumType("Ground", ["clay"])]
    let before = M.api([M.endpoint("plant", [M.parameter("kind", old)])], types: types)
    let after = M.api([M.endpoint("plant", [M.parameter("kind", new)])], types: types)
    let found = ModelDiff.compare(old: before, new: after).changes
    #expect(found.map(\.kind) == [.parameterRetyped])
    #expect(found.first?.breaking == breaking)
    #expect(found.first?.message.hasPrefix("parameter 'kind' retyped: \(old) → \(new)") == true)
  }

  /// A named type the model does not define is any JSON (`JSONValue`); defining it changes
  /// the Swift type although the docs' spelling stays.
  @Test func aTypeThatBecomesDefinedRetypesItsUsers() {
    let before = M.api([M.endpoint("plant", [M.parameter("kind", "Soil")])])
    let after = M.api([M.endpoint("plant", [M.parameter("kind", "Soil")])], types: [M.enumType("Soil", ["clay"])])
    #expect(
      changes(before, after) == [
        "parameter-retyped breaking 20 new: parameter 'kind' retyped: Soil is Soil in Swift instead of JSONValue",
        "type-added compatible 100 new: enum type added",
      ])
  }

  @Test func fileParametersAreUploadsButFileFieldsAreJSON() {
    let before = M.api([M.endpoint("plant", [M.parameter("photo", "file")], answer: [M.field("a", "file"), M.field("b")])])
    let after = M.api([M.endpoint("plant", [M.parameter("photo", "string")], answer: [M.field("a", "object"), M.field("b")])])
    let found = ModelDiff.compare(old: before, new: after).changes
    #expect(found.map(\.kind) == [.parameterRetyped, .fieldRetyped])
    // FileUpload → String; JSONValue → JSONObject.
    #expect(found.map(\.breaking) == [true, true])
  }

  @Test func defaultChangedIsCompatible() {
    let old = M.api([M.endpoint("plant", [M.parameter("depth", required: false, default: "1")])])
    let new = M.api([M.endpoint("plant", [M.parameter("depth", required: false, default: "2")])])
    #expect(changes(old, new) == ["parameter-default-changed compatible 20 new: parameter 'depth' default changed: '1' → '2'"])
  }

  @Test func parametersReorderedBreakCallsThatPassBoth() {
    let old = M.api([M.endpoint("plant", [M.parameter("name"), M.parameter("depth")])])
    let new = M.api([M.endpoint("plant", [M.parameter("depth"), M.parameter("name")])])
    #expect(changes(old, new) == ["parameters-reordered breaking 10 new: parameters reordered: 'depth', 'name'"])
  }

  /// A parameter listed twice is one Swift argument, the first.
  @Test func duplicateParametersCountOnce() {
    let old = M.api([M.endpoint("plant", [M.parameter("name"), M.parameter("name", "int")])])
    let new = M.api([M.endpoint("plant", [M.parameter("name")])])
    #expect(changes(old, new).isEmpty)
  }

  // MARK: Answers

  @Test func answerFieldsOfAStructAnswer() {
    let old = M.api([
      M.endpoint("read", answer: [M.field("id", "int"), M.field("name"), M.field("note", required: false)])
    ])
    let new = M.api([
      M.endpoint(
        "read",
        answer: [
          M.field("id", "long"), M.field("name", required: false, line: 31), M.field("size", "int", line: 32),
          M.field("color", required: false, line: 33),
        ])
    ])
    #expect(
      changes(old, new) == [
        "field-retyped compatible 30 new: answer field 'id' retyped: int → long, both Int in Swift",
        "field-made-optional breaking 31 new: answer field 'name' made optional",
        "field-added breaking 32 new: answer field 'size' added, required",
        "field-added compatible 33 new: answer field 'color' added, optional",
        "field-removed breaking 30 old: answer field 'note' removed",
      ])
  }

  /// `if let x = answer.field` does not compile once the field is not optional.
  @Test func answerFieldMadeRequiredBreaksUnwrapping() {
    let old = M.api([M.endpoint("read", answer: [M.field("id", required: false), M.field("b")])])
    let new = M.api([M.endpoint("read", answer: [M.field("id"), M.field("b")])])
    #expect(changes(old, new) == ["field-made-required breaking 30 new: answer field 'id' made required"])
    let nullable = M.api([M.endpoint("read", answer: [M.field("id", nullable: true), M.field("b")])])
    #expect(changes(nullable, new) == ["field-made-required breaking 30 new: answer field 'id' made required"])
  }

  @Test func answerAddedRemovedOrTurnedIntoAFile() {
    let nothing = M.api([M.endpoint("read")])
    let fields = M.api([M.endpoint("read", answer: [M.field("a", line: 31), M.field("b")])])
    let file = M.api([M.endpoint("read", file: true)])
    #expect(
      changes(nothing, fields) == [
        "answer-added compatible 31 new: the call now answers with 2 fields ('a', 'b')"
      ])
    #expect(
      changes(fields, nothing) == [
        "answer-removed breaking 10 new: the call no longer answers with 2 fields ('a', 'b')"
      ])
    #expect(
      changes(fields, file) == [
        "answer-kind-changed breaking 10 new: the call answers with a file instead of 2 fields ('a', 'b')"
      ])
    #expect(
      changes(file, nothing) == ["answer-removed breaking 10 new: the call no longer answers with a file"])
  }

  /// The one-field rule: a call whose answer has one field returns that field's value.
  @Test func answerGoingFromOneFieldToSeveralOrBackChangesWhatTheCallReturns() {
    let one = M.api([M.endpoint("read", answer: [M.field("id", "int")])])
    let two = M.api([M.endpoint("read", answer: [M.field("id", "int"), M.field("name", line: 31)])])
    #expect(
      changes(one, two) == [
        "answer-shape-changed breaking 30 new: the answer has 2 fields ('id', 'name') instead of one field, 'id'"
      ])
    #expect(
      changes(two, one) == [
        "answer-shape-changed breaking 30 new: the answer has one field, 'id' instead of 2 fields ('id', 'name')"
      ])
  }

  @Test func aOneFieldAnswerIsItsValue() {
    let old = M.api([M.endpoint("read", answer: [M.field("list", "array<int>")])])
    let renamed = M.api([M.endpoint("read", answer: [M.field("items", "array<long>")])])
    #expect(
      changes(old, renamed) == [
        "answer-field-renamed compatible 30 new: answer field 'list' renamed to 'items'",
        "field-retyped compatible 30 new: answer field 'items' retyped: array<int> → array<long>, both [Int] in Swift",
      ])
    let optional = M.api([M.endpoint("read", answer: [M.field("list", "array<int>", required: false)])])
    #expect(changes(old, optional) == ["field-made-optional breaking 30 new: answer field 'list' made optional"])
  }

  @Test func endpointErrorsAreDocumentationOnly() {
    let old = M.api([M.endpoint("plant", errors: [201, 202])])
    let new = M.api([M.endpoint("plant", errors: [202, 203])])
    #expect(
      changes(old, new) == [
        "endpoint-error-added compatible 60 new: error 203 documented",
        "endpoint-error-removed compatible 60 old: error 201 no longer documented",
      ])
  }

  // MARK: Types

  @Test func typesAddedRemovedAndChangingKind() {
    let old = M.api(types: [M.enumType("Soil", ["clay"]), M.object("Pot", [M.field("size")], line: 200)])
    let new = M.api(types: [
      M.union("Soil", [("clay", "Pot")], line: 300), M.object("Seed", [M.field("size")], line: 210),
    ])
    #expect(
      changes(old, new) == [
        "type-removed breaking 200 old: object type removed",
        "type-added compatible 210 new: object type added",
        "type-kind-changed breaking 300 new: enum type became a union type",
      ])
  }

  @Test func objectFieldsFollowTheStructRules() {
    let old = M.api(types: [M.object("Pot", [M.field("size", "int"), M.field("color"), M.field("label", required: false)])])
    let new = M.api(types: [
      M.object("Pot", [M.field("color"), M.field("size", "int", required: false), M.field("shape", line: 33)])
    ])
    #expect(
      changes(old, new) == [
        "field-made-optional breaking 30 new: field 'size' made optional",
        "field-added breaking 33 new: field 'shape' added, required",
        "field-removed breaking 30 old: field 'label' removed",
        "fields-reordered breaking 30 new: fields reordered: 'color', 'size'",
      ])
  }

  /// The enums are open (`unknown(String)`) but Swift enums all the same: a switch that lists
  /// every case and `.unknown` has no `default`, and a new case breaks it.
  @Test func enumValuesAddedAndRemovedBothBreak() {
    let old = M.api(types: [M.enumType("Soil", ["clay", "sand"])])
    let new = M.api(types: [M.enumType("Soil", ["clay", "loam"])])
    #expect(
      changes(old, new) == [
        "enum-value-added breaking 102 new: value 'loam' added",
        "enum-value-removed breaking 102 old: value 'sand' removed",
      ])
  }

  @Test func unionVariants() {
    let old = M.api(types: [M.union("Zone", [("circle", "Circle"), ("square", "Square")])])
    let new = M.api(types: [
      M.union("Zone", discriminator: "kind", [("circle", "Round"), ("polygon", "Polygon")])
    ])
    #expect(
      changes(old, new) == [
        "union-discriminator-changed compatible 300 new: discriminator changed: 'type' → 'kind'",
        "union-variant-retyped breaking 300 new: variant 'circle' retyped: Circle → Round",
        "union-variant-added breaking 300 new: variant 'polygon' (Polygon) added",
        "union-variant-removed breaking 300 old: variant 'square' removed",
      ])
  }

  // MARK: The global error-code table

  @Test func errorCodesAddedRemovedAndRenamed() {
    let old = M.api(errorCodes: [
      M.errorCode(1, "Database error"), M.errorCode(2, "Not found (no such object)"), M.errorCode(4, "Bad hash"),
    ])
    let new = M.api(errorCodes: [
      M.errorCode(1, "Database Error."), M.errorCode(2, "Object not found"), M.errorCode(3, "Too many requests"),
    ])
    #expect(
      changes(old, new) == [
        "error-code-renamed breaking 400 new: error code 2 reworded: 'Not found' → 'Object not found'",
        "error-code-added breaking 400 new: error code 3 added (Too many requests)",
        "error-code-removed breaking 400 old: error code 4 removed (Bad hash)",
      ])
  }

  // MARK: The report

  @Test func reportGroupsByEndpointThenTypeThenErrorCodes() {
    let old = M.api(
      [M.endpoint("plant", [M.parameter("name")]), M.endpoint("water")],
      types: [M.enumType("Soil", ["clay"])], errorCodes: [M.errorCode(1, "Database error")])
    let new = M.api(
      [M.endpoint("plant", [M.parameter("name", required: false)])],
      types: [M.enumType("Soil", ["clay", "sand"])], errorCodes: [])
    let report = ModelDiff.compare(old: old, new: new)
    #expect(report.breakingCount == 3)
    #expect(report.compatibleCount == 1)
    #expect(
      report.lines(heading: "API changes since out/api.json") == [
        "API changes since out/api.json: 3 breaking, 1 compatible",
        "/garden/plant",
        "  garden.md:20:1: compatible: parameter 'name' made optional [parameter-made-optional]",
        "/garden/water",
        "  garden.md:10:1: breaking: endpoint removed; code that calls it no longer compiles [endpoint-removed]",
        "type Soil",
        "  garden.md:102:1: breaking: value 'sand' added; a switch over the enum without a default must handle the new case; the value decoded as .unknown before [enum-value-added]",
        "error codes",
        "  errors.md:400:1: breaking: error code 1 removed (Database error); code that names its case no longer compiles [error-code-removed]",
      ])
  }

  /// Every kind has a rule above, and the README's table lists them all.
  @Test func everyKindIsDocumented() throws {
    let readme = try String(contentsOf: Paths.repository.appendingPathComponent("README.md"), encoding: .utf8)
    for kind in ChangeKind.allCases {
      let documented = readme.contains("| `\(kind.rawValue)` |")
      #expect(documented, "README's table of change kinds lacks \(kind.rawValue)")
    }
  }
}
