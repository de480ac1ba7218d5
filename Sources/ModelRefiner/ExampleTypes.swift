import APIModel

/// Members the docs type only as "object" or "array of objects" get the structure their
/// examples show. When the example's keys are the fields of an object the docs describe
/// elsewhere (a `list` of trackers, each with the keys of `Tracker`), the member is that type;
/// otherwise a type is made from the example itself, its fields typed by their values and
/// optional, since one example does not show what may be absent. Each decision is a note at the
/// member.
struct ExampleTypePass: RefinementPass {
  let summary = "example types: members typed only as an object take the type their examples show (a known object, or one read from the example)"

  /// Rounds of typing at most: a member typed in one round (a `list` found to hold `Rule`s)
  /// lets the next reach the members of what it holds (each rule's `schedule`).
  private static let maximumRounds = 4

  func run(_ context: inout RefinementContext) {
    for _ in 0..<Self.maximumRounds {
      guard round(&context) else { break }
    }
  }

  /// One round over the members still untyped; whether it typed any.
  private func round(_ context: inout RefinementContext) -> Bool {
    var samples = MemberSamples(types: context.types)
    samples.collect(from: context.api.endpoints)
    var typing = StructureFromExamples(types: context.types)
    var typedAny = false
    for (site, values) in samples.bySite.sorted(by: { $0.key < $1.key }) {
      guard let decision = typing.type(for: values, site: site) else { continue }
      context.diagnostics.append(Diagnostic(.note, kind: "type-from-example", decision.why, at: site.source))
      apply(decision.type, to: site, in: &context, typing: &typing)
      typedAny = true
    }
    context.types = typing.types
    return typedAny
  }

  /// Replaces the untyped member at `site` with `type` (keeping it an array or a map when it
  /// was one).
  private func apply(_ type: TypeRef, to site: MemberSite, in context: inout RefinementContext, typing: inout StructureFromExamples) {
    let wrap = { (old: TypeRef) -> TypeRef in old.replacingObject(with: type) }
    switch site.place {
    case .parameter(let endpoint, let index):
      context.api.endpoints[endpoint].parameters[index].type = wrap(context.api.endpoints[endpoint].parameters[index].type)
    case .responseField(let endpoint, let index):
      context.api.endpoints[endpoint].response.fields[index].type = wrap(
        context.api.endpoints[endpoint].response.fields[index].type)
    case .typeField(let name, let index):
      // The registry the typing grows is the one to change: it may have made `name` itself.
      typing.retype(field: index, of: name, with: wrap)
    }
  }
}

/// Where an untyped member is: a parameter, a response field, or a field of a named type.
struct MemberSite: Hashable, Comparable {
  enum Place: Hashable {
    case parameter(endpoint: Int, index: Int)
    case responseField(endpoint: Int, index: Int)
    case typeField(type: String, index: Int)
  }

  var place: Place
  /// The member's name on the wire, and what names its new type: `TrackerListResponse` + `list`.
  var name: String
  var owner: String
  var isArray: Bool
  /// The docs call the member a map (`map<object>`): its samples are whole maps, whatever
  /// their keys.
  var isMap = false
  var source: SourceLocation

  static func < (lhs: MemberSite, rhs: MemberSite) -> Bool {
    (lhs.source, lhs.owner, lhs.name) < (rhs.source, rhs.owner, rhs.name)
  }
}

/// The example values that reach each untyped member, found by walking every response example
/// from the response's fields and every request example from the parameters, through the named
/// types the docs describe.
struct MemberSamples {
  let types: [String: NamedType]
  private(set) var bySite: [MemberSite: [[String: JSON]]] = [:]
  /// Named types already walked into for a value, so that a cycle of types ends.
  private var depth = 0

  init(types: [String: NamedType]) {
    self.types = types
  }

