import APIModel
import Foundation

/// Decides every Swift name and type of the client for one model: model → `ClientPlan`.
///
/// Names are claimed in a fixed order (client, named types, namespaces, answers; inside a type,
/// the docs' order), so a model always gives the same plan.
struct Translator {
  /// Names the generated code refers to. A docs type must not take one of them, or it would
  /// shadow it in the generated module and make it ambiguous in every app that imports both.
  static let namesInUse: [String] = [
    "APIClient", "APIError", "APIGenRuntime", "Array", "Bool", "Codable", "CodingKey",
    "CodingKeys", "Data", "Date", "DateTime", "Decodable", "Dictionary", "Discriminator",
    "Double", "Encodable", "Error", "FileDownload", "FileUpload", "Foundation", "HTTPRequest",
    "HTTPResponse", "HTTPTransport", "Hashable", "Indirect", "Int", "JSONObject", "JSONValue",
    "LocalTime", "Location", "Parameters", "OpenEnum", "Optional", "RequestEncoding", "Sendable",
    "String", "Swift", "URL", "URLSessionTransport", "Void", "WireKey",
  ]

  /// Names of the standard library, Swift concurrency and Foundation that an API's nouns run
  /// into. A type of an imported module shadows the standard library's type of the same name,
  /// so a generated `Task` would break every `Task { }` of an app that imports the client; a
  /// Foundation name would make the app's uses ambiguous.
  static let platformNames: [String] = [
    "Actor", "AsyncSequence", "AsyncStream", "Bundle", "Calendar", "Character", "Clock",
    "Collection", "Comparable", "Decimal", "Decoder", "Duration", "Encoder", "Equatable",
    "FileManager", "Float", "Hasher", "Identifiable", "IndexPath", "IndexSet", "Int64",
    "KeyPath", "Locale", "MainActor", "Measurement", "Mirror", "Never", "Notification",
    "Operation", "Process", "Range", "Result", "Sequence", "Set", "Substring", "Task",
    "TaskGroup", "TaskPriority", "Thread", "TimeZone", "Timer", "UInt", "UUID", "Unicode",
    "Unit", "URLRequest", "URLSession",
  ]

  private let api: APIDescription
  private let clientName: String
  private var topLevel = NameScope(
    reserving: Translator.namesInUse + Translator.platformNames, ignoringCase: true)
  private var types = TypeMapper(namedTypes: [:])
  /// Code → the symbol of its case in the error-code enum (`NavixyErrorCode/databaseError`), for
  /// the methods' docs.
  private var errorCases: [Int: String] = [:]
  private let cycles: ValueCycles
  /// Names changed to keep them unique, reported as warnings.
  private let changes = NameChanges()
  private let summaries: TypeSummary

  private init(api: APIDescription, clientName: String) {
    self.api = api
    self.clientName = clientName
    cycles = ValueCycles(api.types)
    summaries = TypeSummary(api)
  }

  static func plan(_ api: APIDescription, clientName: String) -> ClientPlan {
    var translator = Translator(api: api, clientName: clientName)
    return translator.plan()
  }

  private mutating func plan() -> ClientPlan {
    let client = topLevel.claim(SwiftNaming.upperCamel(clientName, fallback: "Client"))
    let prefix = ErrorCodeTable.prefix(ofClient: client)
    let errorCodes =
      api.errorCodes.isEmpty
      ? nil
      : ErrorCodeTable.decl(
        api.errorCodes, name: topLevel.claim(prefix + "ErrorCode"),
        property: SwiftNaming.lowerCamel(prefix, fallback: "api") + "Code")
    errorCases = Dictionary(
      (errorCodes?.cases ?? []).map { ($0.code, "\(errorCodes?.name ?? "")/\($0.name)") },
      uniquingKeysWith: { first, _ in first })
    for type in api.types where types.namedTypes[type.name] == nil {
      let name = SwiftNaming.upperCamel(type.name, fallback: "DocumentedType")
      // `NavixyTask` reads better than `Task2` for the docs' task object.
      let isReserved = (Self.namesInUse + Self.platformNames).contains {
        $0.caseInsensitiveCompare(name) == .orderedSame
      }
      types.namedTypes[type.name] = changes.claim(
        isReserved ? prefix + name : name, in: &topLevel,
        for: NamedElement(kind: "type", name: type.name, source: type.source), wanted: name,
        because: isReserved
          ? "a type of Swift, Foundation or the runtime has that name, and would be shadowed" : nil)
    }
    let tree = NamespaceTree(endpoints: api.endpoints)
    var typeNames: [String: String] = ["/": client]
    for node in tree.nodes where node.path != "/" {
      let words = node.segments.joined(separator: "_")
      typeNames[node.path] = changes.claim(
        SwiftNaming.upperCamel(words, fallback: "Namespace") + "API", in: &topLevel,
        for: NamedElement(kind: "namespace", name: node.path, source: source(of: node)))
    }
    var responseNames: [String: String] = [:]
    for endpoint in api.endpoints where AnswerShape(endpoint.response) == .object {
      responseNames[endpoint.path] = changes.claim(
        SwiftNaming.upperCamel(endpoint.path, fallback: "Answer") + "Response", in: &topLevel,
        for: NamedElement(kind: "answer", name: endpoint.path, source: endpoint.source))
    }

    var namespaces = tree.nodes.map { node in
      namespace(node, typeNames: typeNames, responseNames: responseNames)
    }
    let root = namespaces.removeFirst()
    return ClientPlan(
      clientName: client, info: api.info, root: root, namespaces: namespaces,
      enums: api.types.filter { $0.kind == .enum }.map(enumDecl),
      objects: api.types.filter { $0.kind == .object }.map(objectDecl),
      unions: api.types.filter { $0.kind == .union }.map(unionDecl), errorCodes: errorCodes,
      servers: ServerAddress.decls(api.info.servers), typeAreas: typeAreas(),
      nameChanges: changes.diagnostics)
  }

