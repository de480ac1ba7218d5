import APIModel

/// Decides every Swift name and type of the client for one model: model → `ClientPlan`.
///
/// Names are claimed in a fixed order (client, named types, namespaces, answers; inside a type,
/// the docs' order), so a model always gives the same plan.
struct Translator {
  /// Names the generated code refers to. A docs type must not take one of them, or it would
  /// shadow it in the generated module and make it ambiguous in every app that imports both.
  static let namesInUse: [String] = [
    "APIClient", "APIError", "APIGenRuntime", "Array", "Bool", "Codable", "CodingKey",
    "CodingKeys", "Data", "Date", "DateTime", "Decodable", "Dictionary", "Double", "Encodable",
    "Error", "Foundation", "HTTPTransport", "Hashable", "Indirect", "Int", "JSONObject",
    "JSONValue", "LocalTime", "Location", "Parameters", "OpenEnum", "Optional", "Sendable",
    "String", "Swift", "URL", "URLSessionTransport", "Void",
  ]

  private let api: APIDescription
  private let clientName: String
  private var topLevel = NameScope(reserving: Translator.namesInUse, ignoringCase: true)
  private var types = TypeMapper(namedTypes: [:])
  private let cycles: ValueCycles

  private init(api: APIDescription, clientName: String) {
    self.api = api
    self.clientName = clientName
    cycles = ValueCycles(api.types)
  }

  static func plan(_ api: APIDescription, clientName: String) -> ClientPlan {
    var translator = Translator(api: api, clientName: clientName)
    return translator.plan()
  }

  private mutating func plan() -> ClientPlan {
    let client = topLevel.claim(SwiftNaming.upperCamel(clientName, fallback: "Client"))
    for type in api.types where types.namedTypes[type.name] == nil {
      types.namedTypes[type.name] = topLevel.claim(
        SwiftNaming.upperCamel(type.name, fallback: "DocumentedType"))
    }
    let tree = NamespaceTree(endpoints: api.endpoints)
    var typeNames: [String: String] = ["/": client]
    for node in tree.nodes where node.path != "/" {
      let words = node.segments.joined(separator: "_")
      typeNames[node.path] = topLevel.claim(
        SwiftNaming.upperCamel(words, fallback: "Namespace") + "API")
    }
    var responseNames: [String: String] = [:]
    for endpoint in api.endpoints where !endpoint.response.fields.isEmpty {
      responseNames[endpoint.path] = topLevel.claim(
        SwiftNaming.upperCamel(endpoint.path, fallback: "Answer") + "Response")
    }

    var namespaces = tree.nodes.map { node in
      namespace(node, typeNames: typeNames, responseNames: responseNames)
    }
    let root = namespaces.removeFirst()
    return ClientPlan(
      clientName: client, info: api.info, root: root, namespaces: namespaces,
      enums: api.types.filter { $0.kind == .enum }.map(enumDecl),
      objects: api.types.filter { $0.kind == .object }.map(objectDecl))
  }

  private func namespace(
    _ node: NamespaceTree.Node, typeNames: [String: String], responseNames: [String: String]
  ) -> Namespace {
    var members = NameScope(reserving: ["client"])
    let accessors = node.children.map { child in
      Accessor(
        property: members.claim(SwiftNaming.lowerCamel(child.segment, fallback: "namespace")),
        typeName: typeNames[child.path] ?? "", path: child.path,
        title: resource(at: child.path)?.title)
    }
    let methods = node.endpoints.map { endpoint in
      let action = endpoint.path.split(separator: "/").last.map(String.init) ?? endpoint.action
      return Method(
        endpoint: endpoint, name: members.claim(SwiftNaming.lowerCamel(action, fallback: "call")),
        parameters: properties(endpoint.parameters.map(PropertySource.init)),
        response: responseNames[endpoint.path].map { name in
          ObjectDecl(
            name: name, doc: "The answer of `\(endpoint.path)`.", source: endpoint.source,
            properties: properties(endpoint.response.fields.map { PropertySource($0) }))
        })
    }
    return Namespace(
      path: node.path, typeName: typeNames[node.path] ?? "", resource: resource(at: node.path),
      accessors: accessors, methods: methods)
  }

  private func resource(at path: String) -> Resource? {
    api.resources.first { $0.path == path }
  }

  private func enumDecl(_ type: NamedType) -> EnumDecl {
    var cases = NameScope(reserving: ["unknown", "rawValue", "hashValue"])
    var seen: Set<String> = []
    let values = (type.values ?? []).filter { seen.insert($0.value).inserted }
    return EnumDecl(
      name: types.namedTypes[type.name] ?? type.name, doc: type.description, source: type.source,
      cases: values.map { value in
        EnumDecl.Case(
          name: cases.claim(SwiftNaming.lowerCamel(value.value, fallback: "value")),
          value: value.value, doc: value.description)
      })
  }

  private func objectDecl(_ type: NamedType) -> ObjectDecl {
    ObjectDecl(
      name: types.namedTypes[type.name] ?? type.name, doc: type.description, source: type.source,
      properties: properties(
        (type.fields ?? []).map { field in
          PropertySource(
            field, isBoxed: cycles.boxed.contains(.init(type: type.name, field: field.name)))
        }))
  }

  /// Parameters or fields as Swift properties; a wire name given twice keeps its first entry,
  /// since one JSON object cannot hold the key twice.
  private func properties(_ sources: [PropertySource]) -> [Property] {
    var names = NameScope(reserving: ["hashValue"])
    var seen: Set<String> = []
    return sources.filter { seen.insert($0.wireName).inserted }.map { source in
      let type = types.swiftType(source.type)
      return Property(
        name: names.claim(SwiftNaming.lowerCamel(source.wireName, fallback: "value")),
        wireName: source.wireName, type: source.isBoxed ? "Indirect<\(type)>" : type,
        isOptional: source.isOptional, doc: doc(of: source))
    }
  }

  private func doc(of source: PropertySource) -> String {
    var sentences = [source.description]
    if let values = source.documentedValues {
      sentences.append(
        types.namedTypes[values].map { "Values: ``\($0)``." } ?? "Values: `\(values)`.")
    }
    // Most descriptions already state their default; say it only where they do not.
    if let value = source.default, !source.description.lowercased().contains("default") {
      sentences.append("Defaults to \(DocText.inlineValue(value)).")
    }
    return sentences.filter { !$0.isEmpty }.joined(separator: " ")
  }
}

/// What a parameter and a field have in common.
private struct PropertySource {
  var wireName: String
  var type: TypeRef
  var isOptional: Bool
  var description: String
  var `default`: String?
  var documentedValues: String?
  /// Stored out of line because the field's type contains the field's own type.
  var isBoxed = false

  init(_ parameter: Parameter) {
    wireName = parameter.name
    type = parameter.type
    isOptional = !parameter.required
    description = parameter.description
    `default` = parameter.default
    documentedValues = parameter.documentedValues
  }

  init(_ field: Field, isBoxed: Bool = false) {
    self.isBoxed = isBoxed
    wireName = field.name
    type = field.type
    isOptional = !field.required || field.nullable
    description = field.description
  }
}
