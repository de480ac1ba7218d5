import APIModel
import Foundation
import Pipeline
import SwiftEmitter

/// One example of the corpus to run through the generated client.
struct ExampleCase: Codable, Hashable, Sendable {
  enum Kind: String, Codable, Sendable {
    /// A response JSON example: it must decode into the endpoint's answer type.
    case response
    /// A request example's parameters: they must decode into the method's arguments and encode
    /// back to what the example sends.
    case request
  }

  var id: Int
  var kind: Kind
  var path: String
  var json: String
  /// `page:line:column` of the example.
  var source: String
  /// For a request: what the stub transport answers (then the call must succeed), and its
  /// content type; without it the stub answers `{"success": true}` and only the request counts.
  var answer: String?
  var answerType: String?
}

/// What the generated package reports for one case.
struct ExampleOutcome: Codable, Hashable, Sendable {
  var id: Int
  /// Why the example failed; `nil` when it passed.
  var failure: String?
  /// For a request: the JSON body the client sent.
  var sent: String?
}

/// The examples of the corpus as test cases for the generated package, and the judgement of
/// what comes back.
///
/// The cases go to the package as a JSON file and a generated Swift test with one `case` per
/// endpoint, so that the examples pass through the very code an app would run: the method
/// builds its parameters, the client encodes them and decodes the answer.
struct ExampleConformance {
  static let casesFile = "example-cases.json"
  static let outcomesFile = "example-outcomes.json"

  let clientName: String
  let api: APIDescription
  /// How the generated client calls each endpoint, by path: the emitter's own account.
  let calls: [String: SwiftCallSite]
  private(set) var cases: [ExampleCase] = []
  /// An example left out, with the reason, for the report.
  struct Skip {
    var kind: ExampleCase.Kind
    var source: String
    var path: String
    var reason: String
  }

  private(set) var skipped: [Skip] = []
  /// Expected request bodies (without `hash`), by case id.
  private(set) var expectedBodies: [Int: [String: Any]] = [:]
  /// The checks of named endpoints (`WireCheck`), each with the id of its case in `wireCases`;
  /// they run in the same package, after the examples, and are judged apart from them.
  private(set) var wireChecks: [(id: Int, check: WireCheck)] = []
  private(set) var wireCases: [ExampleCase] = []

