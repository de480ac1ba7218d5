import APIGenRuntime
import Foundation
import NavixyAPI
import Testing

/// The session of the committed client: set after logging in, sent in the header only, never
/// printed.
@Suite struct SessionTests {
  private actor Recorder: HTTPTransport {
    private(set) var requests: [HTTPRequest] = []

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
      requests.append(request)
      return HTTPResponse(statusCode: 200, body: Data(#"{"success": true}"#.utf8))
    }
  }

  private let hash = "22eac1c27af4be7b9d04da2ce1af111b"

  @Test func aSessionSetLaterIsSentByTheCallsAfterIt() async throws {
    let recorder = Recorder()
    var client = NavixyClient(transport: recorder)
    try await client.user.session.pushToken.delete()
    client.session = hash
    try await client.user.session.pushToken.delete()

    let requests = await recorder.requests
    #expect(requests.map { $0.headers["Authorization"] } == [nil, "NVX \(hash)"])
    #expect(requests.allSatisfy { !$0.url.absoluteString.contains(hash) })
    #expect(requests.allSatisfy { !String(decoding: $0.body, as: UTF8.self).contains(hash) })
  }

  @Test func theClientPrintsWithoutItsSession() {
    let client = NavixyClient(session: hash)
    var dumped = ""
    dump(client, to: &dumped)
    for text in ["\(client)", String(reflecting: client), dumped] {
      #expect(!text.contains(hash), "\(text)")
    }
  }
}
