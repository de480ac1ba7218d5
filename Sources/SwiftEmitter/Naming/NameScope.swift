/// The names already used in one Swift scope (a type's members, a function's parameters, the
/// module's types). A name asked for twice gets the first free suffix: `name`, `name2`, `name3`…
///
/// Claims are made in the docs' order, so the same model always gets the same names.
struct NameScope {
  private var taken: Set<String>
  /// Who holds each claimed name (the docs' name of the element), to say why another element
  /// could not have it; reserved names have no holder.
  private var holders: [String: String] = [:]
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
  /// now on, held by `holder` (the docs' name of the element it names).
  mutating func claim(_ name: String, holder: String? = nil) -> String {
    var candidate = name
    var suffix = 2
    while taken.contains(key(candidate)) {
      candidate = "\(name)\(suffix)"
      suffix += 1
    }
    taken.insert(key(candidate))
    if let holder { holders[key(candidate)] = holder }
    return candidate
  }

  /// The docs' name of the element that holds `name`; nil when the name is free or reserved.
  func holder(of name: String) -> String? {
    holders[key(name)]
  }

  private func key(_ name: String) -> String {
    ignoresCase ? name.lowercased() : name
  }
}
