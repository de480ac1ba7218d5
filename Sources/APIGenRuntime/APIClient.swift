import Foundation

/// The one call path of a generated client: parameters in, a decoded answer or a typed error
/// out.
///
/// Every action is a `POST` to `baseURL` + the action's path, with a JSON body (or a
/// `multipart/form-data` one for uploads). The session hash travels in the
/// `Authorization: NVX <hash>` header only: never in the URL, the body or a description of the
/// client.
public struct APIClient: Sendable {
  public var baseURL: URL
  /// The session hash (`user/auth` gives one), or `nil` for calls made before logging in.
  public var session: String?
  public var transport: any HTTPTransport

  public init(
    baseURL: URL, session: String? = nil, transport: any HTTPTransport = URLSessionTransport()
  ) {
    self.baseURL = baseURL
    self.session = session
    self.transport = transport
  }

  /// Calls an action whose answer is `{ "success": true }` alone.
  public func call(
    _ path: String, _ parameters: Parameters = [:], encoding: RequestEncoding = .json
  ) async throws(APIError) {
    let response = try await send(path, parameters, encoding: encoding)
    try Envelope.check(response)
  }

  /// Calls an action and decodes the fields of its answer; the `success` key and keys the
  /// `Response` type does not know are ignored.
  public func call<Response: Decodable>(
    _ path: String, _ parameters: Parameters = [:], encoding: RequestEncoding = .json,
    returning _: Response.Type
  ) async throws(APIError) -> Response {
    let response = try await send(path, parameters, encoding: encoding)
    try Envelope.check(response)
    return try Self.decode(Response.self, from: response)
  }

  /// Calls an action whose answer has one field besides `success`, and returns that field's
  /// value: `{"success": true, "list": [...]}` gives the list. A missing or `null` field is an
  /// error (`undecodableResponse`); `optionalField:` is for a field that may be either.
  public func call<Value: Decodable>(
    _ path: String, _ parameters: Parameters = [:], encoding: RequestEncoding = .json,
    field: String, returning _: Value.Type
  ) async throws(APIError) -> Value {
    let response = try await send(path, parameters, encoding: encoding)
    try Envelope.check(response)
    return try Self.decode(AnswerField<Value>.self, from: response, field: field).value
  }

  /// Calls an action whose answer has one field besides `success`, which the docs say may be
  /// absent or `null`: either gives `nil`. A label of its own rather than `returning: X?.self`,
  /// which Swift reads as optional chaining when `X` is an array type (`[Tag]?.self`).
  public func call<Value: Decodable>(
    _ path: String, _ parameters: Parameters = [:], encoding: RequestEncoding = .json,
    optionalField field: String, returning _: Value.Type
  ) async throws(APIError) -> Value? {
    let response = try await send(path, parameters, encoding: encoding)
    try Envelope.check(response)
    return try Self.decode(OptionalAnswerField<Value>.self, from: response, field: field).value
  }

  /// Decodes a successful answer; `field` names the answer's one field for `AnswerField`.
  private static func decode<Answer: Decodable>(
    _: Answer.Type, from response: HTTPResponse, field: String? = nil
  ) throws(APIError) -> Answer {
    let decoder = JSONDecoder()
    if let field { decoder.userInfo[answerFieldKey] = field }
    do {
      return try decoder.decode(Answer.self, from: response.body)
    } catch {
      throw .undecodableResponse(response, underlying: error)
    }
  }

  /// Calls an action that answers with a file rather than JSON. An error still comes as the
  /// JSON envelope, and is thrown as such.
  public func download(
    _ path: String, _ parameters: Parameters = [:], encoding: RequestEncoding = .json
  ) async throws(APIError) -> FileDownload {
    let response = try await send(path, parameters, encoding: encoding)
    if let error = Envelope.serverError(in: response) {
      throw .server(error)
    }
    guard (200..<300).contains(response.statusCode) else {
      throw .undecodableResponse(response, underlying: UnexpectedStatus(code: response.statusCode))
    }
    return FileDownload(response)
  }