  mutating func collect(from endpoints: [Endpoint]) {
    for (index, endpoint) in endpoints.enumerated() {
      let owner = TypeNamer.upperCamel(endpoint.path)
      for sample in endpoint.response.examples {
        // A placeholder (`<canoe_object>`) stands for an object the docs do not show; what it
        // names is kept for the member it stands in.
        let json = sample.placeholders.reduce(sample.json) { json, path in
          json?.replacing([path], with: PlaceholderMark.object(named: sample.placeholderName(at: path)))
        }
        guard let object = json?.object, object["success"] != .bool(false) else { continue }
        for (fieldIndex, field) in endpoint.response.fields.enumerated() {
          guard let value = object[field.name] else { continue }
          let site = MemberSite(
            place: .responseField(endpoint: index, index: fieldIndex), name: field.name, owner: owner + "Response",
            isArray: field.type.isArray, source: field.source)
          visit(value, as: field.type, site: site)
        }
      }
      for example in endpoint.examples {
        guard let object = example.arguments?.object else { continue }
        for (parameterIndex, parameter) in endpoint.parameters.enumerated() {
          guard let value = object[parameter.name] else { continue }
          let site = MemberSite(
            place: .parameter(endpoint: index, index: parameterIndex), name: parameter.name, owner: owner,
            isArray: parameter.type.isArray, source: parameter.source)
          visit(value, as: parameter.type, site: site)
        }
      }
    }
  }

  private mutating func visit(_ value: JSON, as type: TypeRef, site: MemberSite) {
    switch type {
    case .object:
      if let object = value.object { bySite[site, default: []].append(object) }
    case .array(let element):
      for item in value.array ?? [] { visit(item, as: element, site: site) }
    case .map(.object):
      // The whole map is the sample: its values may be numbers or texts. A list where the docs
      // say a map still shows what the values are (its mismatch is reported by the example
      // evidence).
      var mapSite = site
      mapSite.isMap = true
      if let object = value.object {
        bySite[mapSite, default: []].append(object)
      } else if let items = value.array {
        let keyed = items.enumerated().map { (String($0.offset), $0.element) }
        bySite[mapSite, default: []].append(Dictionary(keyed) { first, _ in first })
      }
    case .map(let element):
      for item in value.object.map(\.valuesInKeyOrder) ?? [] { visit(item, as: element, site: site) }
    case .named(let name):
      guard depth < 16, let named = types[name], let object = value.object else { return }
      depth += 1
      defer { depth -= 1 }
      switch named.kind {
      case .object:
        for (index, field) in (named.fields ?? []).enumerated() {
          guard let member = object[field.name] else { continue }
          let fieldSite = MemberSite(
            place: .typeField(type: name, index: index), name: field.name, owner: name, isArray: field.type.isArray,
            source: field.source)
          visit(member, as: field.type, site: fieldSite)
        }
      case .union:
        let tag = named.discriminator.flatMap { object[$0]?.string }
        if let variant = named.variants?.first(where: { $0.value == tag }) {
          visit(value, as: .named(variant.type), site: site)
        }
      case .enum:
        return
      }
    case .primitive:
      return
    }
  }
}

/// What a placeholder becomes among the samples of a member: an object holding only the name
/// it gives, under a key no JSON of the docs has.
enum PlaceholderMark {
  static let key = "\u{0}placeholder"

  static func object(named name: String?) -> JSON {
    .object(name.map { [key: .string($0)] } ?? [:])
  }

  static func name(_ sample: [String: JSON]) -> String? {
    sample.count == 1 ? sample[key]?.string : nil
  }

  /// The sample with every mark, at any depth, an empty object again.
  static func removed(_ sample: [String: JSON]) -> [String: JSON] {
    var sample = sample
    sample[key] = nil
    return sample.mapValues(unmarked)
  }

  private static func unmarked(_ value: JSON) -> JSON {
    switch value {
    case .object(let members): .object(removed(members))
    case .array(let items): .array(items.map(unmarked))
    default: value
    }
  }
}

extension Dictionary where Key == String {
  /// The values in the order of their keys, so that what is read from them does not depend on
  /// the order of hashing.
  var valuesInKeyOrder: [Value] {
    sorted { $0.key < $1.key }.map(\.value)
  }
}

