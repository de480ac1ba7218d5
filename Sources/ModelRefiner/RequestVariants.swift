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
struct RequestVariantPass: RefinementPass {
  let summary = "request variants: a parameter sent without some fields gets a request-only type without them"

  func run(_ context: inout RefinementContext) {
    var variants = RequestVariants(types: context.types)
    context.api.endpoints = variants.apply(to: context.api.endpoints)
    context.types = variants.types
    context.requestOnlyTypes = variants.variantNames
  }
}

struct RequestVariants {
  private(set) var types: [String: NamedType]

  init(types: [String: NamedType]) {
    self.types = types
  }

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
        guard !parameter.sentWithout.isEmpty, let base = parameter.type.namedType, types[base] != nil else { continue }
        // `### animal/create` and `### create` both name the action `create`.
        let action = String(endpoint.path.split(separator: "/").last ?? "")
        uses.append(
          Use(endpoint: endpointIndex, parameter: parameterIndex, base: base, omitted: parameter.sentWithout, action: action))
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

  private static func replacing(_ base: String, with name: String, in type: TypeRef) -> TypeRef {
    type == .named(base) ? .named(name) : .array(.named(name))
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
    UniqueName.make(wanted) { types[$0] != nil }
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
