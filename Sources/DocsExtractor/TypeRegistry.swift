import APIModel

/// Collects the named types of the model: one type per distinct set of enum values (two
/// places that list the same values share it), names unique.
struct TypeRegistry {
  private(set) var types: [String: NamedType] = [:]

  /// Registers an enum and returns the name it is known by.
  mutating func addEnum(name: String, description: String, values: [EnumValue], source: SourceLocation)
    -> String
  {
    let wire = values.map(\.value)
    if let existing = types.values.first(where: { $0.kind == .enum && $0.values?.map(\.value) == wire }) {
      return existing.name
    }
    var unique = name
    var counter = 2
    while types[unique] != nil {
      unique = "\(name)\(counter)"
      counter += 1
    }
    types[unique] = NamedType(
      name: unique, kind: .enum, description: description, values: values, source: source)
    return unique
  }

  var sorted: [NamedType] { types.values.sorted { $0.name < $1.name } }
}
