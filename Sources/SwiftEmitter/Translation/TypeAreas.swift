import APIModel

/// Which API area (top-level path segment, such as `/tracker`) each named type belongs to, so
/// that it is declared in that area's file.
///
/// A type belongs to the one area whose calls use it, through their parameters or answers, at
/// any depth; a type no call uses belongs to the area its name starts with (`TrackerHistory`,
/// `/tracker`). Types several areas use, or none and named after none, are shared.
struct TypeAreas {
  /// Docs type name → area path.
  private(set) var areas: [String: String] = [:]

  init(_ api: APIDescription) {
    let types = Dictionary(api.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    var users: [String: Set<String>] = [:]
    for endpoint in api.endpoints {
      let area = Self.area(of: endpoint.path)
      let roots =
        endpoint.parameters.map(\.type) + endpoint.response.fields.map(\.type)
      var names = roots.compactMap(\.namedType)
      names += endpoint.parameters.compactMap(\.documentedValues)
      for name in Self.reachable(from: names, in: types) {
        users[name, default: []].insert(area)
      }
    }
    let allAreas = Set(api.endpoints.map { Self.area(of: $0.path) })
    // Each area's name as a type name would start with it, worked out once for all types.
    let areaWords = allAreas.map { area in (area, area.dropFirst().replacingOccurrences(of: "_", with: "")) }
    for type in api.types {
      if let used = users[type.name] {
        if used.count == 1, let area = used.first { areas[type.name] = area }
        continue
      }
      // The longest area whose name starts the type's name, ignoring case and underscores.
      let name = type.name.lowercased()
      let named = areaWords.filter { _, word in !word.isEmpty && name.hasPrefix(word) }.map(\.0)
      areas[type.name] = named.sorted { ($0.count, $1) > ($1.count, $0) }.first
    }
  }

  /// `/tracker/chat/list` → `/tracker`.
  static func area(of path: String) -> String {
    "/" + (path.split(separator: "/").first.map(String.init) ?? "")
  }

  /// The named types `names` refer to, and those their fields and variants refer to.
  private static func reachable(from names: [String], in types: [String: NamedType]) -> Set<String>
  {
    var seen: Set<String> = []
    var pending = names
    while let name = pending.popLast() {
      guard let type = types[name], seen.insert(name).inserted else { continue }
      pending += (type.fields ?? []).compactMap(\.type.namedType)
      pending += (type.variants ?? []).map(\.type)
    }
    return seen
  }
}
