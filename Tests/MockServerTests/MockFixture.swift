import APIModel

/// A small API for the mock: typed parameters, a call without session, examples with comments
/// and a placeholder, an upload, a download and a call whose answer the docs do not show.
enum MockFixture {
  static let here = SourceLocation(file: "fleet.md", line: 1, column: 1)
  static let session = "22eac1c27af4be7b9d04da2ce1af111b"

  static func parameter(_ name: String, _ type: TypeRef, required: Bool = true) -> Parameter {
    Parameter(name: name, type: type, required: required, description: "", source: here)
  }

  static func field(_ name: String, _ type: TypeRef, required: Bool = true) -> Field {
    Field(name: name, type: type, required: required, description: "", source: here)
  }

  static func sample(_ code: String) -> CodeSample {
    CodeSample(language: "json", code: code, json: JSONReader.value(code), source: here)
  }

  static func curl(_ body: String) -> Example {
    Example(
      kind: .curl, title: "cURL", url: "https://api.fleet.example/v2/x", body: body,
      arguments: JSONReader.value(body), sample: CodeSample(language: "shell", code: "curl …", source: here))
  }

  static let api = APIDescription(
    info: .init(title: "Fleet API", baseURL: "https://api.fleet.example/v2"),
    endpoints: [
      Endpoint(
        path: "/tracker/read", resource: "/tracker", action: "read",
        parameters: [
          parameter("tracker_id", .primitive(.int)),
          parameter("from", .primitive(.dateTime), required: false),
          parameter("ids", .array(.primitive(.long)), required: false),
          parameter("center", .primitive(.location), required: false),
          parameter("kind", .named("Kind"), required: false),
          parameter("settings", .named("Settings"), required: false),
          parameter("flag", .primitive(.bool), required: false),
          parameter("circle", .named("Circle"), required: false),
        ],
        response: Response(examples: [
          sample(
            """
            {
              "success": true,
              // the tracker
              "value": {"id": 1, "label": "Truck /* not a comment */", }, /* trailing */
            }
            """)
        ]),
        examples: [curl(#"{"hash": "\#(session)", "tracker_id": 1}"#)], source: here),
      Endpoint(
        path: "/user/auth", resource: "/user", action: "auth", requiresSession: false,
        parameters: [parameter("login", .primitive(.string))],
        response: Response(examples: [sample(#"{"success": true, "hash": "<session hash>"}"#)]),
        source: here),
      Endpoint(
        path: "/timezone/list", resource: "/timezone", action: "list",
        response: Response(fields: [field("list", .array(.named("Settings")))]),
        examples: [curl(#"{"locale": "en"}"#)], source: here),
      Endpoint(
        path: "/zone/list", resource: "/zone", action: "list",
        response: Response(
          fields: [
            field("count", .primitive(.int)), field("zones", .array(.named("Settings"))),
          ],
          examples: [
            sample(
              """
              {"success": true, "count": 2, "extra": "kept", "zones": [
                {"zone": {"type": "circle", "radius": "wide"}, "time": "12:00:00", "note": "first"},
                {"zone": {"type": "hexagon"}}
              ]}
              """)
          ]),
        source: here),
      Endpoint(
        path: "/zone/upload", resource: "/zone", action: "upload", requestEncoding: .multipart,
        parameters: [parameter("file", .primitive(.file)), parameter("radius", .primitive(.int))],
        source: here),
      Endpoint(
        path: "/report/download", resource: "/report", action: "download",
        response: Response(kind: .binary), source: here),
    ],
    types: [
      NamedType(
        name: "Kind", kind: .enum, description: "",
        values: [EnumValue(value: "car", source: here)], source: here),
      NamedType(
        name: "Settings", kind: .object, description: "",
        fields: [
          field("zone", .named("Zone")), field("time", .primitive(.localTime)),
          field("note", .primitive(.string), required: false),
        ], source: here),
      NamedType(
        name: "Zone", kind: .union, description: "", discriminator: "type",
        variants: [UnionVariant(value: "circle", type: "Circle")], source: here),
      NamedType(
        name: "Circle", kind: .object, description: "",
        fields: [field("type", .primitive(.string)), field("radius", .primitive(.double))],
        source: here),
    ],
    errorCodes: [
      ErrorCode(code: 4, description: "Session ended (docs)", source: here),
      ErrorCode(code: 7, description: "Invalid parameters (docs)", source: here),
      ErrorCode(code: 236, description: "Tariff", httpStatus: 402, source: here),
    ])
}
