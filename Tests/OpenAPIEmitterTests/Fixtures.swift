import APIModel

/// Hand-built models standing in for what the extractor reads from the docs.
enum Fixtures {
  static let pushTokenPage = "backend-api/resources/commons/user/session/push_token.md"

  static func at(_ line: Int, _ column: Int = 1, in file: String = pushTokenPage) -> SourceLocation
  {
    SourceLocation(file: file, line: line, column: column)
  }

  /// `docs/backend-api/resources/commons/user/session/push_token.md`.
  static let pushToken = APIDescription(
    info: .init(title: "Navixy API", baseURL: "https://api.navixy.com/v2"),
    resources: [
      Resource(
        path: "/user/session/push_token", title: "Push token",
        description: "Contains API calls to interact with push token.", source: at(6))
    ],
    endpoints: [
      Endpoint(
        path: "/user/session/push_token/bind", resource: "/user/session/push_token", action: "bind",
        summary: "Binds Push token with a current session.",
        description: """
          Using `category_filter` you can filter out unwanted notifications categories.

          If `category_filter` equals to `*` this means all categories allowed.
          """,
        parameters: [
          Parameter(
            name: "application", type: .named("PushTokenApplication"), required: true,
            description: """
              Application ID, for now it's "navixy_iphone_viewer" or "navixy_android_viewer".
              """,
            source: at(20)),
          Parameter(
            name: "token", type: .primitive(.string), required: true, description: "Push token.",
            source: at(21)),
          Parameter(
            name: "category_filter", type: .primitive(.string), required: false, default: "*",
            description: "Optional. Push notifications category filter, default is `*`.",
            documentedValues: "PushTokenCategory", source: at(22)),
        ],
        response: Response(), errors: ErrorList(), source: at(12, 1)),
      Endpoint(
        path: "/user/session/push_token/delete", resource: "/user/session/push_token",
        action: "delete", summary: "Deletes push token bound with the session.",
        response: Response(), source: at(58)),
    ],
    types: [
      NamedType(
        name: "PushTokenApplication", kind: .enum, description: "Application ID.",
        values: [
          EnumValue(value: "navixy_iphone_viewer", source: at(20, 30)),
          EnumValue(value: "navixy_android_viewer", source: at(20, 60)),
        ],
        source: at(20)),
      NamedType(
        name: "PushTokenCategory", kind: .enum, description: "Push notification categories.",
        values: [
          EnumValue(
            value: "chat_message", description: "notification about new chat message.",
            source: at(51)),
          EnumValue(
            value: "history_rule", description: "notifications related to rule actuation.",
            source: at(52)),
          EnumValue(
            value: "history_task", description: "notifications related to tasks.", source: at(53)),
          EnumValue(value: "history_info", description: "service information.", source: at(54)),
          EnumValue(
            value: "history_service_task", description: "service task notifications.",
            source: at(55)),
          EnumValue(
            value: "history_work_status", description: "work status notifications.", source: at(56)),
        ],
        source: at(49)),
    ])

  static let trackerPage = "backend-api/resources/tracking/tracker/index.md"

