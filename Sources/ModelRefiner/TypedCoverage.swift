import APIModel

/// How much of what the docs' examples hold lands in a typed member of the model: of all JSON
/// leaf values (strings, numbers, booleans, nulls) in the success response examples and the
/// request examples, the share whose path from the answer or the call's parameters runs through
/// typed members to a typed value. A leaf under a member typed only as an object, under a key
/// no field describes, or of another shape than its member is untyped: a client would keep it
/// as free-form JSON, or lose it.
public struct TypedCoverage: Sendable, Hashable {
  public var typed = 0
  public var untyped = 0
  /// Where untyped values are, `endpoint: member path` → how many, for reports.
  public var untypedPlaces: [String: Int] = [:]

  public var share: Double { typed + untyped == 0 ? 1 : Double(typed) / Double(typed + untyped) }

  public init(_ api: APIDescription) {
    let types = Dictionary(api.types.map { ($0.name, $0) }) { first, _ in first }
    var walk = Walk(types: types)
    for endpoint in api.endpoints {
      walk.place = endpoint.path
      if endpoint.response.kind == .json {
        for sample in endpoint.response.examples {
          guard let object = sample.json?.object, object["success"] != .bool(false) else { continue }
          walk.members(object, fields: endpoint.response.fields, skipping: "success")
        }
      }
      for example in endpoint.examples {
        guard let object = example.arguments?.object else { continue }
        walk.members(
          object, fields: endpoint.parameters.map { Field(name: $0.name, type: $0.type, description: "", source: $0.source) },
          skipping: "hash")
      }
    }
    typed = walk.typed
    untyped = walk.untyped
    untypedPlaces = walk.places
  }

  private struct Walk {
    let types: [String: NamedType]
    var typed = 0
    var untyped = 0
    var depth = 0
    var place = ""
    var path: [String] = []
    var places: [String: Int] = [:]

    mutating func members(_ object: [String: JSON], fields: [Field], skipping envelope: String? = nil) {
      let byName = Dictionary(fields.map { ($0.name, $0.type) }) { first, _ in first }
      for (key, value) in object where key != envelope {
        path.append(key)
        defer { path.removeLast() }
        if let type = byName[key] { visit(value, as: type) } else { countUntyped(value) }
      }
    }

    mutating func visit(_ value: JSON, as type: TypeRef) {
      guard depth < 32 else { return countUntyped(value) }
      depth += 1
      defer { depth -= 1 }
      switch (value, type) {
      case (.array(let items), .array(let element)):
        for item in items { visit(item, as: element) }
      case (_, .object):
        countUntyped(value)
      case (.object(let object), .named(let name)):
        guard let named = types[name] else { return countUntyped(value) }
        switch named.kind {
        case .object: members(object, fields: named.fields ?? [])
        case .union:
          let tag = named.discriminator.flatMap { object[$0]?.string }
          if let variant = named.variants?.first(where: { $0.value == tag }) {
            visit(value, as: .named(variant.type))
          } else {
            countUntyped(value)
          }
        case .enum: countUntyped(value)
        }
      case (.object(let object), .primitive(.location)):
        members(
          object, fields: ["lat", "lng"].map { Field(name: $0, type: .primitive(.double), description: "", source: .init(file: "", line: 0, column: 0)) })
      case (.array, _), (.object, _):
        countUntyped(value)
      case (_, .named(let name)):
        // A string of an enum (or a null) lands in its member; a leaf where an object belongs
        // does not.
        let isEnum = types[name]?.kind == .enum
        if value.isNull || isEnum && value.string != nil { typed += 1 } else { countUntyped(value) }
      case (_, .primitive(let primitive)):
        if value.isNull || JSONShape.problem(value, primitive) == nil { typed += 1 } else { countUntyped(value) }
      default:
        countUntyped(value)
      }
    }

    mutating func countUntyped(_ value: JSON) {
      switch value {
      case .array(let items): for item in items { countUntyped(item) }
      case .object(let object): for item in object.values { countUntyped(item) }
      default:
        untyped += 1
        places[place + ": " + path.joined(separator: "."), default: 0] += 1
      }
    }
  }
}
