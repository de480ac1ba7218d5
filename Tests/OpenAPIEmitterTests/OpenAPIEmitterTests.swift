import APIModel
import Foundation
import OpenAPIEmitter
import OpenAPIKit
import Testing

@Suite struct PushTokenDocumentTests {
  let emitted: Emitted
  init() throws { emitted = try Emitted(Fixtures.pushToken) }

  @Test func isOpenAPIJSONWithTheMarkerUpFront() throws {
    let contents = emitted.file.contents
    #expect(emitted.file.path == "openapi.json")
    #expect(contents.hasPrefix("{\n  \"openapi\" : \"3.1.0\",\n  \"info\" : {"))
    #expect(contents.hasSuffix("}\n"))
    #expect(
      String(decoding: contents.utf8.prefix(512), as: UTF8.self).contains(
        GeneratedFileHeader.marker))
    #expect(
      emitted.document.info.vendorExtensions["x-generated-by"]?.value as? String
        == GeneratedFileHeader.marker)
  }

  @Test func describesTheAPI() {
    let document = emitted.document
    #expect(document.openAPIVersion == .v3_1_0)
    #expect(document.info.title == "Navixy API")
    #expect(document.servers.map(\.urlTemplate.absoluteString) == ["https://api.navixy.com/v2"])
    #expect(document.tags?.map(\.name) == ["/user/session/push_token"])
  }

  @Test func bindPostsItsParameters() throws {
    let operation = try #require(emitted.operation("/user/session/push_token/bind"))
    #expect(operation.operationId == "user_session_push_token_bind")
    #expect(operation.summary == "Binds Push token with a current session.")
    #expect(operation.tags == ["/user/session/push_token"])
    #expect(operation.security == nil)

    let schema = try #require(emitted.requestSchema("/user/session/push_token/bind"))
    let object = try #require(schema.objectContext)
    #expect(Set(object.properties.keys) == ["application", "token", "category_filter"])
    #expect(object.requiredProperties.sorted() == ["application", "token"])

    let application = try #require(schema.property("application"))
    #expect(application.reference == .component(named: "PushTokenApplication"))

    let token = try #require(schema.property("token"))
    #expect(token.jsonType == .string)
    #expect(token.description == "Push token.")

    let filter = try #require(schema.property("category_filter"))
    #expect(filter.jsonType == .string)
    #expect(filter.defaultValue == "*")
    #expect(filter.description?.contains("`chat_message`, `history_rule`") == true)
    #expect(
      filter.vendorExtensions["x-documented-values"]?.value as? String
        == "#/components/schemas/PushTokenCategory")
  }

  @Test func deletePostsAnEmptyObject() throws {
    let operation = try #require(emitted.operation("/user/session/push_token/delete"))
    #expect(operation.operationId == "user_session_push_token_delete")
    let schema = try #require(emitted.requestSchema("/user/session/push_token/delete"))
    #expect(schema.jsonType == .object)
    #expect(schema.objectContext?.properties.isEmpty == true)
  }

  @Test func answersWithTheSharedEnvelopes() throws {
    let operation = try #require(emitted.operation("/user/session/push_token/delete"))
    #expect(operation.responses[200]?.reference == .component(named: "Success"))
    #expect(operation.responses[.default]?.reference == .component(named: "Error"))

    let success = try #require(emitted.schemaComponent("SuccessResponse"))
    #expect(success.property("success")?.allowedValues == [true])
    let error = try #require(emitted.schemaComponent("ErrorResponse"))
    #expect(error.property("success")?.allowedValues == [false])
    let status = try #require(error.property("status"))
    #expect(status.property("code")?.jsonType == .integer)
    #expect(status.property("description")?.jsonType == .string)
  }

  @Test func sendsTheSessionInTheAuthorizationHeader() throws {
    let scheme = try #require(
      emitted.document.components.securitySchemes["session"]?.securitySchemeValue)
    #expect(scheme.type == .apiKey(name: "Authorization", location: .header))
    #expect(scheme.description?.contains("NVX <hash>") == true)
    #expect(emitted.document.security == [[.component(named: "session"): []]])
  }

  @Test func definesTheEnums() throws {
    let application = try #require(emitted.schemaComponent("PushTokenApplication"))
    #expect(application.allowedValues == ["navixy_iphone_viewer", "navixy_android_viewer"])

    let category = try #require(emitted.schemaComponent("PushTokenCategory"))
    #expect(category.allowedValues?.count == 6)
    #expect(
      category.description?.contains("* `history_rule` – notifications related to rule actuation.")
        == true)
    let descriptions = category.vendorExtensions["x-enum-descriptions"]?.value as? [Any]
    #expect(descriptions?.count == 6)
  }

  @Test func passesOpenAPIKitValidation() throws {
    try emitted.document.validate()
  }

  @Test func isDeterministic() throws {
    let again = try OpenAPIEmitter().emit(Fixtures.pushToken)
    #expect(again == emitted.file)
  }

  @Test(
    .enabled(if: SpecValidator.isAvailable, "python3 -m openapi_spec_validator is not installed"))
  func passesTheReferenceValidator() throws {
    let result = try SpecValidator.validate(emitted.file.contents)
    #expect(result.status == 0, "\(result.output)")
  }
}

