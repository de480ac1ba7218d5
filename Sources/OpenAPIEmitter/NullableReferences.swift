import APIModel

/// Which components a nullable field refers to, and how the document says that it may be
/// `null`.
///
/// JSON Schema's own spelling, `anyOf: [{$ref}, {type: "null"}]`, is one that
/// swift-openapi-generator skips with a warning (`Schema "null" is not supported`), dropping the
/// property. It reads nullability through a reference instead (its article "Handling nullable
/// schemas"): a property is optional when the schema its `$ref` points at allows `null`. So a
/// component that every reference allows to be `null` allows `null` itself, and one that some
/// references need without `null` gets a nullable twin (`TrackerOrNull`) for the others.
/// Either way each schema says exactly what the docs say.
struct NullableReferences {
  /// The component a `$ref` points at: a named type, or the `location` primitive's schema.
  enum Target: Hashable, Comparable {
    case location
    case type(String)
  }

  /// Referred to only where `null` is allowed.
  private(set) var nullableOnly: Set<Target> = []
  /// Referred to both where `null` is allowed and where it is not.
  private(set) var twinned: Set<Target> = []

  init(api: APIDescription) {
    var nullable: Set<Target> = []
    var plain: Set<Target> = []
    func use(_ type: TypeRef, nullableField: Bool) {
      switch type {
      case .array(let element), .map(let element):
        use(element, nullableField: false)
      case .object:
        break
      case .primitive, .named:
        guard let target = Self.target(type) else { return }
        if nullableField { nullable.insert(target) } else { plain.insert(target) }
      }
    }
    for endpoint in api.endpoints {
      for parameter in endpoint.parameters { use(parameter.type, nullableField: false) }
      for field in endpoint.response.fields { use(field.type, nullableField: field.nullable) }
    }
    for type in api.types {
      for field in type.fields ?? [] { use(field.type, nullableField: field.nullable) }
      for variant in type.variants ?? [] { use(.named(variant.type), nullableField: false) }
    }
    nullableOnly = nullable.subtracting(plain)
    twinned = nullable.intersection(plain)
  }

  /// The component `type` refers to directly, if it is a reference.
  static func target(_ type: TypeRef) -> Target? {
    switch type {
    case .named(let name): .type(name)
    case .primitive(.location): .location
    case .primitive, .object, .array, .map: nil
    }
  }
}
