import APIModel
import Foundation
import OpenAPIKit

/// Turns an endpoint into the `POST` operation at its path.
struct OperationBuilder {
  let schemas: SchemaBuilder

  func operation(for endpoint: Endpoint, id: String) throws -> OpenAPI.Operation {
    OpenAPI.Operation(
      tags: [endpoint.resource],
      summary: nonEmpty(endpoint.summary),
      description: description(of: endpoint),
      operationId: id,
      requestBody: try requestBody(for: endpoint),
      responses: [
        200: try successResponse(for: endpoint),
        .default: .reference(.component(named: BuiltinComponents.errorResponseKey)),
      ],
      // `nil` inherits the document's session requirement; an empty list lifts it.
      security: endpoint.requiresSession ? nil : [])
  }

  /// Every call posts a JSON object, an empty one when it takes no parameters (the session
  /// hash travels in a header); an upload posts `multipart/form-data` with a part per
  /// parameter, the files as binary parts.
  private func requestBody(for endpoint: Endpoint) throws -> OpenAPI.Request {
    var properties = OrderedDictionary<String, JSONSchema>()
    for parameter in endpoint.parameters {
      properties[parameter.name] = try schemas.property(for: parameter)
    }
    if Self.isMultipart(endpoint) {
      return OpenAPI.Request(
        content: [
          .multipartForm: .content(OpenAPI.Content(schema: .object(properties: properties)))
        ],
        required: true)
    }
    return OpenAPI.Request(
      content: [
        .json: .content(
          OpenAPI.Content(
            schema: .object(properties: properties), example: requestExample(endpoint)))
      ],
      required: true)
  }

  /// The docs say so, or a parameter is a file, which only a multipart request can carry (the
  /// Swift client decides the same way).
  static func isMultipart(_ endpoint: Endpoint) -> Bool {
    endpoint.requestEncoding == .multipart
      || endpoint.parameters.contains { isFile($0.type) }
  }

  private static func isFile(_ type: TypeRef) -> Bool {
    switch type {
    case .primitive(let primitive): primitive == .file
    case .array(let element): isFile(element)
    case .named, .object: false
    }
  }

  private func successResponse(for endpoint: Endpoint) throws
    -> Either<OpenAPI.Reference<OpenAPI.Response>, OpenAPI.Response>
  {
    if endpoint.response.kind == .binary {
      // The media type varies with the file (a PDF, a spreadsheet, KML); octet-stream stands
      // for any of them.
      return .response(
        description: "The file.",
        content: [
          .other("application/octet-stream"): .content(
            OpenAPI.Content(schema: .string(contentMediaType: .other("application/octet-stream"))))
        ])
    }
    guard !endpoint.response.fields.isEmpty else {
      return .reference(.component(named: BuiltinComponents.successResponseKey))
    }
    let schema = try schemas.object(
      endpoint.response.fields, leading: ["success": BuiltinComponents.successFlag])
    return .response(
      description: "Success.",
      content: [
        .json: .content(OpenAPI.Content(schema: schema, example: responseExample(endpoint)))
      ])
  }

  /// The description, then what the text around a call says in tables: the sub-user rights
  /// it needs and its own error codes.
  private func description(of endpoint: Endpoint) -> String? {
    var parts = [endpoint.description]
    if let rights = endpoint.requiredRights.flatMap(nonEmpty) {
      parts.append("**Required sub-user rights:** \(rights)")
    }
    if !endpoint.errors.codes.isEmpty {
      let general = endpoint.errors.includesGeneral ? "\n\nAnd the general error codes." : ""
      parts.append("**Errors:**\n\n" + markdownList(endpoint.errors.codes) + general)
    }
    let text = parts.compactMap(nonEmpty)
    return text.isEmpty ? nil : text.joined(separator: "\n\n")
  }

  /// The body of the first example that sends a JSON object, without the session hash.
  private func requestExample(_ endpoint: Endpoint) -> AnyCodable? {
    for example in endpoint.examples {
      guard var object = example.arguments?.object else { continue }
      object["hash"] = nil
      return object.isEmpty ? nil : JSON.object(object).anyCodable
    }
    return nil
  }

  /// The first response sample that is valid JSON (some elide parts with `...`).
  private func responseExample(_ endpoint: Endpoint) -> AnyCodable? {
    endpoint.response.examples.lazy.compactMap { $0.json?.object }.first.map { JSON.object($0).anyCodable }
  }
}

extension JSON {
  /// The value as OpenAPIKit holds example values.
  var anyCodable: AnyCodable {
    switch self {
    case .null: AnyCodable(Optional<Bool>.none)
    case .bool(let value): AnyCodable(value)
    case .int(let value): AnyCodable(value)
    case .double(let value): AnyCodable(value)
    case .string(let value): AnyCodable(value)
    case .array(let elements): AnyCodable(elements.map(\.anyCodable))
    case .object(let members): AnyCodable(members.mapValues(\.anyCodable))
    }
  }
}
