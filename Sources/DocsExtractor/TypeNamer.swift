/// Names the types the extractor finds, in UpperCamelCase and unique in the model.
enum TypeNamer {
  /// `push_token` → `PushToken`, `possible categories` → `PossibleCategories`.
  static func upperCamel(_ text: String) -> String {
    text.split { !($0.isLetter || $0.isNumber) }
      .map { $0.prefix(1).uppercased() + $0.dropFirst() }
      .joined()
  }

  /// `categories` → `category`, `statuses` → `status`, `types` → `type`.
  static func singular(_ word: String) -> String {
    if word.hasSuffix("ies"), word.count > 4 { return word.dropLast(3) + "y" }
    for ending in ["sses", "shes", "ches", "xes", "uses"] where word.hasSuffix(ending) {
      return String(word.dropLast(2))
    }
    if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { return String(word.dropLast()) }
    return word
  }

  /// The name of a type that belongs to a resource: `PushToken` + `application`. A member
  /// that already starts with the resource's name is not prefixed twice.
  static func name(resource: String, member: String) -> String {
    let owner = upperCamel(resource)
    let own = upperCamel(member)
    return own.hasPrefix(owner) ? own : owner + own
  }
}
