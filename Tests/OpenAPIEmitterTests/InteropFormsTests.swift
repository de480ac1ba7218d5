import APIModel
import Foundation
import OpenAPIEmitter
import OpenAPIKit
import Testing

/// What other tools read from the document: nullability in the form swift-openapi-generator
/// supports, `x-source` on every element of the model, and the docs' examples.
@Suite struct NullableReferenceTests {
  static let page = "backend-api/resources/field_service/form/index.md"
  static func at(_ line: Int) -> APIModel.SourceLocation {
    SourceLocation(file: page, line: line, column: 1)
  }

  static func field(_ name: String, _ type: TypeRef, nullable: Bool = true) -> Field {
    Field(name: name, type: type, nullable: nullable, description: "The \(name).", source: at(10))
  }

  /// Every reference to `FormValues`, `Fuel`, `Zone` and `location` allows `null`.
  static let api = APIDescription(
    info: .init(title: "Forms", baseURL: "https://api.example.com/v2"),
    endpoints: [
      Endpoint(
        path: "/form/list", resource: "/form", action: "list",
        response: Response(fields: [field("list", .array(.named("Form")), nullable: false)]),
        source: at(3))
    ],
    types: [
      NamedType(
        name: "Form", kind: .object, description: "A form.",
        fields: [
          field("values", .named("FormValues")), field("fuel", .named("Fuel")),
          field("zone", .named("Zone")), field("place", .primitive(.location)),
          field("label", .primitive(.string)),
        ],
        source: at(20)),
      NamedType(
        name: "FormValues", kind: .object, description: "Filled-in values.",
        fields: [field("text", .primitive(.string), nullable: false)], source: at(30)),
      NamedType(
        name: "Fuel", kind: .enum, description: "A fuel.",
        values: [
          EnumValue(value: "petrol", source: at(40)), EnumValue(value: "diesel", source: at(41)),
        ],
        source: at(39)),
      NamedType(
        name: "Zone", kind: .union, description: "A zone.", discriminator: "type",
        variants: [.init(value: "circle", type: "ZoneCircle")], source: at(50)),
      NamedType(
        name: "ZoneCircle", kind: .object, description: "A circle.",
        fields: [field("type", .primitive(.string), nullable: false)], source: at(55)),
    ])

  @Test func aTypeOnlyEverNullableAllowsNullItself() throws {
    let emitted = try Emitted(Self.api)
    let form = try #require(emitted.object(at: ["components", "schemas", "Form", "properties"]))
    // Plain references: swift-openapi-generator reads the nullability through them.
    for (name, key) in [
      ("values", "FormValues"), ("fuel", "Fuel"), ("zone", "Zone"), ("place", "Location"),
    ] {
      #expect((form[name] as? [String: Any])?["$ref"] as? String == "#/components/schemas/\(key)")
    }
    let schemas = try #require(emitted.object(at: ["components", "schemas"]))
    let values = try #require(schemas["FormValues"] as? [String: Any])
    #expect(values["type"] as? [String] == ["object", "null"])
    let location = try #require(schemas["Location"] as? [String: Any])
    #expect(location["type"] as? [String] == ["object", "null"])
    // `enum` limits every value, `null` too.
    let fuel = try #require(schemas["Fuel"] as? [String: Any])
    #expect(fuel["type"] as? [String] == ["string", "null"])
    let fuelValues = try #require(fuel["enum"] as? [Any])
    #expect(fuelValues.count == 3)
    #expect(fuelValues.last is NSNull)
    let zone = try #require(schemas["Zone"] as? [String: Any])
    let alternatives = try #require(zone["oneOf"] as? [[String: Any]])
    #expect(alternatives.last?["type"] as? String == "null")
    #expect(alternatives.count == 2)
    // A field of a primitive type takes `null` among its types.
    #expect((form["label"] as? [String: Any])?["type"] as? [String] == ["string", "null"])
  }

