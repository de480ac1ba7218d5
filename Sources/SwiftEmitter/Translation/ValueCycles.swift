import APIModel

/// The fields through which a named object would contain itself, directly or through other
/// objects and unions. A Swift struct cannot, so these fields are stored out of line
/// (`Indirect`). An array breaks a cycle on its own, since it keeps its elements out of line.
///
/// A union's variants are objects, so every cycle passes through an object's field, and boxing
/// those fields is enough: the union enums need no `indirect`.
struct ValueCycles {
  struct FieldRef: Hashable {
    var type: String
    var field: String
  }

  private(set) var boxed: Set<FieldRef> = []

  init(_ types: [NamedType]) {
    let values = Set(types.filter { $0.kind != .enum }.map(\.name))
    var edges: [String: [(field: String?, target: String)]] = [:]
    for type in types {
      switch type.kind {
      case .object:
        for field in type.fields ?? [] {
          if case .named(let target) = field.type, values.contains(target) {
            edges[type.name, default: []].append((field.name, target))
          }
        }
      case .union:
        for variant in type.variants ?? [] where values.contains(variant.type) {
          edges[type.name, default: []].append((nil, variant.type))
        }
      case .enum:
        break
      }
    }
    for (type, fields) in edges {
      for case (let field?, let target) in fields
      where Self.reaches(type, from: target, edges: edges) {
        boxed.insert(FieldRef(type: type, field: field))
      }
    }
  }

  private static func reaches(
    _ goal: String, from start: String, edges: [String: [(field: String?, target: String)]]
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
