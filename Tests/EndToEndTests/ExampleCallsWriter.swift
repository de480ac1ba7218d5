import APIModel
import Foundation
import MockServer
import SwiftEmitter

/// Writes `ExampleCalls.swift` for the harness (`Harness/ExampleHarness.swift`): a typed call
/// of the generated client per endpoint that has a response example, made with the values of
/// its request example, plus the checks of the error paths.
///
/// The calls are ordinary Swift against the generated API, one function each, so that the
/// compiler checks every call site the emitter promises (`SwiftEmitter.callSites`).
struct ExampleCallsWriter {
  struct Settings {
    /// The file that will hold the mock's base URL: the mock starts only once the package is
    /// built, so the URL cannot be written into the source.
    var baseURLFile: String
    var reportPath: String
    var session: String
    var concurrentCalls: Int
    var concurrencyTimeLimitSeconds: Int
  }

  let api: APIDescription
  let sites: [String: SwiftCallSite]
  let settings: Settings
  /// For the values an example lacks.
  let mock: MockResponder

  init(api: APIDescription, settings: Settings) {
    self.api = api
    mock = MockResponder(api: api)
    sites = Dictionary(
      SwiftEmitter().callSites(api).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    self.settings = settings
  }

  /// The endpoints the run calls: those with a response example.
  var endpoints: [Endpoint] {
    api.endpoints.filter { !$0.response.examples.isEmpty && sites[$0.path] != nil }
  }

  func source() -> String {
    var lines = [
      "import APIGenRuntime", "import Foundation", "import GeneratedAPI", "",
      "enum RunSettings {",
      "  static let baseURL: URL = {",
      "    let path = \(literal(settings.baseURLFile))",
      "    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? \"\"",
      "    return URL(string: text.trimmingCharacters(in: .whitespacesAndNewlines))!",
      "  }()",
      "  static let reportPath = \(literal(settings.reportPath))",
      "  static let session = \(literal(settings.session))",
      "  static let concurrentCalls = \(settings.concurrentCalls)",
      "  static let concurrencyTimeLimit = Duration.seconds(\(settings.concurrencyTimeLimitSeconds))",
      "}", "",
    ]
    let endpoints = self.endpoints
    lines.append("let exampleCalls: [ExampleCall] = [")
    for (index, endpoint) in endpoints.enumerated() {
      let (example, problem) = self.example(of: endpoint)
      lines.append(
        "  ExampleCall(path: \(literal(endpoint.path)), example: \(literal(example)), "
          + "exampleProblem: \(problem.map(literal) ?? "nil"), run: call\(index)),")
    }
    lines.append("]")
    for (index, endpoint) in endpoints.enumerated() {
      let types = Dictionary(
        endpoint.parameters.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
      lines.append("")
      lines.append(
        "@Sendable func call\(index)(_ client: NavixyClient, _ arguments: ExampleArguments) "
          + "async throws {")
      lines.append(
        "  "
          + call(sites[endpoint.path]!, on: "client") { argument in
            self.argument(argument, sample: types[argument.wireName].map(mock.sample) ?? "null")
          })
      lines.append("}")
    }
    lines += [""] + errorChecks()
    return lines.joined(separator: "\n") + "\n"
  }

  /// The first request example that is JSON; otherwise `{}` (every value filled in) and why
  /// no example can be used. A call without parameters needs no example.
  private func example(of endpoint: Endpoint) -> (String, String?) {
    let bodies = endpoint.examples.compactMap(\.body)
    if let body = bodies.first(where: Self.isJSONObject) {
      return (body, nil)
    }
    if !bodies.isEmpty {
      return ("{}", "no request example is valid JSON")
    }
    if !endpoint.parameters.isEmpty {
      return ("{}", "no request example")
    }
    return ("{}", nil)
  }

  static func isJSONObject(_ text: String) -> Bool {
    (try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any]
  }

  /// `try await client.a.b(x: arguments.required("x"))`, with `_ =` when it returns a value.
  private func call(
    _ site: SwiftCallSite, on client: String,
    arguments: (SwiftCallSite.Argument) -> String? = { _ in nil }
  ) -> String {
    let list = site.arguments.compactMap { argument in
      arguments(argument).map { "\(argument.label): \($0)" }
    }
    let receiver = ([client] + site.accessors + [site.method]).joined(separator: ".")
    let prefix = site.returnType == nil ? "" : "_ = "
    return "\(prefix)try await \(receiver)(\(list.joined(separator: ", ")))"
  }

  /// The example's value for the argument, by its Swift type; `sample` is the JSON of the
  /// value that stands in for a required one the example lacks.
  private func argument(_ argument: SwiftCallSite.Argument, sample: String) -> String {
    let name = literal(argument.wireName)
    switch (argument.type, argument.isOptional) {
    case ("FileUpload", false): return "arguments.file(\(name))"
    case ("FileUpload", true): return "arguments.optionalFile(\(name))"
    case ("[FileUpload]", _): return "arguments.files(\(name))"
    case (_, false): return "try arguments.required(\(name), or: \(literal(sample)))"
    case (_, true): return "arguments.optional(\(name))"
    }
  }

  // MARK: Error paths

  private var hasErrorTable: Bool { !api.errorCodes.isEmpty }

  private func errorChecks() -> [String] {
    var lines = [
      "enum ErrorChecks {",
      "  static func run() async -> [RunReport.Check] {",
      "    let client = NavixyClient(baseURL: RunSettings.baseURL, session: RunSettings.session)",
      "    var checks: [RunReport.Check] = []",
    ]
    if let site = sessionCall() {
      let known = hasErrorTable && api.errorCodes.contains { $0.code == 4 }
      let notUnknown =
        #"{ if case .unknown = $0 { "not in the table" } else { nil } }($0.navixyCode)"#
      lines += check(
        "bad session", code: 4, site: site,
        receiver: #"NavixyClient(baseURL: RunSettings.baseURL, session: "not-a-session")"#,
        more: known ? notUnknown : nil)
      lines += check(
        "no session", code: 4, site: site, receiver: "NavixyClient(baseURL: RunSettings.baseURL)",
        more: known ? notUnknown : nil)
      let unknown = (api.errorCodes.map(\.code).max() ?? 0) + 1000
      lines += check(
        "unknown code", code: unknown, site: site, receiver: forcing(unknown),
        more: hasErrorTable
          ? "$0.navixyCode == .unknown(\(unknown)) ? nil : \"read as \\($0.navixyCode)\"" : nil)
      if let documented = api.errorCodes.first(where: { ($0.httpStatus ?? 400) != 400 }) {
        let status = documented.httpStatus ?? 400
        lines += check(
          "documented code", code: documented.code, site: site, receiver: forcing(documented.code),
          more: "$0.httpStatus == \(status) && $0.navixyCode.httpStatus == \(status) "
            + "? nil : \"HTTP \\($0.httpStatus)\"")
      }
    }
    if let (path, parameter) = missingParameter() {
      lines += [
        "    checks.append(",
        "      await Expect.serverError(\"missing parameter\", code: 7, {",
        "        try await client.client.call(\(literal(path)))",
        "      }) {",
        "        Expect.offendingParameter($0) == \(literal(parameter))",
        "          ? nil : \"names \\(Expect.offendingParameter($0) ?? \"nothing\")\"",
        "      })",
      ]
    }
    lines += [
      "    checks.append(",
      "      await Expect.transportFailure(\"no server\") {",
      "        try await NavixyClient(baseURL: URL(string: \"http://127.0.0.1:9\")!).client.call(\"/x\")",
      "      })",
    ]
    lines += login()
    lines += ["    return checks", "  }", "}"]
    return lines
  }

  /// A check that calling `site` on `receiver` fails with the server error `code`; `more` is
  /// an expression of the error (`$0`) that is `nil` when all is well.
  private func check(
    _ name: String, code: Int, site: SwiftCallSite, receiver: String, more: String?
  ) -> [String] {
    [
      "    checks.append(",
      "      await Expect.serverError(\(literal(name)), code: \(code), {",
      "        \(call(site, on: "(\(receiver))"))",
      "      }) { \(more.map { "_ = $0; return \($0)" } ?? "_ = $0; return nil") })",
    ]
  }

  /// A client whose requests ask the mock for the error `code`.
  private func forcing(_ code: Int) -> String {
    "NavixyClient(baseURL: RunSettings.baseURL, session: RunSettings.session, "
      + "transport: HeaderTransport(name: \"X-Mock-Error\", value: \"\(code)\"))"
  }

  /// A typed call that needs a session and takes no required argument.
  private func sessionCall() -> SwiftCallSite? {
    endpoints.lazy.filter { MockResponder.needsSession($0) }
      .compactMap { self.sites[$0.path] }
      .first { !$0.arguments.contains { !$0.isOptional } && $0.returnType != "FileDownload" }
  }

  private func missingParameter() -> (String, String)? {
    endpoints.lazy.compactMap { endpoint in
      endpoint.parameters.first(where: \.required).map { (endpoint.path, $0.name) }
    }.first
  }

  /// Logs in with `user/auth`'s example when the answer has a `hash`, then calls with it.
  private func login() -> [String] {
    guard let auth = api.endpoints.first(where: { $0.path == "/user/auth" }),
      auth.response.fields.contains(where: { $0.name == "hash" }),
      let site = sites[auth.path], site.answerField == nil || site.answerField == "hash", let body = auth.examples.compactMap(\.body).first,
      Self.isJSONObject(body), let follow = sessionCall()
    else { return [] }
    let types = Dictionary(
      auth.parameters.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
    let logIn = call(site, on: "anonymous") { argument in
      self.argument(argument, sample: types[argument.wireName].map(mock.sample) ?? "null")
    }.dropFirst(4)
    let then = call(follow, on: "client")
    return [
      "    checks.append(",
      "      await Expect.success(\"log in, then call with the session\") {",
      "        let anonymous = NavixyClient(baseURL: RunSettings.baseURL)",
      "        let arguments = try ExampleArguments(json: \(literal(body)))",
      "        var client = NavixyClient(baseURL: RunSettings.baseURL)",
      "        client.session = \(logIn)\(site.answerField == nil ? ".hash" : "")",
      "        \(then)",
      "        return \"session \\(client.session?.count ?? 0) characters long\"",
      "      })",
    ]
  }

  /// A Swift raw string literal of `text`, with as many `#` as it needs.
  private func literal(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    let escapedLines = text.replacingOccurrences(of: "\n", with: "\\\(hashes)n")
      .replacingOccurrences(of: "\r", with: "\\\(hashes)r")
    return "\(hashes)\"\(escapedLines)\"\(hashes)"
  }
}
