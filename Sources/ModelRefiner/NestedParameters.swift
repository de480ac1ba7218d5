import APIModel

/// Parameters the docs list one by one that every request example sends inside one object
/// (the table lists `name`, `trackers`, `alerts`…; the examples send `{"rule": {"name": …,
/// "trackers": …}}`): the call sends them as the examples do, as the fields of that object
/// parameter, typed by the object the docs describe with those fields when there is one, else
/// by the listed parameters themselves.
struct NestedParameterPass: RefinementPass {
  let summary = "nested parameters: listed parameters that every example sends inside one object become that object's fields"

  func run(_ context: inout RefinementContext) {
    let matcher = StructureFromExamples(types: context.types)
    for index in context.api.endpoints.indices {
      let endpoint = context.api.endpoints[index]
      guard let (key, samples) = Self.wrapper(of: endpoint) else { continue }
      let moved = endpoint.parameters.filter { parameter in samples.contains { $0[parameter.name] != nil } }
      let owner = TypeNamer.upperCamel(endpoint.path)
      let type: String
      if let known = matcher.knownType(matching: samples, owner: owner, member: key) {
        type = known
      } else {
        type = UniqueName.make(TypeNamer.name(resource: owner, member: key)) { context.types[$0] != nil }
        context.types[type] = NamedType(
          name: type, kind: .object, description: "The parameters of \(endpoint.path), as its examples send them.",
          fields: moved.map {
            Field(name: $0.name, type: $0.type, required: $0.required, description: $0.description, source: $0.source)
          }, source: endpoint.source)
      }
      let names = Set(moved.map(\.name))
      var parameters = endpoint.parameters.filter { !names.contains($0.name) }
      parameters.insert(
        Parameter(
          name: key, type: .named(type), required: true,
          description: "The call's parameters, sent inside `\(key)` as its examples send them.", source: moved[0].source),
        at: 0)
      context.api.endpoints[index].parameters = parameters
      context.diagnostics.append(
        .warning(
          "parameters-sent-nested",
          "the parameters listed for '\(endpoint.path)' (\(moved.map(\.name).joined(separator: ", "))) are sent inside '\(key)'"
            + " by its examples; the call sends them there, as \(type)",
          at: moved[0].source, notes: endpoint.examples.map { .init("this example sends them inside '\(key)'", at: $0.sample.source) }))
    }
  }

  /// The one key every request example with arguments sends an object under, which the
  /// endpoint does not list and which holds most of the listed parameters; and those objects.
  static func wrapper(of endpoint: Endpoint) -> (String, [[String: JSON]])? {
    let listed = Set(endpoint.parameters.map(\.name))
    guard listed.count >= 2 else { return nil }
    let sent = endpoint.examples.compactMap(\.arguments?.object)
    guard !sent.isEmpty else { return nil }
    var key: String?
    var samples: [[String: JSON]] = []
    for arguments in sent {
      let candidates = arguments.filter { name, value in
        guard !listed.contains(name), let object = value.object else { return false }
        let inside = listed.intersection(object.keys)
        return inside.count >= max(2, listed.count / 2) && listed.intersection(arguments.keys).count < inside.count
      }
      guard candidates.count == 1, let (name, value) = candidates.first, key == nil || key == name else { return nil }
      key = name
      samples.append(value.object ?? [:])
    }
    return key.map { ($0, samples) }
  }
}