  /// Builds the request and sends it; any answer at all comes back.
  private func send(_ path: String, _ parameters: Parameters, encoding: RequestEncoding)
    async throws(APIError) -> HTTPResponse
  {
    let body: RequestBody
    do {
      body = try RequestBody(parameters, encoding: encoding)
    } catch {
      throw .unencodableRequest(error)
    }
    var headers = ["Content-Type": body.contentType]
    if let session {
      headers["Authorization"] = "NVX \(session)"
    }
    let url = baseURL.appending(path: path.drop { $0 == "/" })
    let request = HTTPRequest(url: url, method: "POST", headers: headers, body: body.data)
    do {
      return try await transport.send(request)
    } catch {
      throw .transport(error)
    }
  }
}

// A client is printed and dumped without its session hash, so that logging one cannot leak it.
extension APIClient: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  public var description: String {
    "APIClient(baseURL: \(baseURL.absoluteString), session: \(Redacted.session(session)))"
  }

  public var debugDescription: String { description }

  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "baseURL": baseURL, "session": Redacted.session(session), "transport": transport,
      ])
  }
}

/// What every answer shares: `"success"`, and `"status"` when it is `false`.
private struct Envelope: Decodable {
  struct Status: Decodable {
    var code: Int
    var description: String
  }

  /// Set only for an error answer.
  var status: Status?

  private enum CodingKeys: String, CodingKey {
    case success
    case status
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let success = try container.decodeIfPresent(Bool.self, forKey: .success)
    status = success == false ? try container.decode(Status.self, forKey: .status) : nil
  }

  /// Throws unless `response` is a successful JSON answer.
  static func check(_ response: HTTPResponse) throws(APIError) {
    let envelope: Envelope
    do {
      envelope = try JSONDecoder().decode(Envelope.self, from: response.body)
    } catch {
      throw .undecodableResponse(response, underlying: error)
    }
    if let status = envelope.status {
      throw .server(serverError(status, response))
    }
    guard (200..<300).contains(response.statusCode) else {
      throw .undecodableResponse(response, underlying: UnexpectedStatus(code: response.statusCode))
    }
  }

  /// The error a non-JSON answer (a file) carries instead, if it is an error envelope.
  static func serverError(in response: HTTPResponse) -> APIError.ServerError? {
    let looksLikeJSON =
      response.header("Content-Type")?.contains("json")
      ?? (response.body.first == UInt8(ascii: "{"))
    guard looksLikeJSON,
      let status = try? JSONDecoder().decode(Envelope.self, from: response.body).status
    else { return nil }
    return serverError(status, response)
  }

  private static func serverError(_ status: Status, _ response: HTTPResponse)
    -> APIError.ServerError
  {
    APIError.ServerError(
      code: status.code, description: status.description, httpStatus: response.statusCode,
      payload: response.body)
  }
}

/// A non-2xx answer that is not an error envelope (a proxy's error page, for example).
private struct UnexpectedStatus: Error, CustomStringConvertible {
  var code: Int
  var description: String { "HTTP status \(code) without an error status in the body" }
}

/// Where `decode` tells the answer-field types which key to read: the key is known only when
/// the call is made, and a type per field name would be a generated struct per endpoint, which
/// is what returning the field's value avoids.
private let answerFieldKey = CodingUserInfoKey(rawValue: "APIGenRuntime.answerField")!

/// The value of an answer's one field.
private struct AnswerField<Value: Decodable>: Decodable {
  var value: Value

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: WireKey.self)
    value = try container.decode(Value.self, forKey: WireKey(answerFieldOf: decoder))
  }
}

/// The value of an answer's one field, `nil` when it is absent or `null`.
private struct OptionalAnswerField<Value: Decodable>: Decodable {
  var value: Value?

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: WireKey.self)
    value = try container.decodeIfPresent(Value.self, forKey: WireKey(answerFieldOf: decoder))
  }
}

extension WireKey {
  fileprivate init(answerFieldOf decoder: any Decoder) {
    self.init(stringValue: decoder.userInfo[answerFieldKey] as? String ?? "")
  }
}
