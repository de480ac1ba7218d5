import APIModel

/// The API's base URL, from where it is given: the `--base-url` option, or mkdocs.yml's
/// `extra.api_example_url` (which the examples' `{{ extra.api_example_url }}` expands to, and
/// which wins, as it does in mkdocs). Nil when neither gives one: the docs' first server is
/// then the default.
struct BaseURL {
  static let macro = "extra.api_example_url"

  let option: String?
  let settings: MkdocsSettings

  init(option: String?, settings: MkdocsSettings) {
    self.option = option
    self.settings = settings
  }

  var url: String? { settings.values[Self.macro]?.value ?? option }

  /// The macros a page may use, the base URL's among them.
  func macros(_ settings: MkdocsSettings) -> [String: String] {
    var macros = settings.macros
    if macros[Self.macro] == nil { macros[Self.macro] = option ?? Generator.fallbackBaseURL }
    return macros
  }

  /// A base URL from mkdocs.yml that cannot serve as one is an error there (one from the
  /// option is refused before anything is read).
  func problems(_ settings: MkdocsSettings) -> [Diagnostic] {
    guard let (value, line) = settings.values[Self.macro] else { return [] }
    let read = ServerURL(reading: value)
    let problem: String? =
      if case .template = read { "has a placeholder, so it names no server" } else { read.problem }
    guard let problem else { return [] }
    return [
      .error(
        "base-url-invalid", "'\(Self.macro)' is '\(value)', which \(problem); the client needs a base URL it can call",
        at: SourceLocation(file: settings.path, line: line, column: 1))
    ]
  }
}
