import APIModel

/// The values request examples send, at any depth, against the final types (after the request
/// variants, so that a create call without `id` is not blamed for it): values of the wrong
/// shape (an `int` id as text, `"trackers": "[1, 2]"`, a GET value that does not parse as the
/// object it should be), `null` where a field may not be null, required fields left out.
struct ExampleValueCheckPass: RefinementPass {
  let summary = "example values: what request examples send, at any depth, against the final types"

  func run(_ context: inout RefinementContext) {
    for endpoint in context.api.endpoints {
      for example in endpoint.examples {
        guard let object = example.arguments?.object else { continue }
        var walk = SentObjectWalk(types: context.types, example: example)
        for parameter in endpoint.parameters {
          guard let value = object[parameter.name], !value.isNull else { continue }
          walk.visit(value, as: parameter.type, path: parameter.name, isParameter: true)
        }
        context.diagnostics += walk.diagnostics
      }
    }
  }
}

/// One request example's values, walked along the types they are sent as.
private struct SentObjectWalk {
  let types: [String: NamedType]
  let example: Example
  var diagnostics: [Diagnostic] = []

  /// - Parameter isParameter: `value` is a parameter's, not a field's (which the warnings say).
  mutating func visit(_ value: JSON, as type: TypeRef, path: String, isParameter: Bool = false) {
    let mismatch = { (walk: inout SentObjectWalk, expected: String) in
      walk.mismatch(path, value, expected, isParameter: isParameter)
    }
    switch type {
    case .array(let element):
      guard let items = value.array else { return mismatch(&self, "an array") }
      for (offset, item) in items.enumerated() where !item.isNull {
        visit(item, as: element, path: "\(path)[\(offset)]")
      }
    case .map(let element):
      guard let object = value.object else { return mismatch(&self, "an object keyed by ids") }
      for (key, item) in object.sorted(by: { $0.key < $1.key }) where !item.isNull {
        visit(item, as: element, path: "\(path).\(key)")
      }
    case .named(let name):
      guard let named = types[name] else { return }
      switch named.kind {
      case .object:
        guard let object = value.object else { return mismatch(&self, "an object (\(name))") }
        visitFields(of: named, in: object, path: path)
      case .union:
        guard let object = value.object else { return mismatch(&self, "an object (\(name))") }
        guard let discriminator = named.discriminator else { return }
        let tag = object[discriminator]?.string
        if let variant = named.variants?.first(where: { $0.value == tag }) {
          visit(value, as: .named(variant.type), path: path)
        } else if tag == nil {
          diagnostics.append(
            .warning(
              "example-field-missing",
              "\(example.title) example sends '\(path)' without '\(discriminator)', which tells the kinds of \(name) apart",
              at: example.sample.source))
        }
      case .enum:
        if value.string == nil { mismatch(&self, "a string (\(name))") }
      }
    case .object:
      if value.object == nil { mismatch(&self, "an object") }
    case .primitive(let primitive):
      if let expected = JSONShape.problem(value, primitive) { mismatch(&self, expected) }
    }
  }

  private mutating func visitFields(of type: NamedType, in object: [String: JSON], path: String) {
    let described = Set((type.fields ?? []).map(\.name))
    for key in object.keys.sorted() where !described.contains(key) {
      diagnostics.append(
        .warning(
          "example-field-not-documented",
          "\(example.title) example sends '\(path).\(key)', which \(type.name) does not describe",
          at: example.sample.source))
    }
    for field in type.fields ?? [] {
      let fieldPath = path + "." + field.name
      switch object[field.name] {
      case nil where field.required:
        diagnostics.append(
          .warning(
            "example-field-missing",
            "\(example.title) example sends '\(path)' without '\(field.name)', which \(type.name) requires",
            at: example.sample.source))
      case nil:
        continue
      case .null?:
        if !field.nullable {
          diagnostics.append(
            .warning(
              "example-param-type", "\(example.title) example sends '\(fieldPath)' as null, which the field may not be",
              at: example.sample.source))
        }
      case let value?:
        visit(value, as: field.type, path: fieldPath)
      }
    }
  }

  private mutating func mismatch(_ path: String, _ value: JSON, _ expected: String, isParameter: Bool) {
    diagnostics.append(
      .warning(
        "example-param-type",
        "\(example.title) example sends '\(path)' as \(JSONShape.words(for: value)), but the \(isParameter ? "parameter" : "field") is \(expected)",
        at: example.sample.source))
  }
}

/// How JSON values compare with the docs' types.
enum JSONShape {
  /// What a primitive needs, when `value` is not that.
  static func problem(_ value: JSON, _ primitive: TypeRef.Primitive) -> String? {
    switch primitive {
    case .bool: return value.bool != nil ? nil : "a boolean"
    case .byte, .short, .int, .long: return value.isWholeNumber ? nil : "an integer"
    case .float, .double: return value.isNumber ? nil : "a number"
    case .string, .dateTime, .localTime, .locale: return value.string != nil ? nil : "a string"
    case .location: return value.object != nil ? nil : "a location object"
    case .file: return nil
    }
  }

  /// The value as a warning shows it: text is quoted (shortened), so that a reader sees the
  /// JSON that was meant to be sent.
  static func words(for value: JSON) -> String {
    guard case .string(let text) = value else { return value.typeWords }
    let shown = text.count > 40 ? text.prefix(40) + "…" : Substring(text)
    return "the text \"\(shown)\""
  }
}
