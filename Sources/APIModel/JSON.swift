/// A JSON value: what the docs' examples hold, parsed once by `JSONReader` and shared by every
/// stage after the reader (the checks against the examples, the emitters, the mock server).
///
/// Integers are kept apart from other numbers, so that a value's type can be checked (`3` is
/// an `int`, `3.5` is not) and an ID survives a round trip unchanged.
public enum JSON: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSON])
  case object([String: JSON])

  public var object: [String: JSON]? {
    if case .object(let object) = self { object } else { nil }
  }

  public var array: [JSON]? {
    if case .array(let array) = self { array } else { nil }
  }

  public var string: String? {
    if case .string(let string) = self { string } else { nil }
  }

  public var bool: Bool? {
    if case .bool(let bool) = self { bool } else { nil }
  }

  public var isNull: Bool { self == .null }

  /// Whether the value is a number (an integer or not).
  public var isNumber: Bool {
    switch self {
    case .int, .double: true
    default: false
    }
  }

  /// Whether the value is a whole number, written with or without a fraction (`3`, `3.0`).
  public var isWholeNumber: Bool {
    switch self {
    case .int: true
    case .double(let value): value.isFinite && value == value.rounded()
    default: false
    }
  }

  /// The member `key` of an object; nil for other values or an absent key.
  public subscript(key: String) -> JSON? {
    object?[key]
  }
}

extension JSON {
  /// The type words of the docs' data-types vocabulary for a value (`long`, `date/time`,
  /// `string array`, `array of objects`): how a field that only an example shows is typed.
  public var typeWords: String {
    switch self {
    case .bool: return "boolean"
    case .int: return "long"
    case .double: return "double"
    case .string(let text): return Self.isDateTime(text) ? "date/time" : "string"
    case .array(let array):
      // Nulls say nothing of the elements (the docs' `[<tracker>]` placeholders read as null).
      guard let first = array.first(where: { !$0.isNull }) else { return "array of objects" }
      let element = first.typeWords
      return element == "object" ? "array of objects" : element + " array"
    case .object: return "object"
    case .null: return "string"
    }
  }

  /// `yyyy-MM-dd HH:mm:ss`, the docs' date/time.
  private static func isDateTime(_ text: String) -> Bool {
    let shape = text.map { $0.isNumber ? "9" : String($0) }.joined()
    return shape == "9999-99-99 99:99:99"
  }
}

extension JSON {
  /// The value with what stands at `paths` (`value.list[0].asset`, as `JSONReader.readExample`
  /// gives them) replaced by `replacement`.
  public func replacing(_ paths: [String], with replacement: JSON) -> JSON {
    paths.reduce(self) { value, path in value.replacing(Self.parts(of: path)[...], with: replacement) }
  }

  private func replacing(_ parts: ArraySlice<String>, with replacement: JSON) -> JSON {
    guard let part = parts.first else { return replacement }
    switch self {
    case .object(var members):
      guard let member = members[part] else { return self }
      members[part] = member.replacing(parts.dropFirst(), with: replacement)
      return .object(members)
    case .array(var items):
      guard part.hasPrefix("["), let index = Int(part.dropFirst().dropLast()), items.indices.contains(index) else {
        return self
      }
      items[index] = items[index].replacing(parts.dropFirst(), with: replacement)
      return .array(items)
    default:
      return self
    }
  }

  /// `list[0].asset` → `list`, `[0]`, `asset`.
  private static func parts(of path: String) -> [String] {
    var parts: [String] = []
    for dotted in path.split(separator: ".") {
      var rest = Substring(dotted)
      if let bracket = rest.firstIndex(of: "["), bracket > rest.startIndex {
        parts.append(String(rest[..<bracket]))
        rest = rest[bracket...]
      }
      while let close = rest.firstIndex(of: "]"), rest.first == "[" {
        parts.append(String(rest[...close]))
        rest = rest[rest.index(after: close)...]
      }
      if !rest.isEmpty { parts.append(String(rest)) }
    }
    return parts
  }
}

extension JSON: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .int(value)
    } else if let value = try? container.decode(Double.self) {
      self = .double(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSON].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSON].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let value): try container.encode(value)
    case .int(let value): try container.encode(value)
    case .double(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .array(let value): try container.encode(value)
    case .object(let value): try container.encode(value)
    }
  }
}

extension JSON: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
  ExpressibleByDictionaryLiteral
{
  public init(nilLiteral: ()) { self = .null }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(integerLiteral value: Int) { self = .int(value) }
  public init(floatLiteral value: Double) { self = .double(value) }
  public init(stringLiteral value: String) { self = .string(value) }
  public init(arrayLiteral elements: JSON...) { self = .array(elements) }

  public init(dictionaryLiteral elements: (String, JSON)...) {
    self = .object(Dictionary(elements) { _, last in last })
  }
}

extension JSON: CustomStringConvertible {
  /// Compact JSON text with sorted keys: the same value always reads the same.
  public var description: String {
    var output = ""
    write(to: &output)
    return output
  }

  private func write(to output: inout String) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .double(let value):
      // JSON has no infinities or NaN; such a value cannot come from parsed text.
      // Swift writes `100.0` for a whole double, so it stays recognisably a double.
      output += value.isFinite ? "\(value)" : "null"
    case .string(let value): Self.quote(value, into: &output)
    case .array(let elements):
      output += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { output += "," }
        element.write(to: &output)
      }
      output += "]"
    case .object(let members):
      output += "{"
      for (index, key) in members.keys.sorted().enumerated() {
        if index > 0 { output += "," }
        Self.quote(key, into: &output)
        output += ":"
        members[key]!.write(to: &output)
      }
      output += "}"
    }
  }

  /// A JSON string literal; `/` is not escaped.
  public static func quote(_ text: String, into output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }

  public static func quoted(_ text: String) -> String {
    var output = ""
    quote(text, into: &output)
    return output
  }
}

/// What the docs' examples mean by the shape of an object, known in one place for the reader and
/// the refinement alike.
extension Dictionary where Key == String, Value == JSON {
  /// `{"lat": …, "lng": …}`: the docs' `location`.
  public var isLocation: Bool {
    count == 2 && self["lat"] != nil && self["lng"] != nil
  }

  /// Keyed by ids (`{"101": …, "122": …}`): a map, which its keys do not describe.
  public var isKeyedByIDs: Bool {
    !isEmpty && keys.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
  }
}