@Suite struct TypeMappingTests {
  let emitted: Emitted
  init() throws { emitted = try Emitted(Fixtures.tracker) }

  @Test func mapsPrimitivesArraysAndDates() throws {
    let schema = try #require(emitted.requestSchema("/tracker/list"))

    let labels = try #require(schema.property("labels"))
    #expect(labels.jsonType == .array)
    #expect(labels.arrayContext?.items?.jsonType == .string)

    let from = try #require(schema.property("from"))
    #expect(from.jsonType == .string)
    let dateTime = #"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$"#
    #expect(from.stringContext?.pattern == dateTime)
    #expect(from.stringContext?.minLength == 19)
    #expect(from.stringContext?.maxLength == 19)
    #expect(
      from.description == "Start of the period.\n\nyyyy-MM-dd HH:mm:ss in the user's time zone.")
    #expect(from.examples == ["2024-01-31 12:00:00"])
    #expect(schema.objectContext?.requiredProperties == ["from"])

    let offset = try #require(schema.property("offset"))
    #expect(offset.jsonTypeFormat == .integer(.int64))
  }

  @Test func typesDefaultsThatReadAsTheirType() throws {
    let schema = try #require(emitted.requestSchema("/tracker/list"))
    let limit = try #require(schema.property("limit"))
    #expect(limit.jsonTypeFormat == .integer(.int32))
    #expect(limit.defaultValue == 10)
    #expect(limit.examples == [25])
    #expect(schema.property("with_groups")?.defaultValue == true)
    // "a lot" is no `long`: it stays in the description only.
    #expect(schema.property("offset")?.defaultValue == nil)
  }

  @Test func describesTheResponsePayload() throws {
    let schema = try #require(emitted.successSchema("/tracker/list"))
    #expect(schema.property("success")?.allowedValues == [true])
    #expect(schema.property("list")?.arrayContext?.items?.reference == .component(named: "Tracker"))
    #expect(schema.objectContext?.requiredProperties.sorted() == ["best", "list", "success"])

    let lastSeen = try #require(schema.property("last_seen"))
    #expect(lastSeen.nullable)
    #expect(lastSeen.jsonType == .string)

    // `Tracker` is also listed without `null`: the nullable field refers to its twin.
    let best = try #require(schema.property("best"))
    #expect(best.reference == .component(named: "TrackerOrNull"))
  }

  @Test func definesObjectsWithLocationsAndFreeFormFields() throws {
    let tracker = try #require(emitted.schemaComponent("Tracker"))
    #expect(tracker.description == "A tracking device.")
    #expect(tracker.property("id")?.jsonTypeFormat == .integer(.int32))
    #expect(tracker.property("location")?.reference == .component(named: "Location"))
    #expect(tracker.property("settings")?.objectContext?.additionalProperties?.booleanValue == true)
    let shiftStart = tracker.property("shift_start")?.stringContext
    #expect(shiftStart?.pattern == #"^[0-9]{2}:[0-9]{2}:[0-9]{2}$"#)
    #expect(shiftStart?.maxLength == 8)
    #expect(tracker.property("speed")?.jsonTypeFormat == .number(.double))
    #expect(tracker.property("speed")?.nullable == true)
    #expect(tracker.objectContext?.requiredProperties.contains("settings") == false)

    let location = try #require(emitted.schemaComponent("Location"))
    #expect(location.objectContext?.requiredProperties.sorted() == ["lat", "lng"])
    #expect(location.property("lat")?.jsonTypeFormat == .number(.double))
  }

  @Test func sanitisesComponentNames() throws {
    #expect(emitted.schemaComponent("Tracker_Status")?.allowedValues == ["active", "offline"])
    #expect(
      emitted.schemaComponent("Tracker")?.property("status")?.reference
        == .component(named: "Tracker_Status"))
  }

  @Test func liftsTheSessionForCallsWithoutOne() throws {
    #expect(emitted.operation("/user/auth")?.security == [])
    #expect(emitted.operation("/tracker/list")?.security == nil)
  }

  @Test func documentsRightsAndErrorCodes() throws {
    let description = try #require(emitted.operation("/tracker/list")?.description)
    #expect(description.contains("**Required sub-user rights:** tracker_view"))
    #expect(description.contains("* `201` (HTTP 404) – Not found in the database."))
    #expect(description.contains("* `7` – Invalid parameters."))

    let code = try #require(
      emitted.schemaComponent("ErrorResponse")?.property("status")?.property("code"))
    #expect(
      code.description?.contains("* `4` (HTTP 403) – User not found or session ended.") == true)
  }

  @Test func passesOpenAPIKitValidation() throws {
    try emitted.document.validate()
  }

  @Test(
    .enabled(if: SpecValidator.isAvailable, "python3 -m openapi_spec_validator is not installed"))
  func passesTheReferenceValidator() throws {
    let result = try SpecValidator.validate(emitted.file.contents)
    #expect(result.status == 0, "\(result.output)")
  }
}

