/// The type of a parameter or field, in the vocabulary of the docs' data-types section.
///
/// Encodes as a short string: a primitive's docs spelling (`int`, `date/time`), a named type's
/// name (`PushTokenApplication`), `object` for a free-form JSON object, `array<…>` around
/// any of them and `map<…>` for an object keyed by ids whose values are all of one type.
public indirect enum TypeRef: Hashable, Sendable, CustomStringConvertible, Codable {
  case primitive(Primitive)
  /// A type of `APIDescription.types`, by name.
  case named(String)
  /// A JSON object whose structure the docs do not give.
  case object
  case array(TypeRef)
  /// A JSON object whose keys are ids (`{"101": …, "122": …}`) and whose values are all `TypeRef`.
  case map(TypeRef)

  /// The built-in data types of the docs.
  public enum Primitive: String, Hashable, Sendable, CaseIterable {
    case bool
    case byte
    case short
    case int
    case long
    case float
    case double
    case string
    /// `yyyy-MM-dd HH:mm:ss` in the user's time zone.
    case dateTime = "date/time"
    /// `HH:mm:ss`, a time of day without a date.
    case localTime = "local_time"
    /// `{ "lat": …, "lng": … }`.
    case location
    /// A locale identifier such as `en_US`.
    case locale
    /// A file sent as a part of a `multipart/form-data` request (`file upload`).
    case file
  }

  public var description: String {
    switch self {
    case .primitive(let primitive): primitive.rawValue
    case .named(let name): name
    case .object: "object"
    case .array(let element): "array<\(element)>"
    case .map(let value): "map<\(value)>"
    }
  }

  /// Parses the string form written by `description`.
  public init(parsing text: String) {
    if text.hasPrefix("array<"), text.hasSuffix(">") {
      self = .array(TypeRef(parsing: String(text.dropFirst(6).dropLast())))
    } else if text.hasPrefix("map<"), text.hasSuffix(">") {
      self = .map(TypeRef(parsing: String(text.dropFirst(4).dropLast())))
    } else if text == "object" {
      self = .object
    } else if let primitive = Primitive(rawValue: text) {
      self = .primitive(primitive)
    } else {
      self = .named(text)
    }
  }

  public init(from decoder: any Decoder) throws {
    self.init(parsing: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  /// The named type this refers to, looking through arrays and maps.
  public var namedType: String? {
    switch self {
    case .named(let name): name
    case .array(let element), .map(let element): element.namedType
    case .primitive, .object: nil
    }
  }
}
