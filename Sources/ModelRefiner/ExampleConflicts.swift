import APIModel

/// Where a type's field list and the examples that reach it disagree, the weight of the examples
/// decides, and a warning names both places: a field no example has, while every example has a
/// key that differs from its name by a letter or two (`tag_binding` documented, `tag_bindings`
/// sent), is that key; a field whose values in two or more examples are all of one other kind
/// (numbers where the list says string) has that kind. It takes two response examples against
/// the list: one is not enough, and the value check reports it instead.
struct ExampleConflictPass: RefinementPass {
  let summary = "conflicts: a field list and the examples that reach its type disagree; two or more examples outweigh the list"

  func run(_ context: inout RefinementContext) {
    var samples = ObjectSamples(types: context.types)
    samples.collect(from: context.api.endpoints)
    for name in samples.byType.keys.sorted() {
      guard var type = context.types[name], type.kind == .object, var fields = type.fields,
        let objects = samples.byType[name], !objects.isEmpty
      else { continue }
      for index in fields.indices {
        if let renamed = Self.renamed(fields[index], among: fields, in: objects) {
          context.diagnostics.append(
            .warning(
              "field-name-from-examples",
              "field '\(fields[index].name)' of \(name) is '\(renamed)' in every example that shows \(name); '\(renamed)' is used",
              at: fields[index].source, notes: [.init("an example with '\(renamed)'", at: objects[0].source)]))
          fields[index].name = renamed
        }
        if let retyped = Self.retyped(fields[index], in: objects) {
          context.diagnostics.append(
            .warning(
              "field-type-from-examples",
              "field '\(fields[index].name)' of \(name) is \(fields[index].type) in its field list but \(retyped) in "
                + "\(Set(objects.filter { $0.value[fields[index].name] != nil }.map(\.source)).count) examples; \(retyped) is used",
              at: fields[index].source,
              notes: [.init("an example with it", at: objects.first { $0.value[fields[index].name] != nil }?.source)]))
          fields[index].type = retyped
        }
      }
      type.fields = fields
      context.types[name] = type
    }
  }

  /// The key every example has instead of the field, when it is the field's name but for a
  /// letter or two and no example has the name itself.
  static func renamed(_ field: Field, among fields: [Field], in objects: [ObjectSamples.Sample]) -> String? {
    guard Set(objects.map(\.source)).count >= 2, objects.allSatisfy({ $0.value[field.name] == nil }) else { return nil }
    let documented = Set(fields.map(\.name))
    let keys = objects.map { Set($0.value.keys).subtracting(documented) }
    guard let first = keys.first else { return nil }
    let everywhere = keys.dropFirst().reduce(first) { $0.intersection($1) }
    let close = everywhere.filter { Levenshtein.distance($0, field.name) <= min(2, field.name.count / 4) }
    return close.count == 1 ? close.first : nil
  }

  /// The primitive the field's values have in two or more examples, when they all have one and
  /// it is not the field's.
  static func retyped(_ field: Field, in objects: [ObjectSamples.Sample]) -> TypeRef? {
    guard case .primitive(let documented) = field.type, documented != .file, documented != .location else { return nil }
    let valued = objects.compactMap { object in object.value[field.name].flatMap { $0.isNull ? nil : (object.source, $0) } }
    guard Set(valued.map(\.0)).count >= 2 else { return nil }
    let shown = Set(valued.map { Self.primitive(of: $0.1) })
    guard shown.count == 1, let kind = shown.first, let kind, JSONShape.problem(valued[0].1, documented) != nil else {
      return nil
    }
    return .primitive(kind)
  }

  private static func primitive(of value: JSON) -> TypeRef.Primitive? {
    switch value {
    case .bool: .bool
    case .int: .long
    case .double: .double
    case .string: .string
    default: nil
    }
  }
}

/// Every response example object that reaches each object type, walked from the response
/// fields through the named types. (Request examples are not evidence here: the docs' request
/// examples often send numbers as text, which the value check reports.)
struct ObjectSamples {
  struct Sample {
    var value: [String: JSON]
    var source: SourceLocation
  }

  let types: [String: NamedType]
  private(set) var byType: [String: [Sample]] = [:]
  private var depth = 0

  init(types: [String: NamedType]) {
    self.types = types
  }

  mutating func collect(from endpoints: [Endpoint]) {
    for endpoint in endpoints {
      for sample in endpoint.response.examples {
        guard let object = sample.json?.object, object["success"] != .bool(false) else { continue }
        for field in endpoint.response.fields {
          if let value = object[field.name] { visit(value, as: field.type, at: sample.source) }
        }
      }
    }
  }

  private mutating func visit(_ value: JSON, as type: TypeRef, at source: SourceLocation) {
    guard depth < 16 else { return }
    depth += 1
    defer { depth -= 1 }
    switch type {
    case .array(let element):
      for item in value.array ?? [] { visit(item, as: element, at: source) }
    case .map(let element):
      for item in (value.object ?? [:]).values { visit(item, as: element, at: source) }
    case .named(let name):
      guard let named = types[name], let object = value.object else { return }
      switch named.kind {
      case .object:
        byType[name, default: []].append(Sample(value: object, source: source))
        for field in named.fields ?? [] {
          if let member = object[field.name] { visit(member, as: field.type, at: source) }
        }
      case .union:
        let tag = named.discriminator.flatMap { object[$0]?.string }
        if let variant = named.variants?.first(where: { $0.value == tag }) {
          visit(value, as: .named(variant.type), at: source)
        }
      case .enum:
        return
      }
    case .object, .primitive:
      return
    }
  }
}