@Suite struct ModelInvariantTests {
  @Test func reservesTheBuiltInNames() throws {
    var api = Fixtures.tracker
    api.types.append(
      NamedType(
        name: "Location", kind: .object, description: "A place.", fields: [],
        source: Fixtures.at(90)))
    api.endpoints[0].parameters.append(
      Parameter(
        name: "place", type: .named("Location"), required: false, description: "",
        source: Fixtures.at(91)))
    let emitted = try Emitted(api)
    #expect(emitted.schemaComponent("Location_2")?.description == "A place.")
    #expect(
      emitted.requestSchema("/tracker/list")?.property("place")?.reference
        == .component(named: "Location_2"))
    try emitted.document.validate()
  }

  @Test func keepsOperationIDsUnique() throws {
    var api = Fixtures.pushToken
    var twin = api.endpoints[0]
    twin.path = "/user/session_push/token/bind"
    api.endpoints.append(twin)
    let emitted = try Emitted(api)
    #expect(
      emitted.operation("/user/session_push/token/bind")?.operationId
        == "user_session_push_token_bind_2")
    try emitted.document.validate()
  }

  @Test func rejectsUnknownTypes() {
    var api = Fixtures.pushToken
    api.types.removeAll { $0.name == "PushTokenApplication" }
    #expect(throws: OpenAPIEmitterError.unknownType("PushTokenApplication", at: Fixtures.at(20))) {
      try OpenAPIEmitter().emit(api)
    }
  }

  @Test func rejectsDuplicatePaths() {
    var api = Fixtures.pushToken
    api.endpoints.append(api.endpoints[1])
    #expect(
      throws: OpenAPIEmitterError.duplicatePath(
        "/user/session/push_token/delete", at: Fixtures.at(58))
    ) {
      try OpenAPIEmitter().emit(api)
    }
  }
}

@Suite struct LargeDocumentTests {
  /// As many endpoints as the Navixy docs have, with types named to sort before `info`.
  static let api: APIDescription = {
    var api = Fixtures.pushToken
    let template = api.endpoints[0]
    api.endpoints = (0..<318).map { index in
      var endpoint = template
      endpoint.path = "/resource\(index / 10)/action\(index)"
      endpoint.resource = "/resource\(index / 10)"
      return endpoint
    }
    api.types += (0..<100).map { index in
      NamedType(
        name: "AAA\(index)", kind: .enum, description: "Filler.",
        values: [EnumValue(value: "value", source: Fixtures.at(1))], source: Fixtures.at(1))
    }
    return api
  }()

  @Test func keepsTheMarkerInTheFirst512Bytes() throws {
    let contents = try OpenAPIEmitter().emit(Self.api).contents
    #expect(contents.utf8.count > 100_000)
    #expect(
      String(decoding: contents.utf8.prefix(512), as: UTF8.self).contains(
        GeneratedFileHeader.marker))
  }
}
