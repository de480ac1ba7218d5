import APIModel
import Foundation

/// The mock's behaviour, without any HTTP server: a request in, an answer out.
///
/// In order: find the endpoint (ignoring the base URL's path, such as `/v2`, and a trailing
/// slash), check the method, check the session where the endpoint needs one, answer with an
/// error a test asked for in `X-Mock-Error`, check the parameters, then answer with the
/// endpoint's answer.
public struct MockResponder: Sendable {
  /// The header with which a client asks for an error answer: `X-Mock-Error: 236` answers as
  /// if the server had failed with code 236, so that apps can test their error handling.
  public static let errorHeader = "X-Mock-Error"

  /// What the mock answers.
  public struct Reply: Sendable, Equatable {
    public var status: Int
    public var contentType: String
    public var body: Data
    /// The file name of a file answer.
    public var fileName: String?
    /// The envelope's error code, for the log line.
    public var errorCode: Int?
    /// The `Allow` header of a 405 answer.
    public var allow: String?
  }

  /// The methods getting-started.md allows (a POST with a body, a GET with a query), for the
  /// `Allow` header of the 405 that answers any other.
  static let methods = ["GET", "POST"]

  /// The codes of the mock's own errors; their wording and HTTP status come from the docs'
  /// table when it has them.
  enum Code {
    static let wrongRequestFormat = 5
    static let sessionNotFound = 4
    static let invalidParameters = 7
    static let unknownAction = 111
    static let tooLargeRequest = 9
  }

  private let endpoints: [String: Route]
  private let synthesizer: ValueSynthesizer
  private let basePath: String
  private let errorCodes: [Int: ErrorCode]
  private let check: ParameterCheck

  struct Route: Sendable {
    var endpoint: Endpoint
    var answer: Answer
    var needsSession: Bool
  }

  public init(api: APIDescription) {
    let synthesizer = ValueSynthesizer(api: api)
    self.synthesizer = synthesizer
    check = ParameterCheck(api: api)
    let conformance = AnswerConformance(check: check.check, synthesizer: synthesizer)
    var endpoints: [String: Route] = [:]
    for endpoint in api.endpoints where endpoints[endpoint.path] == nil {
      endpoints[endpoint.path] = Route(
        endpoint: endpoint, answer: Answer(for: endpoint, conformance: conformance),
        needsSession: Self.needsSession(endpoint))
    }
    self.endpoints = endpoints
    basePath = URL(string: api.info.baseURL)?.path ?? ""
    errorCodes = Dictionary(
      api.errorCodes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// An endpoint needs a session unless the docs say it does not, or every request example
  /// of it that can be read calls it without one (the docs' `user/auth` does).
  public static func needsSession(_ endpoint: Endpoint) -> Bool {
    guard endpoint.requiresSession else { return false }
    let bodies = endpoint.examples.compactMap { $0.arguments?.object }
    return bodies.isEmpty || bodies.contains { $0["hash"] != nil }
  }

  /// The JSON text of the value the mock makes up for `type` where the docs give none: what a
  /// test can send for a parameter whose example is missing.
  public func sample(_ type: TypeRef) -> String {
    String(decoding: synthesizer.value(type).data, as: UTF8.self)
  }

  /// How the endpoints' answers were made, by path: for the closing report of the tests.
  public var answerOrigins: [String: String] {
    endpoints.mapValues { $0.answer.origin.rawValue }
  }

  func reply(to request: MockRequest) -> Reply {
    guard let route = route(request.path) else {
      return error(
        Code.unknownAction, httpStatus: 404, description: "No such action: \(request.path)")
    }
    guard Self.methods.contains(request.method.uppercased()) else {
      var reply = error(
        Code.wrongRequestFormat, httpStatus: 405,
        description: "Method \(request.method) not allowed: use GET or POST")
      reply.allow = Self.methods.joined(separator: ", ")
      return reply
    }
    let parameters: RequestParameters
    do {
      parameters = try RequestParameters(request)
    } catch {
      return self.error(Code.wrongRequestFormat, description: "The body cannot be read: \(error)")
    }
    if route.needsSession, !SessionHash.isValid(session(request, parameters) ?? "") {
      return error(Code.sessionNotFound, description: "Session not found or ended")
    }
    if let forced = request.headers[Self.errorHeader.lowercased()].flatMap(Int.init) {
      return error(forced, description: "Error \(forced), as \(Self.errorHeader) asked")
    }
    if let problem = check.problem(parameters, for: route.endpoint) {
      return error(
        Code.invalidParameters, description: "Invalid parameters",
        extra: [
          "errors": .array([
            .object(["parameter": .string(problem.parameter), "error": .string(problem.error)])
          ])
        ])
    }
    let answer = route.answer
    return Reply(
      status: 200, contentType: answer.contentType, body: answer.body, fileName: answer.fileName)
  }

  /// The error envelope of `code`, with the docs' wording and HTTP status for it when they
  /// give them (their default status is 400).
  func error(
    _ code: Int, httpStatus: Int? = nil, description: String, extra: [String: JSON] = [:]
  ) -> Reply {
    let documented = errorCodes[code]
    var object = extra
    object["success"] = .bool(false)
    object["status"] = .object([
      "code": .int(code), "description": .string(documented?.description ?? description),
    ])
    return Reply(
      status: httpStatus ?? documented?.httpStatus ?? 400,
      contentType: "application/json; charset=utf-8", body: JSON.object(object).data,
      errorCode: code)
  }

  private func route(_ path: String) -> Route? {
    var path = path
    if !basePath.isEmpty, basePath != "/", path.hasPrefix(basePath + "/") {
      path.removeFirst(basePath.count)
    }
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    return endpoints[path]
  }

  /// The session hash where getting-started.md allows it, in its order: the body's `hash`,
  /// the query's `hash`, then `Authorization: NVX <hash>`.
  private func session(_ request: MockRequest, _ parameters: RequestParameters) -> String? {
    switch parameters["hash"] {
    case .json(.string(let hash)), .text(let hash): return hash
    default: break
    }
    guard let header = request.headers["authorization"] else { return nil }
    let parts = header.split(separator: " ", omittingEmptySubsequences: true)
    return parts.count == 2 && parts[0] == "NVX" ? String(parts[1]) : nil
  }
}
