import APIModel

/// Whether a request's parameters are what an endpoint documents: every required one present,
/// each of its documented type.
///
/// It is as lenient as the server the docs describe: parameters may come as text (a query or a
/// form), so a text that reads as the type is accepted, and JSON in text is read as JSON. A
/// `null` counts as absent. Enum values are not checked against their list, which the docs do
/// not always give whole.
struct ParameterCheck {
  /// A parameter that is missing or not of its type.
  struct Problem: Equatable {
    var parameter: String
    var error: String
  }

  let types: [String: NamedType]

  init(types: [NamedType]) {
    self.types = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The first problem, in the docs' order of the parameters.
  func problem(_ parameters: RequestParameters, for endpoint: Endpoint) -> Problem? {
    for parameter in endpoint.parameters {
      let value = parameters[parameter.name]
      guard let value, value != .json(.null) else {
        if parameter.required {
          return Problem(parameter: parameter.name, error: "required parameter is missing")
        }
        continue
      }
      if !accepts(value, as: parameter.type) {
        return Problem(
          parameter: parameter.name, error: "not a valid \(parameter.type.description)")
      }
    }
    return nil
  }

  private func accepts(_ value: ParameterValue, as type: TypeRef) -> Bool {
    switch value {
    case .file:
      return type == .primitive(.file)
    case .json(let json):
      return accepts(json, as: type)
    case .text(let text):
      if case .primitive(.file) = type { return false }
      // Text is the type's own text (a string, a date) or JSON for anything else.
      if accepts(.string(text), as: type) { return true }
      return JSON(parsing: text).map { accepts($0, as: type) } ?? false
    }
  }

  private func accepts(_ json: JSON, as type: TypeRef) -> Bool {
    switch type {
    case .primitive(let primitive):
      return accepts(json, as: primitive)
    case .object:
      return json.object != nil
    case .array(let element):
      guard case .array(let elements) = json else { return false }
      return elements.allSatisfy { accepts($0, as: element) }
    case .named(let name):
      guard let named = types[name] else { return true }
      switch named.kind {
      case .enum:
        if case .string = json { return true } else { return false }
      case .object, .union: return json.object != nil
      }
    }
  }

  private func accepts(_ json: JSON, as primitive: TypeRef.Primitive) -> Bool {
    switch (primitive, json) {
    case (.bool, .bool), (.byte, .int), (.short, .int), (.int, .int), (.long, .int),
      (.float, .int), (.float, .double), (.double, .int), (.double, .double),
      (.string, .string), (.locale, .string):
      return true
    case (.bool, .string(let text)):
      return text == "true" || text == "false"
    case (.byte, .string(let text)), (.short, .string(let text)), (.int, .string(let text)),
      (.long, .string(let text)):
      return Int(text) != nil
    case (.float, .string(let text)), (.double, .string(let text)):
      return Double(text) != nil
    case (.string, .int), (.string, .double), (.string, .bool):
      // A number or flag where text is expected is what a form would send as text.
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
}

/// The fixed-width text formats of the docs' date and time types.
struct WireFormat: Sendable {
  static let dateTime = WireFormat(pattern: "dddd-dd-dd dd:dd:dd")
  static let localTime = WireFormat(pattern: "dd:dd:dd")

  /// `d` stands for an ASCII digit, every other character for itself.
  let pattern: String

  func matches(_ text: String) -> Bool {
    text.utf8.count == pattern.utf8.count
      && zip(text.utf8, pattern.utf8).allSatisfy { byte, expected in
        expected == UInt8(ascii: "d")
          ? (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) : byte == expected
      }
  }
}
