import APIModel

/// Makes a docs example an answer that the document describes, for the examples that
/// contradict their own field list (a `string` field shown holding an object, an enum value
/// the list leaves out, a required field left out): each value that is not of its documented
/// type becomes one the synthesizer makes, a missing required field is added, and everything
/// else stays as the docs write it.
struct AnswerConformance: Sendable {
  let check: TypeCheck
  let synthesizer: ValueSynthesizer

  /// The object with its documented fields made to agree with their types, and the paths of
  /// the values that were replaced or added (`list[0].status`).
  func conformed(_ object: [String: JSON], to fields: [Field]) -> (
    object: [String: JSON], corrected: [String]
  ) {
    var corrected: [String] = []
    let result = conformed(object, to: fields, at: "", corrected: &corrected)
    return (result, corrected)
  }

  private func conformed(
    _ object: [String: JSON], to fields: [Field], at path: String, corrected: inout [String]
  ) -> [String: JSON] {
    var result = object
    for field in fields {
      let place = path.isEmpty ? field.name : "\(path).\(field.name)"
      guard let value = object[field.name] else {
        if field.required {
          result[field.name] = synthesizer.value(field.type, named: field.name)
          corrected.append(place)
        }
        continue
      }
      if value == .null, field.nullable { continue }
      result[field.name] = conformed(
        value, to: field.type, named: field.name, at: place, corrected: &corrected)
    }
    return result
  }

  private func conformed(
    _ value: JSON, to type: TypeRef, named name: String, at path: String,
    corrected: inout [String]
  ) -> JSON {
    guard check.problem(value, as: type) != nil else { return value }
    switch (type, value) {
    case (.array(let element), .array(let items)):
      return .array(
        items.enumerated().map { index, item in
          conformed(item, to: element, named: name, at: "\(path)[\(index)]", corrected: &corrected)
        })
    case (.named(let typeName), .object(let object)):
      guard let named = check.types[typeName] else { break }
      switch named.kind {
      case .object:
        var result = conformed(object, to: named.fields ?? [], at: path, corrected: &corrected)
        if let tag = check.variantTags[typeName], case .string(let value)? = result[tag.field],
          !tag.values.contains(value), let first = tag.values.first
        {
          result[tag.field] = .string(first)
          corrected.append("\(path).\(tag.field)")
        }
        return .object(result)
      case .union:
        if let variant = check.variant(of: named, for: object) {
          return conformed(
            value, to: .named(variant.type), named: name, at: path, corrected: &corrected)
        }
      case .enum:
        break
      }
    default:
      break
    }
    corrected.append(path)
    return synthesizer.value(type, named: name)
  }
}
