import APIModel

/// The fields through which a named object would contain itself, directly or through other
/// objects. A Swift struct cannot, so these fields are stored out of line (`Indirect`). An array
/// breaks a cycle on its own, since it keeps its elements out of line.
struct ValueCycles {
  struct FieldRef: Hashable {
    var type: String
    var field: String
  }

  private(set) var boxed: Set<FieldRef> = []

  init(_ types: [NamedType]) {
    let objects = Set(types.filter { $0.kind == .object }.map(\.name))
    var edges: [String: [(field: String, target: String)]] = [:]
    for type in types where type.kind == .object {
      for field in type.fields ?? [] {
        if case .named(let target) = field.type, objects.contains(target) {
          edges[type.name, default: []].append((field.name, target))
        }
      }
    }
    for (type, fields) in edges {
      for (field, target) in fields where Self.reaches(type, from: target, edges: edges) {
        boxed.insert(FieldRef(type: type, field: field))
      }
    }
  }

  private static func reaches(
    _ goal: String, from start: String, edges: [String: [(field: String, target: String)]]
  ) -> Bool {
    var seen: Set<String> = []
    var pending = [start]
    while let type = pending.popLast() {
      if type == goal { return true }
      if seen.insert(type).inserted {
        pending += edges[type, default: []].map(\.target)
      }
    }
    return false
  }
}
