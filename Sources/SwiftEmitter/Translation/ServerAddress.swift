import APIModel

/// The servers of the docs as named values: `european` for "European … platform" at a fixed
/// URL, `selfHosted(domain:)` for "the self-hosted installations" at `https://api.your_domain`.
enum ServerAddress {
  /// Words that start a description without naming the server.
  private static let leadingFillers: Set<String> = ["a", "an", "the", "for", "on", "in", "at"]

  /// The servers the model could read (those it has a template for), each once.
  static func decls(_ servers: [APIDescription.Server]) -> [ServerDecl] {
    var names = NameScope(reserving: ["baseURL", "hashValue"])
    var seen: Set<String> = []
    return servers.filter { $0.template != nil && seen.insert($0.url).inserted }.map { server in
      let address = self.address(server.template ?? .fixed(server.url))
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

  /// The model's reading of the URL, with the placeholder's variable as a Swift parameter.
  static func address(_ url: ServerURL) -> ServerDecl.Address {
    switch url {
    case .fixed(let url): .fixed(url)
    case .template(let prefix, let variable, _, let suffix):
      .template(prefix: prefix, parameter: SwiftNaming.lowerCamel(variable, fallback: "host"), suffix: suffix)
    }
  }
}
