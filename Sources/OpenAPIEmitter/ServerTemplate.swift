import APIModel
import Foundation
import OpenAPIKit

/// A server of the docs as an OpenAPI server object. A URL with a placeholder for what a
/// self-hosted installation fills in (`{domain}`, or a word that starts with `your`, as in
/// `https://api.your_domain`) becomes a URL template with one variable whose default is the
/// placeholder as written.
struct ServerTemplate {
  let server: OpenAPI.Server

  init(_ server: APIDescription.Server) throws {
    let description = server.description.isEmpty ? nil : server.description
    if let (range, name) = Self.placeholder(in: server.url) {
      let template = server.url.replacingCharacters(in: range, with: "{\(name)}")
      guard let urlTemplate = URLTemplate(rawValue: template) else {
        throw OpenAPIEmitterError.invalidBaseURL(server.url)
      }
      self.server = OpenAPI.Server(
        urlTemplate: urlTemplate, description: description,
        variables: [name: .init(default: String(server.url[range]))])
    } else {
      guard let url = URL(string: server.url) else {
        throw OpenAPIEmitterError.invalidBaseURL(server.url)
      }
      self.server = OpenAPI.Server(url: url, description: description)
    }
  }

  /// Where the placeholder is and the variable's name: `domain` for `{domain}` or
  /// `your_domain`.
  static func placeholder(in url: String) -> (Range<String.Index>, String)? {
    if let open = url.firstIndex(of: "{"), let close = url[open...].firstIndex(of: "}") {
      return (open..<url.index(after: close), String(url[url.index(after: open)..<close]))
    }
    let isWordCharacter = { (character: Character) in
      character.isLetter || character.isNumber || character == "_" || character == "-"
    }
    var index = url.startIndex
    while index < url.endIndex {
      let word = url[index...].prefix(while: isWordCharacter)
      if word.lowercased().hasPrefix("your"), word.count > 4 {
        let name = word.dropFirst(4).drop { $0 == "_" || $0 == "-" }
        return (index..<word.endIndex, name.isEmpty ? "host" : String(name))
      }
      index = word.isEmpty ? url.index(after: index) : word.endIndex
    }
    return nil
  }
}
