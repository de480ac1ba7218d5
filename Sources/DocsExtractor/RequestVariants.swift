import APIModel
import Foundation

/// Request parameters that send an object minus some of its fields: "A vehicle object without
/// `id` field", "Schedule object without fields "id", "fire_time", "last_result"", "Route
/// object without fields which are *IGNORED*" (with its fields saying "*IGNORED* in
/// route/create, route/update"). Such a parameter gets a type of its own, the object without
/// those fields, so that a client builds the request without inventing an id the server
/// assigns. One omitted set of a type is `VehicleInput`; a type sent with several sets names
/// each by its actions (`RouteCreateInput`, `RouteUpdateInput`). A union gets a union of such
/// variants.
struct RequestVariants {
  private var types: [String: NamedType]
  private(set) var diagnostics: [Diagnostic] = []

  init(types: [NamedType]) {
    self.types = Dictionary(uniqueKeysWithValues: types.map { ($0.name, $0) })
  }

  var refinedTypes: [NamedType] { types.values.sorted { $0.name < $1.name } }
  /// The types made here, which only requests use.
  private(set) var variantNames: Set<String> = []

  /// A parameter that leaves fields out of the object type it sends.
  private struct Use {
    var endpoint: Int
    var parameter: Int
    var base: String
    var omitted: [String]
    var action: String
  }

  mutating func apply(to endpoints: [Endpoint]) -> [Endpoint] {
    var uses: [Use] = []
    for (endpointIndex, endpoint) in endpoints.enumerated() {
      for (parameterIndex, parameter) in endpoint.parameters.enumerated() {
        guard let omission = Omission.read(parameter.description), let base = Self.objectName(parameter.type),
          let fields = fields(of: base)
        else { continue }
        // `### animal/create` and `### create` both name the action `create`.
        let action = String(endpoint.path.split(separator: "/").last ?? "")
        let omitted = omittedFields(omission, of: fields, base: base, parameter: parameter, action: action)
        guard !omitted.isEmpty else { continue }
        uses.append(
          Use(endpoint: endpointIndex, parameter: parameterIndex, base: base, omitted: omitted, action: action))
      }
    }
    var endpoints = endpoints
    for (base, group) in Dictionary(grouping: uses, by: \.base).sorted(by: { $0.key < $1.key }) {
      // Sets in the order first met, so that names do not depend on dictionary order.
      var sets: [[String]] = []
      for use in group where !sets.contains(use.omitted) { sets.append(use.omitted) }
      for omitted in sets {
        let members = group.filter { $0.omitted == omitted }
        var actions: [String] = []
        for use in members where !actions.contains(use.action) { actions.append(use.action) }
        let qualifier = sets.count == 1 ? "" : actions.map(TypeNamer.upperCamel).joined()
        let first = endpoints[members[0].endpoint].parameters[members[0].parameter]
        let name =
          types[base]?.kind == .union
          ? addUnionVariant(of: base, qualifier: qualifier, without: omitted, source: first.source)
          : addVariant(of: base, named: base + qualifier + "Input", without: omitted, source: first.source)
        for use in members {
          endpoints[use.endpoint].parameters[use.parameter].type = Self.replacing(
            base, with: name, in: endpoints[use.endpoint].parameters[use.parameter].type)
        }
      }
    }
    return endpoints
  }

  /// The fields of an object, or every field of a union's variants (a zone "without "id" and
  /// "color"" leaves them out of each kind of zone).
  private func fields(of name: String) -> [Field]? {
    guard let type = types[name] else { return nil }
    switch type.kind {
    case .object:
      return type.fields
    case .union:
      var seen: Set<String> = []
      return (type.variants ?? []).flatMap { types[$0.type]?.fields ?? [] }.filter { seen.insert($0.name).inserted }
    case .enum:
      return nil
    }
  }

  /// The object type a parameter sends, alone or as array elements.
  private static func objectName(_ type: TypeRef) -> String? {
    switch type {
    case .named(let name): name
    case .array(.named(let name)): name
    default: nil
    }
  }

  private static func replacing(_ base: String, with name: String, in type: TypeRef) -> TypeRef {
    type == .named(base) ? .named(name) : .array(.named(name))
  }

