// The hand-written half of the corpus end-to-end run. It is not part of the EndToEndTests
// target (Package.swift excludes this folder): CorpusEndToEndTests copies it into the test
// target of a temporary package, beside `ExampleCalls.swift`, which it writes from the model
// (one function per endpoint, calling the generated client with its request example's values,
// the error-path checks, and `RunSettings`: where the mock's URL and the report are).

import APIGenRuntime
import Foundation
import GeneratedAPI
import Synchronization
import Testing

/// One endpoint's typed call, made with the values of its request example.
struct ExampleCall: Sendable {
  var path: String
  /// The request example's JSON; `{}` with `exampleProblem` when no example can be used.
  var example: String
  var exampleProblem: String?
  var run: @Sendable (NavixyClient, ExampleArguments) async throws -> Void
}

/// Why an argument could not be made from the example.
struct ArgumentProblem: Error, CustomStringConvertible {
  var description: String
}

/// The arguments of a call, read from the example's JSON by the parameter's Swift type.
///
/// Values are converted as the server the docs describe would read them: a text that holds
/// the value (`"123"` for an `int`) or a number where text is expected is accepted, and noted
/// as coerced. A required value the example lacks, or gives in a form that is not of its type,
/// is filled in with the mock's sample value for the type, and noted as filled. A file
/// parameter gets a small file, since examples cannot show one.
final class ExampleArguments: Sendable {
  private let object: [String: JSONValue]
  private let coercions = Mutex<[String]>([])
  private let fillings = Mutex<[String]>([])

  init(json: String) throws {
    guard let data = json.data(using: .utf8),
      let object = try? JSONDecoder().decode(JSONObject.self, from: data)
    else { throw ArgumentProblem(description: "the request example is not a JSON object") }
    var parameters = object
    // The session travels in the header.
    parameters["hash"] = nil
    self.object = parameters
  }

  var coerced: [String] { coercions.withLock { $0 } }
  /// What was filled in, and why: `tracker_id (missing)`.
  var filled: [String] { fillings.withLock { $0 } }

  func required<T: Decodable>(_ name: String, or sample: String) throws -> T {
    guard let value = object[name], value != .null else {
      return try fill(name, with: sample, because: "missing")
    }
    do {
      return try decode(value, name)
    } catch {
      return try fill(name, with: sample, because: "\(error)")
    }
  }

  /// An optional value the example gives in a form not of its type is left out.
  func optional<T: Decodable>(_ name: String) -> T? {
    guard let value = object[name], value != .null else { return nil }
    do {
      return try decode(value, name) as T
    } catch {
      fillings.withLock { $0.append("\(name) left out (\(error))") }
      return nil
    }
  }

  private func fill<T: Decodable>(_ name: String, with sample: String, because reason: String)
    throws -> T
  {
    fillings.withLock { $0.append("\(name) (\(reason))") }
    do {
      return try JSONDecoder().decode(T.self, from: Data(sample.utf8))
    } catch {
      throw ArgumentProblem(
        description: "the sample \(name) is not a \(T.self): \(Self.summary(of: error))")
    }
  }

  func file(_ name: String) -> FileUpload {
    FileUpload(data: Data("example file for \(name)\n".utf8), fileName: "\(name).txt")
  }

  func optionalFile(_ name: String) -> FileUpload? {
    object[name] == nil ? nil : file(name)
  }

  func files(_ name: String) -> [FileUpload] {
    [file(name)]
  }

