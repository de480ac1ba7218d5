import APIModel

/// Hands out names that have not been handed out before, adding `_2`, `_3`, … on a clash.
struct UniqueNames {
  private var taken: Set<String>

  init(reserving reserved: some Sequence<String> = []) {
    taken = Set(reserved)
  }

  mutating func claim(_ base: String) -> String {
    var name = base
    var counter = 2
    while taken.contains(name) {
      name = "\(base)_\(counter)"
      counter += 1
    }
    taken.insert(name)
    return name
  }
}

/// The keys of `components.schemas`: the built-in schemas and one per named type.
struct ComponentNames {
  static let success = "SuccessResponse"
  static let error = "ErrorResponse"
  static let location = "Location"

  private let keys: [String: String]
  private let twinKeys: [NullableReferences.Target: String]

  /// The built-in names are reserved first so that a model type called `Location` cannot take
  /// the place of the `location` primitive's schema; the nullable twins (`TrackerOrNull`) come
  /// last, so that they never take a name from a type of the docs.
  init(types: [NamedType], twins: Set<NullableReferences.Target> = []) {
    var names = UniqueNames(reserving: [Self.success, Self.error, Self.location])
    var keys: [String: String] = [:]
    for type in types where keys[type.name] == nil {
      keys[type.name] = names.claim(Self.sanitized(type.name))
    }
    var twinKeys: [NullableReferences.Target: String] = [:]
    for target in twins.sorted() {
      let base =
        switch target {
        case .location: Self.location
        case .type(let name): keys[name]
        }
      if let base { twinKeys[target] = names.claim(base + "OrNull") }
    }
    self.keys = keys
    self.twinKeys = twinKeys
  }

  func key(for typeName: String) -> String? {
    keys[typeName]
  }

  /// The key of the nullable twin of a component that is referred to both with and without
  /// `null`.
  func twinKey(for target: NullableReferences.Target) -> String? {
    twinKeys[target]
  }

  /// Component keys must match `^[a-zA-Z0-9\.\-_]+$`.
  static func sanitized(_ name: String) -> String {
    name.isEmpty ? "_" : String(name.map { allowedCharacters.contains($0) ? $0 : "_" })
  }

  private static let allowedCharacters = Set(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
}

/// Operation IDs from paths: `/user/session/push_token/bind` → `user_session_push_token_bind`.
struct OperationIDs {
  private var names = UniqueNames()

  mutating func id(for path: String) -> String {
    let words = path.split(separator: "/").map { ComponentNames.sanitized(String($0)) }
    return names.claim(words.isEmpty ? "root" : words.joined(separator: "_"))
  }
}
