import APIModel

/// What a user settles that the docs cannot: `apigen-overrides.json` in the docs folder or
/// beside it gives a field's or a parameter's type, whether it is optional or nullable, or its
/// wire name:
///
///     {
///       "types": {"TrackerSource": {"device_id": {"type": "long"}}},
///       "endpoints": {
///         "/track/download": {
///           "parameters": {"format": {"optional": true}},
///           "response": {"blocked": {"optional": true}}
///         }
///       }
///     }
///
/// Every override is applied last, after the docs' words and examples, and reported where it
/// takes effect; one that names what the docs no longer have is an error at its line, and one
/// that changes nothing a warning, so that overrides do not outlive the docs they fix.
public struct Overrides: Sendable {
  /// One override: what it changes, and the line it is written on.
  struct Entry: Sendable {
    enum Target: Sendable, Hashable {
      case field(type: String, name: String)
      case parameter(endpoint: String, name: String)
      case responseField(endpoint: String, name: String)
    }

    var target: Target
    var type: TypeRef?
    var optional: Bool?
    var nullable: Bool?
    var name: String?
    var line: Int
  }

  /// The file as diagnostics name it (relative to the docs folder).
  public let file: String
  var entries: [Entry] = []

  public init(file: String) {
    self.file = file
  }

  /// The overrides a file's text gives, and what is wrong with it (an error at the line of each
  /// entry it cannot read).
  public static func read(_ text: String, file: String) -> (Overrides, [Diagnostic]) {
    var overrides = Overrides(file: file)
    var problems: [Diagnostic] = []
    let value: JSON
    let lines: [String: Int]
    do {
      (value, lines) = try JSONReader.readWithLines(text)
    } catch {
      return (overrides, [.error("override-invalid", "\(file) is not JSON: \(error)", at: .init(file: file, line: error.line, column: error.column))])
    }
    let at = { (path: String) in SourceLocation(file: file, line: lines[path] ?? 1, column: 1) }
    let invalid = { (path: String, message: String) in
      problems.append(.error("override-invalid", message, at: at(path)))
    }
    guard let root = value.object else {
      invalid("", "\(file) must hold an object with `types` and `endpoints`")
      return (overrides, problems)
    }
    for key in root.keys.sorted() where key != "types" && key != "endpoints" {
      invalid(key, "unknown key '\(key)': an override file has `types` and `endpoints`")
    }
    for (typeName, fields) in (root["types"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
      for (fieldName, change) in (fields.object ?? [:]).sorted(by: { $0.key < $1.key }) {
        let path = "types.\(typeName).\(fieldName)"
        if let entry = Self.entry(change, target: .field(type: typeName, name: fieldName), path: path, line: lines[path] ?? 1, invalid: invalid) {
          overrides.entries.append(entry)
        }
      }
    }
    for (endpoint, parts) in (root["endpoints"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
      for (part, members) in (parts.object ?? [:]).sorted(by: { $0.key < $1.key }) {
        guard part == "parameters" || part == "response" else {
          invalid("endpoints.\(endpoint).\(part)", "unknown key '\(part)': an endpoint has `parameters` and `response`")
          continue
        }
        for (name, change) in (members.object ?? [:]).sorted(by: { $0.key < $1.key }) {
          let path = "endpoints.\(endpoint).\(part).\(name)"
          let target: Entry.Target =
            part == "parameters" ? .parameter(endpoint: endpoint, name: name) : .responseField(endpoint: endpoint, name: name)
          if let entry = Self.entry(change, target: target, path: path, line: lines[path] ?? 1, invalid: invalid) {
            overrides.entries.append(entry)
          }
        }
      }
    }
    return (overrides, problems)
  }

  private static func entry(
    _ change: JSON, target: Entry.Target, path: String, line: Int, invalid: (String, String) -> Void
  ) -> Entry? {
    guard let members = change.object else {
      invalid(path, "an override is an object of `type`, `optional`, `nullable` and `name`")
      return nil
    }
    var entry = Entry(target: target, line: line)
    for (key, value) in members.sorted(by: { $0.key < $1.key }) {
      switch (key, value) {
      case ("type", .string(let type)): entry.type = TypeRef(parsing: type)
      case ("optional", .bool(let flag)): entry.optional = flag
      case ("nullable", .bool(let flag)): entry.nullable = flag
      case ("name", .string(let name)) where !name.isEmpty: entry.name = name
      default:
        invalid(path + "." + key, "'\(key)' is not an override here: `type` (a type as api.json writes it), `optional`, `nullable` (true or false), `name` (a wire name)")
        return nil
      }
    }
    return entry
  }
}

extension Overrides.Entry {
  init(target: Target, line: Int) {
    self.init(target: target, type: nil, optional: nil, nullable: nil, name: nil, line: line)
  }
}

/// The user's overrides, applied once the types are read (so that the checks against the
/// examples judge the overridden members), and asserted again after the evidence passes (so
/// that no example relaxes what the user settled).
struct OverridePass: RefinementPass {
  /// The second run: apply again, report nothing.
  var reasserting = false

  var summary: String {
    reasserting
      ? "overrides, again: what the user settled holds after the examples' evidence"
      : "overrides: what apigen-overrides.json settles (type, optional, nullable, wire name), each checked against the model"
  }

  func run(_ context: inout RefinementContext) {
    guard let overrides = context.overrides else { return }
    let before = context.diagnostics.count
    defer { if reasserting { context.diagnostics.removeSubrange(before...) } }
    for entry in overrides.entries {
      let written = SourceLocation(file: overrides.file, line: entry.line, column: 1)
      let outcome: Outcome
      switch entry.target {
      case .field(let typeName, let name):
        guard var type = context.types[typeName], type.kind == .object else {
          outcome = .stale("there is no object type '\(typeName)'")
          break
        }
        // A renamed field is found by its new name the second time.
        guard let index = type.fields?.firstIndex(where: { $0.name == name || $0.name == entry.name }) else {
          outcome = .stale("\(typeName) has no field '\(name)'")
          break
        }
        var field = type.fields![index]
        outcome = Self.apply(entry, to: &field, what: "field '\(name)' of \(typeName)", types: context.types)
        type.fields![index] = field
        context.types[typeName] = type
      case .responseField(let path, let name):
        guard let endpoint = context.api.endpoints.firstIndex(where: { $0.path == path }) else {
          outcome = .stale("there is no endpoint '\(path)'")
          break
        }
        guard let index = context.api.endpoints[endpoint].response.fields.firstIndex(where: { $0.name == name || $0.name == entry.name })
        else {
          outcome = .stale("the answer of '\(path)' has no field '\(name)'")
          break
        }
        outcome = Self.apply(
          entry, to: &context.api.endpoints[endpoint].response.fields[index], what: "answer field '\(name)' of \(path)",
          types: context.types)
      case .parameter(let path, let name):
        guard let endpoint = context.api.endpoints.firstIndex(where: { $0.path == path }) else {
          outcome = .stale("there is no endpoint '\(path)'")
          break
        }
        guard let index = context.api.endpoints[endpoint].parameters.firstIndex(where: { $0.name == name || $0.name == entry.name })
        else {
          outcome = .stale("'\(path)' has no parameter '\(name)'")
          break
        }
        outcome = Self.apply(
          entry, to: &context.api.endpoints[endpoint].parameters[index], what: "parameter '\(name)' of \(path)",
          types: context.types)
      }
      switch outcome {
      case .stale(let why):
        context.diagnostics.append(
          .error("override-stale", "the override names what the docs do not have: \(why); remove or correct it", at: written))
      case .unknownType(let type):
        context.diagnostics.append(
          .error("override-invalid", "the override's type '\(type)' names no type of the model", at: written))
      case .unneeded(let what):
        context.diagnostics.append(
          .warning("override-unneeded", "the override changes nothing: the docs already say so of \(what); remove it", at: written))
      case .applied(let what, let changes, let source):
        context.diagnostics.append(
          Diagnostic(
            .note, kind: "override-applied", "\(what): \(changes.joined(separator: ", ")), as \(overrides.file) says",
            at: source, notes: [.init("the override", at: written)]))
      }
    }
  }

  enum Outcome {
    case stale(String)
    case unknownType(String)
    case unneeded(String)
    case applied(String, [String], SourceLocation)
  }

  private static func apply(_ entry: Overrides.Entry, to field: inout Field, what: String, types: [String: NamedType]) -> Outcome {
    var member = Member(type: field.type, optional: !field.required, nullable: field.nullable, name: field.name)
    let outcome = apply(entry, to: &member, what: what, source: field.source, types: types)
    (field.type, field.required, field.nullable, field.name) = (member.type, !member.optional, member.nullable ?? false, member.name)
    return outcome
  }

  private static func apply(_ entry: Overrides.Entry, to parameter: inout Parameter, what: String, types: [String: NamedType])
    -> Outcome
  {
    var member = Member(type: parameter.type, optional: !parameter.required, nullable: nil, name: parameter.name)
    let outcome = apply(entry, to: &member, what: what, source: parameter.source, types: types)
    (parameter.type, parameter.required, parameter.name) = (member.type, !member.optional, member.name)
    return outcome
  }

  /// What a field and a parameter share.
  private struct Member {
    var type: TypeRef
    var optional: Bool
    var nullable: Bool?
    var name: String
  }

  private static func apply(
    _ entry: Overrides.Entry, to member: inout Member, what: String, source: SourceLocation, types: [String: NamedType]
  ) -> Outcome {
    var changes: [String] = []
    if let type = entry.type {
      if let named = type.namedType, types[named] == nil { return .unknownType(named) }
      if type != member.type { changes.append("type \(type) (the docs: \(member.type))") }
      member.type = type
    }
    if let optional = entry.optional {
      if optional != member.optional { changes.append(optional ? "optional" : "required") }
      member.optional = optional
    }
    if let nullable = entry.nullable, member.nullable != nil {
      if nullable != member.nullable { changes.append(nullable ? "nullable" : "not nullable") }
      member.nullable = nullable
    }
    if let name = entry.name {
      if name != member.name { changes.append("named '\(name)' on the wire (the docs: '\(member.name)')") }
      member.name = name
    }
    return changes.isEmpty ? .unneeded(what) : .applied(what, changes, source)
  }
}