extension TypeRef {
  var isArray: Bool {
    if case .array = self { true } else { false }
  }

  var isMap: Bool {
    if case .map = self { true } else { false }
  }

  /// The type with its free-form object, inside any arrays and maps, replaced by `type`; a map
  /// of free-form objects is replaced whole by a map.
  func replacingObject(with type: TypeRef) -> TypeRef {
    switch self {
    case .object: type
    case .map(.object) where type.isMap: type
    case .array(let element): .array(element.replacingObject(with: type))
    case .map(let element): .map(element.replacingObject(with: type))
    case .primitive, .named: self
    }
  }
}

/// Types for untyped members, from the example values that reach them: an object the docs
/// describe whose fields the examples' keys are, or a new type read from the examples.
struct StructureFromExamples {
  private(set) var types: [String: NamedType]
  /// The types that can match examples, by key; kept up to date with every type added (a
  /// field's type changing does not change what can match).
  private var matchable: CandidateIndex
  /// How deep nested objects of an example are made into types.
  private static let maximumDepth = 8

  init(types: [String: NamedType]) {
    self.types = types
    matchable = CandidateIndex(types)
  }

  /// The type for a member and why, or nil when the examples give it no structure.
  mutating func type(for marked: [[String: JSON]], site: MemberSite) -> (type: TypeRef, why: String)? {
    let what = "'\(site.name)' of \(site.owner)"
    // `"list": [track_info]` where the docs define `track_info`: the placeholder names the type.
    let names = Set(marked.compactMap(PlaceholderMark.name))
    if names.count == 1, let name = names.first, marked.allSatisfy({ $0.isEmpty || PlaceholderMark.name($0) != nil }),
      case let type = TypeNamer.upperCamel(name), let named = types[type], named.kind != .enum,
      // An object the docs name without giving one field ("… // all fields from <vehicle>") would
      // decode into nothing.
      named.kind != .object || !(named.fields ?? []).isEmpty
    {
      return (
        .named(type),
        "\(what) is \(site.isArray ? "a list of " : "")\(type): its examples show the placeholder '\(name)', and the docs describe \(type)"
      )
    }
    let samples = marked.map(PlaceholderMark.removed)
    if site.isMap || Self.isKeyedByID(samples) { return mapType(for: samples, site: site) }
    // `"contacts": [<contact1>, …]`: placeholders alone, where the docs describe the object the
    // member is named after.
    if samples.allSatisfy(\.isEmpty) {
      let named = TypeNamer.upperCamel(site.isArray ? TypeNamer.singular(site.name) : site.name)
      guard let type = types[named], type.kind != .enum else { return nil }
      return (
        .named(named),
        "\(what) is \(site.isArray ? "a list of " : "")\(named): its examples show placeholders, and the docs describe \(named)"
      )
    }
    if Self.isLocation(samples) {
      return (.primitive(.location), "\(what) is \(site.isArray ? "a list of locations" : "a location"): its examples hold `lat` and `lng`")
    }
    if let known = knownType(matching: samples, owner: site.owner, member: site.name) {
      return (
        .named(known),
        "\(what) is \(site.isArray ? "a list of " : "")\(known): the keys of its examples are \(known)'s fields"
      )
    }
    let name = TypeNamer.name(resource: site.owner, member: site.isArray ? TypeNamer.singular(site.name) : site.name)
    guard let made = inferredType(named: name, from: samples, at: site.source, depth: 0) else { return nil }
    return (.named(made), "\(what) is \(made), a type read from its examples (the docs describe none of its fields)")
  }

