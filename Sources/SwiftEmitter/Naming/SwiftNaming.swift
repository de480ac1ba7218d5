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
  private static func splittingCaseChanges(_ run: String) -> [String] {
    let characters = Array(run)
    var words: [String] = []
    var start = 0
    for index in characters.indices.dropFirst() {
      let previous = characters[index - 1]
      let current = characters[index]
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      let lowerToUpper = (previous.isLowercase || previous.isNumber) && current.isUppercase
      let acronymEnd = previous.isUppercase && current.isUppercase && next?.isLowercase == true
      if lowerToUpper || acronymEnd {
        words.append(String(characters[start..<index]))
        start = index
      }
    }
    if start < characters.count {
      words.append(String(characters[start...]))
    }
    return words
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
