import APIModel
import Testing

@testable import SwiftEmitter

@Suite struct PushTokenEmitTests {
  private let files = SwiftEmitter().emit(Fixtures.pushToken)

  private func file(_ path: String) throws -> String {
    try #require(files.first { $0.path == path }).contents
  }

  @Test func splitsTheClientIntoAFilePerArea() {
    #expect(files.map(\.path) == ["Swift/NavixyClient.swift", "Swift/UserAPI.swift"])
  }

  @Test func everyFileStartsWithTheMarkerAndFitsTheLineLength() {
    for file in files {
      let lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.first == "// \(GeneratedFileHeader.marker)"[...], "\(file.path)")
      #expect(lines.allSatisfy { $0.count <= 100 }, "\(file.path)")
      #expect(file.contents.hasSuffix("}\n"), "\(file.path)")
    }
  }

  @Test func isDeterministic() {
    #expect(SwiftEmitter().emit(Fixtures.pushToken) == files)
  }

  @Test func theClientTakesBaseURLSessionAndTransport() throws {
    let client = try file("Swift/NavixyClient.swift")
    #expect(
      client.contains(
        """
          public init(
            baseURL: URL = URL(documented: "https://api.navixy.com/v2"),
            session: String? = nil,
            transport: any HTTPTransport = URLSessionTransport()
          ) {
        """))
    #expect(client.contains("public struct NavixyClient: Sendable {"))
  }

  @Test func namespacesMirrorThePathIncludingSegmentsWithoutCalls() throws {
    let client = try file("Swift/NavixyClient.swift")
    let user = try file("Swift/UserAPI.swift")
    #expect(client.contains("  public var user: UserAPI {\n    UserAPI(client: client)\n  }"))
    #expect(user.contains("public struct UserAPI: Sendable {"))
    #expect(user.contains("  public var session: UserSessionAPI {"))
    #expect(user.contains("public struct UserSessionAPI: Sendable {"))
    #expect(user.contains("  public var pushToken: UserSessionPushTokenAPI {"))
  }

  @Test func bindTakesRequiredParametersFirstClassAndOptionalOnesDefaultingToNil() throws {
    let resource = try file("Swift/UserAPI.swift")
    #expect(
      resource.contains(
        """
          public func bind(
            application: PushTokenApplication,
            token: String,
            categoryFilter: String? = nil
          ) async throws(APIError) {
        """))
  }

  @Test func bindSendsItsParametersByWireName() throws {
    let resource = try file("Swift/UserAPI.swift")
    #expect(
      resource.contains(
        """
            try await self.client.call(
              "/user/session/push_token/bind",
              ["application": application, "token": token, "category_filter": categoryFilter]
            )
        """))
  }

  @Test func deleteSendsNoParametersAndReturnsNothing() throws {
    let resource = try file("Swift/UserAPI.swift")
    #expect(
      resource.contains(
        """
          public func delete() async throws(APIError) {
            try await self.client.call("/user/session/push_token/delete")
          }
        """))
  }

  @Test func bindIsDocumentedFromTheDocs() throws {
    let resource = try file("Swift/UserAPI.swift")
    #expect(
      resource.contains(
        """
          /// Attaches a push token to the current session.
          ///
          /// API path: `/user/session/push_token/bind`.
          ///
          /// Source: backend-api/resources/commons/user/session/push_token.md:12
          ///
          /// - Parameters:
          ///   - application: The app the token was issued for.
          ///   - token: The token from the push service.
          ///   - categoryFilter: Optional. Which notification categories to push, default is `*`. Values:
          ///     ``PushTokenCategory``.
          /// - Throws: ``APIError``.
          public func bind(
        """))
  }

  @Test func enumsStayOpenToUnknownValues() throws {
    let application = try file("Swift/UserAPI.swift")
    #expect(application.contains("public enum PushTokenApplication: OpenEnum {"))
    #expect(application.contains("  /// The iPhone viewer.\n  case navixyIphoneViewer\n"))
    #expect(application.contains("  case unknown(String)\n"))
    #expect(application.contains(#"    case "navixy_iphone_viewer": self = .navixyIphoneViewer"#))
    #expect(application.contains(#"    case .navixyAndroidViewer: "navixy_android_viewer""#))
    #expect(application.contains("    default: self = .unknown(rawValue)"))
  }
}

