import APIModel
import ModelDiff
import SwiftEmitter
import Testing

/// The breaking rules, proven by compiling: for each rule, code written against the client of
/// the old model must compile against it, and must fail to compile against the client of the
/// new model exactly when the report calls the change breaking.
@Suite struct BreakingRuleCompileTests {
  typealias M = SmallModels

  /// One rule: two models, the change the report must find, and an app's code that uses the
  /// old client where the change could hurt it.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var old: APIDescription
    var new: APIDescription
    /// The change expected (nil: none at all).
    var kind: ChangeKind?
    var breaking: Bool
    /// Swift declarations after `import APIGenRuntime`.
    var code: String
    /// A warning the new client's users get instead of an error.
    var warning: String? = nil
    /// Whether `code` stops compiling, when that is not what `breaking` says: a breaking change
    /// need not break every use.
    var codeBreaks: Bool? = nil

    var testDescription: String { name }
  }

  /// `code` as the body of an async function that takes the client.
  static func calling(_ code: String) -> String {
    "func use(_ client: NavixyClient) async throws(APIError) {\n\(code)\n}\n"
  }

  static let soil = M.enumType("Soil", ["clay", "sand"])
  static let twoFields = [M.field("id", "int"), M.field("name")]

  static let cases: [Case] = [
    // Endpoints.
    Case(
      name: "endpoint removed", old: M.api([M.endpoint("plant"), M.endpoint("water")]),
      new: M.api([M.endpoint("plant")]), kind: .endpointRemoved, breaking: true,
      code: calling("try await client.garden.water()")),
    Case(
      name: "endpoint added", old: M.api([M.endpoint("plant")]),
      new: M.api([M.endpoint("plant"), M.endpoint("water")]), kind: .endpointAdded, breaking: false,
      code: calling("try await client.garden.plant()")),
    // Parameters.
    Case(
      name: "required parameter added", old: M.api([M.endpoint("plant", [M.parameter("name")])]),
      new: M.api([M.endpoint("plant", [M.parameter("name"), M.parameter("depth", "int")])]),
      kind: .parameterAdded, breaking: true, code: calling(#"try await client.garden.plant(name: "rose")"#)),
    Case(
      name: "optional parameter added before another",
      old: M.api([M.endpoint("plant", [M.parameter("name")])]),
      new: M.api([M.endpoint("plant", [M.parameter("depth", "int", required: false), M.parameter("name")])]),
      kind: .parameterAdded, breaking: false, code: calling(#"try await client.garden.plant(name: "rose")"#)),
    Case(
      name: "parameter removed",
      old: M.api([M.endpoint("plant", [M.parameter("name"), M.parameter("depth", "int", required: false)])]),
      new: M.api([M.endpoint("plant", [M.parameter("name")])]), kind: .parameterRemoved, breaking: true,
      code: calling(#"try await client.garden.plant(name: "rose", depth: 2)"#)),
    Case(
      name: "parameter made optional", old: M.api([M.endpoint("plant", [M.parameter("name")])]),
      new: M.api([M.endpoint("plant", [M.parameter("name", required: false)])]),
      kind: .parameterMadeOptional, breaking: false,
      code: calling(#"let name: String = "rose"; try await client.garden.plant(name: name)"#)),
    Case(
      name: "parameter made required", old: M.api([M.endpoint("plant", [M.parameter("name", required: false)])]),
      new: M.api([M.endpoint("plant", [M.parameter("name")])]), kind: .parameterMadeRequired, breaking: true,
      code: calling("try await client.garden.plant()")),
    Case(
      name: "parameter int to long", old: M.api([M.endpoint("plant", [M.parameter("depth", "int")])]),
      new: M.api([M.endpoint("plant", [M.parameter("depth", "long")])]), kind: .parameterRetyped,
      breaking: false, code: calling("let depth: Int = 2; try await client.garden.plant(depth: depth)")),
    Case(
      name: "parameter int to string", old: M.api([M.endpoint("plant", [M.parameter("depth", "int")])]),
      new: M.api([M.endpoint("plant", [M.parameter("depth", "string")])]), kind: .parameterRetyped,
      breaking: true, code: calling("let depth: Int = 2; try await client.garden.plant(depth: depth)")),
    Case(
      name: "parameter string to enum", old: M.api([M.endpoint("plant", [M.parameter("soil")])], types: [soil]),
      new: M.api([M.endpoint("plant", [M.parameter("soil", "Soil")])], types: [soil]),
      kind: .parameterRetyped, breaking: true, code: calling(#"try await client.garden.plant(soil: "clay")"#)),
    Case(
      name: "parameter default changed",
      old: M.api([M.endpoint("plant", [M.parameter("depth", "int", required: false, default: "1")])]),
      new: M.api([M.endpoint("plant", [M.parameter("depth", "int", required: false, default: "2")])]),
      kind: .parameterDefaultChanged, breaking: false, code: calling("try await client.garden.plant()")),
    Case(
      name: "parameters reordered",
      old: M.api([M.endpoint("plant", [M.parameter("name"), M.parameter("depth", "int")])]),
      new: M.api([M.endpoint("plant", [M.parameter("depth", "int"), M.parameter("name")])]),
      kind: .parametersReordered, breaking: true,
      code: calling(#"try await client.garden.plant(name: "rose", depth: 2)"#)),
    // Answers.
    Case(
      name: "answer added", old: M.api([M.endpoint("read")]), new: M.api([M.endpoint("read", answer: twoFields)]),
      kind: .answerAdded, breaking: false, code: calling("try await client.garden.read()"),
      warning: "result of call to 'read()' is unused"),
    Case(
      name: "answer removed", old: M.api([M.endpoint("read", answer: twoFields)]), new: M.api([M.endpoint("read")]),
      kind: .answerRemoved, breaking: true, code: calling("let answer = try await client.garden.read(); _ = answer.id")),
    Case(
      name: "answer became a file", old: M.api([M.endpoint("read", answer: twoFields)]),
      new: M.api([M.endpoint("read", file: true)]), kind: .answerKindChanged, breaking: true,
      code: calling("let answer = try await client.garden.read(); _ = answer.id")),
    Case(
      name: "answer of one field gets a second", old: M.api([M.endpoint("read", answer: [M.field("id", "int")])]),
      new: M.api([M.endpoint("read", answer: twoFields)]), kind: .answerShapeChanged, breaking: true,
      code: calling("let id: Int = try await client.garden.read(); _ = id")),
    Case(
      name: "answer of two fields keeps one", old: M.api([M.endpoint("read", answer: twoFields)]),
      new: M.api([M.endpoint("read", answer: [M.field("id", "int")])]), kind: .answerShapeChanged, breaking: true,
      code: calling("let answer = try await client.garden.read(); _ = answer.id")),
    Case(
      name: "one-field answer renamed", old: M.api([M.endpoint("read", answer: [M.field("id", "int")])]),
      new: M.api([M.endpoint("read", answer: [M.field("number", "int")])]), kind: .answerFieldRenamed,
      breaking: false, code: calling("let id: Int = try await client.garden.read(); _ = id")),
    // Fields, of answers and objects alike.
    Case(
      name: "required answer field added", old: M.api([M.endpoint("read", answer: twoFields)]),
      new: M.api([M.endpoint("read", answer: twoFields + [M.field("size", "int")])]), kind: .fieldAdded,
      breaking: true,
      code: calling(#"let answer = try await client.garden.read(); _ = answer.id; _ = GardenReadResponse(id: 1, name: "a")"#)),
    Case(
      name: "optional object field added", old: M.api(types: [M.object("Pot", [M.field("size", "int")])]),
      new: M.api(types: [M.object("Pot", [M.field("size", "int"), M.field("color", required: false)])]),
      kind: .fieldAdded, breaking: false, code: "func use() -> Int { Pot(size: 1).size }"),
    Case(
      name: "object field removed",
      old: M.api(types: [M.object("Pot", [M.field("size", "int"), M.field("color", required: false)])]),
      new: M.api(types: [M.object("Pot", [M.field("size", "int")])]), kind: .fieldRemoved, breaking: true,
      code: "func use(_ pot: Pot) -> String? { pot.color }"),
    Case(
      name: "answer field made optional", old: M.api([M.endpoint("read", answer: twoFields)]),
      new: M.api([M.endpoint("read", answer: [M.field("id", "int"), M.field("name", required: false)])]),
      kind: .fieldMadeOptional, breaking: true,
      code: calling("let answer = try await client.garden.read(); let name: String = answer.name; _ = name")),
    Case(
      name: "answer field made required",
      old: M.api([M.endpoint("read", answer: [M.field("id", "int"), M.field("name", nullable: true)])]),
      new: M.api([M.endpoint("read", answer: twoFields)]), kind: .fieldMadeRequired, breaking: true,
      code: calling("let answer = try await client.garden.read(); if let name = answer.name { _ = name }")),
    Case(
      name: "object field int to long", old: M.api(types: [M.object("Pot", [M.field("size", "int")])]),
      new: M.api(types: [M.object("Pot", [M.field("size", "long")])]), kind: .fieldRetyped, breaking: false,
      code: "func use(_ pot: Pot) -> Int { pot.size + Pot(size: 2).size }"),
    Case(
      name: "object field int to string", old: M.api(types: [M.object("Pot", [M.field("size", "int")])]),
      new: M.api(types: [M.object("Pot", [M.field("size", "string")])]), kind: .fieldRetyped, breaking: true,
      code: "func use(_ pot: Pot) -> Int { pot.size }"),
    Case(
      name: "object fields reordered",
      old: M.api(types: [M.object("Pot", [M.field("size", "int"), M.field("color")])]),
      new: M.api(types: [M.object("Pot", [M.field("color"), M.field("size", "int")])]), kind: .fieldsReordered,
      breaking: true, code: #"func use() -> Pot { Pot(size: 1, color: "red") }"#),
    // Documented errors of an endpoint.
    Case(
      name: "endpoint error added", old: M.api([M.endpoint("plant", errors: [201])]),
      new: M.api([M.endpoint("plant", errors: [201, 202])]), kind: .endpointErrorAdded, breaking: false,
      code: calling("try await client.garden.plant()")),
    Case(
      name: "endpoint error removed", old: M.api([M.endpoint("plant", errors: [201])]),
      new: M.api([M.endpoint("plant")]), kind: .endpointErrorRemoved, breaking: false,
      code: calling("try await client.garden.plant()")),
    // Types.
    Case(
      name: "type added", old: M.api(types: [soil]), new: M.api(types: [soil, M.object("Pot", [M.field("size")])]),
      kind: .typeAdded, breaking: false, code: "func use() -> Soil { .clay }"),
    Case(
      name: "type removed", old: M.api(types: [soil, M.object("Pot", [M.field("size")])]), new: M.api(types: [soil]),
      kind: .typeRemoved, breaking: true, code: "func use(_ pot: Pot) -> String { pot.size }"),
    Case(
      name: "enum became an object", old: M.api(types: [soil]),
      new: M.api(types: [M.object("Soil", [M.field("kind")])]), kind: .typeKindChanged, breaking: true,
      code: "func use() -> Soil { .clay }"),
    Case(
      name: "enum value added", old: M.api(types: [soil]), new: M.api(types: [M.enumType("Soil", ["clay", "sand", "loam"])]),
      kind: .enumValueAdded, breaking: true,
      code: """
        func use(_ soil: Soil) -> Int {
          switch soil {
          case .clay: 1
          case .sand: 2
          case .unknown: 0
          }
        }
        """),
    Case(
      name: "enum value removed", old: M.api(types: [soil]), new: M.api(types: [M.enumType("Soil", ["clay"])]),
      kind: .enumValueRemoved, breaking: true, code: "func use() -> Soil { .sand }"),
    Case(
      name: "enum value added, switch with a default", old: M.api(types: [soil]),
      new: M.api(types: [M.enumType("Soil", ["clay", "sand", "loam"])]), kind: .enumValueAdded, breaking: true,
      // Code that has a default compiles: the report is about the code that has none.
      code: "func use(_ soil: Soil) -> Int { if case .clay = soil { 1 } else { 0 } }", codeBreaks: false),
    // Unions.
    Case(
      name: "union variant added", old: unionAPI([("circle", "Circle")]),
      new: unionAPI([("circle", "Circle"), ("square", "Square")]), kind: .unionVariantAdded, breaking: true,
      code: """
        func use(_ zone: Zone) -> Int {
          switch zone {
          case .circle(let circle): circle.size
          case .unknown: 0
          }
        }
        """),
    Case(
      name: "union variant removed", old: unionAPI([("circle", "Circle"), ("square", "Square")]),
      new: unionAPI([("circle", "Circle")]), kind: .unionVariantRemoved, breaking: true,
      code: "func use(_ zone: Zone) -> Bool { if case .square = zone { true } else { false } }"),
    Case(
      name: "union variant retyped", old: unionAPI([("circle", "Circle")]), new: unionAPI([("circle", "Square")]),
      kind: .unionVariantRetyped, breaking: true,
      code: "func use(_ zone: Zone) -> Circle? { if case .circle(let circle) = zone { circle } else { nil } }"),
    Case(
      name: "union discriminator changed", old: unionAPI([("circle", "Circle")]),
      new: unionAPI([("circle", "Circle")], discriminator: "kind"), kind: .unionDiscriminatorChanged,
      breaking: false,
      code: "func use(_ zone: Zone) -> Int { switch zone { case .circle(let c): c.size; case .unknown: 0 } }"),
    // The global error-code table.
    Case(
      name: "error code added", old: M.api(errorCodes: [M.errorCode(1, "Database error")]),
      new: M.api(errorCodes: [M.errorCode(1, "Database error"), M.errorCode(2, "Not found")]),
      kind: .errorCodeAdded, breaking: true,
      code: "func use(_ code: NavixyErrorCode) -> Int { switch code { case .databaseError: 1; case .unknown: 0 } }"),
    Case(
      name: "error code removed", old: M.api(errorCodes: [M.errorCode(1, "Database error"), M.errorCode(2, "Not found")]),
      new: M.api(errorCodes: [M.errorCode(1, "Database error")]), kind: .errorCodeRemoved, breaking: true,
      code: "func use() -> NavixyErrorCode { .notFound }"),
    Case(
      name: "error code reworded", old: M.api(errorCodes: [M.errorCode(1, "Database error")]),
      new: M.api(errorCodes: [M.errorCode(1, "Internal database failure")]), kind: .errorCodeRenamed,
      breaking: true, code: "func use() -> NavixyErrorCode { .databaseError }"),
    Case(
      name: "error code reworded after its headline", old: M.api(errorCodes: [M.errorCode(1, "Database error")]),
      new: M.api(errorCodes: [M.errorCode(1, "Database Error (try again later).")]), kind: nil, breaking: false,
      code: "func use() -> NavixyErrorCode { .databaseError }"),
  ]

  /// Zones of two variant objects with the same fields, so that only the names differ; both
  /// have either discriminator.
  static func unionAPI(_ variants: [(String, String)], discriminator: String = "type") -> APIDescription {
    let fields = [M.field("type"), M.field("kind"), M.field("size", "int")]
    return M.api(types: [
      M.union("Zone", discriminator: discriminator, variants), M.object("Circle", fields),
      M.object("Square", fields),
    ])
  }

  @Test(arguments: cases)
  func rule(_ rule: Case) throws {
    let found = ModelDiff.compare(old: rule.old, new: rule.new).changes
    if let kind = rule.kind {
      #expect(found.map(\.kind) == [kind], "\(found)")
      #expect(found.first?.breaking == rule.breaking)
    } else {
      #expect(found.isEmpty, "\(found)")
    }
    let compiler = try ClientCompiler.shared.get()
    let code = "import APIGenRuntime\n\n" + rule.code
    let before = try compiler.compile(code, against: rule.old)
    #expect(before.compiles, "the case's code must compile against the old client:\n\(before)")
    let after = try compiler.compile(code, against: rule.new)
    let breaksThisCode = rule.codeBreaks ?? (rule.kind != nil && rule.breaking)
    #expect(after.compiles == !breaksThisCode, "against the new client:\n\(after)")
    if let warning = rule.warning {
      #expect(after.warnings.contains { $0.contains(warning) }, "\(after)")
    }
  }
}
