/// Reads JSON as the docs write it in examples: `//` and `/* … */` comments and trailing commas
/// are forgiven, anything else that is not JSON is an error with the line and column it is at.
///
/// Written by hand rather than on Foundation's `JSONSerialization`: that one neither forgives
/// comments nor says where the text goes wrong, keeps integers and other numbers apart only
/// through `NSNumber`, and every example went through it more than once, each stage with its
/// own cleaning of comments. This reader works on UTF-8 bytes, once.
public struct JSONReader: Sendable {
  /// Nesting deeper than this is refused rather than recursed into (hostile input would
  /// otherwise exhaust the stack).
  public static let maximumDepth = 256

  /// The value `text` holds, read leniently (comments, trailing commas).
  public static func read(_ text: String) throws(JSONSyntaxError) -> JSON {
    var bytes = Array(text.utf8)
    bytes.append(0)
    var reader = Parser(bytes: bytes)
    return try reader.document()
  }

  /// The value and the line of every object member in it, by path (`types.Tracker.fields`):
  /// for files whose entries a report must point at.
  public static func readWithLines(_ text: String) throws(JSONSyntaxError) -> (value: JSON, lines: [String: Int]) {
    var bytes = Array(text.utf8)
    bytes.append(0)
    var reader = Parser(bytes: bytes, recordsLines: true)
    let value = try reader.document()
    return (value, reader.memberLines)
  }

  /// An example as the docs write it, with placeholders where a value would be (`<form_object>`,
  /// `{<asset>}`, `[track_info]`) and elisions (`...`, `…`) where more members or elements
  /// would be: each placeholder is read as `null`, its path (`value`, `list[0].asset`)
  /// returned beside the value, and elisions are left out.
  public static func readExample(_ text: String) throws(JSONSyntaxError) -> (value: JSON, placeholders: [String]) {
    let read = try readNamingPlaceholders(text)
    return (read.value, read.placeholders)
  }

  /// `readExample`, with the name each placeholder gives (`track_info` for `[track_info]`,
  /// `contact` for `{<contact1>}` and `<contact n>`), in the order of `placeholders`; an
  /// empty name where it gives none.
  public static func readNamingPlaceholders(_ text: String) throws(JSONSyntaxError)
    -> (value: JSON, placeholders: [String], names: [String])
  {
    var bytes = Array(text.utf8)
    bytes.append(0)
    var reader = Parser(bytes: bytes, readsPlaceholders: true)
    let value = try reader.document()
    return (value, reader.placeholders, reader.placeholderNames)
  }

  /// The value, or nil when the text is not (lenient) JSON.
  public static func value(_ text: String) -> JSON? {
    try? read(text)
  }
}

/// Where and why a text is not JSON.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  /// 1-based line of the text.
  public var line: Int
  /// 1-based column, in UTF-8 bytes.
  public var column: Int

  public init(message: String, line: Int, column: Int) {
    self.message = message
    self.line = line
    self.column = column
  }

  public var description: String { "\(message) at line \(line), column \(column)" }
}

/// A recursive-descent parser over the bytes, which end with a 0 sentinel.
private struct Parser {
  let bytes: [UInt8]
  var index = 0
  /// Whether `<name>`, bare words and elisions are read as the docs' placeholders.
  let readsPlaceholders: Bool
  /// The paths of the placeholders read, and the path to the value being read.
  private(set) var placeholders: [String] = []
  private(set) var placeholderNames: [String] = []
  private var path: [String] = []
  /// Whether to note the line each member starts on (`memberLines`).
  let recordsLines: Bool
  private(set) var memberLines: [String: Int] = [:]
  private var line = 1
  private var lineCounted = 0

  init(bytes: [UInt8], readsPlaceholders: Bool = false, recordsLines: Bool = false) {
    self.bytes = bytes
    self.readsPlaceholders = readsPlaceholders
    self.recordsLines = recordsLines
  }

  /// The line `index` is on (counted incrementally: members come in order).
  private mutating func currentLine() -> Int {
    while lineCounted < index {
      if bytes[lineCounted] == UInt8(ascii: "\n") { line += 1 }
      lineCounted += 1
    }
    return line
  }

  private var pathText: String {
    path.reduce("") { text, part in part.hasPrefix("[") || text.isEmpty ? text + part : text + "." + part }
  }

