import APIModel

/// Whether a JSON value is a value of a documented type, by the same rules as the schema that
/// `openapi.json` gives the type: the mock accepts exactly the requests the document describes
/// and answers only what it describes, so that a tool that tests one against the other
/// (schemathesis) finds them agreeing.
///
/// - `byte`, `short` and `int` are 32-bit integers and `long` a 64-bit one (the schemas'
///   `format`), `1.0` being an integer as JSON Schema counts; `float` and `double` any number.
/// - Dates and times are text of their pattern; a `location` an object with numbers `lat` and
///   `lng`; a free-form `object` any object.
/// - An enum's value is one of its listed values: the document lists them, and no request
///   example of the docs sends another.
/// - An object has every required field, each of its type; `null` only where a field may be
///   `null`; keys the docs do not list are allowed. A union's value is the variant its
///   discriminator names, and a variant's discriminator names it.
struct TypeCheck: Sendable {
  /// A value that is not of its type: where inside the value (`route.tracker_id`, `ids[1]`;
  /// empty for the value itself) and why.
  struct Problem: Equatable, Sendable {
    var path: String
    var reason: String

    /// `reason`, after the path when there is one.
    var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
  }

  let types: [String: NamedType]
  let variantTags: [String: VariantTag]

  init(api: APIDescription) {
    types = Dictionary(api.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    variantTags = api.variantTags
  }

  /// The first problem of `json` as a value of `type`, or `nil` when it is one.
  func problem(_ json: JSON, as type: TypeRef) -> Problem? {
    switch type {
    case .primitive(let primitive):
      return accepts(json, as: primitive) ? nil : Problem(path: "", reason: "not a valid \(type)")
    case .object:
      return json.object == nil ? Problem(path: "", reason: "not an object") : nil
    case .array(let element):
      guard case .array(let items) = json else { return Problem(path: "", reason: "not an array") }
      for (index, item) in items.enumerated() {
        if let problem = problem(item, as: element) { return problem.inside("[\(index)]") }
      }
      return nil
    case .map(let element):
      guard let object = json.object else { return Problem(path: "", reason: "not an object") }
      for (key, item) in object.sorted(by: { $0.key < $1.key }) {
        if let problem = problem(item, as: element) { return problem.inside(key) }
      }
      return nil
    case .named(let name):
      // The model names only types it defines; one it lacks constrains nothing.
      guard let named = types[name] else { return nil }
      return problem(json, as: named)
    }
  }

  private func problem(_ json: JSON, as type: NamedType) -> Problem? {
    switch type.kind {
    case .enum:
      // Without values the document allows any text (an empty `enum` would allow nothing).
      let values = type.values ?? []
      guard case .string(let value) = json,
        values.isEmpty || values.contains(where: { $0.value == value })
      else { return Problem(path: "", reason: "not one of the values of \(type.name)") }
      return nil
    case .object:
      guard let object = json.object else { return Problem(path: "", reason: "not an object") }
      if let tag = variantTags[type.name], case .string(let value)? = object[tag.field],
        !tag.values.contains(value)
      {
        return Problem(path: tag.field, reason: "not \(type.name)'s kind")
      }
      return problem(object, fields: type.fields ?? [])
    case .union:
      guard let object = json.object else { return Problem(path: "", reason: "not an object") }
      guard let variant = variant(of: type, for: object) else {
        let key = type.discriminator ?? "type"
        return Problem(path: key, reason: "names no kind of \(type.name)")
      }
      return problem(json, as: .named(variant.type))
    }
  }

  /// The first problem among an object's documented fields.
  func problem(_ object: [String: JSON], fields: [Field]) -> Problem? {
    for field in fields {
      guard let value = object[field.name] else {
        if field.required { return Problem(path: field.name, reason: "required field is missing") }
        continue
      }
      if value == .null {
        if field.nullable { continue }
        return Problem(path: field.name, reason: "may not be null")
      }
      if let problem = problem(value, as: field.type) { return problem.inside(field.name) }
    }
    return nil
  }

  /// The variant a union's value names with its discriminator.
  func variant(of union: NamedType, for object: [String: JSON]) -> UnionVariant? {
    guard case .string(let value)? = object[union.discriminator ?? "type"] else { return nil }
    return union.variants?.first { $0.value == value }
  }

  private func accepts(_ json: JSON, as primitive: TypeRef.Primitive) -> Bool {
    switch (primitive, json) {
    case (.bool, .bool), (.string, .string), (.locale, .string), (.file, .string):
      return true
    case (.byte, _), (.short, _), (.int, _):
      return integer(json).map { Int32(exactly: $0) != nil } ?? false
    case (.long, _):
      return integer(json) != nil
    case (.float, .int), (.float, .double), (.double, .int), (.double, .double):
      return true
    case (.dateTime, .string(let text)):
      return WireFormat.dateTime.matches(text)
    case (.localTime, .string(let text)):
      return WireFormat.localTime.matches(text)
    case (.location, .object(let object)):
      return [object["lat"], object["lng"]].allSatisfy { value in
        switch value {
        case .int, .double: true
        default: false
        }
      }
    default:
      return false
    }
  }

  /// A JSON number with no fractional part, as a 64-bit integer. A number read as a `double`
  /// is one that did not fit an `Int`; one at -2⁶³ got there by rounding (a text such as
  /// `-9223372036854775809`), so it is out of range too.
  private func integer(_ json: JSON) -> Int64? {
    switch json {
    case .int(let value): Int64(value)
    case .double(let value): value.magnitude < 0x1p63 ? Int64(exactly: value) : nil
    default: nil
    }
  }
}

extension TypeCheck.Problem {
  /// The problem of a part, seen from the value that holds it under `key` (a field name or
  /// `[index]`).
  func inside(_ key: String) -> Self {
    let separator = path.isEmpty || path.hasPrefix("[") ? "" : "."
    return Self(path: key + separator + path, reason: reason)
  }
}