  /// Where the docs declare a namespace: its page, else its first endpoint.
  private func source(of node: NamespaceTree.Node) -> SourceLocation? {
    resource(at: node.path)?.source
      ?? api.endpoints.first { $0.path.hasPrefix(node.path + "/") }?.source
  }

  private func namespace(
    _ node: NamespaceTree.Node, typeNames: [String: String], responseNames: [String: String]
  ) -> Namespace {
    var members = NameScope(reserving: ["client"])
    let accessors = node.children.map { child in
      Accessor(
        property: changes.claim(
          SwiftNaming.lowerCamel(child.segment, fallback: "namespace"), in: &members,
          for: NamedElement(
            kind: "path segment", name: child.segment, owner: "'\(node.path)'",
            source: resource(at: child.path)?.source)),
        typeName: typeNames[child.path] ?? "", path: child.path,
        title: resource(at: child.path)?.title)
    }
    let methods = node.endpoints.map { endpoint in
      let action = endpoint.path.split(separator: "/").last.map(String.init) ?? endpoint.action
      return Method(
        endpoint: endpoint,
        name: changes.claim(
          SwiftNaming.lowerCamel(action, fallback: "call"), in: &members,
          for: NamedElement(kind: "action", name: endpoint.path, source: endpoint.source)),
        parameters: properties(
          endpoint.parameters.map(PropertySource.init), owner: "'\(endpoint.path)'"),
        result: result(of: endpoint, responseName: responseNames[endpoint.path]),
        isMultipart: endpoint.requestEncoding == .multipart
          || endpoint.parameters.contains { Self.isFile($0.type) },
        errorCases: errorCases.filter { code, _ in
          endpoint.errors.codes.contains { $0.code == code }
        })
    }
    return Namespace(
      path: node.path, typeName: typeNames[node.path] ?? "", resource: resource(at: node.path),
      accessors: accessors, methods: methods)
  }

  private func result(of endpoint: Endpoint, responseName: String?) -> Method.Result {
    let fields = endpoint.response.fields.map { PropertySource($0) }
    switch AnswerShape(endpoint.response) {
    case .file: return .file
    case .nothing: return .none
    case .field:
      return properties(fields, owner: "the answer of '\(endpoint.path)'").first
        .map(Method.Result.field) ?? .none
    case .object:
      return .object(
        ObjectDecl(
          name: responseName ?? "", doc: "The answer of `\(endpoint.path)`.",
          source: endpoint.source,
          properties: properties(fields, owner: "the answer of '\(endpoint.path)'"),
          isAnswer: true))
    }
  }

  private static func isFile(_ type: TypeRef) -> Bool {
    switch type {
    case .primitive(let primitive): primitive == .file
    case .array(let element): isFile(element)
    case .named, .object, .map: false
    }
  }

  private func typeAreas() -> [String: String] {
    var areas: [String: String] = [:]
    for (type, area) in TypeAreas(api).areas {
      if let name = types.namedTypes[type] { areas[name] = area }
    }
    return areas
  }

  private func resource(at path: String) -> Resource? {
    api.resources.first { $0.path == path }
  }

  private func summary(of type: NamedType) -> String {
    summaries.doc(of: type) { types.namedTypes[$0] }
  }

