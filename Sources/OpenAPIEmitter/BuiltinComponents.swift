import APIModel
import OpenAPIKit

/// The components every document has, whatever the docs define: the answer envelopes, the
/// session security scheme and the `location` primitive's schema.
enum BuiltinComponents {
  static let sessionSchemeKey = "session"
  /// The response a call without a payload answers with.
  static let successResponseKey = "Success"
  /// The response of every failed call.
  static let errorResponseKey = "Error"

  /// `"success": true`, the first property of every successful answer.
  static let successFlag = JSONSchema.boolean(
    description: "Always `true` in a successful answer.", allowedValues: [true])

  static let successSchema = JSONSchema.object(
    description: "The answer of a call that returns nothing but its success.",
    properties: ["success": successFlag])

  static func errorSchema(codes: [ErrorCode]) -> JSONSchema {
    let codeDescription = ["The error code.", markdownList(codes)].compactMap(nonEmpty)
      .joined(separator: "\n\n")
    let status = JSONSchema.object(
      description: "What went wrong.",
      properties: [
        "code": .integer(format: .int32, description: codeDescription),
        "description": .string(description: "The error in words."),
      ])
    return .object(
      description: "The answer of a failed call, sent with an HTTP 4xx or 5xx status.",
      properties: [
        "success": .boolean(
          description: "Always `false` in an error answer.", allowedValues: [false]),
        "status": status,
      ])
  }

  static let locationSchema = JSONSchema.object(
    description: "A geographic point.",
    properties: [
      "lat": .number(format: .double, description: "Latitude in degrees."),
      "lng": .number(format: .double, description: "Longitude in degrees."),
    ])

  static let session = OpenAPI.SecurityScheme.apiKey(
    name: "Authorization", location: .header,
    description: "The session hash, sent in the `Authorization` header as `NVX <hash>`.")

  static let responses: OrderedDictionary<OpenAPI.ComponentKey, OpenAPI.Response> = [
    OpenAPI.ComponentKey(stringLiteral: successResponseKey): successResponse(examples: nil),
    OpenAPI.ComponentKey(stringLiteral: errorResponseKey): errorResponse(examples: nil),
  ]

  /// The answer of a call that returns nothing but its success; an operation whose docs show
  /// that answer has its own, with it as an example.
  static func successResponse(examples: OpenAPI.Example.Map?) -> OpenAPI.Response {
    OpenAPI.Response(
      description: "Success.", content: jsonContent(ComponentNames.success, examples: examples))
  }

  /// The response of every failed call; an operation whose docs show error answers has its own,
  /// with them as examples.
  static func errorResponse(examples: OpenAPI.Example.Map?) -> OpenAPI.Response {
    OpenAPI.Response(
      description: "An error, with an HTTP 4xx or 5xx status.",
      content: jsonContent(ComponentNames.error, examples: examples))
  }

  private static func jsonContent(_ schemaKey: String, examples: OpenAPI.Example.Map? = nil)
    -> OpenAPI.Content.Map
  {
    [
      .json: .content(
        OpenAPI.Content(
          schemaReference: .component(named: schemaKey), examples: examples))
    ]
  }
}
