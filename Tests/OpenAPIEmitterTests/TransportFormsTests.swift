import APIModel
import Foundation
import OpenAPIEmitter
import OpenAPIKit
import Testing

/// Servers of the docs, uploads, downloads and unions in the document.
@Suite struct TransportFormsTests {
  static let here = SourceLocation(file: "fleet/zones.md", line: 3, column: 1)

  static func parameter(_ name: String, _ type: TypeRef) -> Parameter {
    Parameter(name: name, type: type, required: true, description: "The \(name).", source: here)
  }

  static let api = APIDescription(
    info: .init(
      title: "Fleet API", baseURL: "https://api.fleet.example/v2",
      servers: [
        .init(url: "https://api.fleet.example/v2", description: "The default"),
        .init(url: "https://api.eu.fleet.example/v2", description: "European platform"),
        .init(url: "https://api.your_domain", description: "Self-hosted installations"),
      ]),
    endpoints: [
      Endpoint(
        path: "/zone/upload", resource: "/zone", action: "upload", requestEncoding: .multipart,
        parameters: [parameter("file", .primitive(.file)), parameter("radius", .primitive(.int))],
        source: here),
      Endpoint(
        path: "/report/download", resource: "/report", action: "download",
        parameters: [parameter("report_id", .primitive(.int))],
        response: Response(kind: .binary), source: here),
      Endpoint(
        path: "/zone/read", resource: "/zone", action: "read",
        response: Response(fields: [
          Field(name: "zone", type: .named("Zone"), description: "The zone.", source: here)
        ]), source: here),
    ],
    types: [
      NamedType(
        name: "Zone", kind: .union, description: "A zone.", discriminator: "type",
        variants: [.init(value: "circle", type: "ZoneCircle")], source: here),
      NamedType(
        name: "ZoneCircle", kind: .object, description: "A circle.",
        fields: [Field(name: "type", type: .primitive(.string), description: "", source: here)],
        source: here),
    ])

  let emitted: Emitted
  init() throws { emitted = try Emitted(Self.api) }

  @Test func listsTheExamplesBaseURLThenTheDocsServersWithATemplateForSelfHosting() throws {
    let json = try JSONSerialization.jsonObject(with: Data(emitted.file.contents.utf8))
    let servers = (json as? [String: Any])?["servers"] as? [[String: Any]]
    #expect(
      servers?.map { $0["url"] as? String } == [
        "https://api.fleet.example/v2", "https://api.eu.fleet.example/v2", "https://api.{domain}",
      ])
    #expect(servers?[1]["description"] as? String == "European platform")
    let variables = servers?[2]["variables"] as? [String: [String: String]]
    #expect(variables == ["domain": ["default": "your_domain"]])
  }

  @Test func anUploadPostsMultipartWithTheFileAsBinary() throws {
    let body = try #require(emitted.operation("/zone/upload")?.requestBody?.requestValue)
    #expect(body.content[.json] == nil)
    let schema = try #require(body.content[.multipartForm]?.contentValue?.schema)
    #expect(schema.property("radius")?.jsonType == .integer)
    #expect(schema.property("file")?.jsonType == .string)
    #expect(emitted.file.contents.contains(#""contentMediaType" : "application/octet-stream""#))
  }

  @Test func aDownloadAnswersWithTheFile() throws {
    let response = try #require(
      emitted.operation("/report/download")?.responses[200]?.responseValue)
    #expect(response.content[.json] == nil)
    #expect(response.content[.other("application/octet-stream")] != nil)
  }

  @Test func aUnionIsOneOfItsVariantsWithTheDiscriminatorMapping() throws {
    let zone = try #require(emitted.schemaComponent("Zone"))
    #expect(zone.discriminator?.propertyName == "type")
    #expect(zone.discriminator?.mapping == ["circle": "#/components/schemas/ZoneCircle"])
    guard case .one(let variants, _) = zone.value else {
      Issue.record("not oneOf: \(zone)")
      return
    }
    #expect(variants.map(\.reference?.name) == ["ZoneCircle"])
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
