import Foundation

/// Reads the docs' JSON examples, which are often not quite JSON: `//` comments and trailing
/// commas are forgiven; placeholders such as `<checkin>` are not.
enum JSONExample {
  static func parse(_ text: String) -> Any? {
    let cleaned = withoutTrailingCommas(withoutComments(text))
    return try? JSONSerialization.jsonObject(with: Data(cleaned.utf8), options: [.fragmentsAllowed])
  }

  /// Removes `// …` to the end of the line, outside strings.
  private static func withoutComments(_ text: String) -> String {
    var output = ""
    var inString = false
    var escaped = false
    var iterator = Array(text)[...]
    while let character = iterator.popFirst() {
      if inString {
        output.append(character)
        if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
        continue
      }
      if character == "\"" { inString = true }
      if character == "/", iterator.first == "/" {
        while let next = iterator.first, next != "\n" { iterator.removeFirst() }
        continue
      }
      output.append(character)
    }
    return output
  }

  /// Removes a comma that stands before `}` or `]`, outside strings.
  private static func withoutTrailingCommas(_ text: String) -> String {
    var output: [Character] = []
    var inString = false
    var escaped = false
    for character in text {
      if inString {
        if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
      } else if character == "\"" {
        inString = true
      } else if character == "}" || character == "]" {
        if let last = output.lastIndex(where: { !$0.isWhitespace }), output[last] == "," { output.remove(at: last) }
      }
      output.append(character)
    }
    return String(output)
  }

  /// The docs' type word for a JSON value, for inferring fields from an example.
  static func typeWords(of value: Any) -> String {
    switch value {
    case let number as NSNumber:
      // Foundation keeps JSON booleans as NSNumbers of type `c` (a C char).
      if String(cString: number.objCType) == "c" { return "boolean" }
      return number.stringValue.contains(".") || number.stringValue.contains("e") ? "double" : "long"
    case let text as String:
      return isDateTime(text) ? "date/time" : "string"
    case let array as [Any]:
      guard let first = array.first else { return "array of objects" }
      let element = typeWords(of: first)
      return element == "object" ? "array of objects" : element + " array"
    case is [String: Any]:
      return "object"
    default:
      return "string"
    }
  }

  private static func isDateTime(_ text: String) -> Bool {
    let shape = text.map { $0.isNumber ? "9" : String($0) }.joined()
    return shape == "9999-99-99 99:99:99"
  }
}
