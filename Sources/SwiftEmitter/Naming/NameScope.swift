/// The names already used in one Swift scope (a type's members, a function's parameters, the
/// module's types). A name asked for twice gets the first free suffix: `name`, `name2`, `name3`…
///
/// Claims are made in the docs' order, so the same model always gets the same names.
struct NameScope {
  private var taken: Set<String>
  /// File names come from type names, and some file systems ignore case: such a scope treats
  /// `PushToken` and `Pushtoken` as the same name.
  private let ignoresCase: Bool

  init(reserving reserved: some Sequence<String> = [], ignoringCase: Bool = false) {
    ignoresCase = ignoringCase
    taken = []
    for name in SwiftNaming.unusable.union(reserved) {
      taken.insert(key(name))
    }
  }

  /// `name`, or `name` with the first free suffix when it is taken; the result is taken from
  /// now on.
  mutating func claim(_ name: String) -> String {
    var candidate = name
    var suffix = 2
    while taken.contains(key(candidate)) {
      candidate = "\(name)\(suffix)"
      suffix += 1
    }
    taken.insert(key(candidate))
    return candidate
  }

  private func key(_ name: String) -> String {
    ignoresCase ? name.lowercased() : name
  }
}
