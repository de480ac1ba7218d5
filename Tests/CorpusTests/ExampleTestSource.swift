import Foundation

/// The Swift test that runs the cases inside the generated package: one `case` per endpoint
/// path, calling the generated client as an app would.
extension ExampleConformance {
  /// The endpoints with examples whose generated method was not found.
  var endpointsWithoutCall: [String] {
    Set(cases.map(\.path)).filter { calls[$0] == nil }.sorted()
  }

  /// The examples, then the named endpoints' checks.
  private var allCases: [ExampleCase] { cases + wireCases }

  func casesJSON() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(allCases)
  }

  /// The files of the package's test target: a Swift Testing driver that runs every case of
  /// `casesFile` and writes `outcomesFile`, and the calls. The calls are a file of their own,
  /// without `import Testing`, so that a docs type named like one of Swift Testing's (`Tag`)
  /// is the client's there.
  func testSources() -> [String: String] {
    ["CorpusExamples.swift": Self.driver.replacingOccurrences(of: "CASES_FILE", with: Self.casesFile)
      .replacingOccurrences(of: "OUTCOMES_FILE", with: Self.outcomesFile),
     "CorpusCalls.swift": callsSource()]
  }

  private func callsSource() -> String {
    var responses: [String] = []
    for path in Set(allCases.filter { $0.kind == .response }.map(\.path)).sorted() {
      guard let call = calls[path], let response = call.returnType, response != "FileDownload" else { continue }
      let literal = Self.literal(path)
      // A call that returns its answer's one field decodes the answer as the method does.
      let optional = call.answerField != nil && response.hasSuffix("?")
      let field = call.answerField.map { "\(optional ? "optionalField" : "field"): \(Self.literal($0)), " } ?? ""
      let type = optional ? String(response.dropLast()) : response
      responses.append(
        "  case \(literal): await decodeAnswer(example) { _ = try await $0.call(\(literal), \(field)returning: \(type).self) }"
      )
    }
    var requests: [String] = []
    for path in Set(allCases.filter { $0.kind == .request }.map(\.path)).sorted() {
      guard let call = calls[path] else { continue }
      let method = (["api"] + call.accessors + [call.method]).joined(separator: ".")
      let arguments = call.arguments.map { "\($0.label): a.value(\(Self.literal($0.wireName)))" }
        .joined(separator: ", ")
      requests.append(
        """
          case \(Self.literal(path)):
            await sendRequest(example) { api, a in
              _ = try await \(method)(\(arguments))
            }
        """)
    }
    return """
      // Written by apigen's CorpusTests: the corpus examples through the generated client.

      import APIGenRuntime
      import Foundation
      import GeneratedAPI

      func checkResponse(_ example: ExampleCase) async -> ExampleOutcome {
        switch example.path {
      \(responses.joined(separator: "\n"))
        default: await decodeAnswer(example) { try await $0.call(example.path) }
        }
      }

      func checkRequest(_ example: ExampleCase) async -> ExampleOutcome {
        switch example.path {
      \(requests.joined(separator: "\n"))
        default: ExampleOutcome(id: example.id, failure: "no generated method", sent: nil)
        }
      }

      """ + Self.support.replacingOccurrences(of: "CLIENT", with: clientName)
  }

  private static func literal(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  /// The driver of the generated test; `CASES_FILE` and `OUTCOMES_FILE` are filled in by
  /// `testSources()`.
  private static let driver = #"""
    // Written by apigen's CorpusTests: runs the cases through CorpusCalls.swift.

    import Foundation
    import Testing

    @Test func corpusExamples() async throws {
      let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
      let cases = try JSONDecoder().decode(
        [ExampleCase].self, from: Data(contentsOf: root.appendingPathComponent("CASES_FILE")))
      var outcomes: [ExampleOutcome] = []
      for example in cases {
        switch example.kind {
        case .response: outcomes.append(await checkResponse(example))
        case .request: outcomes.append(await checkRequest(example))
        }
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      try encoder.encode(outcomes).write(to: root.appendingPathComponent("OUTCOMES_FILE"))
    }

    """#

  /// The fixed part of the calls: the stub transports and the argument decoding. `CLIENT` is
  /// filled in by `callsSource()`.
  private static let support = #"""
    struct ExampleCase: Codable {
      enum Kind: String, Codable {
        case response, request
      }

      var id: Int
      var kind: Kind
      var path: String
      var json: String
      var source: String
      var answer: String?
      var answerType: String?
    }

    struct ExampleOutcome: Codable {
      var id: Int
      var failure: String?
      var sent: String?
    }

    let exampleBaseURL = URL(string: "https://api.example.invalid/v2")!

    /// Answers every request with the example.
    struct AnsweringTransport: HTTPTransport {
      var body: Data

      func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        HTTPResponse(statusCode: 200, headers: ["Content-Type": "application/json"], body: body)
      }
    }

    /// Keeps the body of the request and answers `{"success": true}`, or the case's answer.
    actor RecordingTransport: HTTPTransport {
      private(set) var sent: Data?
      let answer: HTTPResponse

      init(_ example: ExampleCase) {
        answer = HTTPResponse(
          statusCode: 200, headers: example.answerType.map { ["Content-Type": $0] } ?? [:],
          body: Data((example.answer ?? #"{"success": true}"#).utf8))
      }

      func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        sent = request.body
        return answer
      }
    }

    func decodeAnswer(_ example: ExampleCase, _ call: (APIClient) async throws -> Void) async
      -> ExampleOutcome
    {
      let client = APIClient(
        baseURL: exampleBaseURL, transport: AnsweringTransport(body: Data(example.json.utf8)))
      do {
        try await call(client)
        return ExampleOutcome(id: example.id, failure: nil, sent: nil)
      } catch {
        return ExampleOutcome(id: example.id, failure: describe(error), sent: nil)
      }
    }

    func sendRequest(_ example: ExampleCase, _ call: (CLIENT, Arguments) async throws -> Void)
      async -> ExampleOutcome
    {
      let transport = RecordingTransport(example)
      let client = CLIENT(baseURL: exampleBaseURL, transport: transport)
      do {
        try await call(client, try Arguments(json: example.json))
      } catch let error as ArgumentError {
        return ExampleOutcome(id: example.id, failure: error.description, sent: nil)
      } catch {
        // Without an answer of its own the stub's need not fit the answer type: only the
        // request is checked. With one, the call must take it.
        if example.answer != nil {
          let sent = await transport.sent.map { String(decoding: $0, as: UTF8.self) }
          return ExampleOutcome(id: example.id, failure: "the call threw: \(describe(error))", sent: sent)
        }
      }
      guard let sent = await transport.sent else {
        return ExampleOutcome(id: example.id, failure: "the client sent nothing", sent: nil)
      }
      return ExampleOutcome(id: example.id, failure: nil, sent: String(decoding: sent, as: UTF8.self))
    }

    /// The example's parameters, each decoded into whatever type the method's argument has.
    struct Arguments {
      private let object: [String: Any]

      init(json: String) throws {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        else { throw ArgumentError(description: "the parameters are not a JSON object") }
        self.object = object
      }

      /// A parameter the example leaves out decodes from `null`: `nil` for an optional argument,
      /// an error for a required one.
      func value<Value: Decodable>(_ name: String) throws -> Value {
        do {
          let data = try JSONSerialization.data(
            withJSONObject: [object[name] ?? NSNull()], options: [.fragmentsAllowed])
          return try JSONDecoder().decode([Value].self, from: data)[0]
        } catch {
          // The value was decoded inside a one-element array: its path starts after `[0]`.
          let what = object[name] == nil ? "required, but missing" : describe(error, droppingKeys: 1)
          throw ArgumentError(description: "parameter '\(name)': \(what)")
        }
      }
    }

    struct ArgumentError: Error, CustomStringConvertible {
      var description: String
    }

    /// A decoding failure in one line, with the JSON path where it happened.
    func describe(_ error: any Error, droppingKeys dropped: Int = 0) -> String {
      if let error = error as? APIError, case .undecodableResponse(_, let underlying) = error {
        return describe(underlying)
      }
      guard let error = error as? DecodingError else { return "\(error)" }
      func place(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.dropFirst(dropped).map { key in
          key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
        }.joined()
        return path.isEmpty ? "" : " at " + String(path.drop { $0 == "." })
      }
      // `if case` rather than `switch`: whether the enum is frozen differs by platform.
      if case .keyNotFound(let key, let context) = error {
        return "missing '\(key.stringValue)'\(place(context))"
      } else if case .valueNotFound(let type, let context) = error {
        return "null for \(type)\(place(context))"
      } else if case .typeMismatch(let type, let context) = error {
        return "not a \(type)\(place(context)): \(context.debugDescription)"
      } else if case .dataCorrupted(let context) = error {
        return "invalid value\(place(context)): \(context.debugDescription)"
      }
      return "\(error)"
    }

    """#
}
