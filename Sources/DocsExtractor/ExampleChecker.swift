import APIModel
import Foundation

/// Compares an endpoint's request examples with its documented path and parameters.
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
      for parameter in endpoint.parameters {
        guard let value = object[parameter.name], !(value is NSNull), case .primitive(let primitive) = parameter.type,
          let expected = ExampleEvidence.shapeProblem(value, primitive)
        else { continue }
        diagnostics.append(
          .warning(
            "example-param-type",
            "\(example.title) example sends '\(parameter.name)' as \(JSONExample.typeWords(of: value)), but the parameter is \(expected)",
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
}
