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
    let examples = endpoint.response.examples.lazy.compactMap { $0.json?.object }
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
