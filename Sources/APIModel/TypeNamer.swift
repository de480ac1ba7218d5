/// Names the model's types in UpperCamelCase, the same way in every stage that makes one.
public enum TypeNamer {
  /// `push_token` → `PushToken`, `possible categories` → `PossibleCategories`.
  public static func upperCamel(_ text: String) -> String {
    text.split { !($0.isLetter || $0.isNumber) }
      .map { $0.prefix(1).uppercased() + $0.dropFirst() }
      .joined()
  }

  /// `categories` → `category`, `statuses` → `status`, `types` → `type`.
  public static func singular(_ word: String) -> String {
    if word.hasSuffix("ies"), word.count > 4 { return word.dropLast(3) + "y" }
    for ending in ["sses", "shes", "ches", "xes", "uses"] where word.hasSuffix(ending) {
      return String(word.dropLast(2))
    }
    if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { return String(word.dropLast()) }
    return word
  }

  /// The name of a type that belongs to a resource: `PushToken` + `application`. A member
  /// that already starts with the resource's name is not prefixed twice.
  public static func name(resource: String, member: String) -> String {
    let ownerWords = words(resource)
    let memberWords = words(member)
    let repeatsOwner = !ownerWords.isEmpty && memberWords.starts(with: ownerWords)
    return (repeatsOwner ? memberWords : ownerWords + memberWords).map(capitalized).joined()
  }

  private static func words(_ text: String) -> [String] {
    // Splits snake_case, spaces and lowerCamel alike: `tracker_type`, `TrackerType`.
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
    var words: [String] = []
    var current = ""
    for character in text {
      if !(character.isLetter || character.isNumber) {
        if !current.isEmpty { words.append(current) }
        current = ""
      } else if character.isUppercase, let last = current.last, last.isLowercase {
        words.append(current)
        current = String(character)
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { words.append(current) }
    return words.map { $0.lowercased() }
  }

  /// `words` of ASCII text, on its bytes: there each is a character (CR LF, the one pair, is
  /// neither letter nor digit as a whole or apart).
  private static func asciiWords(_ text: String) -> [String] {
    let isLower = { (byte: UInt8) in byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    let isUpper = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    var words: [[UInt8]] = []
    var current: [UInt8] = []
    for byte in text.utf8 {
      if !(isLower(byte) || isUpper(byte) || isDigit(byte)) {
        if !current.isEmpty { words.append(current) }
        current = []
      } else if isUpper(byte), let last = current.last, isLower(last) {
        words.append(current)
        current = [byte]
      } else {
        current.append(byte)
      }
    }
    if !current.isEmpty { words.append(current) }
    return words.map { word in String(decoding: word.map { isUpper($0) ? $0 + 32 : $0 }, as: UTF8.self) }
  }

  private static func capitalized(_ word: String) -> String {
    word.prefix(1).uppercased() + word.dropFirst()
  }
}