  /// Objects, arrays, dates, locations, typed defaults, a call without a session, a response
  /// payload and error codes.
  static let tracker = APIDescription(
    info: .init(title: "Navixy API", baseURL: "https://api.navixy.com/v2"),
    resources: [
      Resource(
        path: "/tracker", title: "Tracker", description: "Trackers.", source: at(1, in: trackerPage)
      ),
      Resource(
        path: "/user", title: "User", description: "",
        source: at(1, in: "backend-api/resources/commons/user/index.md")),
    ],
    endpoints: [
      Endpoint(
        path: "/tracker/list", resource: "/tracker", action: "list", summary: "Lists trackers.",
        requiredRights: "tracker_view",
        parameters: [
          Parameter(
            name: "labels", type: .array(.primitive(.string)), required: false,
            description: "Labels to match.",
            source: at(20, in: trackerPage)),
          Parameter(
            name: "limit", type: .primitive(.int), required: false, default: "10",
            description: "Optional. Page size, default is 10.", example: "25",
            source: at(21, in: trackerPage)),
          Parameter(
            name: "with_groups", type: .primitive(.bool), required: false, default: "true",
            description: "Optional. Whether to list groups too.", source: at(22, in: trackerPage)),
          Parameter(
            name: "from", type: .primitive(.dateTime), required: true,
            description: "Start of the period.",
            example: "2024-01-31 12:00:00", source: at(23, in: trackerPage)),
          Parameter(
            name: "offset", type: .primitive(.long), required: false, default: "a lot",
            description: "Optional. Where to start, default is a lot.",
            source: at(25, in: trackerPage)),
        ],
        response: Response(
          fields: [
            Field(
              name: "list", type: .array(.named("Tracker")), description: "The trackers.",
              source: at(40, in: trackerPage)),
            Field(
              name: "last_seen", type: .primitive(.dateTime), required: false, nullable: true,
              description: "When a tracker was last seen.", source: at(41, in: trackerPage)),
            Field(
              name: "best", type: .named("Tracker"), nullable: true,
              description: "The best tracker.",
              source: at(42, in: trackerPage)),
          ],
          examples: [
            CodeSample(
              language: "json", code: #"{ "success": true, "list": [ ... ] }"#,
              source: at(44, in: trackerPage)),
            CodeSample(
              language: "json", code: #"{ "success": true, "list": [] }"#, json: ["success": true, "list": []],
              source: at(48, in: trackerPage)),
          ]),
        errors: ErrorList(
          codes: [
            ErrorCode(
              code: 201, description: "Not found in the database.", httpStatus: 404,
              source: at(60, in: trackerPage)),
            ErrorCode(code: 7, description: "Invalid parameters.", source: at(61, in: trackerPage)),
          ]),
        examples: [
          Example(
            kind: .curl, title: "cURL", url: "https://api.navixy.com/v2/tracker/list",
            body: #"{"hash": "22eac1c27af4be7b9d04da2ce1af111b", "limit": 25}"#,
            arguments: ["hash": "22eac1c27af4be7b9d04da2ce1af111b", "limit": 25],
            sample: CodeSample(language: "shell", code: "curl …", source: at(30, in: trackerPage)))
        ],
        source: at(10, in: trackerPage)),
      Endpoint(
        path: "/user/auth", resource: "/user", action: "auth", summary: "Gets a session hash.",
        requiresSession: false,
        parameters: [
          Parameter(
            name: "login", type: .primitive(.string), required: true, description: "User login.",
            source: at(5, in: "backend-api/resources/commons/user/index.md"))
        ],
        response: Response(fields: [
          Field(
            name: "hash", type: .primitive(.string), description: "The session hash.",
            source: at(9, in: "backend-api/resources/commons/user/index.md"))
        ]),
        source: at(3, in: "backend-api/resources/commons/user/index.md")),
    ],
    types: [
      NamedType(
        name: "Tracker", kind: .object, description: "A tracking device.",
        fields: [
          Field(
            name: "id", type: .primitive(.int), description: "Identifier.",
            source: at(70, in: trackerPage)),
          Field(
            name: "label", type: .primitive(.string), description: "Name.",
            source: at(71, in: trackerPage)),
          Field(
            name: "location", type: .primitive(.location), description: "Where it is.",
            source: at(72, in: trackerPage)),
          Field(
            name: "settings", type: .object, required: false, description: "Free-form settings.",
            source: at(73, in: trackerPage)),
          Field(
            name: "shift_start", type: .primitive(.localTime), description: "Shift start.",
            source: at(74, in: trackerPage)),
          Field(
            name: "speed", type: .primitive(.double), nullable: true, description: "Speed in km/h.",
            source: at(75, in: trackerPage)),
          Field(
            name: "status", type: .named("Tracker Status"), description: "Connection status.",
            source: at(76, in: trackerPage)),
        ],
        source: at(68, in: trackerPage)),
      NamedType(
        name: "Tracker Status", kind: .enum, description: "A connection status.",
        values: [
          EnumValue(value: "active", source: at(80, in: trackerPage)),
          EnumValue(value: "offline", source: at(81, in: trackerPage)),
        ],
        source: at(79, in: trackerPage)),
    ],
    errorCodes: [
      ErrorCode(
        code: 1, description: "Database error.", httpStatus: 500,
        source: at(5, in: "backend-api/getting-started.md")),
      ErrorCode(
        code: 4, description: "User not found or session ended.", httpStatus: 403,
        source: at(6, in: "backend-api/getting-started.md")),
    ])
}
