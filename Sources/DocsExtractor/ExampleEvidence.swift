import APIModel
import Foundation

/// The docs' own response examples are evidence about the types read from their prose: a
/// field an example leaves out is not required, a field an example sets to `null` is nullable.
/// A value of the wrong shape (an array where the prose says object) is reported, since no
/// type can both follow the prose and decode the example. Request examples are weaker
/// evidence (`applyRequests`).
struct ExampleEvidence {
  private var types: [String: NamedType]
  private(set) var diagnostics: [Diagnostic] = []

  init(types: [NamedType]) {
    self.types = Dictionary(uniqueKeysWithValues: types.map { ($0.name, $0) })
  }

  var refinedTypes: [NamedType] { types.values.sorted { $0.name < $1.name } }

  /// Walks every response example of `endpoint`, relaxing its fields and the named types it
  /// reaches; returns the endpoint with its response fields relaxed.
  mutating func apply(to endpoint: Endpoint) -> Endpoint {
    var endpoint = endpoint
    for sample in endpoint.response.examples {
      guard let object = JSONExample.parse(sample.code) as? [String: Any], object["success"] as? Bool != false
      else { continue }
      endpoint.response.fields = relax(endpoint.response.fields, by: object, path: "", at: sample.source)
    }
    return endpoint
  }

  /// Walks the objects that `endpoint`'s request examples send: a field they set to `null` is
  /// nullable. A field they leave out is not required in a type only requests use
  /// (`requestTypes`, the variants made for "without `id`"); in a type answers use too it
  /// stays required, and the example checker reports the gap.
  mutating func applyRequests(of endpoint: Endpoint, requestTypes: Set<String>) {
    walkedRequestTypes = requestTypes
    defer { walkedRequestTypes = nil }
    for example in endpoint.examples {
      guard let body = example.body, let object = JSONText.parse(body) as? [String: Any] else { continue }
      for parameter in endpoint.parameters {
        guard let value = object[parameter.name], !(value is NSNull) else { continue }
        switch parameter.type {
        case .named, .array(.named): visit(value, as: parameter.type, path: parameter.name, at: example.sample.source)
        default: continue
        }
      }
    }
  }

  /// Set while request examples are walked, to the types only requests use: elsewhere they
  /// relax nullability only, and a value of the wrong shape is the example checker's to report.
  private var walkedRequestTypes: Set<String>?

  private mutating func relax(
    _ fields: [Field], by object: [String: Any], path: String, at source: SourceLocation, absentRelaxes: Bool = true
  ) -> [Field] {
    var fields = fields
    for index in fields.indices {
      let name = fields[index].name
      guard let value = object[name] else {
        if absentRelaxes { fields[index].required = false }
        continue
      }
      if value is NSNull {
        fields[index].nullable = true
        continue
      }
      visit(value, as: fields[index].type, path: path.isEmpty ? name : path + "." + name, at: source)
    }
    return fields
  }

  private mutating func visit(_ value: Any, as type: TypeRef, path: String, at source: SourceLocation) {
    switch type {
    case .array(let element):
      guard let array = value as? [Any] else { return mismatch(path, "an array", at: source) }
      for (offset, item) in array.enumerated() where !(item is NSNull) {
        visit(item, as: element, path: "\(path)[\(offset)]", at: source)
      }
    case .named(let name):
      guard let named = types[name] else { return }
      switch named.kind {
      case .object:
        guard let object = value as? [String: Any] else { return mismatch(path, "an object (\(name))", at: source) }
        let relaxed = relax(
          named.fields ?? [], by: object, path: path, at: source,
          absentRelaxes: walkedRequestTypes?.contains(name) ?? true)
        types[name]?.fields = relaxed
      case .union:
        guard let object = value as? [String: Any] else { return mismatch(path, "an object (\(name))", at: source) }
        let tag = (named.discriminator.flatMap { object[$0] } as? String) ?? ""
        if let variant = named.variants?.first(where: { $0.value == tag }) {
          visit(object, as: .named(variant.type), path: path, at: source)
        }
      case .enum:
        if !(value is String) { mismatch(path, "a string (\(name))", at: source) }
      }
    case .object:
      if !(value is [String: Any]) { mismatch(path, "an object", at: source) }
    case .primitive(let primitive):
      if let expected = Self.shapeProblem(value, primitive) { mismatch(path, expected, at: source) }
    }
  }

  /// What a primitive needs, when `value` is not that.
  static func shapeProblem(_ value: Any, _ primitive: TypeRef.Primitive) -> String? {
    let number = value as? NSNumber
    let isBool = number.map { String(cString: $0.objCType) == "c" } ?? false
    switch primitive {
    case .bool: return isBool ? nil : "a boolean"
    case .byte, .short, .int, .long:
      guard let number, !isBool else { return "an integer" }
      return number.doubleValue == number.doubleValue.rounded() ? nil : "an integer"
    case .float, .double: return number != nil && !isBool ? nil : "a number"
    case .string, .dateTime, .localTime, .locale: return value is String ? nil : "a string"
    case .location: return value is [String: Any] ? nil : "a location object"
    case .file: return nil
    }
  }

  private mutating func mismatch(_ path: String, _ expected: String, at source: SourceLocation) {
    guard walkedRequestTypes == nil else { return }
    diagnostics.append(
      .warning(
        "example-type-mismatch", "the response example has a value at '\(path)' that is not \(expected) as the field list says",
        at: source))
  }
}
