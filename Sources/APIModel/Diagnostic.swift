/// Something worth telling the docs' authors, tied to the place it is about.
///
/// Diagnostics are values: every stage returns them and the caller decides how to print them.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
  public enum Severity: String, Sendable, Comparable, Codable {
    case note, warning, error

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  public var severity: Severity
  /// A stable identifier of what went wrong (`broken-link`, `unknown-type`, …).
  public var kind: String
  public var message: String
  public var location: SourceLocation?
  /// Other places involved (the JSON example a field list disagrees with, the first of two
  /// duplicate parameters), printed as `note:` lines after the diagnostic.
  public var notes: [Note]
  /// A suggested replacement for what is at `location` (`string` for `sting`).
  public var fixIt: String?

  public struct Note: Hashable, Sendable {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation?) {
      self.message = message
      self.location = location
    }
  }

  public init(
    _ severity: Severity, kind: String, _ message: String, at location: SourceLocation?,
    notes: [Note] = [], fixIt: String? = nil
  ) {
    self.severity = severity
    self.kind = kind
    self.message = message
    self.location = location
    self.notes = notes
    self.fixIt = fixIt
  }

  public static func warning(
    _ kind: String, _ message: String, at location: SourceLocation?, notes: [Note] = [],
    fixIt: String? = nil
  ) -> Diagnostic {
    Diagnostic(.warning, kind: kind, message, at: location, notes: notes, fixIt: fixIt)
  }

  public static func error(_ kind: String, _ message: String, at location: SourceLocation?)
    -> Diagnostic
  {
    Diagnostic(.error, kind: kind, message, at: location)
  }

  /// `path:line:column: severity: message [kind]`
  public var description: String {
    let place = location.map { "\($0): " } ?? ""
    return "\(place)\(severity.rawValue): \(message) [\(kind)]"
  }

  /// Sorted by place first, so that a report reads top to bottom through each file.
  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    switch (lhs.location, rhs.location) {
    case (nil, .some): return true
    case (.some, nil): return false
    case (let l?, let r?) where l != r: return l < r
    default: return (lhs.kind, lhs.message) < (rhs.kind, rhs.message)
    }
  }
}