  /// The name a placeholder's text gives: its letters and underscores without the brackets, a
  /// trailing number or `n` (`<contact1>`, `<contact n>` → `contact`), or `_object`.
  static func placeholderName(_ text: ArraySlice<UInt8>) -> String {
    var name = String(decoding: text, as: UTF8.self).trimmingCharacters(in: ["<", ">", " "]).lowercased()
    while let last = name.last, last.isNumber || last == " " { name.removeLast() }
    if name.hasSuffix(" n") { name.removeLast(2) }
    if name.hasSuffix("_object") { name.removeLast(7) }
    name = name.trimmingCharacters(in: [" ", "_"])
    return name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) ? name : ""
  }

  /// A placeholder where a value would be, read as `null`; nil when there is none here.
  private mutating func placeholder() -> JSON? {
    guard readsPlaceholders else { return nil }
    let start = index
    if current == UInt8(ascii: "<") {
      while !atEnd && current != UInt8(ascii: ">") && current != UInt8(ascii: "\n") { index += 1 }
      guard current == UInt8(ascii: ">") else {
        index = start
        return nil
      }
      index += 1
    } else if isWordStart(current) {
      while isWordStart(current) || isDigit(current) || current == UInt8(ascii: " ") { index += 1 }
      while index > start && bytes[index - 1] == UInt8(ascii: " ") { index -= 1 }
      let word = String(decoding: bytes[start..<index], as: UTF8.self)
      if ["true", "false", "null"].contains(word) {
        index = start
        return nil
      }
    } else {
      return nil
    }
    placeholders.append(pathText)
    placeholderNames.append(Self.placeholderName(bytes[start..<index]))
    return .null
  }

  /// `...` or `…` where a member or element would be: more of the same, left out.
  private mutating func skipElision() -> Bool {
    guard readsPlaceholders else { return false }
    if current == UInt8(ascii: "."), bytes[index + 1] == UInt8(ascii: "."), bytes[index + 2] == UInt8(ascii: ".") {
      index += 3
      return true
    }
    if current == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA6 {
      index += 3
      return true
    }
    return false
  }

  private func isWordStart(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || byte == UInt8(ascii: "_")
  }

  private var current: UInt8 { bytes[index] }
  private var atEnd: Bool { index >= bytes.count - 1 }

  mutating func document() throws(JSONSyntaxError) -> JSON {
    try skipSpace()
    guard !atEnd else { throw error("no value") }
    let value = try value(depth: 0)
    try skipSpace()
    guard atEnd else { throw error("unexpected text after the value") }
    return value
  }

  private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSON {
    guard depth < JSONReader.maximumDepth else {
      throw error("nested more than \(JSONReader.maximumDepth) levels deep")
    }
    if let placeholder = placeholder() { return placeholder }
    switch current {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: throw error(atEnd ? "the text ends where a value should be" : "expected a value")
    }
  }

  private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSON {
    let start = index
    index += 1
    var members: [String: JSON] = [:]
    try skipSpace()
    // `{<asset>}`: an object the docs stand for by a placeholder.
    if readsPlaceholders, current == UInt8(ascii: "<"), placeholder() != nil {
      try skipSpace()
      guard current == UInt8(ascii: "}") else { throw error("expected '}' after the placeholder", at: start) }
      index += 1
      return .null
    }
    while current != UInt8(ascii: "}") {
      if skipElision() {
        try skipSpace()
        if current == UInt8(ascii: ",") { index += 1 }
        try skipSpace()
        continue
      }
      guard current == UInt8(ascii: "\"") else {
        throw error(atEnd ? "the text ends inside an object" : "expected a quoted member name or '}'")
      }
      let keyLine = recordsLines ? currentLine() : 0
      let key = try string()
      if recordsLines { memberLines[(path + [key]).joined(separator: "."), default: keyLine] = keyLine }
      try skipSpace()
      guard current == UInt8(ascii: ":") else { throw error("expected ':' after the member name") }
      index += 1
      try skipSpace()
      path.append(key)
      members[key] = try value(depth: depth + 1)
      path.removeLast()
      try skipSpace()
      if current == UInt8(ascii: ",") {
        index += 1
        try skipSpace()
      } else if current != UInt8(ascii: "}") {
        throw error(atEnd ? "the text ends inside an object" : "expected ',' or '}'")
      }
    }
    index += 1
    return .object(members)
  }

  private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSON {
    index += 1
    var elements: [JSON] = []
    try skipSpace()
    while current != UInt8(ascii: "]") {
      guard !atEnd else { throw error("the text ends inside an array") }
      if skipElision() {
        try skipSpace()
        if current == UInt8(ascii: ",") { index += 1 }
        try skipSpace()
        continue
      }
      path.append("[\(elements.count)]")
      elements.append(try value(depth: depth + 1))
      path.removeLast()
      try skipSpace()
      if current == UInt8(ascii: ",") {
        index += 1
        try skipSpace()
      } else if current != UInt8(ascii: "]") {
        throw error(atEnd ? "the text ends inside an array" : "expected ',' or ']'")
      }
    }
    index += 1
    return .array(elements)
  }

  private mutating func literal(_ word: StaticString, _ value: JSON) throws(JSONSyntaxError) -> JSON {
    let count = word.utf8CodeUnitCount
    let matches = word.withUTF8Buffer { expected in
      index + count < bytes.count && zip(expected, bytes[index..<(index + count)]).allSatisfy { $0 == $1 }
    }
    guard matches else { throw error("expected a value") }
    index += count
    return value
  }

  private mutating func number() throws(JSONSyntaxError) -> JSON {
    let start = index
    var isInteger = true
    if current == UInt8(ascii: "-") { index += 1 }
    guard isDigit(current) else { throw error("expected a digit") }
    if current == UInt8(ascii: "0") {
      index += 1
    } else {
      while isDigit(current) { index += 1 }
    }
    if current == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      guard isDigit(current) else { throw error("expected a digit after '.'") }
      while isDigit(current) { index += 1 }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      isInteger = false
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard isDigit(current) else { throw error("expected a digit in the exponent") }
      while isDigit(current) { index += 1 }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let value = Int(text) { return .int(value) }
    // Too large for an integer, or written with a fraction or an exponent.
    guard let value = Double(text), value.isFinite else { throw error("a number out of range", at: start) }
    return .double(value)
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// A string literal; `index` is at its opening quote.
  private mutating func string() throws(JSONSyntaxError) -> String {
    index += 1
    let start = index
    // The common case, no escapes: one slice, decoded once.
    while current != UInt8(ascii: "\"") && current != UInt8(ascii: "\\") && current >= 0x20 {
      index += 1
    }
    if current == UInt8(ascii: "\"") {
      index += 1
      return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
    }
    var output = Array(bytes[start..<index])
    while true {
      let byte = current
      if byte == UInt8(ascii: "\"") {
        index += 1
        return String(decoding: output, as: UTF8.self)
      }
      if atEnd { throw error("the text ends inside a string") }
      if byte < 0x20 { throw error("a control character inside a string") }
      if byte != UInt8(ascii: "\\") {
        output.append(byte)
        index += 1
        continue
      }
      index += 1
      switch current {
      case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
      case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
      case UInt8(ascii: "/"): output.append(UInt8(ascii: "/"))
      case UInt8(ascii: "b"): output.append(0x08)
      case UInt8(ascii: "f"): output.append(0x0C)
      case UInt8(ascii: "n"): output.append(0x0A)
      case UInt8(ascii: "r"): output.append(0x0D)
      case UInt8(ascii: "t"): output.append(0x09)
      case UInt8(ascii: "u"):
        output += String(try unicodeEscape()).utf8
        continue
      default: throw error("an unknown escape '\\\(String(decoding: [current], as: UTF8.self))'")
      }
      index += 1
    }
  }

  /// `\uXXXX`, or a surrogate pair of two; `index` is at the `u`. A lone surrogate becomes
  /// U+FFFD, as most readers do.
  private mutating func unicodeEscape() throws(JSONSyntaxError) -> Character {
    index += 1
    let first = try hexQuad()
    if (0xD800..<0xDC00).contains(first), current == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
      let mark = index
      index += 2
      let second = try hexQuad()
      if (0xDC00..<0xE000).contains(second) {
        let scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        return Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")
      }
      index = mark
    }
    return Character(Unicode.Scalar(first) ?? "\u{FFFD}")
  }

  private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = current
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("expected four hexadecimal digits after '\\u'")
      }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return value
  }

  /// Skips white space and comments.
  private mutating func skipSpace() throws(JSONSyntaxError) {
    while true {
      switch current {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        index += 1
      case UInt8(ascii: "/") where bytes[index + 1] == UInt8(ascii: "/"):
        while !atEnd && current != UInt8(ascii: "\n") { index += 1 }
      case UInt8(ascii: "/") where bytes[index + 1] == UInt8(ascii: "*"):
        let start = index
        index += 2
        while !(current == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
          guard !atEnd else { throw error("a comment that is not closed", at: start) }
          index += 1
        }
        index += 2
      default:
        return
      }
    }
  }

  private func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
    let offset = min(offset ?? index, bytes.count - 1)
    var line = 1
    var lineStart = 0
    for position in 0..<offset where bytes[position] == UInt8(ascii: "\n") {
      line += 1
      lineStart = position + 1
    }
    return JSONSyntaxError(message: message, line: line, column: offset - lineStart + 1)
  }
}
