import APIGenRuntime
import Foundation
import Testing

@Suite struct APIClientTests {
  private struct Counted: Decodable, Equatable {
    var count: Int
  }

  private let baseURL = URL(string: "https://api.example.com/v2")!

  @Test func postsJSONWithTheSessionInTheHeader() async throws {
    let transport = StubTransport(json: #"{"success": true}"#)
    let client = APIClient(baseURL: baseURL, session: "abc123", transport: transport)

    let times: Int? = nil
    try await client.call("/user/greet", ["name": "Ann", "times": times, "tags": ["a"]])

    let request = try #require(await transport.requests.first)
    #expect(request.url.absoluteString == "https://api.example.com/v2/user/greet")
    #expect(request.method == "POST")
    #expect(request.headers["Content-Type"] == "application/json")
    #expect(request.headers["Authorization"] == "NVX abc123")
    // The optional left nil is omitted, and the hash is never in the body.
    #expect(try json(request.body) == ["name": "Ann", "tags": ["a"]])
  }

  @Test func sendsNoAuthorizationWithoutSession() async throws {
    let transport = StubTransport(json: #"{"success": true}"#)
    let client = APIClient(baseURL: baseURL, transport: transport)

    try await client.call("/user/auth")

    let request = try #require(await transport.requests.first)
    #expect(request.headers["Authorization"] == nil)
    #expect(try json(request.body) == [:])
    #expect(!request.url.absoluteString.contains("hash"))
  }

  @Test func decodesPayloadIgnoringSuccessAndUnknownKeys() async throws {
    let transport = StubTransport(json: #"{"success": true, "count": 3, "extra": [1]}"#)
    let client = APIClient(baseURL: baseURL, session: "s", transport: transport)

    let answer = try await client.call("/thing/count", returning: Counted.self)

    #expect(answer == Counted(count: 3))
  }

  @Test func oneFieldAnswerReturnsTheFieldsValue() async throws {
    let transport = StubTransport(json: #"{"success": true, "list": [{"count": 1}, {"count": 2}]}"#)
    let client = APIClient(baseURL: baseURL, session: "s", transport: transport)

    let list = try await client.call("/thing/list", field: "list", returning: [Counted].self)

    #expect(list == [Counted(count: 1), Counted(count: 2)])
  }

  @Test func requiredAnswerFieldThatIsMissingIsUndecodable() async throws {
    let client = APIClient(baseURL: baseURL, transport: StubTransport(json: #"{"success": true}"#))

    let error = await #expect(throws: APIError.self) {
      try await client.call("/user/auth", field: "hash", returning: String.self)
    }

    guard case .undecodableResponse(_, let underlying) = error,
      case .keyNotFound(let key, _)? = underlying as? DecodingError
    else {
      Issue.record("expected the missing field named, got \(String(describing: error))")
      return
    }
    #expect(key.stringValue == "hash")
  }

  /// `optionalField:` reads a field that may be absent or `null` as `nil`.
  @Test(arguments: [#"{"success": true}"#, #"{"success": true, "value": null}"#])
  func optionalAnswerFieldMayBeAbsentOrNull(body: String) async throws {
    let client = APIClient(baseURL: baseURL, transport: StubTransport(json: body))

    let value = try await client.call("/thing/read", optionalField: "value", returning: Counted.self)

    #expect(value == nil)
  }

  @Test func optionalAnswerFieldDecodesItsValue() async throws {
    let transport = StubTransport(json: #"{"success": true, "value": {"count": 4}}"#)
    let client = APIClient(baseURL: baseURL, transport: transport)

    let value = try await client.call("/thing/read", optionalField: "value", returning: Counted.self)

    #expect(value == Counted(count: 4))
  }

  @Test func errorEnvelopeBecomesServerError() async throws {
    let body = #"""
      {"success": false, "status": {"code": 7, "description": "Invalid parameters"},
       "errors": [{"parameter": "name"}]}
      """#
    let transport = StubTransport(status: 400, json: body)
    let client = APIClient(baseURL: baseURL, session: "s", transport: transport)

    let error = await #expect(throws: APIError.self) {
      try await client.call("/user/greet", ["name": "Ann"])
    }

    let server = try #require(error?.serverError)
    #expect(server.code == 7)
    #expect(server.description == "Invalid parameters")
    #expect(server.httpStatus == 400)
    #expect(server.payload == Data(body.utf8))
  }

  @Test func errorEnvelopeWinsOverHTTPSuccess() async throws {
    let transport = StubTransport(
      json: #"{"success": false, "status": {"code": 1, "description": "Database error"}}"#)
    let client = APIClient(baseURL: baseURL, transport: transport)

    let error = await #expect(throws: APIError.self) {
      try await client.call("/thing/count", returning: Counted.self)
    }

    #expect(error?.serverError?.code == 1)
    #expect(error?.serverError?.httpStatus == 200)
  }

  @Test func transportFailureIsKeptApart() async throws {
    let client = APIClient(baseURL: baseURL, transport: StubTransport(failure: ConnectionLost()))

    let error = await #expect(throws: APIError.self) { try await client.call("/user/auth") }

    guard case .transport(let underlying) = error else {
      Issue.record("expected a transport failure, got \(String(describing: error))")
      return
    }
    #expect(underlying is ConnectionLost)
  }

  @Test func refusedConnectionThroughURLSessionIsATransportFailure() async throws {
    // Port 9 (discard) is not listened on in test environments; the connection is refused.
    let client = APIClient(baseURL: URL(string: "http://127.0.0.1:9")!)

    let error = await #expect(throws: APIError.self) { try await client.call("/user/auth") }

    guard case .transport = error else {
      Issue.record("expected a transport failure, got \(String(describing: error))")
      return
    }
  }

  @Test(arguments: [
    (200, "<html>Bad gateway</html>"),
    (200, #"{"success": true, "count": "three"}"#),
    (200, #"{"success": false}"#),
    (502, #"{"message": "upstream down"}"#),
  ])
  func unexpectedAnswersAreUndecodable(status: Int, body: String) async throws {
    let transport = StubTransport(status: status, json: body)
    let client = APIClient(baseURL: baseURL, transport: transport)

    let error = await #expect(throws: APIError.self) {
      try await client.call("/thing/count", returning: Counted.self)
    }

    guard case .undecodableResponse(let response, _) = error else {
      Issue.record("expected an undecodable answer, got \(String(describing: error))")
      return
    }
    #expect(response.statusCode == status)
    #expect(response.body == Data(body.utf8))
  }

  @Test func nonFiniteNumberIsAnUnencodableRequest() async throws {
    let transport = StubTransport(json: #"{"success": true}"#)
    let client = APIClient(baseURL: baseURL, transport: transport)

    let error = await #expect(throws: APIError.self) {
      try await client.call("/thing/set", ["value": Double.infinity])
    }

    guard case .unencodableRequest = error else {
      Issue.record("expected an unencodable request, got \(String(describing: error))")
      return
    }
    #expect(await transport.requests.isEmpty)
  }
}