  /// A map from ids to the type the samples' values share, and why; nil when the values give
  /// no type (all null).
  private mutating func mapType(for samples: [[String: JSON]], site: MemberSite) -> (type: TypeRef, why: String)? {
    let values = samples.flatMap(\.valuesInKeyOrder)
    let what = "'\(site.name)' of \(site.owner)"
    let evidence = site.isMap ? "the docs call it a map, and its examples show the values" : "its examples are keyed by ids"
    let element = TypeNamer.singular(site.name)
    let objects = values.compactMap(\.object)
    if !objects.isEmpty, objects.count == values.count(where: { !$0.isNull }) {
      var valueSite = site
      valueSite.name = element
      valueSite.isArray = false
      valueSite.isMap = false
      guard let inner = type(for: objects, site: valueSite) else { return nil }
      return (.map(inner.type), "\(what) is a map to \(inner.type): \(evidence) (\(inner.why))")
    }
    guard let inner = inferredType(of: values, owner: site.owner, member: element, at: site.source, depth: 0) else { return nil }
    return (.map(inner), "\(what) is a map to \(inner): \(evidence)")
  }

  /// Changes the type of a field of a named type.
  mutating func retype(field index: Int, of name: String, with change: (TypeRef) -> TypeRef) {
    guard let old = types[name]?.fields?[index].type else { return }
    types[name]?.fields?[index].type = change(old)
    if let type = types[name] { matchable.replace(name, with: type) }
  }

  // MARK: - Known types

  /// The described object (or union) whose fields the samples' keys are: most of the keys are
  /// its fields, and most of its required fields are among the keys. Ties go to the type whose
  /// name the member or its owner names (`Department` for `/department/list`), then to the
  /// closest match, then to the smaller type.
  func knownType(matching samples: [[String: JSON]], owner: String, member: String) -> String? {
    let keys = Set(samples.flatMap(\.keys))
    guard keys.count >= 2 else { return nil }
    var candidates: [(name: String, score: Double, size: Int, named: Bool)] = []
    let words = Set(Self.words(owner) + Self.words(member).map(TypeNamer.singular))
    // Objects of one shape score the same: each shape is scored once.
    var scores: [Int: Double?] = [:]
    for name in matchable.names(keys: keys) {
      guard let type = types[name] else { continue }
      let score: Double?
      if let shape = matchable.shape(of: name) {
        if let known = scores[shape] {
          score = known
        } else {
          score = self.score(of: type, against: samples, keys: keys)
          scores[shape] = score
        }
      } else {
        score = self.score(of: type, against: samples, keys: keys)
      }
      guard let score else { continue }
      let named = !Set(Self.words(type.name)).intersection(words).isEmpty
      candidates.append((type.name, score, type.fields?.count ?? 0, named))
    }
    return candidates.min { a, b in
      if a.named != b.named { return a.named }
      if a.score != b.score { return a.score > b.score }
      if a.size != b.size { return a.size < b.size }
      return a.name < b.name
    }?.name
  }

  /// How well the samples fit a type (0.8 to 2), or nil when they do not.
  private func score(of type: NamedType, against samples: [[String: JSON]], keys: Set<String>) -> Double? {
    switch type.kind {
    case .object:
      let fields = type.fields ?? []
      let names = Set(fields.map(\.name))
      let required = Set(fields.filter(\.required).map(\.name))
      let shared = keys.intersection(names).count
      guard shared >= 2 else { return nil }
      let cover = Double(shared) / Double(keys.count)
      let requiredCover = required.isEmpty ? 1 : Double(keys.intersection(required).count) / Double(required.count)
      guard cover >= 0.8 && requiredCover >= 0.8 else { return nil }
      // The values must have the shapes of the fields they would fill (an object where the
      // type has an object, a number where it has a number).
      for field in fields {
        for sample in samples {
          guard let value = sample[field.name], !value.isNull else { continue }
          if !Self.fits(value, field.type) { return nil }
        }
      }
      return cover + requiredCover
    case .union:
      // Each sample must name its kind and fit it.
      guard let discriminator = type.discriminator else { return nil }
      var total = 0.0
      for sample in samples {
        guard let tag = sample[discriminator]?.string, let variant = type.variants?.first(where: { $0.value == tag }),
          let object = types[variant.type], let score = score(of: object, against: [sample], keys: Set(sample.keys))
        else { return nil }
        total += score
      }
      return total / Double(samples.count)
    case .enum:
      return nil
    }
  }

