import APIModel

/// A hand-built model of the push-token page: two calls under `/user/session/push_token` and
/// the two enums they refer to. The wording is this fixture's own.
enum Fixtures {
  static let page = "backend-api/resources/commons/user/session/push_token.md"

  static func at(_ line: Int, _ column: Int = 1) -> SourceLocation {
    SourceLocation(file: page, line: line, column: column)
  }

  static let pushToken = APIDescription(
    info: .init(title: "Navixy API", baseURL: "https://api.navixy.com/v2"),
    resources: [
      Resource(
        path: "/user/session/push_token", title: "Push token",
        description: "Ties mobile push notifications to a session.", source: at(5))
    ],
    endpoints: [bind, delete],
    types: [application, category])

  static let bind = Endpoint(
    path: "/user/session/push_token/bind", resource: "/user/session/push_token",
    action: "bind", summary: "Attaches a push token to the current session.",
    parameters: [
      Parameter(
        name: "application", type: .named("PushTokenApplication"), required: true,
        description: "The app the token was issued for.", source: at(19)),
      Parameter(
        name: "token", type: .primitive(.string), required: true,
        description: "The token from the push service.", source: at(20)),
      Parameter(
        name: "category_filter", type: .primitive(.string), required: false, default: "*",
        description: "Optional. Which notification categories to push, default is `*`.",
        documentedValues: "PushTokenCategory", source: at(21)),
    ],
    examples: [
      Example(
        kind: .curl, title: "cURL", url: "https://api.navixy.com/v2/user/session/push_token/bind",
        body: #"""
          {"hash": "22eac1c27af4be7b9d04da2ce1af111b", "application": "navixy_android_viewer", "token": "f4be7b9d04da2ce1af111b"}
          """#,
        sample: CodeSample(language: "shell", code: "curl …", source: at(27, 5)))
    ],
    source: at(12))

  static let delete = Endpoint(
    path: "/user/session/push_token/delete", resource: "/user/session/push_token",
    action: "delete", summary: "Detaches the push token from the session.",
    examples: [
      Example(
        kind: .curl, title: "cURL",
        url: "https://api.navixy.com/v2/user/session/push_token/delete",
        body: #"{"hash": "22eac1c27af4be7b9d04da2ce1af111b"}"#,
        sample: CodeSample(language: "shell", code: "curl …", source: at(70, 5)))
    ],
    source: at(61))

  static let application = NamedType(
    name: "PushTokenApplication", kind: .enum, description: "Apps that can receive pushes.",
    values: [
      EnumValue(value: "navixy_iphone_viewer", description: "The iPhone viewer.", source: at(19)),
      EnumValue(value: "navixy_android_viewer", description: "The Android viewer.", source: at(19)),
    ],
    source: at(19))

  static let category = NamedType(
    name: "PushTokenCategory", kind: .enum, description: "Kinds of push notifications.",
    values: [
      EnumValue(value: "chat_message", description: "A new chat message.", source: at(50)),
      EnumValue(value: "history_rule", description: "A rule fired.", source: at(51)),
      EnumValue(value: "history_task", description: "A task changed.", source: at(52)),
      EnumValue(value: "history_info", description: "Service information.", source: at(53)),
      EnumValue(
        value: "history_service_task", description: "A service task changed.", source: at(54)),
      EnumValue(
        value: "history_work_status", description: "A work status changed.", source: at(55)),
    ],
    source: at(48))
}