  /// The wire names of the fields left out, in the order of the object; names the object does
  /// not have are reported.
  private mutating func omittedFields(
    _ omission: Omission, of fields: [Field], base: String, parameter: Parameter, action: String
  ) -> [String] {
    switch omission {
    case .ignoredFields:
      return fields.filter { Self.isIgnored($0.description, in: action) }.map(\.name)
    case .fields(let written, let saysFields):
      var omitted: Set<String> = []
      for name in written {
        if let field = fields.first(where: { $0.name.lowercased() == name.lowercased() }) {
          omitted.insert(field.name)
        } else if saysFields {
          diagnostics.append(
            .warning(
              "omitted-field-unknown",
              "'\(parameter.name)' is sent without '\(name)', which \(base) does not have", at: parameter.source,
              notes: [.init("\(base) is described here", at: types[base]!.source)]))
        }
      }
      return fields.map(\.name).filter(omitted.contains)
    }
  }

  /// "*IGNORED* in checkpoint/create, checkpoint/update.", "*IGNORED* in create/update.": the
  /// actions named after the cue; a bare "IGNORED" holds for every action.
  static func isIgnored(_ description: String, in action: String) -> Bool {
    let plain = description.replacingOccurrences(of: "*", with: "")
    guard let cue = plain.range(of: "IGNORED") else { return false }
    let rest = plain[cue.upperBound...].drop { $0 == " " }
    guard rest.hasPrefix("in ") || rest.hasPrefix("on ") else { return true }
    let list = rest.dropFirst(3).prefix { $0 != "." && $0 != ";" }
    let words = list.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map { $0.lowercased() }
    return words.contains(action.lowercased())
  }

  /// A union whose every kind leaves the fields out (`ZoneInput` of `ZoneCircleInput`, …).
  private mutating func addUnionVariant(
    of base: String, qualifier: String, without omitted: [String], source: SourceLocation
  ) -> String {
    let union = types[base]!
    let variants = (union.variants ?? []).map { variant in
      UnionVariant(
        value: variant.value,
        type: addVariant(of: variant.type, named: variant.type + qualifier + "Input", without: omitted, source: source))
    }
    let name = unusedName(base + qualifier + "Input")
    variantNames.insert(name)
    types[name] = NamedType(
      name: name, kind: .union, description: Self.description(of: union, without: omitted),
      discriminator: union.discriminator, variants: variants, source: source)
    return name
  }

  /// The original's description, and what the variant leaves out.
  private static func description(of original: NamedType, without omitted: [String]) -> String {
    let note = "Sent without " + omitted.map { "`\($0)`" }.joined(separator: ", ") + "."
    return original.description.isEmpty ? note : original.description + "\n\n" + note
  }

  private func unusedName(_ wanted: String) -> String {
    TypeRegistry.unique(wanted) { types[$0] != nil }
  }

  private mutating func addVariant(of base: String, named wanted: String, without omitted: [String], source: SourceLocation)
    -> String
  {
    let name = unusedName(wanted)
    variantNames.insert(name)
    let original = types[base]!
    types[name] = NamedType(
      name: name, kind: .object, description: Self.description(of: original, without: omitted),
      fields: (original.fields ?? []).filter { !omitted.contains($0.name) }, source: source)
    return name
  }
}

/// What a parameter description says is left out of the object it sends.
enum Omission: Equatable {
  /// Fields named in the description: `` without `id` field ``, `without "id" and "color" fields`,
  /// `` without `id` ``. Without the word "field", names the object lacks are not fields
  /// (`` without `+` ``), so they are not reported.
  case fields([String], saysFields: Bool)
  /// "without fields which are *IGNORED*": the object's own field list says which, per action.
  case ignoredFields

  static func read(_ description: String) -> Omission? {
    guard let cue = description.range(of: "without ", options: .caseInsensitive) else { return nil }
    // The clause ends with its sentence.
    let clause = description[cue.upperBound...].prefix { $0 != "." && $0 != ";" && $0 != "\n" }
    let lower = clause.lowercased()
    let saysFields = lower.contains("field")
    if saysFields, lower.contains("ignored") { return .ignoredFields }
    let quoted = DescriptionWording(text: String(clause)).quotedTokens
    if !quoted.isEmpty { return .fields(quoted, saysFields: saysFields) }
    // `without ID field`, `without points field`.
    let words = clause.split(separator: " ")
    if words.count >= 2, words[1].lowercased().hasPrefix("field"), DescriptionWording.isToken(String(words[0])) {
      return .fields([String(words[0])], saysFields: true)
    }
    return nil
  }
}
