import APIModel

/// A named type's summary, about the type rather than about one use of it.
///
/// A type the docs define inside a member's text (the values listed in a parameter's
/// description, an object nested under a field's bullet) has that member's description as its
/// own: "Optional. If empty, JSON will be returned. … Can be "csv", "pdf"". What is said of the
/// member (whether it may be left out or `null`, its default, when it is used) and the values
/// the enum's cases already list are left to the member; what is left describes the type. When
/// nothing is, the summary says where the type comes from: "The values of `format`, a parameter
/// of `/checkin/list`."
struct TypeSummary {
  /// A parameter or field, as the place a type may be defined.
  private struct Member {
    var name: String
    var type: TypeRef
    var description: String
    var owner: Owner
  }

  private enum Owner {
    case parameter(path: String)
    case answer(path: String)
    case type(String)
  }

  private var members: [SourceLocation: [Member]] = [:]

  init(_ api: APIDescription) {
    for endpoint in api.endpoints {
      for parameter in endpoint.parameters {
        add(
          Member(
            name: parameter.name, type: parameter.type, description: parameter.description,
            owner: .parameter(path: endpoint.path)), at: parameter.source)
      }
      for field in endpoint.response.fields {
        add(
          Member(
            name: field.name, type: field.type, description: field.description,
            owner: .answer(path: endpoint.path)), at: field.source)
      }
    }
    for type in api.types {
      for field in type.fields ?? [] {
        add(
          Member(
            name: field.name, type: field.type, description: field.description,
            owner: .type(type.name)), at: field.source)
      }
    }
  }

  private mutating func add(_ member: Member, at source: SourceLocation) {
    members[source, default: []].append(member)
  }

  /// The summary of `type`: its description when it is its own, else one made as above.
  /// `swiftName` gives a docs type's Swift name, to link the type a field belongs to.
  func doc(of type: NamedType, swiftName: (String) -> String?) -> String {
    let definer = members[type.source]?.first { member in
      Self.refers(member.type, to: type.name)
        && (type.description.isEmpty || member.description.hasPrefix(type.description))
    }
    guard let definer else { return type.description }
    let values = Set((type.values ?? []).map(\.value))
    let kept = LeadIns.sentences(type.description).compactMap { Self.aboutTheType($0, values: values) }
    if !kept.isEmpty { return kept.joined(separator: " ") }
    let what =
      switch (type.kind, definer.type) {
      case (.enum, _): "The values of"
      case (_, .array): "An item of"
      case (_, .map): "A value of"
      default: "The object of"
      }
    let role =
      switch definer.owner {
      case .parameter(let path): "a parameter of `\(path)`"
      case .answer(let path): "a field of the answer of `\(path)`"
      case .type(let name): "a field of " + (swiftName(name).map { "``\($0)``" } ?? "`\(name)`")
      }
    return "\(what) `\(definer.name)`, \(role)."
  }

  private static func refers(_ type: TypeRef, to name: String) -> Bool {
    switch type {
    case .named(let named): named == name
    case .array(let element), .map(let element): refers(element, to: name)
    case .primitive, .object: false
    }
  }

  /// `sentence` as far as it is about the type. Sentences about the member are left out: its
  /// presence, nullability, default or use ("Optional.", "Cannot be null.", "Default all.",
  /// "If empty, …", "*IGNORED* in …"). One that lists the enum's values, which its cases show,
  /// keeps the words before the list when they name something ("New state: "on" | "off"." →
  /// "New state.").
  private static func aboutTheType(_ sentence: String, values: Set<String>) -> String? {
    let lowered = sentence.lowercased()
    if memberCues.contains(where: { lowered.hasPrefix($0) })
      || ["*ignored*", "default is", "default:", "(default)", "by default"].contains(where: lowered.contains)
    {
      return nil
    }
    let quoted = values.flatMap { ["\"\($0)\"", "`\($0)`"] }.filter { sentence.contains($0) }
    let listsValues = quoted.count >= min(2, values.count) && !quoted.isEmpty
    guard listsValues || valueCues.contains(where: { lowered.hasPrefix($0) }) else { return sentence }
    let firstValue = quoted.compactMap { sentence.range(of: $0)?.lowerBound }.min() ?? sentence.startIndex
    var lead = String(sentence[..<firstValue])
    while true {
      lead = String(lead.reversed().drop { " :,(–-".contains($0) }.reversed())
      guard let cue = valueCues.first(where: { lead.lowercased().hasSuffix($0) }) else { break }
      lead = String(lead.dropLast(cue.count))
    }
    let words = lead.split(separator: " ")
    guard words.count >= 2, let last = words.last, !dangling.contains(last.lowercased()) else {
      return nil
    }
    return lead + "."
  }

  /// Words a name does not end with: what stands before them is not a name.
  private static let dangling: Set<String> = ["by", "of", "for", "to", "in", "with", "as", "is", "are", "be", "the", "a"]

  private static let memberCues = [
    "optional", "non-null", "not null", "cannot be null", "can be null", "may be null",
    "may be empty", "nullable", "required", "if ", "otherwise", "when ", "appears", "it appears",
    "returned", "only returned", "present only", "should be valid", "default",
  ]

  private static let valueCues = [
    "can be", "can have", "one of", "either", "possible values", "should be one of",
    "must be one of", "e.g.", "for example", "now supported", "values:", "values", "for now it's",
    "one of strings", "possible values listed below",
  ]
}
