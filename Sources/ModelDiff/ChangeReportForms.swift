import APIModel

/// The report as text: a heading with the counts, then per endpoint and per type one line per
/// change in the form of a compiler's diagnostics, so editors can jump to the place:
///
/// ```
/// API changes: 1 breaking, 1 compatible
/// /user/session/push_token/bind
///   push_token.md:35:3: breaking: parameter 'token' added, required; every call must pass it [parameter-added]
/// type PushTokenApplication
///   push_token.md:60:5: compatible: enum type added [type-added]
/// ```
///
/// A removal's place is in the old docs.
extension ChangeReport {
  public func lines(heading: String = "API changes") -> [String] {
    guard !isEmpty else { return [] }
    var lines = ["\(heading): \(breakingCount) breaking, \(compatibleCount) compatible"]
    for group in endpoints {
      lines.append(group.name)
      lines += group.changes.map(Self.line)
    }
    for group in types {
      lines.append("type \(group.name)")
      lines += group.changes.map(Self.line)
    }
    if !errorCodes.isEmpty {
      lines.append("error codes")
      lines += errorCodes.map(Self.line)
    }
    return lines
  }

  private static func line(_ change: Change) -> String {
    let effect = change.effect.map { "; \($0)" } ?? ""
    let verdict = change.breaking ? "breaking" : "compatible"
    return "  \(change.source): \(verdict): \(change.message)\(effect) [\(change.kind.rawValue)]"
  }
}

/// The JSON form, the `changes` member of `apigen generate --format json` and the whole of
/// `apigen diff --format json`:
/// `{"summary": {"breaking", "compatible"}, "endpoints": [{"path", "changes": [CHANGE]}],
/// "types": [{"name", "changes": [CHANGE]}], "errorCodes": [CHANGE]}`, where CHANGE is
/// `{"kind", "breaking", "message", "effect", "file", "line", "column", "side"}` (`side`: `new`,
/// or `old` when the place is in the old docs; `effect` may be null).
extension ChangeReport: Encodable {
  private enum Key: String, CodingKey {
    case summary, endpoints, types, errorCodes
  }

  private struct Summary: Encodable {
    var breaking: Int
    var compatible: Int
  }

  private struct EndpointGroup: Encodable {
    var path: String
    var changes: [Change]
  }

  private struct TypeGroup: Encodable {
    var name: String
    var changes: [Change]
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(Summary(breaking: breakingCount, compatible: compatibleCount), forKey: .summary)
    try container.encode(endpoints.map { EndpointGroup(path: $0.name, changes: $0.changes) }, forKey: .endpoints)
    try container.encode(types.map { TypeGroup(name: $0.name, changes: $0.changes) }, forKey: .types)
    try container.encode(errorCodes, forKey: .errorCodes)
  }
}

extension Change: Encodable {
  private enum Key: String, CodingKey {
    case kind, breaking, message, effect, file, line, column, side
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(kind, forKey: .kind)
    try container.encode(breaking, forKey: .breaking)
    try container.encode(message, forKey: .message)
    try container.encode(effect, forKey: .effect)
    try container.encode(source.file, forKey: .file)
    try container.encode(source.line, forKey: .line)
    try container.encode(source.column, forKey: .column)
    try container.encode(side, forKey: .side)
  }
}
