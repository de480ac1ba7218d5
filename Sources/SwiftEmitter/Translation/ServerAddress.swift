import APIModel

/// The servers of the docs as named values: `european` for "European … platform" at a fixed
/// URL, `selfHosted(domain:)` for "the self-hosted installations" at `https://api.your_domain`.
enum ServerAddress {
  /// Words that start a description without naming the server.
  private static let leadingFillers: Set<String> = ["a", "an", "the", "for", "on", "in", "at"]

  static func decls(_ servers: [APIDescription.Server]) -> [ServerDecl] {
    var names = NameScope(reserving: ["baseURL", "hashValue"])
    var seen: Set<String> = []
    return servers.filter { seen.insert($0.url).inserted }.map { server in
      let address = self.address(server.url)
      return ServerDecl(
        name: names.claim(name(server, address)), doc: server.description, url: server.url,
        address: address)
    }
  }

  /// The first word of the description that is not a filler, keeping hyphenated words whole
  /// (`self-hosted` → `selfHosted`); the placeholder or the host when there is no description.
  private static func name(_ server: APIDescription.Server, _ address: ServerDecl.Address)
    -> String
  {
    let word = server.description.split(whereSeparator: \.isWhitespace)
      .first { !leadingFillers.contains($0.lowercased()) }
    if let word {
      return SwiftNaming.lowerCamel(String(word), fallback: "server")
    }
    if case .template(_, let parameter, _) = address {
      return SwiftNaming.lowerCamel("custom " + parameter, fallback: "server")
    }
    return SwiftNaming.lowerCamel(server.url, fallback: "server")
  }

  /// A URL with a placeholder for the part a self-hosted installation fills in: `{domain}`,
  /// `<domain>`, `[domain]`, or a word that starts with `your` (`your_domain`).
  static func address(_ url: String) -> ServerDecl.Address {
    for (open, close) in [("{", "}"), ("<", ">"), ("[", "]")] {
      if let start = url.firstIndex(of: Character(open)),
        let end = url[start...].firstIndex(of: Character(close))
      {
        let name = String(url[url.index(after: start)..<end])
        return template(url, start..<url.index(after: end), placeholder: name)
      }
    }
    let wordCharacters = { (character: Character) in
      character.isLetter || character.isNumber || character == "_" || character == "-"
    }
    var index = url.startIndex
    while index < url.endIndex {
      let word = url[index...].prefix(while: wordCharacters)
      if word.lowercased().hasPrefix("your"), word.count > 4 {
        return template(url, index..<word.endIndex, placeholder: String(word.dropFirst(4)))
      }
      index = word.isEmpty ? url.index(after: index) : word.endIndex
    }
    return .fixed(url)
  }

  private static func template(_ url: String, _ range: Range<String.Index>, placeholder: String)
    -> ServerDecl.Address
  {
    .template(
      prefix: String(url[..<range.lowerBound]),
      parameter: SwiftNaming.lowerCamel(placeholder, fallback: "host"),
      suffix: String(url[range.upperBound...]))
  }
}
