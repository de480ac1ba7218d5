import APIModel
import Foundation

/// What the mock answers an endpoint with on success, worked out once when the server starts.
struct Answer: Sendable {
  enum Origin: String, Sendable {
    /// The first response example of the docs that is JSON once its comments are stripped.
    case example
    /// That example with the values that contradict the documented fields replaced (see
    /// ``AnswerConformance``).
    case correctedExample = "corrected example"
    /// Made from the documented response fields (or `{"success": true}` alone).
    case synthesized
  }

  var contentType: String
  var body: Data
  var origin: Origin
  /// For a file: the name the `Content-Disposition` header gives.
  var fileName: String?

  /// The answer of `endpoint`: its example when one reads as JSON, made to agree with the
  /// documented fields, otherwise one made from its response fields. A JSON answer always says
  /// `"success": true`; a `hash` in it that is not a session hash is replaced by one, so that a
  /// login answer logs in.
  init(for endpoint: Endpoint, conformance: AnswerConformance) {
    let synthesizer = conformance.synthesizer
    if endpoint.response.kind == .binary {
      let example = endpoint.response.examples.first?.code
      contentType = "application/octet-stream"
      body = Data((example ?? "A file from \(endpoint.path)\n").utf8)
      origin = example == nil ? .synthesized : .example
      fileName = (endpoint.path.split(separator: "/").last.map(String.init) ?? "file") + ".bin"
      return
    }
    contentType = "application/json; charset=utf-8"
    fileName = nil
    var object: [String: JSON]
    // An example of an error answer (`"success": false`) is not the success answer.
    let examples = endpoint.response.examples.lazy.compactMap { JSONText.object(in: $0.code) }
    if let example = examples.first(where: { $0["success"] != .bool(false) }) {
      let (conformed, corrected) = conformance.conformed(example, to: endpoint.response.fields)
      object = conformed
      origin = corrected.isEmpty ? .example : .correctedExample
    } else {
      object = synthesizer.object(endpoint.response.fields)
      origin = .synthesized
    }
    object["success"] = .bool(true)
    if case .string(let hash)? = object["hash"], !SessionHash.isValid(hash) {
      object["hash"] = .string(SessionHash.make())
    }
    body = JSON.object(object).data
  }
}

/// JSON as the docs write it in examples: with `//` and `/* */` comments, and sometimes a
/// trailing comma.
enum JSONText {
  /// The object the text holds once comments and trailing commas are stripped, if it is one.
  static func object(in text: String) -> [String: JSON]? {
    JSON(parsing: stripped(text))?.object
  }

  /// The text without comments and trailing commas; strings are left as they are.
  static func stripped(_ text: String) -> String {
    var result: [Character] = []
    var characters = Array(text)[...]
    var inString = false
    while let character = characters.popFirst() {
      if inString {
        result.append(character)
        if character == "\\", let escaped = characters.popFirst() {
          result.append(escaped)
        } else if character == "\"" {
          inString = false
        }
      } else if character == "\"" {
        inString = true
        result.append(character)
      } else if character == "/", characters.first == "/" {
        while let next = characters.first, !next.isNewline { characters.removeFirst() }
      } else if character == "/", characters.first == "*" {
        characters.removeFirst()
        while !characters.isEmpty, !characters.starts(with: "*/") { characters.removeFirst() }
        characters = characters.dropFirst(2)
      } else if character == "}" || character == "]" {
        // A comma before a closing bracket is a trailing comma.
        while let last = result.last, last.isWhitespace || last == "," {
          result.removeLast()
          if last == "," { break }
        }
        result.append(character)
      } else {
        result.append(character)
      }
    }
    return String(result)
  }
}

/// Session hashes: 32 hexadecimal digits, as getting-started.md defines them.
enum SessionHash {
  static func isValid(_ text: String) -> Bool {
    text.utf8.count == 32
      && text.utf8.allSatisfy { byte in
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
          || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
          || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
      }
  }

  static func make() -> String {
    (0..<32).map { _ in String(Int.random(in: 0..<16), radix: 16) }.joined()
  }
}
