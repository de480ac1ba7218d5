import APIModel

/// A parameter the docs' request examples send but the parameter list leaves out is a
/// parameter too: optional, typed by the values sent (an object by the type its keys match, or
/// one read from them, in the next pass). The list's silence stays reported
/// (`example-param-not-documented`); the client can still send what the docs show. A key a
/// letter or two from a listed name is the example's typo and is not added.
struct ExampleParameterPass: RefinementPass {
  let summary = "example parameters: what request examples send that the list leaves out becomes an optional parameter"

  func run(_ context: inout RefinementContext) {
    for index in context.api.endpoints.indices {
      let endpoint = context.api.endpoints[index]
      let listed = Set(endpoint.parameters.map(\.name))
      var added: [String: (values: [JSON], source: SourceLocation)] = [:]
      for example in endpoint.examples {
        guard let object = example.arguments?.object else { continue }
        for (key, value) in object where key != "hash" && !listed.contains(key) && !Self.isTypo(key, of: listed) {
          added[key, default: ([], example.sample.source)].values.append(value)
        }
      }
      for key in added.keys.sorted() {
        let (values, source) = added[key]!
        guard let type = Self.type(of: values) else { continue }
        context.api.endpoints[index].parameters.append(
          Parameter(
            name: key, type: type, required: false,
            description: "Sent by the docs' request example; the parameter list does not describe it.", source: source))
      }
    }
  }

  /// A key a letter or two from a listed parameter (`colour` for `color`) is the example's typo,
  /// not a parameter of its own.
  static func isTypo(_ key: String, of listed: Set<String>) -> Bool {
    listed.contains { Levenshtein.distance($0, key) <= min(2, max(1, $0.count / 4)) }
  }

  /// The docs' type of the values sent: the first that is not null. Objects are left for the
  /// example types to give a structure.
  static func type(of values: [JSON]) -> TypeRef? {
    guard let value = values.first(where: { !$0.isNull }) else { return nil }
    switch value {
    case .null: return nil
    case .bool: return .primitive(.bool)
    case .int: return .primitive(.long)
    case .double: return .primitive(.double)
    case .string(let text): return JSON.string(text).typeWords == "date/time" ? .primitive(.dateTime) : .primitive(.string)
    case .object: return .object
    case .array(let items): return type(of: items).map(TypeRef.array) ?? .array(.object)
    }
  }
}