  /// Whether a value has the shape of a type (not its every detail: an enum takes any string).
  /// (`CandidateIndex` scores objects alike once, keeping of each field's type only what this
  /// tells apart: change both together.)
  private static func fits(_ value: JSON, _ type: TypeRef) -> Bool {
    switch type {
    case .array: value.array != nil
    case .map: value.object != nil
    case .object, .named: value.object != nil || value.string != nil
    case .primitive(let primitive):
      switch primitive {
      case .bool: value.bool != nil
      case .byte, .short, .int, .long: value.isWholeNumber
      case .float, .double: value.isNumber
      case .string, .dateTime, .localTime, .locale: value.string != nil
      case .location: value.object != nil
      case .file: true
      }
    }
  }

  /// `TrackerListResponse` → tracker, list, response.
  private static func words(_ name: String) -> [String] {
    var words: [String] = []
    var current = ""
    for character in name {
      if character.isUppercase, !current.isEmpty {
        words.append(current.lowercased())
        current = ""
      }
      if character.isLetter || character.isNumber { current.append(character) } else if !current.isEmpty {
        words.append(current.lowercased())
        current = ""
      }
    }
    if !current.isEmpty { words.append(current.lowercased()) }
    return words
  }

  // MARK: - Types read from examples

  /// `{"lat": …, "lng": …}`: the docs' `location`.
  static func isLocation(_ samples: [[String: JSON]]) -> Bool {
    !samples.isEmpty && samples.allSatisfy(\.isLocation)
  }

  /// An object keyed by ids (`{"101": …, "122": …}`) is a map, not a structure.
  static func isKeyedByID(_ samples: [[String: JSON]]) -> Bool {
    // All the samples' keys together: one empty sample beside keyed ones does not make it a structure.
    let merged = samples.reduce(into: [String: JSON]()) { all, sample in all.merge(sample) { first, _ in first } }
    return merged.isKeyedByIDs
  }

  /// A new object type with the samples' keys as optional fields, typed by their values; nil
  /// when no key has a value that says a type.
  private mutating func inferredType(named wanted: String, from samples: [[String: JSON]], at source: SourceLocation, depth: Int)
    -> String?
  {
    guard depth < Self.maximumDepth else { return nil }
    let keys = Array(Set(samples.flatMap(\.keys))).sorted()
    var fields: [Field] = []
    for key in keys {
      let values = samples.compactMap { $0[key] }
      // An object the examples show empty (or by a placeholder) is an object of no known fields.
      let type =
        values.contains(.object([:])) && values.allSatisfy({ $0.isNull || $0 == .object([:]) })
        ? .object : inferredType(of: values, owner: wanted, member: key, at: source, depth: depth)
      guard let type else { continue }
      fields.append(
        Field(
          name: key, type: type, required: false, nullable: values.contains(.null),
          description: "", source: source))
    }
    guard !fields.isEmpty else { return nil }
    // The same structure read twice is one type.
    // The first by name where several are, so that the choice does not follow hash order.
    if let existing = types.values.filter({ $0.kind == .object && $0.fields == fields && $0.name.hasPrefix(wanted) })
      .map(\.name).min()
    {
      return existing
    }
    let name = UniqueName.make(wanted) { types[$0] != nil }
    let type = NamedType(
      name: name, kind: .object,
      description: "The structure of its example in the docs, which describe none of its fields.", fields: fields,
      source: source)
    types[name] = type
    matchable.add(name, type)
    return name
  }

