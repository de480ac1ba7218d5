import APIModel
import Foundation

/// One request as the mock sees it, independent of the HTTP server that received it.
struct MockRequest: Sendable {
  var method: String
  /// The path without the query: `/v2/tracker/list`.
  var path: String
  /// The query string without the `?`, percent-encoded as received.
  var query: String?
  /// Header names lowercased.
  var headers: [String: String]
  var body: Data

  init(
    method: String, path: String, query: String? = nil, headers: [String: String] = [:],
    body: Data = Data()
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = Dictionary(
      headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    self.body = body
  }
}

/// A parameter's value as it arrived: JSON from a JSON body, text from a query, a form or a
/// multipart field, or a file part.
enum ParameterValue: Sendable, Equatable {
  case json(JSON)
  case text(String)
  case file(fileName: String, size: Int)
}

/// The parameters of a request, in the ways getting-started.md allows them to travel: a JSON
/// object body, an `application/x-www-form-urlencoded` body, a `multipart/form-data` body, and
/// the query string (of a `GET`, or beside a body). A body's value wins over the query's.
struct RequestParameters: Sendable {
  private(set) var values: [String: ParameterValue] = [:]

  /// Why the body could not be read, when it could not.
  enum Failure: Error, Equatable {
    case bodyIsNotAJSONObject
    case malformedMultipart
  }

  init(_ request: MockRequest) throws(Failure) {
    for (name, value) in FormEncoding.pairs(request.query ?? "") {
      values[name] = .text(value)
    }
    let contentType = request.headers["content-type"]?.lowercased() ?? ""
    guard !request.body.isEmpty else { return }
    if contentType.hasPrefix("multipart/form-data") {
      guard let boundary = MultipartParser.boundary(in: request.headers["content-type"] ?? ""),
        let parts = MultipartParser.parts(of: request.body, boundary: boundary)
      else { throw .malformedMultipart }
      for part in parts {
        if let fileName = part.fileName {
          values[part.name] = .file(fileName: fileName, size: part.body.count)
        } else {
          values[part.name] = .text(String(decoding: part.body, as: UTF8.self))
        }
      }
    } else if contentType.hasPrefix("application/x-www-form-urlencoded") {
      for (name, value) in FormEncoding.pairs(String(decoding: request.body, as: UTF8.self)) {
        values[name] = .text(value)
      }
    } else {
      // JSON is the recommended form, and what a body without a content type is read as.
      guard let object = (try? JSONDecoder().decode(JSON.self, from: request.body))?.object else {
        throw .bodyIsNotAJSONObject
      }
      for (name, value) in object {
        values[name] = .json(value)
      }
    }
  }

  subscript(name: String) -> ParameterValue? {
    values[name]
  }
}

/// `application/x-www-form-urlencoded` text, as in a query string.
enum FormEncoding {
  /// The name–value pairs, decoded (`+` is a space); a name without `=` has an empty value.
  static func pairs(_ text: String) -> [(String, String)] {
    text.split(separator: "&").compactMap { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = decoded(parts[0]), !name.isEmpty else { return nil }
      return (name, parts.count > 1 ? decoded(parts[1]) ?? "" : "")
    }
  }

  private static func decoded(_ text: Substring) -> String? {
    text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
  }
}

/// Reads a `multipart/form-data` body (RFC 7578) into its parts.
enum MultipartParser {
  struct Part {
    var name: String
    var fileName: String?
    var body: Data
  }

  static func boundary(in contentType: String) -> String? {
    for parameter in contentType.split(separator: ";").dropFirst() {
      let pair = parameter.split(separator: "=", maxSplits: 1)
      guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary"
      else { continue }
      let value = pair[1].trimmingCharacters(in: .whitespaces)
      return value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2
        ? String(value.dropFirst().dropLast()) : value
    }
    return nil
  }

  /// The parts, or `nil` when the body is not multipart with this boundary.
  static func parts(of body: Data, boundary: String) -> [Part]? {
    let delimiter = Data("--\(boundary)".utf8)
    let bytes = [UInt8](body)
    var sections: [ArraySlice<UInt8>] = []
    var start: Int?
    var index = 0
    while let found = find(Array(delimiter), in: bytes, from: index) {
      if let start {
        sections.append(bytes[start..<found])
      }
      index = found + delimiter.count
      if bytes[index...].starts(with: Array("--".utf8)) { break }
      start = index
    }
    guard !sections.isEmpty else { return nil }
    var parts: [Part] = []
    for section in sections {
      // Each section is CRLF, headers, CRLF CRLF, body, CRLF.
      let all = Array(section)
      guard let split = find(Array("\r\n\r\n".utf8), in: all, from: 0) else { return nil }
      let head = String(decoding: all[..<split], as: UTF8.self)
      var content = all[(split + 4)...]
      if content.suffix(2).elementsEqual("\r\n".utf8) { content = content.dropLast(2) }
      guard
        let disposition = head.split(separator: "\r\n")
          .first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
        let name = parameter("name", in: disposition)
      else { return nil }
      parts.append(
        Part(name: name, fileName: parameter("filename", in: disposition), body: Data(content)))
    }
    return parts
  }

  /// `file` from `form-data; name="file"; filename="a.kml"` for `name`.
  private static func parameter(_ key: String, in header: Substring) -> String? {
    for piece in header.split(separator: ";").dropFirst() {
      let pair = piece.split(separator: "=", maxSplits: 1)
      guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == key else { continue }
      let value = pair[1].trimmingCharacters(in: .whitespaces)
      let unquoted =
        value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2
        ? String(value.dropFirst().dropLast()) : value
      return unquoted.replacingOccurrences(of: "%22", with: "\"")
    }
    return nil
  }

  private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count
    else { return nil }
    for index in start...(haystack.count - needle.count)
    where haystack[index] == needle[0]
      && haystack[index..<(index + needle.count)].elementsEqual(needle)
    {
      return index
    }
    return nil
  }
}