@Suite struct ModelShapeEmitTests {
  private static let here = SourceLocation(
    file: "backend-api/resources/demo.md", line: 7, column: 1)

  private static func field(
    _ name: String, _ type: TypeRef, required: Bool = true, nullable: Bool = false
  ) -> Field {
    Field(
      name: name, type: type, required: required, nullable: nullable,
      description: "The \(name).", source: here)
  }

  private static func parameter(_ name: String, _ type: TypeRef = .primitive(.string))
    -> Parameter
  {
    Parameter(name: name, type: type, required: true, description: "", source: here)
  }

  private static func contents(_ api: APIDescription) -> String {
    SwiftEmitter().emit(api).map(\.contents).joined()
  }

  private static func api(
    endpoints: [Endpoint] = [], types: [NamedType] = []
  ) -> APIDescription {
    APIDescription(
      info: .init(title: "Demo API", baseURL: "https://demo.example/v1"), endpoints: endpoints,
      types: types)
  }

  @Test func aDefaultIsStatedOnceInTheParameterDoc() {
    var limit = Self.parameter("limit", .primitive(.int))
    limit.required = false
    limit.default = "10"
    limit.description = "How many to return."
    var offset = Self.parameter("offset", .primitive(.int))
    offset.required = false
    offset.default = "0"
    offset.description = "Where to start, default is 0."
    let endpoint = Endpoint(
      path: "/tracker/list", resource: "/tracker", action: "list", parameters: [limit, offset],
      source: Self.here)
    let swift = Self.contents(Self.api(endpoints: [endpoint]))
    #expect(swift.contains("///   - limit: How many to return. Defaults to `10`.\n"))
    #expect(swift.contains("///   - offset: Where to start, default is 0.\n"))
  }

  @Test func fieldsOfTheAnswerBecomeAResponseStruct() {
    let endpoint = Endpoint(
      path: "/tracker/list", resource: "/tracker", action: "list",
      response: Response(fields: [
        Self.field("list", .array(.primitive(.int))),
        Self.field("next_page", .primitive(.dateTime), required: false),
        Self.field("owner", .object, nullable: true),
      ]), source: Self.here)
    let code = Self.contents(Self.api(endpoints: [endpoint]))

    #expect(code.contains("public func list() async throws(APIError) -> TrackerListResponse {"))
    #expect(code.contains("returning: TrackerListResponse.self"))
    // An answer is only decoded, and nothing generated is Hashable: both keep builds fast.
    #expect(code.contains("public struct TrackerListResponse: Sendable, Decodable {"))
    #expect(code.contains("  public var list: [Int]\n"))
    #expect(code.contains("  public var nextPage: DateTime?\n"))
    #expect(code.contains("  public var owner: JSONObject?\n"))
    // Decoding written out with the wire names; an answer is never encoded.
    #expect(code.contains("    let container = try decoder.container(keyedBy: WireKey.self)\n"))
    #expect(code.contains(#"    self.list = try container.decode([Int].self, forKey: "list")"#))
    #expect(
      code.contains(
        #"    self.nextPage = try container.decodeIfPresent(DateTime.self, forKey: "next_page")"#))
    #expect(!code.contains("CodingKeys"))
    #expect(!code.contains("encode(to"))
  }

  @Test func collidingNamesGetSuffixesAndRepeatedWireNamesAppearOnce() {
    let endpoint = Endpoint(
      path: "/zone/default", resource: "/zone", action: "default",
      parameters: [
        Self.parameter("zone_id"), Self.parameter("zoneID"), Self.parameter("lang"),
        Self.parameter("lang"), Self.parameter("self"), Self.parameter("class"),
      ], source: Self.here)
    let code = Self.contents(Self.api(endpoints: [endpoint]))

    #expect(
      code.contains(
        """
          public func `default`(
            zoneID: String,
            zoneID2: String,
            lang: String,
            self2: String,
            `class`: String
          ) async throws(APIError) {
            try await self.client.call(
              "/zone/default",
              ["zone_id": zoneID, "zoneID": zoneID2, "lang": lang, "self": self2, "class": `class`]
            )
          }
        """))
  }

