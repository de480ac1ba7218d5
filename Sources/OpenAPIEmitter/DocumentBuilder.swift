import APIModel
import Foundation
import OpenAPIKit

/// Puts the whole document together.
struct DocumentBuilder {
  /// The model has no version of its own; a constant keeps the output deterministic.
  static let documentVersion = "1.0.0"

  private let api: APIDescription
  private let names: ComponentNames
  private let schemas: SchemaBuilder
  private let nullable: NullableReferences

  init(api: APIDescription) {
    self.api = api
    nullable = NullableReferences(api: api)
    names = ComponentNames(types: api.types, twins: nullable.twinned)
    schemas = SchemaBuilder(api: api, names: names)
  }

  func document() throws -> OpenAPI.Document {
    OpenAPI.Document(
      openAPIVersion: .v3_1_0,
      info: OpenAPI.Document.Info(
        title: api.info.title, version: Self.documentVersion,
        vendorExtensions: ["x-generated-by": AnyCodable(GeneratedFileHeader.marker)]),
      servers: try servers(),
      paths: try paths(),
      components: try components(),
      security: [[.component(named: BuiltinComponents.sessionSchemeKey): []]],
      tags: api.resources.isEmpty ? nil : tags())
  }

  /// The base URL the examples use, then the servers the docs name; a self-hosted form such as
  /// `https://api.your_domain` becomes a template with a variable (`https://api.{domain}`).
  private func servers() throws -> [OpenAPI.Server] {
    var servers: [OpenAPI.Server] = []
    if !api.info.baseURL.isEmpty {
      guard let url = URL(string: api.info.baseURL) else {
        throw OpenAPIEmitterError.invalidBaseURL(api.info.baseURL)
      }
      servers.append(OpenAPI.Server(url: url))
    }
    for server in api.info.servers where server.url != api.info.baseURL {
      if let template = ServerTemplate(server) { servers.append(template.server) }
    }
    return servers
  }

  private func paths() throws -> OpenAPI.PathItem.Map {
    let operations = OperationBuilder(schemas: schemas)
    var ids = OperationIDs()
    var paths = OpenAPI.PathItem.Map()
    for endpoint in api.endpoints {
      let path = OpenAPI.Path(rawValue: endpoint.path)
      guard paths[path] == nil else {
        throw OpenAPIEmitterError.duplicatePath(endpoint.path, at: endpoint.source)
      }
      let operation = try operations.operation(for: endpoint, id: ids.id(for: endpoint.path))
      paths[path] = .pathItem(OpenAPI.PathItem(post: operation))
    }
    return paths
  }

  private func components() throws -> OpenAPI.Components {
    var schemaComponents: OrderedDictionary<OpenAPI.ComponentKey, JSONSchema> = [
      OpenAPI.ComponentKey(stringLiteral: ComponentNames.success): BuiltinComponents.successSchema,
      OpenAPI.ComponentKey(stringLiteral: ComponentNames.error):
        BuiltinComponents.errorSchema(codes: api.errorCodes),
    ]
    // A component that only nullable fields refer to allows `null` itself; one that others
    // need without it gets a nullable twin (see `NullableReferences`).
    func add(_ key: String, _ target: NullableReferences.Target, _ schema: JSONSchema) {
      schemaComponents[OpenAPI.ComponentKey(stringLiteral: key)] =
        nullable.nullableOnly.contains(target) ? SchemaBuilder.allowingNull(schema) : schema
      if let twin = names.twinKey(for: target) {
        schemaComponents[OpenAPI.ComponentKey(stringLiteral: twin)] =
          SchemaBuilder.allowingNull(schema)
      }
    }
    if usesLocation {
      add(ComponentNames.location, .location, BuiltinComponents.locationSchema)
    }
    for type in api.types {
      guard let key = names.key(for: type.name) else { continue }
      add(key, .type(type.name), try schemas.component(for: type))
    }
    return .direct(
      schemas: schemaComponents,
      responses: BuiltinComponents.responses,
      securitySchemes: [
        OpenAPI.ComponentKey(stringLiteral: BuiltinComponents.sessionSchemeKey): BuiltinComponents
          .session
      ])
  }

  /// A tag per resource path; two pages that declare the same path share its tag, described
  /// by the first.
  private func tags() -> [OpenAPI.Tag] {
    var seen: Set<String> = []
    return api.resources.filter { seen.insert($0.path).inserted }.map(tag)
  }

  private func tag(for resource: Resource) -> OpenAPI.Tag {
    let text = [resource.title, resource.description].compactMap(nonEmpty)
    return OpenAPI.Tag(
      name: resource.path, description: text.isEmpty ? nil : text.joined(separator: "\n\n"))
  }

  /// Whether anything has a `location`, whose schema is then added.
  private var usesLocation: Bool {
    let types =
      api.endpoints.flatMap { $0.parameters.map(\.type) + $0.response.fields.map(\.type) }
      + api.types.flatMap { ($0.fields ?? []).map(\.type) }
    return types.contains(where: Self.refersToLocation)
  }

  private static func refersToLocation(_ type: TypeRef) -> Bool {
    switch type {
    case .primitive(let primitive): primitive == .location
    case .array(let element), .map(let element): refersToLocation(element)
    case .named, .object: false
    }
  }
}
