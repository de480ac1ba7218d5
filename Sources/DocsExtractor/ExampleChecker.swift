import APIModel
import Foundation

/// Compares an endpoint's request examples with its documented path and parameters (`check`),
/// and the values they send with the parameters' types (`checkValues`).
enum ExampleChecker {
  static func check(_ endpoint: Endpoint, baseURL: String) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let documented = Set(endpoint.parameters.map(\.name))
    for example in endpoint.examples {
      let location = example.sample.source
      if PathText.path(ofExampleURL: example.url, baseURL: baseURL) != endpoint.path {
        diagnostics.append(
          .warning(
            "example-path-mismatch",
            "\(example.title) example calls '\(example.url)', not '\(endpoint.path)'", at: location))
      }
      guard let body = example.body else { continue }
      guard let object = JSONText.parse(body) as? [String: Any] else {
        diagnostics.append(
          .warning("example-body-invalid", "\(example.title) example body is not a JSON object", at: location))
        continue
      }
      let sent = Set(object.keys).subtracting(["hash"])
      for name in sent.subtracting(documented).sorted() {
        diagnostics.append(
          .warning(
            "example-param-not-documented",
            "\(example.title) example sends '\(name)', which the parameters of '\(endpoint.path)' do not list",
            at: location))
      }
      for parameter in endpoint.parameters where parameter.required && !sent.contains(parameter.name) {
        diagnostics.append(
          .warning(
            "example-param-missing",
            "\(example.title) example omits the required parameter '\(parameter.name)'", at: location))
      }
    }
    return diagnostics
  }

  /// The value as the warning shows it: text is quoted (shortened), so that a reader sees the
  /// JSON that was meant to be sent.
  static func words(for value: Any) -> String {
    guard let text = value as? String else { return JSONExample.typeWords(of: value) }
    let shown = text.count > 40 ? text.prefix(40) + "…" : Substring(text)
    return "the text \"\(shown)\""
  }
}

extension ExampleChecker {
  /// The values a request example sends, at any depth: values of the wrong shape (an `int` id
  /// as text, `"trackers": "[1, 2]"`, a GET value that does not parse as the object it should
  /// be), `null` where a field may not be null, required fields left out. Run on the final
  /// types (after the request variants), so that a create call without `id` is not blamed for it.
  static func checkValues(_ endpoint: Endpoint, types: [String: NamedType]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for example in endpoint.examples {
      guard let body = example.body, let object = JSONText.parse(body) as? [String: Any] else { continue }
      var walk = SentObjectWalk(types: types, example: example)
      for parameter in endpoint.parameters {
        guard let value = object[parameter.name], !(value is NSNull) else { continue }
        walk.visit(value, as: parameter.type, path: parameter.name, isParameter: true)
      }
      diagnostics += walk.diagnostics
    }
    return diagnostics
  }
}

/// One request example's values, walked along the types they are sent as.
private struct SentObjectWalk {
  let types: [String: NamedType]
  let example: Example
  var diagnostics: [Diagnostic] = []

  /// - Parameter isParameter: `value` is a parameter's, not a field's (which the warnings say).
  mutating func visit(_ value: Any, as type: TypeRef, path: String, isParameter: Bool = false) {
    let mismatch = { (walk: inout SentObjectWalk, expected: String) in
      walk.mismatch(path, value, expected, isParameter: isParameter)
    }
    switch type {
    case .array(let element):
      guard let items = value as? [Any] else { return mismatch(&self, "an array") }
      for (offset, item) in items.enumerated() where !(item is NSNull) {
        visit(item, as: element, path: "\(path)[\(offset)]")
      }
    case .named(let name):
      guard let named = types[name] else { return }
      switch named.kind {
      case .object:
        guard let object = value as? [String: Any] else { return mismatch(&self, "an object (\(name))") }
        visitFields(of: named, in: object, path: path)
      case .union:
        guard let object = value as? [String: Any] else { return mismatch(&self, "an object (\(name))") }
        guard let discriminator = named.discriminator else { return }
        let tag = object[discriminator] as? String
        if let variant = named.variants?.first(where: { $0.value == tag }) {
          visit(object, as: .named(variant.type), path: path)
        } else if tag == nil {
          diagnostics.append(
            .warning(
              "example-field-missing",
              "\(example.title) example sends '\(path)' without '\(discriminator)', which tells the kinds of \(name) apart",
              at: example.sample.source))
        }
      case .enum:
        if !(value is String) { mismatch(&self, "a string (\(name))") }
      }
    case .object:
      if !(value is [String: Any]) { mismatch(&self, "an object") }
    case .primitive(let primitive):
      if let expected = ExampleEvidence.shapeProblem(value, primitive) { mismatch(&self, expected) }
    }
  }

  private mutating func visitFields(of type: NamedType, in object: [String: Any], path: String) {
    let described = Set((type.fields ?? []).map(\.name))
    for key in object.keys.sorted() where !described.contains(key) {
      diagnostics.append(
        .warning(
          "example-field-not-documented",
          "\(example.title) example sends '\(path).\(key)', which \(type.name) does not describe",
          at: example.sample.source))
    }
    for field in type.fields ?? [] {
      let fieldPath = path + "." + field.name
      switch object[field.name] {
      case nil where field.required:
        diagnostics.append(
          .warning(
            "example-field-missing",
            "\(example.title) example sends '\(path)' without '\(field.name)', which \(type.name) requires",
            at: example.sample.source))
      case nil:
        continue
      case let value? where value is NSNull:
        if !field.nullable {
          diagnostics.append(
            .warning(
              "example-param-type", "\(example.title) example sends '\(fieldPath)' as null, which the field may not be",
              at: example.sample.source))
        }
      case let value?:
        visit(value, as: field.type, path: fieldPath)
      }
    }
  }

  private mutating func mismatch(_ path: String, _ value: Any, _ expected: String, isParameter: Bool) {
    let words = ExampleChecker.words(for: value)
    diagnostics.append(
      .warning(
        "example-param-type",
        "\(example.title) example sends '\(path)' as \(words), but the \(isParameter ? "parameter" : "field") is \(expected)",
        at: example.sample.source))
  }
}
