import APIModel

/// The Swift spelling of a docs type.
///
/// Every integer type of the docs becomes `Int`, 64 bits wide on all platforms the client
/// supports, so `long` fits and a server that widens an `int` does not break decoding. `float`
/// becomes `Double` too: coordinates written as `float` have more digits than `Float` keeps.
struct TypeMapper {
  /// Docs type name → generated Swift type name.
  var namedTypes: [String: String]

  /// The runtime type for `object`, which has no declared fields.
  static let freeFormObject = "JSONObject"
  /// What a reference to a type the model does not define becomes: any JSON at all.
  static let unresolved = "JSONValue"

  /// `inJSON` is false only for the parameters of a call, where a `file` is a `FileUpload` part
  /// of a multipart request. A file has no JSON form, so in a JSON object (a field of a named
  /// object or an answer) it is whatever JSON the server sends.
  func swiftType(_ type: TypeRef, inJSON: Bool = true) -> String {
    switch type {
    case .primitive(.file) where inJSON: Self.unresolved
    case .primitive(let primitive): Self.swiftType(primitive)
    case .named(let name): namedTypes[name] ?? Self.unresolved
    case .object: Self.freeFormObject
    case .array(let element): "[\(swiftType(element, inJSON: inJSON))]"
    // The ids are JSON object keys, strings on the wire even where the docs call them numbers.
    case .map(let value): "[String: \(swiftType(value))]"
    }
  }

  private static func swiftType(_ primitive: TypeRef.Primitive) -> String {
    switch primitive {
    case .bool: "Bool"
    case .byte, .short, .int, .long: "Int"
    case .float, .double: "Double"
    case .string, .locale: "String"
    case .dateTime: "DateTime"
    case .localTime: "LocalTime"
    case .location: "Location"
    case .file: "FileUpload"
    }
  }
}
