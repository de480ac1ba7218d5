import APIModel
import Testing

@testable import SwiftEmitter

/// The shapes beyond plain calls: unions, the error-code table, servers, uploads, downloads.
@Suite struct ProductEmitTests {
  private let files = SwiftEmitter().emit(ProductFixture.api)

  private func file(_ path: String) throws -> String {
    try #require(files.first { $0.path == path }).contents
  }

  @Test func eachAreaHasAFileWithTheTypesOnlyItUses() throws {
    #expect(
      files.map(\.path) == [
        "Swift/NavixyClient.swift", "Swift/NavixyErrorCode.swift", "Swift/ReportAPI.swift",
        "Swift/TaskAPI.swift", "Swift/UserAPI.swift", "Swift/ZoneAPI.swift",
      ])
    let zone = try file("Swift/ZoneAPI.swift")
    for declaration in [
      "public struct ZoneAPI", "public struct ZoneUploadResponse", "public enum Zone:",
      "public struct ZoneCircle", "public struct ZonePolygon",
    ] {
      #expect(zone.contains(declaration), "\(declaration)")
    }
  }

  /// A large area is cut into files of about one size at namespace and type boundaries, named
  /// after the first namespace each declares, so that the compiler's jobs get even work.
  @Test func aLargeAreaIsCutIntoFilesOfAboutOneSize() throws {
    var api = ProductFixture.api
    let fields = (1...12).map { ProductFixture.field("value_\($0)", .primitive(.string)) }
    for group in ["alarm", "counter", "engine", "sensor"] {
      for action in ["read", "update", "delete", "list", "reset"] {
        api.endpoints.append(
          Endpoint(
            path: "/tracker/\(group)/\(action)", resource: "/tracker/\(group)", action: action,
            summary: "Does it.", parameters: [ProductFixture.parameter("tracker_id", .primitive(.int))],
            response: Response(fields: fields), source: ProductFixture.at(50)))
      }
    }
    let files = SwiftEmitter().emit(api)
    let tracker = files.filter { $0.path.hasPrefix("Swift/Tracker") }
    #expect(
      tracker.map(\.path) == [
        "Swift/TrackerAPI.swift", "Swift/TrackerCounterAPI.swift", "Swift/TrackerEngineAPI.swift",
        "Swift/TrackerSensorAPI.swift",
      ])
    let lines = tracker.map { $0.contents.split(separator: "\n", omittingEmptySubsequences: false).count }
    #expect(lines.allSatisfy { $0 < 2 * 500 }, "\(lines)")
    let all = tracker.map(\.contents).joined()
    for namespace in ["Alarm", "Counter", "Engine", "Sensor"] {
      // Each declaration once, in exactly one of the files.
      #expect(all.components(separatedBy: "public struct Tracker\(namespace)API:").count == 2)
    }
    #expect(SwiftEmitter().emit(api) == files)
  }

  @Test func typesSeveralAreasUseAreShared() throws {
    var api = ProductFixture.api
    api.endpoints[0].parameters.append(ProductFixture.parameter("zone", .named("Zone")))
    let files = SwiftEmitter().emit(api)
    let shared = try #require(files.first { $0.path == "Swift/Types.swift" }).contents
    #expect(shared.contains("public enum Zone:"))
    #expect(shared.contains("public struct ZoneCircle"))
    #expect(
      files.first { $0.path == "Swift/ZoneAPI.swift" }?.contents.contains("enum Zone:") == false)
  }

  @Test func aUnionDecodesByItsDiscriminatorAndKeepsUnknownVariants() throws {
    let zone = try file("Swift/ZoneAPI.swift")
    #expect(zone.contains("public enum Zone: Sendable, Codable {"))
    #expect(zone.contains("  case circle(ZoneCircle)\n"))
    #expect(zone.contains("  case unknown(JSONObject)\n"))
    #expect(zone.contains(#"    switch try Discriminator.value(of: "type", in: decoder) {"#))
    #expect(zone.contains(#"    case "polygon": self = .polygon(try ZonePolygon(from: decoder))"#))
    #expect(zone.contains("    default: self = .unknown(try JSONObject(from: decoder))"))
    #expect(zone.contains("    case .circle(let value): try value.encode(to: encoder)"))
  }

  @Test func theErrorTableIsAnOpenEnumWithTheServerErrorsProperty() throws {
    let codes = try file("Swift/NavixyErrorCode.swift")
    #expect(
      codes.contains("public enum NavixyErrorCode: Hashable, Sendable, CustomStringConvertible {"))
    #expect(
      codes.contains(
        "  /// `236` (HTTP 402): Feature unavailable (tariff restrictions)\n  case featureUnavailable\n"
      ))
    #expect(codes.contains("  case unknown(Int)\n"))
    #expect(codes.contains("    case 236: self = .featureUnavailable\n"))
    #expect(codes.contains("    case .featureUnavailable: 402\n"))
    #expect(codes.contains("    default: nil\n"))
    #expect(codes.contains(#"    case .unknown(let code): "error \(code)""#))
    #expect(
      codes.contains(
        """
        extension APIError.ServerError {
          /// The error's code as a case of the docs' table.
          public var navixyCode: NavixyErrorCode {
            NavixyErrorCode(code: code)
          }
        }
        """))
  }

  @Test func aCallsDocumentedCodesLinkToTheirCases() throws {
    let zone = try file("Swift/ZoneAPI.swift")
    #expect(
      zone.contains(
        "  ///   - `236`, ``NavixyErrorCode/featureUnavailable``: No zones in this tariff.\n"))
    #expect(zone.contains("  ///   - `301`: Zone locked.\n"))
  }

  @Test func serversAreValuesToCreateTheClientWith() throws {
    let client = try file("Swift/NavixyClient.swift")
    #expect(
      client.contains(
        "extension NavixyClient {\n  /// A server the docs name: `NavixyClient(server: .european)`."
      ))
    #expect(
      client.contains(
        #"    public static let european = Server(baseURL: URL(documented: "https://api.eu.fleet.example/v2"))"#
      ))
    #expect(
      client.contains(
        """
            public static func selfHosted(domain: String) -> Server? {
              URL(string: "https://api.\\(domain)").map(Server.init(baseURL:))
            }
        """))
    #expect(client.contains("  public init(\n    server: Server,\n"))
  }

  @Test func theClientHasASessionToSetAfterLoggingIn() throws {
    let client = try file("Swift/NavixyClient.swift")
    #expect(client.contains("  public var session: String? {\n    get { client.session }\n"))
  }

  @Test func anUploadSendsMultipartWithTheFileAsAFileUpload() throws {
    let zone = try file("Swift/ZoneAPI.swift")
    #expect(
      zone.contains(
        """
          public func upload(
            file: FileUpload,
            radius: Int,
            label: String? = nil
          ) async throws(APIError) -> ZoneUploadResponse {
            try await self.client.call(
              "/zone/upload",
              ["file": file, "radius": radius, "label": label],
              encoding: .multipart,
              returning: ZoneUploadResponse.self
            )
          }
        """))
    #expect(
      zone.contains(
        "  /// Sends its parameters as `multipart/form-data`, the files as file parts.\n"))
  }

  @Test func aDownloadReturnsTheFile() throws {
    let report = try file("Swift/ReportAPI.swift")
    #expect(
      report.contains(
        """
          /// - Returns: The file the server answers with.
          /// - Throws: ``APIError``.
          public func download(reportID: Int) async throws(APIError) -> FileDownload {
            try await self.client.download("/report/download", ["report_id": reportID])
          }
        """))
  }

  @Test func aTypeNamedLikeAPlatformTypeIsPrefixedAndAFileFieldIsAnyJSON() throws {
    let task = try file("Swift/TaskAPI.swift")
    #expect(task.contains("public struct NavixyTask: Sendable, Codable {"))
    #expect(task.contains("  public var attachment: JSONValue?\n"))
    #expect(try file("Swift/TaskAPI.swift").contains("-> [NavixyTask] {"))
  }

  /// A field that may be `null` sends `nil` as `null`; an optional one that may not is left out.
  @Test func anObjectThatMayBeSentCodesItselfByWireName() throws {
    let polygon = try file("Swift/ZoneAPI.swift")
    #expect(
      polygon.contains(
        """
          public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: WireKey.self)
            try container.encode(self.type, forKey: "type")
            try container.encode(self.points, forKey: "points")
            try container.encode(self.label, forKey: "label")
            try container.encodeIfPresent(self.note, forKey: "note")
          }
        """))
  }

  @Test func longCodingLinesBreakAsSwiftFormatDoes() {
    let long = String(repeating: "Long", count: 20)
    let type = NamedType(
      name: "Holder", kind: .object, description: "",
      fields: [ProductFixture.field("a_rather_long_field_name", .named(long))],
      source: ProductFixture.at(1))
    let target = NamedType(
      name: long, kind: .enum, description: "", values: [], source: ProductFixture.at(2))
    let api = APIDescription(info: ProductFixture.api.info, types: [type, target])
    let code = SwiftEmitter().emit(api).map(\.contents).joined()
    #expect(
      code.contains(
        """
            self.aRatherLongFieldName = try container.decode(
              \(long).self,
              forKey: "a_rather_long_field_name")
        """))
    #expect(
      code.contains(
        #"    try container.encode(self.aRatherLongFieldName, forKey: "a_rather_long_field_name")"#
      ))
  }

  /// A signature too long for the line breaks before its result type, as swift-format does.
  @Test func aLongResultTypeGoesOnALineOfItsOwn() {
    let long = "UserGetTariffRestrictionsResponseValueWithAVeryLongName"
    let endpoint = Endpoint(
      path: "/user/get_tariff_restrictions", resource: "/user", action: "get_tariff_restrictions",
      response: Response(fields: [ProductFixture.field("value", .named(long))]),
      source: ProductFixture.at(5))
    let type = NamedType(name: long, kind: .object, description: "", fields: [], source: ProductFixture.at(6))
    let code = SwiftEmitter().emit(APIDescription(info: ProductFixture.api.info, endpoints: [endpoint], types: [type]))
      .map(\.contents).joined()
    #expect(
      code.contains(
        """
          public func getTariffRestrictions() async throws(APIError)
            -> \(long)
          {
        """))
  }

  @Test func callSitesSpellEveryCallAsSwiftDoes() {
    let sites = SwiftEmitter().callSites(ProductFixture.api)
    #expect(sites.map(\.path) == ProductFixture.api.endpoints.map(\.path).sorted())
    let upload = sites.first { $0.path == "/zone/upload" }
    #expect(upload?.accessors == ["zone"])
    #expect(upload?.method == "upload")
    #expect(
      upload?.arguments == [
        .init(label: "file", wireName: "file", type: "FileUpload", isOptional: false),
        .init(label: "radius", wireName: "radius", type: "Int", isOptional: false),
        .init(label: "label", wireName: "label", type: "String", isOptional: true),
      ])
    #expect(upload?.returnType == "ZoneUploadResponse")
    #expect(upload?.answerField == nil)
    #expect(sites.first { $0.path == "/report/download" }?.returnType == "FileDownload")
    let list = sites.first { $0.path == "/task/list" }
    #expect(list?.returnType == "[NavixyTask]")
    #expect(list?.answerField == "list")
    #expect(sites.first { $0.path == "/zone/read" }?.returnType == "Zone?")
    #expect(sites.first { $0.path == "/user/auth" }?.returnType == "String")
  }

  /// An answer of one field returns the field's value, no struct around it; one that may be
  /// absent returns an optional, and the field's description is what the call returns.
  @Test func aOneFieldAnswerReturnsTheFieldsValue() throws {
    let code = files.map(\.contents).joined()
    for wrapper in ["UserAuthResponse", "ZoneReadResponse", "TaskListResponse"] {
      #expect(!code.contains(wrapper), "\(wrapper)")
    }
    #expect(
      try file("Swift/TaskAPI.swift").contains(
        """
          public func list() async throws(APIError) -> [NavixyTask] {
            try await self.client.call("/task/list", field: "list", returning: [NavixyTask].self)
          }
        """))
    let zone = try file("Swift/ZoneAPI.swift")
    #expect(zone.contains("  /// - Returns: The value. `nil` when the answer leaves it out.\n"))
    #expect(zone.contains("  public func read(zoneID: Int) async throws(APIError) -> Zone? {\n"))
    #expect(zone.contains(#"      optionalField: "value","# + "\n" + "      returning: Zone.self\n"))
  }

  @Test func aFileParameterMakesACallMultipartEvenWhenTheModelSaysJSON() {
    var endpoint = ProductFixture.zoneUpload
    endpoint.requestEncoding = .json
    let api = APIDescription(info: ProductFixture.api.info, endpoints: [endpoint])
    let code = SwiftEmitter().emit(api).map(\.contents).joined()
    #expect(code.contains("encoding: .multipart"))
  }

  @Test func withoutServersOrTableNeitherIsEmitted() {
    let code = SwiftEmitter().emit(Fixtures.pushToken).map(\.contents).joined()
    #expect(!code.contains("struct Server"))
    #expect(!code.contains("ErrorCode"))
  }

  @Test(arguments: [
    ("https://api.your_domain", "https://api.", "domain", ""),
    ("https://{host}/v2", "https://", "host", "/v2"),
    ("https://<tenant>.example.com", "https://", "tenant", ".example.com"),
  ])
  func placeholdersOfSelfHostedServers(url: String, prefix: String, name: String, suffix: String) {
    guard case .template(let gotPrefix, let parameter, let gotSuffix) = ServerAddress.address(ServerURL(reading: url))
    else {
      Issue.record("\(url) is not read as a template")
      return
    }
    #expect(gotPrefix == prefix)
    #expect(parameter == name)
    #expect(gotSuffix == suffix)
  }

  @Test func fixedServersStayFixed() {
    guard case .fixed = ServerAddress.address(ServerURL(reading: "https://api.us.navixy.com/v2")) else {
      Issue.record("read as a template")
      return
    }
  }

  @Test(arguments: [
    ("Too many requests (rate limit exceeded)", "Too many requests "),
    (
      "Cannot change phone to bundled sim. Contact tech support.",
      "Cannot change phone to bundled sim"
    ),
    ("Queue service error, try again later", "Queue service error"),
    ("(odd)", "(odd)"),
  ])
  func errorCaseNamesComeFromTheHeadlineOfTheWording(description: String, headline: String) {
    #expect(ErrorCodeTable.headline(description) == headline)
  }
}