  @Test func longEntriesBreakAfterTheirKey() {
    let name = String(repeating: "very_", count: 14) + "long"
    let endpoint = Endpoint(
      path: "/a/b", resource: "/a", action: "b", parameters: [Self.parameter(name)],
      source: Self.here)
    let code = Self.contents(Self.api(endpoints: [endpoint]))

    let swiftName = "very" + String(repeating: "Very", count: 13) + "Long"
    #expect(code.contains("        \"\(name)\":\n          \(swiftName),\n"))
  }

  @Test func aCallWithParametersBreaksOneColumnEarlyAsSwiftFormatDoes() {
    let flat = #"    try await self.client.call("/", ["a": a])"#
    let path = "/" + String(repeating: "p", count: 100 - flat.count)
    let endpoint = Endpoint(
      path: path, resource: "/", action: "p", parameters: [Self.parameter("a")], source: Self.here)
    let code = Self.contents(Self.api(endpoints: [endpoint]))

    #expect(code.contains("    try await self.client.call(\n      \"\(path)\",\n"))
  }

  @Test func aMethodNamedLikeANamespaceBelowGetsASuffix() {
    let settings = Endpoint(
      path: "/tracker/settings", resource: "/tracker", action: "settings", source: Self.here)
    let read = Endpoint(
      path: "/tracker/settings/read", resource: "/tracker/settings", action: "read",
      source: Self.here)
    let code = Self.contents(Self.api(endpoints: [settings, read]))

    #expect(code.contains("  public var settings: TrackerSettingsAPI {"))
    #expect(code.contains("  public func settings2() async throws(APIError) {"))
  }

  @Test func aTypeNamedLikeARuntimeTypeIsRenamed() {
    let location = NamedType(
      name: "Location", kind: .object, description: "",
      fields: [Self.field("address", .primitive(.string))], source: Self.here)
    let files = SwiftEmitter().emit(Self.api(types: [location]))

    // Prefixed, which reads better than a number.
    #expect(
      files.first { $0.path == "Swift/Types.swift" }?.contents.contains(
        "public struct NavixyLocation: Sendable, Codable {") == true)
  }

  @Test func enumValuesThatCollideWithTheCatchAllAreRenamed() {
    let status = NamedType(
      name: "Status", kind: .enum, description: "",
      values: ["unknown", "online", "online", "2g"].map {
        EnumValue(value: $0, source: Self.here)
      }, source: Self.here)
    let code = Self.contents(Self.api(types: [status]))

    #expect(code.contains(#"    case "unknown": self = .unknown2"#))
    #expect(code.contains(#"    case "2g": self = ._2g"#))
    #expect(code.components(separatedBy: "case online\n").count == 2)
  }

  @Test func fieldsThroughWhichAnObjectContainsItselfAreStoredOutOfLine() {
    let group = NamedType(
      name: "Group", kind: .object, description: "",
      fields: [
        Self.field("parent", .named("Group"), required: false),
        Self.field("children", .array(.named("Group"))),
      ], source: Self.here)
    let code = Self.contents(Self.api(types: [group]))

    #expect(code.contains("  public var parent: Indirect<Group>?\n"))
    #expect(code.contains("  public var children: [Group]\n"))
  }

  @Test func unknownNamedTypesFallBackToAnyJSON() {
    let endpoint = Endpoint(
      path: "/a/b", resource: "/a", action: "b",
      parameters: [Self.parameter("c", .named("Nowhere"))], source: Self.here)
    #expect(Self.contents(Self.api(endpoints: [endpoint])).contains("c: JSONValue"))
  }

  @Test func docTextCannotBreakOutOfComments() {
    let endpoint = Endpoint(
      path: "/a/b", resource: "/a", action: "b",
      summary: "Stops */ here\nand \"\"\" there \\(x)\u{2028}} func evil() {",
      errors: ErrorList(codes: [
        ErrorCode(code: 7, description: "Bad\n}", httpStatus: 400, source: Self.here)
      ]), source: Self.here)
    let code = Self.contents(Self.api(endpoints: [endpoint]))

    #expect(code.contains("  /// } func evil() {\n"))
    #expect(code.contains("  ///   - `7` (HTTP 400): Bad\n  ///     }\n"))
    #expect(!code.contains("\n} func evil"))
  }
}
