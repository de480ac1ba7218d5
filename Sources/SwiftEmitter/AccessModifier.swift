/// The access level of every generated declaration. `public` (the default) suits a client in a
/// module of its own; `package` and `internal` keep it to the package or to the module it is
/// generated into (a build-tool plugin generating into an app's own target, say), so that it
/// does not become part of that module's API.
public enum AccessModifier: String, Sendable, CaseIterable, CustomStringConvertible {
  case `public`
  case package
  case `internal`

  /// The keyword, as written before a declaration.
  public var description: String { rawValue }
}
