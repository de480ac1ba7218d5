/// A server's URL as the emitters use it: fixed, or with one part that a self-hosted
/// installation fills in (`https://api.{domain}/v2`).
public enum ServerURL: Hashable, Sendable {
  case fixed(String)
  /// `prefix` + the value of `variable` + `suffix`; `placeholder` is the part as the docs
  /// write it (`your_domain`), which stands in as the default value.
  case template(prefix: String, variable: String, placeholder: String, suffix: String)

  /// A URL as the docs write it: with a placeholder for the part a self-hosted installation
  /// fills in (`{domain}`, `<domain>`, `[domain]`, or a word that starts with `your`, as in
  /// `https://api.your_domain`), or fixed.
  public init(reading url: String) {
    for (open, close) in [("{", "}"), ("<", ">"), ("[", "]")] {
      if let start = url.firstIndex(of: Character(open)), let end = url[start...].firstIndex(of: Character(close)) {
        let name = String(url[url.index(after: start)..<end])
        self = .template(
          prefix: String(url[..<start]), variable: Self.variableName(name), placeholder: name,
          suffix: String(url[url.index(after: end)...]))
        return
      }
    }
    let wordCharacters = { (character: Character) in
      character.isLetter || character.isNumber || character == "_" || character == "-"
    }
    var index = url.startIndex
    while index < url.endIndex {
      let word = url[index...].prefix(while: wordCharacters)
      if word.lowercased().hasPrefix("your"), word.count > 4 {
        let name = word.dropFirst(4).drop { $0 == "_" || $0 == "-" }
        self = .template(
          prefix: String(url[..<index]), variable: name.isEmpty ? "host" : Self.variableName(String(name)),
          placeholder: String(word), suffix: String(url[word.endIndex...]))
        return
      }
      index = word.isEmpty ? url.index(after: index) : word.endIndex
    }
    self = .fixed(url)
  }

  /// Why the URL cannot serve as a base URL, if it cannot.
  public var problem: String? {
    let url = openAPITemplate
    guard let scheme = url.range(of: "://"), !url[..<scheme.lowerBound].isEmpty,
      url[..<scheme.lowerBound].allSatisfy(\.isLetter)
    else { return "has no scheme such as 'https://'" }
    if url.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" || $0 == "`" }) {
      return "holds a character a URL may not"
    }
    if case .template(_, let variable, _, _) = self, variable.isEmpty {
      return "has a placeholder without a name"
    }
    return nil
  }

  /// `your domain` → `your_domain`: a name OpenAPI variables and Swift parameters can take.
  private static func variableName(_ written: String) -> String {
    written.split { !($0.isLetter || $0.isNumber || $0 == "_") }.joined(separator: "_")
  }

  /// The URL with the placeholder's variable in braces, as OpenAPI writes templates.
  public var openAPITemplate: String {
    switch self {
    case .fixed(let url): url
    case .template(let prefix, let variable, _, let suffix): prefix + "{" + variable + "}" + suffix
    }
  }
}

/// `{"url": …}` for a fixed URL, `{"prefix", "variable", "placeholder", "suffix"}` for a template.
extension ServerURL: Codable {
  private enum Key: String, CodingKey {
    case url, prefix, variable, placeholder, suffix
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    if let url = try container.decodeIfPresent(String.self, forKey: .url) {
      self = .fixed(url)
    } else {
      self = .template(
        prefix: try container.decode(String.self, forKey: .prefix),
        variable: try container.decode(String.self, forKey: .variable),
        placeholder: try container.decode(String.self, forKey: .placeholder),
        suffix: try container.decode(String.self, forKey: .suffix))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    switch self {
    case .fixed(let url):
      try container.encode(url, forKey: .url)
    case .template(let prefix, let variable, let placeholder, let suffix):
      try container.encode(prefix, forKey: .prefix)
      try container.encode(variable, forKey: .variable)
      try container.encode(placeholder, forKey: .placeholder)
      try container.encode(suffix, forKey: .suffix)
    }
  }
}

/// Endpoint paths: a leading slash, no trailing one.
public enum EndpointPath {
  /// `tracker/list/` → `/tracker/list`.
  public static func normalized(_ path: String) -> String {
    var path = Substring(path)
    while let first = path.first, first == " " || first == "\t" || first == "\n" { path.removeFirst() }
    while let last = path.last, last == " " || last == "\t" || last == "\n" || last == "/" { path.removeLast() }
    return path.hasPrefix("/") ? String(path) : "/" + path
  }

  /// The endpoint path an example URL calls: what follows the longest of `bases` (the base URL
  /// and the servers the docs state) it starts with, else what follows the path of a base it
  /// shares (an example on a host no base names, `https://api.example.org/v2/x` for bases
  /// ending in `/v2`), else the URL's whole path.
  ///
  /// A placeholder where the URL should start (`{{ extra.api_example_url }}/x`, `<base>/x`,
  /// `{base_url}/x`) stands for the base URL.
  public static func called(byExampleURL url: String, bases: [String]) -> String {
    if let rest = afterLeadingPlaceholder(url) { return normalized(rest) }
    let trimmedBases = bases.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
    if let base = trimmedBases.filter({ url.hasPrefix($0) && isBoundary(url, after: $0) }).max(by: { $0.count < $1.count }) {
      return normalized(String(url.dropFirst(base.count)))
    }
    // `{{ extra.api_example_url }}tracker/list`: the slash after the base was left out. (A
    // digit after it is another version, `/v22`, not a missing slash.)
    if let base = trimmedBases.filter({ url.hasPrefix($0) && url.dropFirst($0.count).first?.isLetter == true })
      .max(by: { $0.count < $1.count })
    {
      return normalized(String(url.dropFirst(base.count)))
    }
    var rest = Substring(url)
    if let scheme = url.range(of: "://") {
      rest = url[scheme.upperBound...].drop { $0 != "/" }
    }
    let basePaths = trimmedBases.compactMap { base -> Substring? in
      guard let scheme = base.range(of: "://") else { return nil }
      let path = base[scheme.upperBound...].drop { $0 != "/" }
      return path.isEmpty ? nil : path
    }
    if let basePath = basePaths.filter({ rest.hasPrefix($0) && isBoundary(rest, after: $0) }).max(by: { $0.count < $1.count }) {
      rest = rest.dropFirst(basePath.count)
    }
    return normalized(String(rest))
  }

  /// What follows a placeholder the URL starts with, when it starts with one.
  private static func afterLeadingPlaceholder(_ url: String) -> String? {
    for (open, close) in [("{{", "}}"), ("<", ">"), ("{", "}"), ("[", "]")] where url.hasPrefix(open) {
      guard let end = url.range(of: close), end.lowerBound > url.startIndex else { return nil }
      let rest = url[end.upperBound...]
      return rest.isEmpty || rest.hasPrefix("/") ? String(rest) : nil
    }
    return nil
  }

  /// Whether `text` continues after `prefix` with a path or query, or ends there.
  private static func isBoundary(_ text: some StringProtocol, after prefix: some StringProtocol) -> Bool {
    let next = text.dropFirst(prefix.count).first
    return next == nil || next == "/" || next == "?" || next == "#"
  }
}
