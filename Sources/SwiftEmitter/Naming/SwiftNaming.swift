import Foundation

/// How text from the docs becomes Swift names: the one place for casing, keywords and the
/// characters an identifier may hold.
///
/// Words are runs of ASCII letters and digits, also split where the casing changes
/// (`deviceID` → `device`, `ID`). Accented letters lose their accents (`é` → `e`); every other
/// character ends a word. A name that would start with a digit gets a leading underscore.
enum SwiftNaming {
  /// `category_filter` → `categoryFilter`, `URL_path` → `urlPath`, `tracker_id` → `trackerID`;
  /// `fallback` when no word is left.
  static func lowerCamel(_ text: String, fallback: String) -> String {
    let parts = words(text)
    guard let first = parts.first else { return fallback }
    let isAcronym = !first.contains(where: \.isLowercase)
    let head = isAcronym ? first.lowercased() : lowercasingFirst(first)
    return leadingDigitGuarded(head + parts.dropFirst().map(capitalized).joined())
  }

  /// `push_token` → `PushToken`; `fallback` when no word is left.
  static func upperCamel(_ text: String, fallback: String) -> String {
    let parts = words(text)
    guard !parts.isEmpty else { return fallback }
    return leadingDigitGuarded(parts.map(capitalized).joined())
  }

  /// Acronyms, written in one case as Swift's API guidelines ask: `tracker_id` → `trackerID`,
  /// `avatar_url` → `avatarURL`. The first word of a lowerCamel name stays lowercase (`id`).
  static let acronyms: [String: String] = Dictionary(
    uniqueKeysWithValues: [
      "API", "APN", "CSV", "GPS", "GSM", "HTML", "HTTP", "ICCID", "ID", "IMEI", "IP", "JSON",
      "KML", "LBS", "OBD", "PDF", "SMS", "SSL", "URI", "URL", "UUID", "VIN", "XML",
    ].flatMap { [($0.lowercased(), $0), ($0.lowercased() + "s", $0 + "s")] })

  /// A word as it appears after the first: capitalized, or an acronym in capitals.
  private static func capitalized(_ word: String) -> String {
    acronyms[word.lowercased()] ?? uppercasingFirst(word)
  }

  /// The ASCII words of `text`.
  static func words(_ text: String) -> [String] {
    // ASCII text, most of it, decomposes to itself: its words are its runs of letters and digits.
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return text.utf8.split(whereSeparator: { !isASCIILetterOrDigit($0) }).flatMap { splittingCaseChanges(String($0)!) }
    }
    var words: [String] = []
    var word = ""
    for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        word.unicodeScalars.append(scalar)
      } else if scalar.properties.generalCategory != .nonspacingMark {
        words += splittingCaseChanges(word)
        word = ""
      }
    }
    return words + splittingCaseChanges(word)
  }

  /// Words that Swift reserves in some position where generated code declares or refers to a
  /// name; they are written in backticks there.
  static let keywords: Set<String> = [
    "Any", "Protocol", "Self", "Type", "actor", "any", "as", "associatedtype", "async", "await",
    "break", "case", "catch", "class", "continue", "default", "defer", "deinit", "do", "else",
    "enum", "extension", "fallthrough", "false", "fileprivate", "for", "func", "guard", "if",
    "import", "in", "init", "inout", "internal", "is", "let", "macro", "nil", "open", "operator",
    "package", "precedencegroup", "private", "protocol", "public", "repeat", "rethrows",
    "return", "self", "some", "static", "struct", "subscript", "super", "switch", "throw",
    "throws", "true", "try", "typealias", "var", "where", "while",
  ]

  /// Names that even backticks do not make usable as members: `x.self` and `x.init` mean
  /// something else, `inout` cannot be an argument label, and `Type`, `Protocol`, `Self` and
  /// `Any` would be read as the metatype or special types. Every scope treats them as taken.
  static let unusable: Set<String> = [
    "init", "self", "inout", "Type", "Protocol", "Self", "Any",
  ]

  /// `word` in backticks when it is a keyword.
  static func escaped(_ word: String) -> String {
    keywords.contains(word) ? "`\(word)`" : word
  }

  /// Splits `deviceID` into `device`, `ID` and `URLPath` into `URL`, `Path`; digits stay with
  /// the letters before them (`md5Hash` → `md5`, `Hash`).
  /// A run is ASCII letters and digits only (see `words`), so its bytes are its characters.
  private static func splittingCaseChanges(_ run: String) -> [String] {
    let bytes = Array(run.utf8)
    let isLower = { (byte: UInt8) in byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    let isUpper = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    var words: [String] = []
    var start = 0
    for index in bytes.indices.dropFirst() {
      let previous = bytes[index - 1]
      let current = bytes[index]
      let next = index + 1 < bytes.count ? bytes[index + 1] : nil
      let lowerToUpper = (isLower(previous) || isDigit(previous)) && isUpper(current)
      let acronymEnd = isUpper(previous) && isUpper(current) && next.map(isLower) == true
      if lowerToUpper || acronymEnd {
        words.append(String(decoding: bytes[start..<index], as: UTF8.self))
        start = index
      }
    }
    if start < bytes.count {
      words.append(String(decoding: bytes[start...], as: UTF8.self))
    }
    return words
  }

  private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static func uppercasingFirst(_ word: String) -> String {
    word.prefix(1).uppercased() + word.dropFirst()
  }

  private static func lowercasingFirst(_ word: String) -> String {
    word.prefix(1).lowercased() + word.dropFirst()
  }

  private static func leadingDigitGuarded(_ name: String) -> String {
    name.first?.isNumber == true ? "_" + name : name
  }
}
