import APIModel

/// Reads what a parameter description says is left out of the object it sends: "A vehicle
/// object without `id` field", "Schedule object without fields "id", "fire_time"", "Route
/// object without fields which are *IGNORED*" (each field then says "*IGNORED* in
/// route/create, route/update"). The parameter's `sentWithout` gets the fields' wire names;
/// the model's refinement makes the request-only type from them.
struct OmissionReader {
  let scope: PageScope

  private var wording: OmissionWording { scope.conventions.omission }

  /// What the description states, in the terms of the page.
  enum Omission: Equatable {
    /// Fields named in the description: `` without `id` field ``, `without "id" and "color"
    /// fields`, `` without `id` ``. Without the word "field", names the object lacks are not
    /// fields (`` without `+` ``), so they are not reported.
    case fields([String], saysFields: Bool)
    /// "without fields which are *IGNORED*": the object's own field list says which, per action.
    case ignoredFields
  }

  /// The parameter with the fields it is sent without, when its description names some.
  /// - Parameter action: the last segment of the endpoint's path, which "*IGNORED* in …" lists.
  func reading(_ parameter: Parameter, action: String) -> Parameter {
    guard let omission = omission(in: parameter.description), let base = parameter.type.objectName,
      let fields = fields(of: base)
    else { return parameter }
    var parameter = parameter
    parameter.sentWithout = omitted(omission, of: fields, base: base, parameter: parameter, action: action)
    return parameter
  }

  func omission(in description: String) -> Omission? {
    guard let cue = description.range(of: wording.cue, options: .caseInsensitive) else { return nil }
    // The clause ends with its sentence.
    let clause = description[cue.upperBound...].prefix { $0 != "." && $0 != ";" && $0 != "\n" }
    let lower = clause.lowercased()
    let saysFields = lower.contains(wording.fieldWord)
    if saysFields, lower.contains(wording.ignoredMarker.lowercased()) { return .ignoredFields }
    let quoted = DescriptionWording(text: String(clause), conventions: scope.conventions).quotedTokens
    if !quoted.isEmpty { return .fields(quoted, saysFields: saysFields) }
    // `without ID field`, `without points field`.
    let words = clause.split(separator: " ")
    if words.count >= 2, words[1].lowercased().hasPrefix(wording.fieldWord), DescriptionWording.isToken(String(words[0])) {
      return .fields([String(words[0])], saysFields: true)
    }
    return nil
  }

  /// The fields of an object, or every field of a union's variants (a zone "without "id" and
  /// "color"" leaves them out of each kind of zone).
  private func fields(of name: String) -> [Field]? {
    guard let type = scope.types.type(named: name) else { return nil }
    switch type.kind {
    case .object:
      return type.fields
    case .union:
      var seen: Set<String> = []
      return (type.variants ?? []).flatMap { scope.types.type(named: $0.type)?.fields ?? [] }
        .filter { seen.insert($0.name).inserted }
    case .enum:
      return nil
    }
  }

  /// The wire names of the fields left out, in the order of the object; names the object does
  /// not have are reported.
  private func omitted(_ omission: Omission, of fields: [Field], base: String, parameter: Parameter, action: String)
    -> [String]
  {
    switch omission {
    case .ignoredFields:
      return fields.filter { isIgnored($0.description, in: action) }.map(\.name)
    case .fields(let written, let saysFields):
      var omitted: Set<String> = []
      for name in written {
        if let field = fields.first(where: { $0.name.lowercased() == name.lowercased() }) {
          omitted.insert(field.name)
        } else if saysFields {
          scope.log.add(
            .warning(
              "omitted-field-unknown", "'\(parameter.name)' is sent without '\(name)', which \(base) does not have",
              at: parameter.source, notes: [.init("\(base) is described here", at: scope.types.type(named: base)?.source)]))
        }
      }
      return fields.map(\.name).filter(omitted.contains)
    }
  }

  /// "*IGNORED* in checkpoint/create, checkpoint/update.", "*IGNORED* in create/update.": the
  /// actions named after the marker; a bare marker holds for every action.
  func isIgnored(_ description: String, in action: String) -> Bool {
    let plain = description.replacingOccurrences(of: "*", with: "")
    guard let cue = plain.range(of: wording.ignoredMarker) else { return false }
    let rest = plain[cue.upperBound...].drop { $0 == " " }
    guard let prefix = wording.actionListPrefixes.first(where: rest.hasPrefix) else { return true }
    let list = rest.dropFirst(prefix.count).prefix { $0 != "." && $0 != ";" }
    let words = list.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map { $0.lowercased() }
    return words.contains(action.lowercased())
  }
}

extension TypeRef {
  /// The named type a parameter sends, alone or as array elements.
  var objectName: String? {
    switch self {
    case .named(let name): name
    case .array(.named(let name)): name
    default: nil
    }
  }
}