  private func decode<T: Decodable>(_ value: JSONValue, _ name: String) throws -> T {
    if let direct = try? Self.decode(T.self, from: value) { return direct }
    var candidates: [JSONValue] = []
    switch value {
    case .string(let text):
      if let json = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) {
        candidates.append(json)
      }
    case .int(let number): candidates.append(.string(String(number)))
    case .double(let number): candidates.append(.string(String(number)))
    case .bool(let flag): candidates.append(.string(String(flag)))
    default: break
    }
    for candidate in candidates {
      if let coerced = try? Self.decode(T.self, from: candidate) {
        coercions.withLock { $0.append(name) }
        return coerced
      }
    }
    do {
      return try Self.decode(T.self, from: value)
    } catch {
      throw ArgumentProblem(description: "not a \(T.self): \(Self.summary(of: error))")
    }
  }

  private static func decode<T: Decodable>(_: T.Type, from value: JSONValue) throws -> T {
    try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
  }

  static func summary(of error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    switch error {
    case .keyNotFound(let key, let context):
      return "no \(key.stringValue) at \(path(context))"
    case .typeMismatch(let type, let context):
      return "not a \(type) at \(path(context))"
    case .valueNotFound(let type, let context):
      return "no \(type) at \(path(context))"
    case .dataCorrupted(let context):
      return "\(context.debugDescription) at \(path(context))"
    @unknown default:
      return "\(error)"
    }
  }

  private static func path(_ context: DecodingError.Context) -> String {
    let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }
    return path.isEmpty ? "the top" : path.joined()
  }
}

/// Adds a header to every request: how a test asks the mock for an error answer.
struct HeaderTransport: HTTPTransport {
  var name: String
  var value: String
  var base: any HTTPTransport = URLSessionTransport()

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    var request = request
    request.headers[name] = value
    return try await base.send(request)
  }
}

/// What the run found, written as JSON for CorpusEndToEndTests to read.
struct RunReport: Codable {
  struct Endpoint: Codable {
    var path: String
    /// `decoded`, `skipped` (no call could be made) or `failed` (the call failed).
    var outcome: String
    var reason: String?
    /// Why the example could not be used at all, when every value was filled in.
    var exampleProblem: String?
    var coerced: [String]
    var filled: [String]
  }

  struct Check: Codable {
    var name: String
    var passed: Bool
    var detail: String
  }

  var endpoints: [Endpoint] = []
  var checks: [Check] = []
  var concurrentCalls = 0
  var concurrentFailures: [String] = []
  var concurrentSeconds = 0.0
}

@Suite struct ExampleCallsAgainstTheMock {
  @Test func everyExampleCallThenErrorsThenConcurrency() async throws {
    var report = RunReport()
    let client = NavixyClient(baseURL: RunSettings.baseURL, session: RunSettings.session)
    var working: [ExampleCall] = []
    for call in exampleCalls {
      let entry = await Self.run(call, client)
      if entry.outcome == "decoded" { working.append(call) }
      report.endpoints.append(entry)
    }
    report.checks = await ErrorChecks.run()
    try await Self.concurrency(working, client, into: &report)
    let data = try JSONEncoder().encode(report)
    try data.write(to: URL(fileURLWithPath: RunSettings.reportPath))
  }

  static func run(_ call: ExampleCall, _ client: NavixyClient) async -> RunReport.Endpoint {
    var entry = RunReport.Endpoint(
      path: call.path, outcome: "skipped", exampleProblem: call.exampleProblem, coerced: [],
      filled: [])
    let arguments: ExampleArguments
    do {
      arguments = try ExampleArguments(json: call.example)
    } catch {
      entry.reason = "\(error)"
      return entry
    }
    do {
      try await call.run(client, arguments)
      entry.outcome = "decoded"
    } catch let problem as ArgumentProblem {
      entry.reason = problem.description
    } catch let error as APIError {
      entry.outcome = "failed"
      entry.reason = Self.describe(error)
    } catch {
      entry.outcome = "failed"
      entry.reason = "\(error)"
    }
    entry.coerced = arguments.coerced
    entry.filled = arguments.filled
    return entry
  }

  static func describe(_ error: APIError) -> String {
    switch error {
    case .server(let server):
      let body = String(decoding: server.payload, as: UTF8.self)
      return "server error \(server.code): \(server.description) \(body)"
    case .undecodableResponse(_, let underlying):
      return "undecodable answer: \(ExampleArguments.summary(of: underlying))"
    case .transport(let underlying):
      return "transport: \(underlying)"
    case .unencodableRequest(let underlying):
      return "unencodable request: \(underlying)"
    }
  }

