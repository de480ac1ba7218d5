import APIModel

/// A small fleet API that has every shape the model can give: servers (one of them a
/// self-hosted template), a global error-code table, a union told apart by `type`, a file
/// upload, a file download, a call without session and a type named like a platform type.
/// The wording is this fixture's own.
enum ProductFixture {
  static let page = "fleet/zones.md"

  static func at(_ line: Int) -> SourceLocation {
    SourceLocation(file: page, line: line, column: 1)
  }

  static func field(
    _ name: String, _ type: TypeRef, required: Bool = true, nullable: Bool = false
  ) -> Field {
    Field(
      name: name, type: type, required: required, nullable: nullable,
      description: "The \(name).", source: at(3))
  }

  static func parameter(_ name: String, _ type: TypeRef, required: Bool = true) -> Parameter {
    Parameter(
      name: name, type: type, required: required, description: "The \(name).", source: at(4))
  }

  static let api = APIDescription(
    info: .init(
      title: "Fleet API", baseURL: "https://api.fleet.example/v2",
      servers: [
        .init(url: "https://api.eu.fleet.example/v2", description: "European platform"),
        .init(url: "https://api.your_domain", description: "the self-hosted installations"),
      ]),
    endpoints: [auth, zoneRead, zoneUpload, reportDownload, taskList],
    types: [zone, circle, polygon, task],
    errorCodes: [
      ErrorCode(code: 1, description: "Database error", httpStatus: 500, source: at(90)),
      ErrorCode(code: 4, description: "Session ended", httpStatus: 400, source: at(91)),
      ErrorCode(code: 7, description: "Invalid parameters", httpStatus: 400, source: at(92)),
      ErrorCode(
        code: 236, description: "Feature unavailable (tariff restrictions)", httpStatus: 402,
        source: at(93)),
    ])

  static let auth = Endpoint(
    path: "/user/auth", resource: "/user", action: "auth", summary: "Logs in.",
    requiresSession: false,
    parameters: [
      parameter("login", .primitive(.string)), parameter("password", .primitive(.string)),
    ],
    response: Response(fields: [field("hash", .primitive(.string))]), source: at(10))

  static let zoneRead = Endpoint(
    path: "/zone/read", resource: "/zone", action: "read", summary: "Reads a zone.",
    parameters: [parameter("zone_id", .primitive(.int))],
    response: Response(fields: [field("value", .named("Zone"), required: false)]),
    errors: ErrorList(codes: [
      ErrorCode(code: 236, description: "No zones in this tariff.", source: at(22)),
      ErrorCode(code: 301, description: "Zone locked.", source: at(23)),
    ]), source: at(20))

  static let zoneUpload = Endpoint(
    path: "/zone/upload", resource: "/zone", action: "upload", summary: "Uploads zones.",
    requestEncoding: .multipart,
    parameters: [
      parameter("file", .primitive(.file)), parameter("radius", .primitive(.int)),
      parameter("label", .primitive(.string), required: false),
    ],
    response: Response(fields: [
      field("count", .primitive(.int)), field("skipped", .array(.primitive(.string)), required: false),
    ]), source: at(30))

  static let reportDownload = Endpoint(
    path: "/report/download", resource: "/report", action: "download",
    summary: "Downloads a report.", parameters: [parameter("report_id", .primitive(.int))],
    response: Response(kind: .binary), source: at(40))

  static let taskList = Endpoint(
    path: "/task/list", resource: "/task", action: "list", summary: "Lists tasks.",
    response: Response(fields: [field("list", .array(.named("Task")))]), source: at(50))

  static let zone = NamedType(
    name: "Zone", kind: .union, description: "A zone, by shape.", discriminator: "type",
    variants: [
      UnionVariant(value: "circle", type: "ZoneCircle"),
      UnionVariant(value: "polygon", type: "ZonePolygon"),
    ], source: at(60))

  static let circle = NamedType(
    name: "ZoneCircle", kind: .object, description: "A circle.",
    fields: [
      field("type", .primitive(.string)), field("center", .primitive(.location)),
      field("radius", .primitive(.double)),
    ], source: at(62))

  static let polygon = NamedType(
    name: "ZonePolygon", kind: .object, description: "A polygon.",
    fields: [
      field("type", .primitive(.string)), field("points", .array(.primitive(.location))),
      field("label", .primitive(.string), required: false, nullable: true),
      field("note", .primitive(.string), required: false),
    ], source: at(66))

  static let task = NamedType(
    name: "Task", kind: .object, description: "A task.",
    fields: [
      field("id", .primitive(.int)), field("from", .primitive(.dateTime)),
      field("arrival", .primitive(.localTime), required: false),
      field("attachment", .primitive(.file), required: false),
    ], source: at(70))
}
