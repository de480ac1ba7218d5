import APIModel

/// How much of what the docs' examples hold lands in a typed member of the model: of all JSON
/// leaf values (strings, numbers, booleans, nulls) in the success response examples and the
/// request examples, the share whose path from the answer or the call's parameters runs through
/// typed members to a typed value (a placeholder where a value would be is none). A leaf under
/// a member typed only as an object, or under a key no field describes, is untyped: a client
/// would keep it as free-form JSON, or lose it. A leaf that reaches a typed member but contradicts its type (`"123"` for an `int`, a list where
/// the docs say a map) is mistyped: the member is typed, the example is wrong, and the example
/// checks warn about it.
public struct TypedCoverage: Sendable, Hashable {
  public var typed = 0
  public var mistyped = 0
  public var untyped = 0
  /// Where untyped values are, `endpoint: member path` → how many, for reports.
  public var untypedPlaces: [String: Int] = [:]
  /// Where mistyped values are, the same way.
  public var mistypedPlaces: [String: Int] = [:]

  public var total: Int { typed + mistyped + untyped }
  /// The share of the values that land in typed members, whether or not they fit them.
  public var share: Double { total == 0 ? 1 : Double(typed + mistyped) / Double(total) }
  /// The share of the values that decode into the typed members they land in.
  public var fittingShare: Double { total == 0 ? 1 : Double(typed) / Double(total) }

  public init(_ api: APIDescription) {
    let types = Dictionary(api.types.map { ($0.name, $0) }) { first, _ in first }
    var walk = Walk(types: types)
    for endpoint in api.endpoints {
      walk.place = endpoint.path
      if endpoint.response.kind == .json {
        for sample in endpoint.response.examples {
          // A placeholder (`[<contact1>, …]`) stands for a value the example does not show: no leaf.
          guard let object = sample.json?.replacing(sample.placeholders, with: .object([:])).object,
            object["success"] != .bool(false)
          else { continue }
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
    mistyped = walk.mistyped
    untyped = walk.untyped
    untypedPlaces = walk.places
    mistypedPlaces = walk.mistypedPlaces
  }

  private struct Walk {
    let types: [String: NamedType]
    var typed = 0
    var mistyped = 0
    var untyped = 0
    var depth = 0
    var place = ""
    var path: [String] = []
    var places: [String: Int] = [:]
    var mistypedPlaces: [String: Int] = [:]

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
      case (.object(let object), .map(let element)):
        for item in object.values { visit(item, as: element) }
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
            // The member is typed; the example leaves out or misspells the kind.
            count(value, mistyped: true)
          }
        case .enum: count(value, mistyped: true)
        }
      case (.object(let object), .primitive(.location)):
        members(
          object, fields: ["lat", "lng"].map { Field(name: $0, type: .primitive(.double), description: "", source: .init(file: "", line: 0, column: 0)) })
      case (.array, _), (.object, _):
        count(value, mistyped: isTyped(type))
      case (_, .named(let name)):
        // A string of an enum (or a null) lands in its member; a leaf where an object belongs
        // does not fit it.
        guard let named = types[name] else { return countUntyped(value) }
        if value.isNull || named.kind == .enum && value.string != nil { typed += 1 } else { count(value, mistyped: true) }
      case (_, .primitive(let primitive)):
        if value.isNull || JSONShape.problem(value, primitive) == nil { typed += 1 } else { count(value, mistyped: true) }
      default:
        countUntyped(value)
      }
    }

    /// Whether a member of this type is typed all the way: no free-form object in it, and the
    /// type it names defined.
    func isTyped(_ type: TypeRef) -> Bool {
      switch type {
      case .object: false
      case .primitive: true
      case .named(let name): types[name] != nil
      case .array(let element), .map(let element): isTyped(element)
      }
    }

    mutating func count(_ value: JSON, mistyped: Bool) {
      guard mistyped else { return countUntyped(value) }
      switch value {
      case .array(let items): for item in items { count(item, mistyped: true) }
      case .object(let object): for item in object.values { count(item, mistyped: true) }
      default:
        self.mistyped += 1
        mistypedPlaces[place + ": " + path.joined(separator: "."), default: 0] += 1
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
