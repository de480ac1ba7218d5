import APIModel

/// A docs element whose Swift name is being decided: what it is, for the warning when the name
/// has to change.
struct NamedElement {
  /// `field`, `parameter`, `type`, `value`, `namespace`, `method`…
  var kind: String
  /// The element's name in the docs: `user_id`.
  var name: String
  /// What it belongs to, quoted: `'Tracker'`, `'/tracker/list'`.
  var owner: String?
  var source: SourceLocation?

  var description: String {
    "\(kind) '\(name)'" + (owner.map { " of \($0)" } ?? "")
  }
}

/// The Swift names that are not simply the docs' names in Swift's casing: a name another
/// element of the same scope already has (`userID2` beside `userID`), one that Swift or the
/// generated code reserves (`self2`), or a type named like a platform type (`NavixyTask`). Each
/// is a `swift-name-changed` warning at the element, since code written from the docs would
/// use the name it expects.
final class NameChanges {
  private(set) var diagnostics: [Diagnostic] = []

  /// `name` claimed in `scope` for `element`; a name the scope cannot give is reported.
  /// `wanted` is the name it would have had when the caller already changed it (a prefix).
  func claim(
    _ name: String, in scope: inout NameScope, for element: NamedElement, wanted: String? = nil,
    because: String? = nil
  ) -> String {
    let claimed = scope.claim(name, holder: element.name)
    let asked = wanted ?? name
    guard claimed != asked else { return claimed }
    let reason =
      because
      ?? scope.holder(of: name).map { "'\($0)' has that name" }
      ?? "Swift or the generated code reserves that name"
    diagnostics.append(
      .warning(
        "swift-name-changed",
        "the Swift name of \(element.description) is '\(claimed)', not '\(asked)': \(reason)",
        at: element.source))
    return claimed
  }
}
