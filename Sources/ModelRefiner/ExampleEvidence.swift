import APIModel

/// The docs' own response examples are evidence about the types read from their prose: a field
/// an example leaves out is not required, a field an example sets to `null` is nullable. A
/// value of the wrong shape (an array where the prose says object) is reported, since no type
/// can both follow the prose and decode the example.
struct ResponseEvidencePass: RefinementPass {
  let summary = "response evidence: fields response examples leave out become optional, fields they set to null nullable"

  func run(_ context: inout RefinementContext) {
    var evidence = ExampleEvidence(types: context.types)
    context.api.endpoints = context.api.endpoints.map { evidence.apply(to: $0) }
    context.types = evidence.types
    context.diagnostics += evidence.diagnostics
  }
}

/// Request examples are weaker evidence: a field they set to `null` is nullable; a field they
/// leave out is not required only in a type that requests alone use (the variants made for
/// "without `id`"); in a type answers use too it stays required, and the value check reports
/// the gap.
struct RequestEvidencePass: RefinementPass {
  let summary = "request evidence: fields request examples set to null become nullable (and optional in request-only types)"

  func run(_ context: inout RefinementContext) {
    var evidence = ExampleEvidence(types: context.types)
    for endpoint in context.api.endpoints { evidence.applyRequests(of: endpoint, requestTypes: context.requestOnlyTypes) }
    context.types = evidence.types
  }
}

/// Walks examples along the types they are described by, relaxing those types.
struct ExampleEvidence {
  private(set) var types: [String: NamedType]
  private(set) var diagnostics: [Diagnostic] = []

  init(types: [String: NamedType]) {
    self.types = types
  }

  /// Walks every response example of `endpoint`, relaxing its fields and the named types it
  /// reaches; returns the endpoint with its response fields relaxed.
  mutating func apply(to endpoint: Endpoint) -> Endpoint {
    var endpoint = endpoint
    for sample in endpoint.response.examples {
      guard let object = sample.json?.object, object["success"] != .bool(false) else { continue }
      placeholders = Set(sample.placeholders)
      endpoint.response.fields = relax(endpoint.response.fields, by: object, path: "", at: sample.source)
    }
    placeholders = []
    return endpoint
  }

  /// Walks the objects that `endpoint`'s request examples send.
  mutating func applyRequests(of endpoint: Endpoint, requestTypes: Set<String>) {
    walkedRequestTypes = requestTypes
    defer { walkedRequestTypes = nil }
    for example in endpoint.examples {
      guard let object = example.arguments?.object else { continue }
      for parameter in endpoint.parameters {
        guard let value = object[parameter.name], !value.isNull else { continue }
        switch parameter.type {
        case .named, .array(.named): visit(value, as: parameter.type, path: parameter.name, at: example.sample.source)
        default: continue
        }
      }
    }
  }

  /// The paths of the example being walked where the docs put a placeholder: a `null` there
  /// says nothing of nullability.
  private var placeholders: Set<String> = []

  /// Set while request examples are walked, to the types only requests use: elsewhere they
  /// relax nullability only, and a value of the wrong shape is the value check's to report.
  private var walkedRequestTypes: Set<String>?

  private mutating func relax(
    _ fields: [Field], by object: [String: JSON], path: String, at source: SourceLocation, absentRelaxes: Bool = true
  ) -> [Field] {
    var fields = fields
    for index in fields.indices {
      let name = fields[index].name
      guard let value = object[name] else {
        if absentRelaxes { fields[index].required = false }
        continue
      }
      if value.isNull {
        let fieldPath = path.isEmpty ? name : path + "." + name
        if !placeholders.contains(fieldPath) { fields[index].nullable = true }
        continue
      }
      visit(value, as: fields[index].type, path: path.isEmpty ? name : path + "." + name, at: source)
    }
    return fields
  }

  private mutating func visit(_ value: JSON, as type: TypeRef, path: String, at source: SourceLocation) {
    switch type {
    case .array(let element):
      guard let array = value.array else { return mismatch(path, "an array", at: source) }
      for (offset, item) in array.enumerated() where !item.isNull {
        visit(item, as: element, path: "\(path)[\(offset)]", at: source)
      }
    case .map(let element):
      guard let object = value.object else { return mismatch(path, "an object keyed by ids", at: source) }
      for (key, item) in object.sorted(by: { $0.key < $1.key }) where !item.isNull {
        visit(item, as: element, path: "\(path).\(key)", at: source)
      }
    case .named(let name):
      guard let named = types[name] else { return }
      switch named.kind {
      case .object:
        guard let object = value.object else { return mismatch(path, "an object (\(name))", at: source) }
        let relaxed = relax(
          named.fields ?? [], by: object, path: path, at: source,
          absentRelaxes: walkedRequestTypes?.contains(name) ?? true)
        types[name]?.fields = relaxed
      case .union:
        guard let object = value.object else { return mismatch(path, "an object (\(name))", at: source) }
        let tag = named.discriminator.flatMap { object[$0]?.string } ?? ""
        if let variant = named.variants?.first(where: { $0.value == tag }) {
          visit(value, as: .named(variant.type), path: path, at: source)
        }
      case .enum:
        if value.string == nil { mismatch(path, "a string (\(name))", at: source) }
      }
    case .object:
      if value.object == nil { mismatch(path, "an object", at: source) }
    case .primitive(let primitive):
      if let expected = JSONShape.problem(value, primitive) { mismatch(path, expected, at: source) }
    }
  }

  private mutating func mismatch(_ path: String, _ expected: String, at source: SourceLocation) {
    guard walkedRequestTypes == nil else { return }
    diagnostics.append(
      .warning(
        "example-type-mismatch", "the response example has a value at '\(path)' that is not \(expected) as the field list says",
        at: source))
  }
}
