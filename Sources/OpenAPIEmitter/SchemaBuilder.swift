import APIModel
import OpenAPIKit

/// Turns the model's types, parameters and fields into JSON Schemas.
struct SchemaBuilder {
  private let types: [String: NamedType]
  private let names: ComponentNames
  private let variantTags: [String: VariantTag]

  init(api: APIDescription, names: ComponentNames) {
    types = Dictionary(api.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    self.names = names
    variantTags = api.variantTags
  }

  /// The schema of a value of `type`; `source` is where the type is used, for the error.
  func schema(for type: TypeRef, at source: SourceLocation) throws -> JSONSchema {
    switch type {
    case .primitive(let primitive): Self.schema(for: primitive)
    case .named(let name): .reference(.component(named: try key(for: name, at: source)))
    case .object: .object(additionalProperties: .a(true))
    case .array(let element): .array(items: try schema(for: element, at: source))
    // Keyed by ids: any key, each value of the one type (a dictionary for generators).
    case .map(let value): .object(additionalProperties: .b(try schema(for: value, at: source)))
    }
  }

  private static func schema(for primitive: TypeRef.Primitive) -> JSONSchema {
    switch primitive {
    case .bool: .boolean
    case .byte, .short, .int: .integer(format: .int32)
    case .long: .integer(format: .int64)
    case .float: .number(format: .float)
    case .double: .number(format: .double)
    case .string, .locale: .string
    case .dateTime: TextFormat.dateTime.schema
    case .localTime: TextFormat.localTime.schema
    case .location: .reference(.component(named: ComponentNames.location))
    case .file: .string(contentMediaType: .other("application/octet-stream"))
    }
  }

  /// A request body property.
  func property(for parameter: Parameter) throws -> JSONSchema {
    var schema = try schema(for: parameter.type, at: parameter.source)
    var notes = [parameter.description]
    // The description already words the default, so one that is no value of the type (a
    // phrase, say) is left there.
    if let text = parameter.default, let value = literal(text, as: parameter.type) {
      schema = schema.with(defaultValue: value)
    }
    if let text = parameter.example {
      if let value = literal(text, as: parameter.type) {
        schema = try schema.with(examples: [value])
      } else {
        // The format column sometimes gives a pattern rather than a value.
        notes.append("Example: `\(text)`.")
      }
    }
    if let typeName = parameter.documentedValues {
      let key = try key(for: typeName, at: parameter.source)
      notes.append(documentedValuesNote(typeName))
      schema = schema.adding(
        extensions: ["x-documented-values": AnyCodable("#/components/schemas/\(key)")])
    }
    schema = described(schema, notes).withSource(parameter.source)
    return parameter.required ? schema : schema.optionalSchemaObject()
  }

  /// A property of an object or of a response.
  func property(for field: Field) throws -> JSONSchema {
    var schema = try schema(for: field.type, at: field.source)
    if field.nullable {
      schema = nullable(schema, of: field.type)
    }
    schema = described(schema, [field.description]).withSource(field.source)
    return field.required ? schema : schema.optionalSchemaObject()
  }

  /// The schema of a field that may be `null`. A `$ref` takes no `null` type beside it: it
  /// points at a component that allows `null`, the one referred to or its twin (see
  /// ``NullableReferences``).
  private func nullable(_ schema: JSONSchema, of type: TypeRef) -> JSONSchema {
    guard let target = NullableReferences.target(type) else { return schema.nullableSchemaObject() }
    guard let twin = names.twinKey(for: target) else { return schema }
    return .reference(.component(named: twin))
  }

  /// A component's schema that also allows `null`: `type` gains `null` (and an enum's values
  /// `null` with it, since `enum` limits every value), a union gains a `null` alternative.
  static func allowingNull(_ component: JSONSchema) -> JSONSchema {
    switch component.value {
    case .one(let variants, let core):
      return .one(of: variants + [.null()], core: core)
    default:
      let schema = component.nullableSchemaObject()
      guard let values = component.allowedValues else { return schema }
      return schema.with(allowedValues: values + [AnyCodable(nil as String?)])
    }
  }

  /// An object with the given fields, after any `leading` properties. A variant of a union
  /// (`tag`) allows only its own values in the discriminator field, so that its schema tells it
  /// from the other variants as the discriminator does.
  func object(
    _ fields: [Field], description: String? = nil,
    leading: OrderedDictionary<String, JSONSchema> = [:], tag: VariantTag? = nil
  ) throws -> JSONSchema {
    var properties = leading
    for field in fields {
      var property = try property(for: field)
      if let tag, field.name == tag.field {
        property = property.with(allowedValues: tag.values.map { AnyCodable($0) })
      }
      properties[field.name] = property
    }
    return .object(description: description.flatMap(nonEmpty), properties: properties)
  }

  /// The schema of `components.schemas` for a named type.
  func component(for type: NamedType) throws -> JSONSchema {
    let schema: JSONSchema
    switch type.kind {
    case .object:
      schema = try object(
        type.fields ?? [], description: type.description, tag: variantTags[type.name])
    case .enum:
      schema = Self.enumeration(type.values ?? [], description: type.description)
    case .union:
      schema = try union(type)
    }
    return schema.withSource(type.source)
  }

  /// `oneOf` the variant objects, told apart by the discriminator property.
  private func union(_ type: NamedType) throws -> JSONSchema {
    var mapping = OrderedDictionary<String, String>()
    var variants: [JSONSchema] = []
    for variant in type.variants ?? [] {
      let key = try key(for: variant.type, at: type.source)
      mapping[variant.value] = "#/components/schemas/\(key)"
      variants.append(.reference(.component(named: key)))
    }
    return .one(
      of: variants,
      core: .init(
        description: type.description.isEmpty ? nil : type.description,
        discriminator: OpenAPI.Discriminator(
          propertyName: type.discriminator ?? "type", mapping: mapping)))
  }

  /// JSON Schema has no per-value documentation, so the value descriptions go into the text
  /// and, for tools that read it, into `x-enum-descriptions`.
  private static func enumeration(_ values: [EnumValue], description: String) -> JSONSchema {
    let documented = values.contains { !$0.description.isEmpty }
    let list = values.map {
      "* `\($0.value)`" + ($0.description.isEmpty ? "" : " – \($0.description)")
    }
    let text = [description, documented ? list.joined(separator: "\n") : ""].compactMap(nonEmpty)
    let schema = JSONSchema.string(
      description: text.isEmpty ? nil : text.joined(separator: "\n\n"),
      // An empty `enum` would allow nothing at all.
      allowedValues: values.isEmpty ? nil : values.map { AnyCodable($0.value) })
    guard documented else { return schema }
    return schema.adding(extensions: [
      "x-enum-descriptions": AnyCodable(values.map(\.description))
    ])
  }

  /// `text` as a JSON value of `type`, when it reads as one.
  private func literal(_ text: String, as type: TypeRef) -> AnyCodable? {
    switch type {
    case .primitive(let primitive):
      return Self.literal(text, as: primitive)
    case .named(let name):
      let isValue = types[name]?.values?.contains { $0.value == text } ?? false
      return isValue ? AnyCodable(text) : nil
    case .object, .array, .map:
      return nil
    }
  }

  private static func literal(_ text: String, as primitive: TypeRef.Primitive) -> AnyCodable? {
    switch primitive {
    case .bool: Bool(text).map { AnyCodable($0) }
    case .byte, .short, .int: Int32(text).map { AnyCodable(Int($0)) }
    case .long: Int64(text).map { AnyCodable(Int($0)) }
    case .float, .double: Double(text).flatMap { $0.isFinite ? AnyCodable($0) : nil }
    case .string, .locale: AnyCodable(text)
    case .dateTime: TextFormat.dateTime.matches(text) ? AnyCodable(text) : nil
    case .localTime: TextFormat.localTime.matches(text) ? AnyCodable(text) : nil
    case .location, .file: nil
    }
  }

  private func key(for typeName: String, at source: SourceLocation) throws -> String {
    guard let key = names.key(for: typeName) else {
      throw OpenAPIEmitterError.unknownType(typeName, at: source)
    }
    return key
  }

  private func documentedValuesNote(_ typeName: String) -> String {
    guard let values = types[typeName]?.values, !values.isEmpty else {
      return "Values: see `\(typeName)`."
    }
    return "Values (`\(typeName)`): " + values.map { "`\($0.value)`" }.joined(separator: ", ") + "."
  }

  /// The schema with the non-empty notes, then any description it already has (the meaning
  /// of a date format, say), as its description.
  private func described(_ schema: JSONSchema, _ notes: [String]) -> JSONSchema {
    let text = (notes + [schema.description ?? ""]).compactMap(nonEmpty)
    return text.isEmpty ? schema : schema.with(description: text.joined(separator: "\n\n"))
  }
}

/// A string format the docs define, which JSON Schema's `format` has no name for.
///
/// The pattern says `[0-9]` rather than `\d`, which some regular expression engines let match
/// other scripts' digits, and the length is given too, since `$` lets Python's engine (which
/// test-data generators use) match before a final line break.
struct TextFormat: Sendable {
  static let dateTime = TextFormat(
    pattern: #"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$"#, length: 19,
    meaning: "yyyy-MM-dd HH:mm:ss in the user's time zone.")
  static let localTime = TextFormat(
    pattern: #"^[0-9]{2}:[0-9]{2}:[0-9]{2}$"#, length: 8, meaning: "HH:mm:ss, a time of day.")

  let pattern: String
  let length: Int
  let meaning: String

  var schema: JSONSchema {
    .string(description: meaning, minLength: length, maxLength: length, pattern: pattern)
  }

  func matches(_ text: String) -> Bool {
    // The patterns are constants that compile.
    guard let regex = try? Regex(pattern) else { return false }
    return text.wholeMatch(of: regex) != nil
  }
}
