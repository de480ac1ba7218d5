import APIModel

/// The docs' data-type vocabulary (the data types section of their getting-started page),
/// built in so that any single page can be read alone.
public struct TypeVocabulary: Sendable {
  /// What a type cell or phrase means.
  enum Reading: Equatable {
    case type(TypeRef)
    /// `enum`: a string whose values are listed elsewhere (usually in the description).
    case enumeration
    case arrayOfEnumeration
  }

  public init() {}

  /// Every accepted spelling, lower-cased.
  private static let spellings: [String: TypeRef.Primitive] = [
    "bool": .bool, "boolean": .bool,
    "byte": .byte, "short": .short,
    "int": .int, "integer": .int, "integers": .int,
    "long": .long,
    "float": .float, "double": .double, "number": .double, "decimal": .double,
    "string": .string, "text": .string, "url": .string, "string date": .string, "string time": .string,
    "date/time": .dateTime, "datetime": .dateTime, "string date/time": .dateTime,
    "local_time": .localTime,
    "location": .location, "location json": .location, "location object": .location,
    "locale": .locale,
  ]
  private static let objectSpellings: Set<String> = ["object", "json object", "json"]
  private static let enumSpellings: Set<String> = ["enum", "string (enum)", "enum string", "string of enum"]
  /// Words before a type that say nothing of it (nullability and presence are read elsewhere).
  private static let qualifiers = ["nullable ", "optional "]

  /// Words in type text that make it an array (`string array`, `list of ids`), and the plural
  /// that makes objects many.
  private static let arrayWords = ["array", "list", "[]"]
  private static let pluralObjects = "objects"
  /// Words in type text that make it an object (`JSON object`, `json`).
  private static let objectWords = ["object", "json"]

  /// Reads a type as written (`int`, `string array`, `[enum](…) array`, `array of int`); nil
  /// when the words are not a known type.
  func read(_ written: String) -> Reading? {
    var text = written.lowercased().trimmed()
    // `nullable int`, `int?`: nullability is read elsewhere; the type is what remains.
    for marker in Self.qualifiers where text.hasPrefix(marker) { text = String(text.dropFirst(marker.count)) }
    if text.hasSuffix("?") { text.removeLast() }
    if Self.enumSpellings.contains(text) { return .enumeration }
    if let primitive = Self.spellings[text] { return .type(.primitive(primitive)) }
    if Self.objectSpellings.contains(text) { return .type(.object) }
    if let element = Self.arrayElement(text) {
      switch read(element) {
      case .type(let type): return .type(.array(type))
      case .enumeration: return .arrayOfEnumeration
      case .arrayOfEnumeration, nil: return nil
      }
    }
    return nil
  }

  /// Whether type text names an array (`int array`, `list of ids`).
  func saysArray(_ text: String) -> Bool {
    Self.arrayWords.contains { text.contains($0) }
  }

  /// Whether type text names several things: an array, or `… objects`.
  func soundsPlural(_ text: String) -> Bool {
    saysArray(text) || text.hasSuffix(Self.pluralObjects)
  }

  /// Whether type text names an object (`JSON object`, `asset object`).
  func soundsLikeObject(_ text: String) -> Bool {
    Self.objectWords.contains { text.contains($0) }
  }

  /// Readings for phrases outside the vocabulary that still say what they are.
  func readLoosely(_ text: String) -> Reading? {
    // A leading type word followed by more: `string, optional, 15 characters maximum`,
    // `string date (yyyy-MM-dd)`, `true if alarm mode enabled`.
    let firstWord = String(text.prefix { $0.isLetter || $0 == "_" || $0 == "/" })
    if text.hasPrefix("true") || text.hasPrefix("false") { return .type(.primitive(.bool)) }
    if let reading = read(firstWord), firstWord.count < text.count,
      ", (".contains(text[text.index(text.startIndex, offsetBy: firstWord.count)])
    {
      return reading
    }
    if text.hasPrefix("list of") || text.hasPrefix("array of") {
      return .type(.array(text.contains(" id") ? .primitive(.long) : .object))
    }
    if text.contains("date/time") { return .type(.primitive(.dateTime)) }
    // A standard text format (`ISO 8601 duration`, `ISO 4217 currency code`) is a string.
    if text.hasPrefix("iso ") { return .type(.primitive(.string)) }
    if text.contains("location") { return .type(.primitive(.location)) }
    if text.contains("file") || text.contains("image") { return .type(.primitive(.file)) }
    let plural = saysArray(text) || text.hasSuffix(Self.pluralObjects)
    if soundsLikeObject(text) || text.contains("map") {
      return .type(plural ? .array(.object) : .object)
    }
    return nil
  }

  /// The closest known spelling, for a "did you mean" hint.
  func nearestSpelling(to written: String) -> String? {
    let text = written.lowercased().trimmed()
    let candidates = Array(Self.spellings.keys) + Array(Self.objectSpellings) + Array(Self.enumSpellings)
    let scored = candidates.map { ($0, editDistance(text, $0)) }.filter { $0.1 <= max(2, text.count / 3) }
    return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
  }

  /// `X array`, `X arrays`, `array of X`, `array of X objects`, `list of X`, `[X]`, `X[]`.
  private static func arrayElement(_ text: String) -> String? {
    if text.count > 2, text.hasPrefix("["), text.hasSuffix("]") { return String(text.dropFirst().dropLast()) }
    if text.count > 2, text.hasSuffix("[]") { return String(text.dropLast(2)) }
    for suffix in [" arrays", " array"] where text.hasSuffix(suffix) {
      return String(text.dropLast(suffix.count))
    }
    for prefix in ["array of ", "list of "] where text.hasPrefix(prefix) {
      var element = String(text.dropFirst(prefix.count))
      for plural in [" objects", " object"] where element.hasSuffix(plural) {
        element = String(element.dropLast(plural.count))
        return element == "json" ? "object" : element
      }
      if element.hasSuffix("s"), Self.spellings[String(element.dropLast())] != nil {
        element.removeLast()
      }
      return element
    }
    return nil
  }
}

/// Levenshtein distance over characters.
func editDistance(_ a: String, _ b: String) -> Int {
  Levenshtein.distance(a, b)
}
