import APIModel

/// Whether a request's parameters are what an endpoint documents: every required one present,
/// each a value of its documented type as ``TypeCheck`` reads types.
///
/// A JSON body carries types, so its values must be of theirs (`"5"` is no `int`, `null` no
/// value of any parameter). A query, a form or a multipart field carries only text: text that
/// reads as the type is accepted (`5` for an `int`, JSON for an array or an object), as the
/// real server reads such requests.
struct ParameterCheck {
  /// A parameter that is missing or not of its type.
  struct Problem: Equatable {
    var parameter: String
    var error: String
  }

  let check: TypeCheck

  init(api: APIDescription) {
    check = TypeCheck(api: api)
  }

  /// The first problem, in the docs' order of the parameters.
  func problem(_ parameters: RequestParameters, for endpoint: Endpoint) -> Problem? {
    for parameter in endpoint.parameters {
      guard let value = parameters[parameter.name] else {
        if parameter.required {
          return Problem(parameter: parameter.name, error: "required parameter is missing")
        }
        continue
      }
      if let error = problem(value, as: parameter.type) {
        return Problem(parameter: parameter.name, error: error)
      }
    }
    return nil
  }

  private func problem(_ value: ParameterValue, as type: TypeRef) -> String? {
    switch value {
    case .file:
      return type == .primitive(.file) ? nil : "not a valid \(type), but a file"
    case .json(let json):
      return check.problem(json, as: type)?.description
    case .text(let text):
      if case .primitive(.file) = type { return "not a file" }
      // The type's own text (a string, a date, an enum value), or JSON for anything else.
      guard let textProblem = check.problem(.string(text), as: type) else { return nil }
      guard let json = JSON(parsing: text) else { return textProblem.description }
      return check.problem(json, as: type)?.description
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