  @Test func noPropertyIsANullAlternativeThatSwiftOpenAPIGeneratorSkips() throws {
    for api in [Self.api, Fixtures.tracker, Fixtures.pushToken] {
      let contents = try OpenAPIEmitter().emit(api).contents
      #expect(!contents.contains("\"anyOf\""))
    }
  }

  @Test func aTypeAlsoUsedWithoutNullGetsANullableTwin() throws {
    let emitted = try Emitted(Fixtures.tracker)
    let schemas = try #require(emitted.object(at: ["components", "schemas"]))
    let tracker = try #require(schemas["Tracker"] as? [String: Any])
    let twin = try #require(schemas["TrackerOrNull"] as? [String: Any])
    #expect(tracker["type"] as? String == "object")
    #expect(twin["type"] as? [String] == ["object", "null"])
    #expect(
      (twin["properties"] as? [String: Any])?.keys.sorted()
        == (tracker["properties"] as? [String: Any])?.keys.sorted())
    #expect(twin["x-source"] as? String == tracker["x-source"] as? String)
    let list = try #require(
      emitted.object(at: [
        "paths", "/tracker/list", "post", "responses", "200", "content", "application/json",
        "schema", "properties", "list", "items",
      ]))
    #expect(list["$ref"] as? String == "#/components/schemas/Tracker")
  }

  @Test func aTwinNeverTakesTheNameOfADocsType() throws {
    var api = Fixtures.tracker
    api.types.append(
      NamedType(
        name: "TrackerOrNull", kind: .enum, description: "Taken.",
        values: [EnumValue(value: "x", source: Fixtures.at(1))], source: Fixtures.at(1)))
    let emitted = try Emitted(api)
    #expect(emitted.schemaComponent("TrackerOrNull")?.allowedValues == ["x"])
    #expect(
      emitted.successSchema("/tracker/list")?.property("best")?.reference
        == .component(named: "TrackerOrNull_2"))
  }

  @Test(
    .enabled(if: SpecValidator.isAvailable, "python3 -m openapi_spec_validator is not installed"))
  func passesTheReferenceValidator() throws {
    let result = try SpecValidator.validate(try OpenAPIEmitter().emit(Self.api).contents)
    #expect(result.status == 0, "\(result.output)")
  }

  @Test func passesOpenAPIKitValidation() throws {
    try Emitted(Self.api).document.validate()
  }
}

@Suite struct SourceExtensionTests {
  let emitted: Emitted
  init() throws { emitted = try Emitted(Fixtures.tracker) }

  static func source(_ location: APIModel.SourceLocation) -> String {
    "\(location.file):\(location.line)"
  }

  @Test func everyOperationSaysWhereItsHeadingIs() throws {
    for endpoint in Fixtures.tracker.endpoints {
      let operation = try #require(emitted.object(at: ["paths", endpoint.path, "post"]))
      #expect(operation["x-source"] as? String == Self.source(endpoint.source))
    }
    #expect(
      emitted.object(at: ["paths", "/tracker/list", "post"])?["x-source"] as? String
        == "backend-api/resources/tracking/tracker/index.md:10")
  }

  @Test func everySchemaOfTheModelSaysWhereTheDocsDefineIt() throws {
    let schemas = try #require(emitted.object(at: ["components", "schemas"]))
    // The envelopes and the `location` primitive are apigen's own, from no page.
    let builtins: Set<String> = ["SuccessResponse", "ErrorResponse", "Location"]
    let ofTheModel = schemas.filter { !builtins.contains($0.key) }
    #expect(ofTheModel.keys.sorted() == ["Tracker", "TrackerOrNull", "Tracker_Status"])
    for type in Fixtures.tracker.types {
      let key = type.name.replacingOccurrences(of: " ", with: "_")
      #expect((schemas[key] as? [String: Any])?["x-source"] as? String == Self.source(type.source))
    }
    for (key, schema) in ofTheModel {
      let properties = (schema as? [String: Any])?["properties"] as? [String: [String: Any]] ?? [:]
      for (name, property) in properties {
        #expect(property["x-source"] is String, "\(key).\(name) has no x-source")
      }
    }
    let speed = try #require(
      emitted.object(at: ["components", "schemas", "Tracker", "properties", "speed"]))
    #expect(speed["x-source"] as? String == "backend-api/resources/tracking/tracker/index.md:75")
  }

  @Test func everyParameterAndResponseFieldSaysWhereItIsListed() throws {
    for endpoint in Fixtures.tracker.endpoints {
      let operation = ["paths", endpoint.path, "post"]
      let parameters = try #require(
        emitted.object(
          at: operation + ["requestBody", "content", "application/json", "schema", "properties"]))
      for parameter in endpoint.parameters {
        #expect(
          (parameters[parameter.name] as? [String: Any])?["x-source"] as? String
            == Self.source(parameter.source))
      }
      let fields =
        emitted.object(
          at: operation + [
            "responses", "200", "content", "application/json", "schema", "properties",
          ]) ?? [:]
      for field in endpoint.response.fields {
        #expect(
          (fields[field.name] as? [String: Any])?["x-source"] as? String
            == Self.source(field.source))
      }
    }
  }
}

