import APIModel

/// What the generated Swift client makes of the model, as far as code that uses it can tell:
/// the Swift type of a parameter or field, whether it is optional, what a call returns.
///
/// These are SwiftEmitter's decisions, restated here so that this stage depends on the model
/// alone; `SwiftSurfaceTests` checks each of them against the emitter's output, and
/// `BreakingRuleCompileTests` compiles code written against one client with the next.
enum SwiftSurface {
  /// The Swift type of a parameter (`inJSON` false) or of a field of a JSON object.
  ///
  /// Only equality of the results matters: every integer type is `Int`, `float` and `double`
  /// are `Double`, `string` and `locale` are `String`; a `file` is a `FileUpload` argument but
  /// any JSON inside an object; a named type the model does not define is any JSON. A named
  /// type is its docs name, from which its Swift name is made.
  static func type(_ type: TypeRef, in api: APIDescription, inJSON: Bool) -> String {
    switch type {
    case .primitive(.file) where inJSON: anyJSON
    case .primitive(let primitive): spelling(primitive)
    case .named(let name): api.types.contains { $0.name == name } ? name : anyJSON
    case .object: "JSONObject"
    case .array(let element): "[\(self.type(element, in: api, inJSON: inJSON))]"
    case .map(let value): "[String: \(self.type(value, in: api, inJSON: true))]"
    }
  }

  private static let anyJSON = "JSONValue"

  private static func spelling(_ primitive: TypeRef.Primitive) -> String {
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

  /// An optional parameter is `T? = nil`: callers may leave it out.
  static func isOptional(_ parameter: Parameter) -> Bool { !parameter.required }

  /// A field that may be absent or `null` is an optional property, and its initializer
  /// argument defaults to `nil`.
  static func isOptional(_ field: Field) -> Bool { !field.required || field.nullable }

  /// What a call returns.
  enum Answer: Equatable {
    /// Nothing: the answer is `{ "success": true }` alone.
    case nothing
    /// `FileDownload`: the server answers with a file.
    case file
    /// The value of the answer's one field, returned as it is rather than in a struct.
    case value(Field)
    /// A struct with a property per field.
    case object([Field])
  }

  /// The answer rule: a call returns nothing, a file, the value of an answer's only field, or
  /// a struct of its fields. So an answer that goes from one field to several, or back, changes
  /// what the call returns.
  static func answer(_ response: Response) -> Answer {
    if response.kind == .binary { return .file }
    let fields = unique(response.fields)
    switch fields.count {
    case 0: return .nothing
    case 1: return .value(fields[0])
    default: return .object(fields)
    }
  }

  /// The first of each name: a JSON object cannot hold a key twice, so the emitter keeps the
  /// first entry (of parameters and fields alike).
  static func unique<Element>(_ elements: [Element], name: (Element) -> String) -> [Element] {
    var seen: Set<String> = []
    return elements.filter { seen.insert(name($0)).inserted }
  }

  static func unique(_ fields: [Field]) -> [Field] { unique(fields, name: \.name) }
}