  private func enumDecl(_ type: NamedType) -> EnumDecl {
    var cases = NameScope(reserving: ["unknown", "rawValue", "hashValue"])
    var seen: Set<String> = []
    let values = (type.values ?? []).filter { seen.insert($0.value).inserted }
    return EnumDecl(
      name: types.namedTypes[type.name] ?? type.name, doc: summary(of: type), source: type.source,
      cases: values.map { value in
        EnumDecl.Case(
          name: changes.claim(
            SwiftNaming.lowerCamel(value.value, fallback: "value"), in: &cases,
            for: NamedElement(
              kind: "value", name: value.value, owner: "'\(type.name)'", source: value.source)),
          value: value.value, doc: value.description)
      })
  }

  /// A case per variant, named after its discriminator value; a value given twice keeps its
  /// first variant.
  private func unionDecl(_ type: NamedType) -> UnionDecl {
    var cases = NameScope(reserving: ["unknown", "hashValue"])
    var seen: Set<String> = []
    return UnionDecl(
      name: types.namedTypes[type.name] ?? type.name, doc: summary(of: type), source: type.source,
      discriminator: type.discriminator ?? "type",
      cases: (type.variants ?? []).filter { seen.insert($0.value).inserted }.map { variant in
        UnionDecl.Case(
          name: changes.claim(
            SwiftNaming.lowerCamel(variant.value, fallback: "variant"), in: &cases,
            for: NamedElement(
              kind: "variant", name: variant.value, owner: "'\(type.name)'", source: type.source)),
          value: variant.value, type: types.swiftType(.named(variant.type)))
      })
  }

  private func objectDecl(_ type: NamedType) -> ObjectDecl {
    ObjectDecl(
      name: types.namedTypes[type.name] ?? type.name, doc: summary(of: type), source: type.source,
      properties: properties(
        (type.fields ?? []).map { field in
          PropertySource(
            field, isBoxed: cycles.boxed.contains(.init(type: type.name, field: field.name)))
        }, owner: "'\(type.name)'"))
  }

  /// Parameters or fields as Swift properties; a wire name given twice keeps its first entry,
  /// since one JSON object cannot hold the key twice.
  private func properties(_ sources: [PropertySource], owner: String) -> [Property] {
    var names = NameScope(reserving: ["hashValue"])
    var seen: Set<String> = []
    return sources.filter { seen.insert($0.wireName).inserted }.map { source in
      let type = types.swiftType(source.type, inJSON: !source.isParameter)
      let element = NamedElement(
        kind: source.isParameter ? "parameter" : "field", name: source.wireName, owner: owner,
        source: source.source)
      return Property(
        name: changes.claim(
          SwiftNaming.lowerCamel(source.wireName, fallback: "value"), in: &names, for: element),
        wireName: source.wireName, type: source.isBoxed ? "Indirect<\(type)>" : type,
        isOptional: source.isOptional, sendsNull: source.sendsNull, doc: doc(of: source))
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

/// What a method makes of an answer: nothing, a file, the value of its only field, or a struct
/// of its fields. Fields are counted once per wire name, as a JSON object holds each key once.
private enum AnswerShape: Equatable {
  case nothing, file, field, object

  init(_ response: Response) {
    if response.kind == .binary {
      self = .file
      return
    }
    switch Set(response.fields.map(\.name)).count {
    case 0: self = .nothing
    case 1: self = .field
    default: self = .object
    }
  }
}

/// What a parameter and a field have in common.
private struct PropertySource {
  var wireName: String
  var type: TypeRef
  var isOptional: Bool
  /// Nullable: `null` is a value the docs allow, so `nil` is sent as `null`, never dropped
  /// (a call that replaces an object then clears the field rather than leaving it as it was).
  var sendsNull = false
  var description: String
  var `default`: String?
  var documentedValues: String?
  /// Stored out of line because the field's type contains the field's own type.
  var isBoxed = false
  /// A call's parameter rather than a field of a JSON object.
  var isParameter = false
  var source: SourceLocation

  init(_ parameter: Parameter) {
    isParameter = true
    wireName = parameter.name
    type = parameter.type
    isOptional = !parameter.required
    description = parameter.description
    `default` = parameter.default
    documentedValues = parameter.documentedValues
    source = parameter.source
  }

  init(_ field: Field, isBoxed: Bool = false) {
    self.isBoxed = isBoxed
    wireName = field.name
    type = field.type
    isOptional = !field.required || field.nullable
    sendsNull = field.nullable
    description = field.description
    source = field.source
  }
}