  /// `RunSettings.concurrentCalls` calls at once, spread over the endpoints that worked; a
  /// call that has not finished within `RunSettings.concurrencyTimeLimit` counts as failed.
  static func concurrency(
    _ calls: [ExampleCall], _ client: NavixyClient, into report: inout RunReport
  ) async throws {
    guard !calls.isEmpty else { return }
    enum Finished: Sendable {
      case call(failure: String?)
      case timeLimit
    }
    let count = RunSettings.concurrentCalls
    let start = ContinuousClock.now
    let failures = await withTaskGroup(of: Finished.self) { group in
      group.addTask {
        try? await Task.sleep(for: RunSettings.concurrencyTimeLimit)
        return .timeLimit
      }
      for index in 0..<count {
        let call = calls[index % calls.count]
        group.addTask {
          do {
            try await call.run(client, try ExampleArguments(json: call.example))
            return .call(failure: nil)
          } catch {
            return .call(failure: "\(call.path): \(error)")
          }
        }
      }
      var failures: [String] = []
      var finished = 0
      while finished < count, let result = await group.next() {
        switch result {
        case .call(let failure):
          finished += 1
          if let failure { failures.append(failure) }
        case .timeLimit:
          failures.append("\(count - finished) calls unfinished after the time limit")
          finished = count
        }
      }
      group.cancelAll()
      return failures
    }
    let elapsed = ContinuousClock.now - start
    report.concurrentCalls = count
    report.concurrentFailures = failures
    report.concurrentSeconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }
}

/// The error paths' checks, which `ErrorChecks.run()` (written with the calls) makes.
enum Expect {
  /// Runs `call`, which must fail with the server's error `code`; `more` returns what else is
  /// wrong with the error, if anything.
  static func serverError(
    _ name: String, code: Int, _ call: () async throws -> Void,
    more: (APIError.ServerError) -> String? = { _ in nil }
  ) async -> RunReport.Check {
    do {
      try await call()
      return RunReport.Check(name: name, passed: false, detail: "the call succeeded")
    } catch let error as APIError {
      guard case .server(let server) = error else {
        return RunReport.Check(name: name, passed: false, detail: "\(error)")
      }
      if server.code != code {
        return RunReport.Check(name: name, passed: false, detail: "code \(server.code)")
      }
      if let problem = more(server) {
        return RunReport.Check(name: name, passed: false, detail: problem)
      }
      return RunReport.Check(name: name, passed: true, detail: "\(error)")
    } catch {
      return RunReport.Check(name: name, passed: false, detail: "untyped error \(error)")
    }
  }

  /// Runs `call`, which must fail without an answer.
  static func transportFailure(_ name: String, _ call: () async throws -> Void) async
    -> RunReport.Check
  {
    do {
      try await call()
      return RunReport.Check(name: name, passed: false, detail: "the call succeeded")
    } catch let error as APIError {
      guard case .transport = error else {
        return RunReport.Check(name: name, passed: false, detail: "\(error)")
      }
      return RunReport.Check(name: name, passed: true, detail: "\(error)")
    } catch {
      return RunReport.Check(name: name, passed: false, detail: "untyped error \(error)")
    }
  }

  /// Runs `call`, which must succeed.
  static func success(_ name: String, _ call: () async throws -> String) async -> RunReport.Check {
    do {
      return RunReport.Check(name: name, passed: true, detail: try await call())
    } catch {
      return RunReport.Check(name: name, passed: false, detail: "\(error)")
    }
  }

  /// The parameter the error's `errors` list names first.
  static func offendingParameter(_ server: APIError.ServerError) -> String? {
    guard case .array(let errors)? = server.payloadObject?["errors"],
      case .object(let first)? = errors.first, case .string(let name)? = first["parameter"]
    else { return nil }
    return name
  }
}
