import APIGenRuntime
import Foundation
import NavixyAPI
import Testing

/// Records requests and answers each with the same canned response.
private actor StubTransport: HTTPTransport {
  private let response: HTTPResponse
  private(set) var requests: [HTTPRequest] = []

  init(status: Int = 200, json: String = #"{ "success": true }"#) {
    response = HTTPResponse(statusCode: status, body: Data(json.utf8))
  }

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    requests.append(request)
    return response
  }
}

/// The cURL example of an endpoint in the committed `Generated/api.json`, as a JSON object.
private func curlBody(of path: String) throws -> JSONObject {
  let apiJSON = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appending(path: "Generated/api.json")
  let api = try JSONDecoder().decode(APIFile.self, from: Data(contentsOf: apiJSON))
  let endpoint = try #require(api.endpoints.first { $0.path == path })
  let example = try #require(endpoint.examples.first { $0.kind == "curl" })
  return try JSONDecoder().decode(JSONObject.self, from: Data(try #require(example.body).utf8))
}

/// The part of `api.json` these tests read.
private struct APIFile: Decodable {
  struct Endpoint: Decodable {
    var path: String
    var examples: [Example]
  }

  struct Example: Decodable {
    var kind: String
    var body: String?
  }

  var endpoints: [Endpoint]
}

@Suite struct PushTokenTests {
  @Test func bindSendsTheDocumentedExampleWithTheHashInTheHeader() async throws {
    var expected = try curlBody(of: "/user/session/push_token/bind")
    let hash = expected.removeValue(forKey: "hash")
    guard case .string(let session) = hash else {
      Issue.record("the example has no string hash: \(String(describing: hash))")
      return
    }
    let transport = StubTransport()
    let client = NavixyClient(session: session, transport: transport)

    try await client.user.session.pushToken.bind(
      application: .navixyAndroidViewer, token: "f4be7b9d04da2ce1af111b")

    let request = try #require(await transport.requests.first)
    #expect(try JSONDecoder().decode(JSONObject.self, from: request.body) == expected)
    #expect(request.headers["Authorization"] == "NVX \(session)")
    #expect(request.headers["Content-Type"] == "application/json")
    #expect(request.method == "POST")
    #expect(request.url.absoluteString == "https://api.navixy.com/v2/user/session/push_token/bind")
  }

  @Test func bindSendsTheCategoryFilterWhenGiven() async throws {
    let transport = StubTransport()
    let client = NavixyClient(session: "s", transport: transport)

    try await client.user.session.pushToken.bind(
      application: .unknown("navixy_tablet_viewer"), token: "t", categoryFilter: "chat_message")

    let request = try #require(await transport.requests.first)
    let body = try JSONDecoder().decode(JSONObject.self, from: request.body)
    #expect(
      body == [
        "application": "navixy_tablet_viewer", "token": "t", "category_filter": "chat_message",
      ])
  }

  @Test func deleteSendsAnEmptyObjectWithTheHeader() async throws {
    var expected = try curlBody(of: "/user/session/push_token/delete")
    let hash = expected.removeValue(forKey: "hash")
    guard case .string(let session) = hash else {
      Issue.record("the example has no string hash: \(String(describing: hash))")
      return
    }
    let transport = StubTransport()
    let client = NavixyClient(session: session, transport: transport)

    try await client.user.session.pushToken.delete()

    let request = try #require(await transport.requests.first)
    #expect(expected == [:])
    #expect(try JSONDecoder().decode(JSONObject.self, from: request.body) == [:])
    #expect(request.headers["Authorization"] == "NVX \(session)")
    #expect(request.url.path() == "/v2/user/session/push_token/delete")
  }

  @Test func errorEnvelopeThrowsTheServerError() async throws {
    let transport = StubTransport(
      status: 403,
      json: #"""
        {"success": false, "status": {"code": 4, "description": "User or API key not found or session ended"}}
        """#)
    let client = NavixyClient(session: "expired", transport: transport)

    let error = await #expect(throws: APIError.self) {
      try await client.user.session.pushToken.delete()
    }

    let server = try #require(error?.serverError)
    #expect(server.code == 4)
    #expect(server.description == "User or API key not found or session ended")
    #expect(server.httpStatus == 403)
  }

  @Test func enumsCodeTheirWireValues() throws {
    let decoded = try JSONDecoder().decode(
      [PushTokenCategory].self, from: Data(#"["history_rule", "history_new_thing"]"#.utf8))
    #expect(decoded == [.historyRule, .unknown("history_new_thing")])
    #expect(PushTokenApplication(rawValue: "navixy_iphone_viewer") == .navixyIphoneViewer)
    #expect(PushTokenApplication.navixyAndroidViewer.rawValue == "navixy_android_viewer")
  }
}
