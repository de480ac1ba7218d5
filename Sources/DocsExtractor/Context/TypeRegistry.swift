import APIModel

/// The named types the extractor finds: one type per distinct set of enum values (two places
/// that list the same values share it), names unique.
///
/// A reference type, owned by the extraction's context and shared by every reader, so that a
/// type one page makes is there for the next without being copied in and out.
final class TypeRegistry {
  private(set) var types: [String: NamedType] = [:]

  /// Registers an enum and returns the name it is known by.
  func addEnum(name: String, description: String, values: [EnumValue], source: SourceLocation) -> String {
    let wire = values.map(\.value)
    if let existing = types.values.first(where: { $0.kind == .enum && $0.values?.map(\.value) == wire }) {
      return existing.name
    }
    let unique = uniqueName(name)
    types[unique] = NamedType(name: unique, kind: .enum, description: description, values: values, source: source)
    return unique
  }

  /// Registers an object and returns its (unique) name.
  func addObject(name: String, description: String, fields: [Field], source: SourceLocation) -> String {
    if let existing = types[name], existing.kind == .object, existing.fields == fields { return name }
    let unique = uniqueName(name)
    types[unique] = NamedType(name: unique, kind: .object, description: description, fields: fields, source: source)
    return unique
  }

  /// Reserves a unique name for an object whose fields are read later (so that fields of any
  /// object can refer to any other).
  /// - Parameter qualifier: put before the name (`TextField` + `Value`) when other objects
  ///   share it.
  func reserveObject(name: String, qualifier: String = "", source: SourceLocation) -> String {
    let unique = uniqueName(TypeNamer.name(resource: qualifier, member: name))
    types[unique] = NamedType(name: unique, kind: .object, description: "", fields: [], source: source)
    return unique
  }

  /// Registers a discriminated union of existing object types; returns its unique name.
  func addUnion(
    name: String, description: String, discriminator: String, variants: [UnionVariant], source: SourceLocation
  ) -> String {
    let unique = uniqueName(name)
    types[unique] = NamedType(
      name: unique, kind: .union, description: description, discriminator: discriminator, variants: variants,
      source: source)
    return unique
  }

  /// Puts an object's fields in place once they are read.
  func setFields(_ fields: [Field], of name: String) {
    types[name]?.fields = fields
  }

  func setDescription(_ description: String, of name: String) {
    types[name]?.description = description
  }

  func type(named name: String) -> NamedType? { types[name] }

  var sorted: [NamedType] { types.values.sorted { $0.name < $1.name } }

  private func uniqueName(_ name: String) -> String {
    UniqueName.make(name) { types[$0] != nil }
  }
}