@Suite struct ExampleValuesTests {
  static let page = "backend-api/resources/tracking/tracker/index.md"

  static func sample(_ code: String, line: Int) -> CodeSample {
    CodeSample(
      language: "json", code: code, json: JSONReader.value(code),
      source: APIModel.SourceLocation(file: page, line: line, column: 1))
  }

  static func example(_ title: String, _ body: String?, line: Int) -> Example {
    Example(
      kind: title == "HTTP GET" ? .httpGet : .curl, title: title,
      url: "https://api.navixy.com/v2/tracker/list", body: body,
      arguments: body.flatMap(JSONReader.value),
      sample: CodeSample(
        language: "shell", code: "…",
        source: APIModel.SourceLocation(file: page, line: line, column: 5)))
  }

  /// `tracker/list` with the examples of a busy page: several cURL tabs and a GET, some of them
  /// not JSON or sending nothing; several answers, one of them an error and one eliding its
  /// list.
  static let api: APIDescription = {
    var api = Fixtures.tracker
    api.endpoints[0].examples = [
      example("cURL", #"{"hash": "22eac1c27af4be7b9d04da2ce1af111b", "limit": 25}"#, line: 30),
      example(
        "HTTP GET", #"{"hash": "22eac1c27af4be7b9d04da2ce1af111b", "labels": ["a"]}"#, line: 33),
      example("cURL", #"{"hash": "22eac1c27af4be7b9d04da2ce1af111b", "limit": <limit>}"#, line: 36),
      example("cURL", #"{"hash": "22eac1c27af4be7b9d04da2ce1af111b"}"#, line: 37),
      example("cURL", #"{"limit": 1}"#, line: 39),
      example("cURL", nil, line: 42),
    ]
    api.endpoints[0].response.examples = [
      sample(#"{ "success": true, "list": [ ... ] }"#, line: 44),
      sample(#"{ "success": true, "list": [] }"#, line: 48),
      sample(#"{ "success": true, "list": [], "best": null }"#, line: 50),
      sample(
        #"{ "success": false, "status": { "code": 201, "description": "Not found" } }"#, line: 52),
    ]
    return api
  }()

  let emitted: Emitted
  init() throws { emitted = try Emitted(Self.api) }

  @Test func requestExamplesAreNamedAfterTheirTabWithoutTheHash() throws {
    let examples = try #require(
      emitted.object(at: [
        "paths", "/tracker/list", "post", "requestBody", "content", "application/json", "examples",
      ]))
    #expect(examples.keys.sorted() == ["HTTP GET", "cURL", "cURL_2"])
    let curl = try #require(examples["cURL"] as? [String: Any])
    #expect(curl["value"] as? [String: Int] == ["limit": 25])
    #expect(curl["x-source"] as? String == "\(Self.page):30")
    #expect(
      (examples["HTTP GET"] as? [String: Any])?["value"] as? [String: [String]] == ["labels": ["a"]]
    )
    // The third tab is not JSON (a placeholder), the fourth sends only the session, the sixth
    // nothing.
    let second = try #require(examples["cURL_2"] as? [String: Any])
    #expect(second["value"] as? [String: Int] == ["limit": 1])
    #expect(second["x-source"] as? String == "\(Self.page):39")
  }

  @Test func answersAreExamplesOfTheSuccessResponse() throws {
    let examples = try #require(
      emitted.object(at: [
        "paths", "/tracker/list", "post", "responses", "200", "content", "application/json",
        "examples",
      ]))
    // The first sample elides its list: it is not JSON.
    #expect(examples.keys.sorted() == ["response", "response_2"])
    let first = try #require(examples["response"] as? [String: Any])
    #expect(first["x-source"] as? String == "\(Self.page):48")
    let second = try #require(
      (examples["response_2"] as? [String: Any])?["value"] as? [String: Any])
    #expect(second["best"] is NSNull)
    #expect(second["success"] as? Bool == true)
  }

  @Test func errorAnswersAreExamplesOfTheErrorResponse() throws {
    let error = try #require(
      emitted.object(at: ["paths", "/tracker/list", "post", "responses", "default"]))
    #expect(error["$ref"] == nil)
    let content = try #require(
      (error["content"] as? [String: Any])?["application/json"] as? [String: Any])
    #expect(
      (content["schema"] as? [String: Any])?["$ref"] as? String
        == "#/components/schemas/ErrorResponse")
    let examples = try #require(content["examples"] as? [String: [String: Any]])
    #expect(examples.keys.sorted() == ["error"])
    #expect(examples["error"]?["x-source"] as? String == "\(Self.page):52")
    // Calls whose docs show no error answer keep the shared response.
    #expect(
      emitted.object(at: ["paths", "/user/auth", "post", "responses", "default"])?["$ref"]
        as? String
        == "#/components/responses/Error")
  }

  @Test func anAnswerOfNothingButSuccessKeepsItsExample() throws {
    var api = Fixtures.pushToken
    api.endpoints[1].response.examples = [Self.sample(#"{"success": true}"#, line: 90)]
    let emitted = try Emitted(api)
    let success = try #require(
      emitted.object(at: [
        "paths", "/user/session/push_token/delete", "post", "responses", "200", "content",
        "application/json",
      ]))
    #expect(
      (success["schema"] as? [String: Any])?["$ref"] as? String
        == "#/components/schemas/SuccessResponse")
    let examples = try #require(success["examples"] as? [String: [String: Any]])
    #expect(examples["response"]?["value"] as? [String: Bool] == ["success": true])
    // Without an example the call keeps the shared answer.
    #expect(
      emitted.object(at: ["paths", "/user/session/push_token/bind", "post", "responses", "200"])?[
        "$ref"] as? String == "#/components/responses/Success")
  }

  @Test func aCallWithoutExamplesHasNone() throws {
    let content = try #require(
      emitted.object(at: [
        "paths", "/user/auth", "post", "requestBody", "content", "application/json",
      ]))
    #expect(content["examples"] == nil)
    #expect(content["example"] == nil)
  }

  @Test(
    .enabled(if: SpecValidator.isAvailable, "python3 -m openapi_spec_validator is not installed"))
  func passesTheReferenceValidator() throws {
    let result = try SpecValidator.validate(emitted.file.contents)
    #expect(result.status == 0, "\(result.output)")
  }

  @Test func readsBackWithOpenAPIKit() throws {
    try emitted.document.validate()
    let content = try #require(
      emitted.operation("/tracker/list")?.requestBody?.requestValue?.content[.json]?.contentValue)
    #expect(content.examples?.count == 3)
  }
}
