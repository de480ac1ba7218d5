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
        .default: errorResponse(for: endpoint),
      ],
      // `nil` inherits the document's session requirement; an empty list lifts it.
      security: endpoint.requiresSession ? nil : [],
      vendorExtensions: SourceExtension.extensions(endpoint.source))
  }

  /// Every call posts a JSON object, an empty one when it takes no parameters (the session
  /// hash travels in a header); an upload posts `multipart/form-data` with a part per
  /// parameter, the files as binary parts. The body is required only when a parameter is: a
  /// call without required parameters may send none, as the docs' GET examples do.
  private func requestBody(for endpoint: Endpoint) throws -> OpenAPI.Request {
    var properties = OrderedDictionary<String, JSONSchema>()
    for parameter in endpoint.parameters {
      properties[parameter.name] = try schemas.property(for: parameter)
    }
    let contentType: OpenAPI.ContentType = Self.isMultipart(endpoint) ? .multipartForm : .json
    return OpenAPI.Request(
      content: [
        contentType: .content(
          OpenAPI.Content(
            schema: .object(properties: properties),
            examples: ExampleValues.request(endpoint.examples)))
      ],
      required: endpoint.parameters.contains { $0.required })
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
    case .named, .object, .map: false
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
      guard let examples = ExampleValues.response(endpoint.response.examples) else {
        return .reference(.component(named: BuiltinComponents.successResponseKey))
      }
      return .response(BuiltinComponents.successResponse(examples: examples))
    }
    let schema = try schemas.object(
      endpoint.response.fields, leading: ["success": BuiltinComponents.successFlag])
    return .response(
      description: "Success.",
      content: [
        .json: .content(
          OpenAPI.Content(
            schema: schema, examples: ExampleValues.response(endpoint.response.examples)))
      ])
  }

  /// The shared error response, or, where the docs show error answers too, one with them as
  /// its examples.
  private func errorResponse(for endpoint: Endpoint)
    -> Either<OpenAPI.Reference<OpenAPI.Response>, OpenAPI.Response>
  {
    guard let examples = ExampleValues.response(endpoint.response.examples, errors: true) else {
      return .reference(.component(named: BuiltinComponents.errorResponseKey))
    }
    return .response(BuiltinComponents.errorResponse(examples: examples))
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
}
