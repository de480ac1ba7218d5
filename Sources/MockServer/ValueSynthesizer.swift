import APIModel

/// Makes a plausible JSON value of a documented type, for answers whose docs give no example:
/// the same value every time, so that tests can rely on it.
struct ValueSynthesizer: Sendable {
  /// How deep named objects nest before a required field that leads back into them is cut off
  /// (as `{}`); optional fields stop one level earlier.
  static let maximumDepth = 4

  let types: [String: NamedType]
  /// A variant object says its own kind in its discriminator field.
  let variantTags: [String: VariantTag]

  init(api: APIDescription) {
    types = Dictionary(api.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    variantTags = api.variantTags
  }

  /// An object with every field of the list: optional ones too, so that a client decodes all
  /// of its properties.
  func object(_ fields: [Field], depth: Int = 0) -> [String: JSON] {
    var object: [String: JSON] = [:]
    for field in fields where field.required || depth < Self.maximumDepth - 1 {
      object[field.name] = value(field.type, named: field.name, depth: depth)
    }
    return object
  }

  func value(_ type: TypeRef, named name: String = "", depth: Int = 0) -> JSON {
    switch type {
    case .primitive(let primitive):
      return value(primitive, named: name)
    case .object:
      return .object([:])
    case .array(let element):
      return .array([value(element, named: name, depth: depth)])
    case .map(let element):
      return .object(["1": value(element, named: name, depth: depth)])
    case .named(let typeName):
      guard let named = types[typeName], depth < Self.maximumDepth else { return .object([:]) }
      switch named.kind {
      case .enum:
        return .string(named.values?.first?.value ?? "value")
      case .object:
        var object = object(named.fields ?? [], depth: depth + 1)
        if let tag = variantTags[typeName], let first = tag.values.first {
          object[tag.field] = .string(first)
        }
        return .object(object)
      case .union:
        guard let variant = named.variants?.first else { return .object([:]) }
        var object = value(.named(variant.type), depth: depth).object ?? [:]
        object[named.discriminator ?? "type"] = .string(variant.value)
        return .object(object)
      }
    }
  }

  private func value(_ primitive: TypeRef.Primitive, named name: String) -> JSON {
    switch primitive {
    case .bool: .bool(true)
    case .byte, .short, .int, .long: .int(1)
    case .float, .double: .double(1.5)
    case .string: .string(name == "hash" ? SessionHash.make() : "example")
    case .locale: .string("en_US")
    case .dateTime: .string("2021-04-21 12:00:00")
    case .localTime: .string("12:00:00")
    case .location: .object(["lat": .double(56.827), "lng": .double(60.594)])
    case .file: .string("example")
    }
  }
}