  /// The type the values of one key say: the first that is not null.
  private mutating func inferredType(of values: [JSON], owner: String, member: String, at source: SourceLocation, depth: Int)
    -> TypeRef?
  {
    guard let value = values.first(where: { !$0.isNull }) else { return nil }
    switch value {
    case .null: return nil
    case .bool: return .primitive(.bool)
    case .int: return values.contains { if case .double = $0 { true } else { false } } ? .primitive(.double) : .primitive(.long)
    case .double: return .primitive(.double)
    case .string:
      return values.allSatisfy { $0.isNull || $0.typeWords == "date/time" } ? .primitive(.dateTime) : .primitive(.string)
    case .object:
      let objects = values.compactMap(\.object)
      if Self.isKeyedByID(objects) {
        let members = objects.flatMap(\.valuesInKeyOrder)
        return inferredType(of: members, owner: owner, member: TypeNamer.singular(member), at: source, depth: depth + 1)
          .map(TypeRef.map) ?? .object
      }
      if Self.isLocation(objects) { return .primitive(.location) }
      let name = TypeNamer.name(resource: owner, member: member)
      return inferredType(named: name, from: objects, at: source, depth: depth + 1).map(TypeRef.named) ?? .object
    case .array:
      let elements = values.compactMap(\.array).flatMap { $0 }.filter { !$0.isNull }
      guard !elements.isEmpty else { return .array(.object) }
      return inferredType(of: elements, owner: owner, member: TypeNamer.singular(member), at: source, depth: depth)
        .map(TypeRef.array) ?? .array(.object)
    }
  }
}

/// The only types that can match examples with a given set of keys: objects with at least two
/// fields among the keys, and unions whose discriminator is one of them. Looking them up by
/// key keeps matching every untyped member from growing with the number of types. Objects are
/// indexed by shape (their fields' names, types and presence, all a score reads), since large
/// docs describe many objects alike.
private struct CandidateIndex {
  /// What an object's score depends on: its fields' names and presence, and of their types
  /// only what `fits` tells apart (any array, any map, any object, each primitive).
  private struct Shape: Hashable {
    var fields: [Part]

    struct Part: Hashable {
      var name: String
      var type: Kind
      var required: Bool
    }

    enum Kind: Hashable {
      case array
      case map
      case object
      case primitive(TypeRef.Primitive)
    }

    init(_ fields: [Field]) {
      self.fields = fields.map { field in
        let kind: Kind =
          switch field.type {
          case .array: .array
          case .map: .map
          case .object, .named: .object
          case .primitive(let primitive): .primitive(primitive)
          }
        return Part(name: field.name, type: kind, required: field.required)
      }
    }
  }

  private var shapeIDs: [Shape: Int] = [:]
  /// Each object's shape, and the objects of each shape.
  private var shapes: [String: Int] = [:]
  private var objectsByShape: [Int: Set<String>] = [:]
  /// Shapes by the name of each of their fields.
  private var shapesByField: [String: Set<Int>] = [:]
  /// Unions by the key that names their kind.
  private var unionsByDiscriminator: [String: Set<String>] = [:]

  init(_ types: [String: NamedType]) {
    for (name, type) in types { add(name, type) }
  }

  /// The names of the types that can match, in no particular order.
  func names(keys: Set<String>) -> Set<String> {
    var shared: [Int: Int] = [:]
    for key in keys {
      for shape in shapesByField[key] ?? [] { shared[shape, default: 0] += 1 }
    }
    var names = Set<String>()
    for (shape, count) in shared where count >= 2 { names.formUnion(objectsByShape[shape] ?? []) }
    for key in keys { names.formUnion(unionsByDiscriminator[key] ?? []) }
    return names
  }

  /// The shape of an object, which objects with the same fields share.
  func shape(of name: String) -> Int? { shapes[name] }

  mutating func add(_ name: String, _ type: NamedType) {
    switch type.kind {
    case .object:
      let shape = Shape(type.fields ?? [])
      let id: Int
      if let known = shapeIDs[shape] {
        id = known
      } else {
        id = shapeIDs.count
        shapeIDs[shape] = id
        for field in shape.fields { shapesByField[field.name, default: []].insert(id) }
      }
      shapes[name] = id
      objectsByShape[id, default: []].insert(name)
    case .union:
      if let discriminator = type.discriminator { unionsByDiscriminator[discriminator, default: []].insert(name) }
    case .enum:
      break
    }
  }

  /// Indexes an object again after its fields changed.
  mutating func replace(_ name: String, with type: NamedType) {
    if let old = shapes.removeValue(forKey: name) { objectsByShape[old]?.remove(name) }
    add(name, type)
  }
}
