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

  public static func error(
    _ kind: String, _ message: String, at location: SourceLocation?, notes: [Note] = [],
    fixIt: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, kind: kind, message, at: location, notes: notes, fixIt: fixIt)
  }

  /// The diagnostic as compilers and editors print it: one line
  /// `path:line:column: severity: message [kind]`, then one `note:` line per note in the same
  /// form (with the same kind, so that filtering lines by kind keeps a diagnostic whole).
  ///
  /// A fix-it is appended to the message as `; did you mean 'X'?`, so the message itself should
  /// not repeat the suggestion.
  public var description: String {
    ([Self.line(location, severity, messageWithFixIt, kind)]
      + notes.map { Self.line($0.location, .note, $0.message, kind) })
      .joined(separator: "\n")
  }

  /// The message with the fix-it spelled out.
  public var messageWithFixIt: String {
    guard let fixIt else { return message }
    // Tolerates a message that already names the suggestion, rather than saying it twice.
    if fixIt.isEmpty { return message + "; remove it" }
    if message.contains("'\(fixIt)'?") { return message }
    return message + "; did you mean '\(fixIt)'?"
  }

  private static func line(_ location: SourceLocation?, _ severity: Severity, _ message: String, _ kind: String)
    -> String
  {
    let place = location.map { "\($0): " } ?? ""
    return "\(place)\(severity.rawValue): \(message) [\(kind)]"
  }

  /// Sorted by place first, so that a report reads top to bottom through each file.
  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    switch (lhs.location, rhs.location) {
    case (nil, .some): return true
    case (.some, nil): return false
    case (let l?, let r?) where l != r: return l < r
    // The rendered text breaks the remaining ties (severity, notes, fix-it), so that the order
    // never depends on the order diagnostics were found in.
    default: return (lhs.kind, lhs.message, lhs.description) < (rhs.kind, rhs.message, rhs.description)
    }
  }
}

/// The JSON form `apigen lint --format json` prints, one object per diagnostic:
/// `{"file", "line", "column", "severity", "kind", "message", "fixIt", "notes": [{"file",
/// "line", "column", "message"}]}`. The place is split into its parts so that tools need not
/// parse `path:line:column` (paths may contain colons); absent parts are `null`.
extension Diagnostic: Encodable {
  private enum Key: String, CodingKey {
    case file, line, column, severity, kind, message, fixIt, notes
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(location?.file, forKey: .file)
    try container.encode(location?.line, forKey: .line)
    try container.encode(location?.column, forKey: .column)
    try container.encode(severity, forKey: .severity)
    try container.encode(kind, forKey: .kind)
    try container.encode(message, forKey: .message)
    try container.encode(fixIt, forKey: .fixIt)
    try container.encode(notes, forKey: .notes)
  }
}

extension Diagnostic.Note: Encodable {
  private enum Key: String, CodingKey {
    case file, line, column, message
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(location?.file, forKey: .file)
    try container.encode(location?.line, forKey: .line)
    try container.encode(location?.column, forKey: .column)
    try container.encode(message, forKey: .message)
  }
}