  init(api: APIDescription, clientName: String = "NavixyClient", wireChecks: [WireCheck] = []) {
    self.api = api
    self.clientName = clientName
    let sites = SwiftEmitter(options: .init(clientName: clientName)).callSites(api)
    calls = Dictionary(sites.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    for endpoint in api.endpoints {
      addResponses(of: endpoint)
      addRequests(of: endpoint)
    }
    for check in wireChecks {
      let id = cases.count + wireCases.count
      self.wireChecks.append((id, check))
      guard let json = check.json, calls[check.path] != nil else { continue }
      wireCases.append(
        ExampleCase(
          id: id, kind: check.kind, path: check.path, json: json, source: "check: \(check.name)",
          answer: check.answer?.body, answerType: check.answer?.contentType))
    }
  }

  private mutating func addResponses(of endpoint: Endpoint) {
    for example in endpoint.response.examples {
      let source = example.source.description
      guard endpoint.response.kind == .json else {
        skipped.append(Skip(kind: .response, source: source, path: endpoint.path, reason: "the answer is a file, not JSON"))
        continue
      }
      guard let object = Self.jsonObject(example.code) else {
        skipped.append(Skip(kind: .response, source: source, path: endpoint.path, reason: "not a valid JSON object"))
        continue
      }
      if object["success"] as? Bool == false {
        skipped.append(Skip(kind: .response, source: source, path: endpoint.path, reason: "an error answer"))
        continue
      }
      cases.append(
        ExampleCase(id: cases.count, kind: .response, path: endpoint.path, json: example.code, source: source))
    }
  }

  private mutating func addRequests(of endpoint: Endpoint) {
    for example in endpoint.examples {
      let source = example.sample.source.description
      guard let body = example.body else {
        skipped.append(Skip(kind: .request, source: source, path: endpoint.path, reason: "no parameters read from the example"))
        continue
      }
      guard var object = Self.jsonObject(body) else {
        skipped.append(Skip(kind: .request, source: source, path: endpoint.path, reason: "parameters not a valid JSON object"))
        continue
      }
      // A file is not JSON: an upload's example cannot say what the file part holds.
      let uploadsFile = calls[endpoint.path]?.arguments.contains { $0.type.contains("FileUpload") } ?? false
      guard endpoint.requestEncoding == .json, !uploadsFile else {
        skipped.append(Skip(kind: .request, source: source, path: endpoint.path, reason: "a file upload"))
        continue
      }
      // The session travels in a header, never as a parameter.
      object["hash"] = nil
      expectedBodies[cases.count] = object
      cases.append(ExampleCase(id: cases.count, kind: .request, path: endpoint.path, json: body, source: source))
    }
  }

  static func jsonObject(_ text: String) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) as? [String: Any]
  }

  // MARK: Judging

  /// One failed case with the warnings that excuse it, if any.
  struct Failure: CustomStringConvertible {
    var example: ExampleCase
    var reason: String
    /// Warnings in the endpoint's section that are at the example itself or name what failed.
    var excuses: [Diagnostic]
    /// The other warnings of the endpoint's section, for the report.
    var sectionWarnings: [Diagnostic]

    var description: String {
      var text = "\(example.source) \(example.path) [\(example.kind.rawValue)]: \(reason)"
      for excuse in excuses.prefix(3) {
        text += "\n    excused by \(excuse.location.map { "\($0): " } ?? "")\(excuse.message) [\(excuse.kind)]"
      }
      if excuses.isEmpty, !sectionWarnings.isEmpty {
        text += "\n    (the section's \(sectionWarnings.count) warnings name something else: "
        text += Set(sectionWarnings.map(\.kind)).sorted().joined(separator: ", ") + ")"
      }
      return text
    }
  }

  struct Judgement {
    var passed: [ExampleCase] = []
    var excused: [Failure] = []
    var unexcused: [Failure] = []
  }

  /// Sorts the outcomes of one kind into passed, excused and unexcused failures.
  ///
  /// A failure is excused by a warning in the endpoint's section of its page (from its heading
  /// to the next endpoint's) that names the doc defect: its message quotes a name the failure is
  /// about (the parameter, the key where decoding stopped), or it is about the example as a
  /// whole (located at the example, quoting no name). Any warning of the section would excuse too much: an enum without values does not
  /// explain an example that sends a number as text.
  func judge(_ outcomes: [ExampleOutcome], kind: ExampleCase.Kind, diagnostics: [Diagnostic])
    -> Judgement
  {
    let sections = EndpointSections(api.endpoints)
    let byID = Dictionary(outcomes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var judgement = Judgement()
    for example in cases where example.kind == kind {
      let reason: String?
      if let outcome = byID[example.id] {
        reason = outcome.failure ?? roundTripFailure(example, sent: outcome.sent)
      } else {
        reason = "no outcome reported"
      }
      guard let reason else {
        judgement.passed.append(example)
        continue
      }
      let section = sections.warnings(for: example.path, in: diagnostics)
      let names = Self.failingNames(in: reason)
      let (excuses, others) = section.reduce(into: ([Diagnostic](), [Diagnostic]())) { sorted, warning in
        let quoted = Self.quotedNames(in: warning.message)
        // A warning at the example that quotes names is about those names (its fields), not
        // about the example as a whole.
        let aboutTheExample =
          quoted.isEmpty && warning.location.map { "\($0.file):\($0.line)" } == Self.line(of: example.source)
        if aboutTheExample || !names.isDisjoint(with: quoted) { sorted.0.append(warning) } else { sorted.1.append(warning) }
      }
      let failure = Failure(example: example, reason: reason, excuses: excuses, sectionWarnings: others)
      if excuses.isEmpty {
        judgement.unexcused.append(failure)
      } else {
        judgement.excused.append(failure)
      }
    }
    return judgement
  }

  /// What a failure is about: the names it quotes, and the last key of the JSON path where
  /// decoding stopped (`null for Int at list[0].extra.task_id` → `task_id`), not the containers
  /// above it, which many unrelated warnings mention.
  static func failingNames(in reason: String) -> Set<String> {
    var names = Set(reason.matches(of: #/'([^']+)'/#).map { String($0.output.1) })
    if let path = reason.firstMatch(of: #/ at ([A-Za-z_][^ :]*)/#)?.output.1,
      let last = path.split(whereSeparator: { ".[]".contains($0) }).last(where: { Int($0) == nil })
    {
      names.insert(String(last))
    }
    return names
  }

  /// The names a warning quotes, each quoted JSON path split into its keys (`'list[0].extra'` →
  /// `list`, `extra`).
  static func quotedNames(in message: String) -> Set<String> {
    var names: Set<String> = []
    for match in message.matches(of: #/'([^']+)'/#) {
      for key in match.output.1.split(whereSeparator: { ".[]".contains($0) }) where Int(key) == nil {
        names.insert(String(key))
      }
    }
    return names
  }

  /// `page:line` of a `page:line:column` source.
  private static func line(of source: String) -> String {
    String(source.split(separator: ":").dropLast().joined(separator: ":"))
  }

  /// For a request case: what differs between the example's parameters and what the client sent.
  private func roundTripFailure(_ example: ExampleCase, sent: String?) -> String? {
    guard example.kind == .request, let expected = expectedBodies[example.id] else { return nil }
    guard let sent, let actual = Self.jsonObject(sent) else { return "the client sent no JSON object" }
    var differences: [String] = []
    for key in Set(expected.keys).union(actual.keys).sorted() {
      switch (expected[key], actual[key]) {
      case (.some, nil): differences.append("'\(key)' not sent")
      case (nil, .some): differences.append("'\(key)' sent but not in the example")
      case (let wanted?, let got?) where !Self.equal(wanted, got):
        differences.append("'\(key)' sent as \(Self.text(got)), the example has \(Self.text(wanted))")
      default: break
      }
    }
    return differences.isEmpty ? nil : differences.joined(separator: "; ")
  }

  /// JSON equality: numbers by value (`1` equals `1.0`), objects regardless of key order.
  private static func equal(_ lhs: Any, _ rhs: Any) -> Bool {
    switch (lhs, rhs) {
    case (let lhs as [String: Any], let rhs as [String: Any]):
      lhs.count == rhs.count && lhs.allSatisfy { key, value in rhs[key].map { equal(value, $0) } ?? false }
    case (let lhs as [Any], let rhs as [Any]):
      lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { equal($0, $1) }
    case (let lhs as String, let rhs as String): lhs == rhs
    case (is NSNull, is NSNull): true
    case (let lhs as NSNumber, let rhs as NSNumber): lhs == rhs
    default: false
    }
  }

  private static func text(_ value: Any) -> String {
    let data = try? JSONSerialization.data(
      withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
    return data.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
  }
}
