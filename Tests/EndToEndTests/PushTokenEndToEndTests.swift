import APIGenRuntime
import APIModel
import Foundation
import MockServer
import NavixyAPI
import Pipeline
import TestSupport
import Testing

/// The committed client of `Generated/` against a mock of the same docs (`docs/`), in this
/// process: the product as an app uses it, over real HTTP on the loopback interface.
@Suite(.serialized) struct PushTokenEndToEndTests {
  static let session = "22eac1c27af4be7b9d04da2ce1af111b"

  /// Runs `body` against a fresh mock of `docs/`, stopped afterwards whatever happens.
  private func withMock(_ body: (URL) async throws -> Void) async throws {
    let (api, _) = try Generator(options: .init(docs: Paths.repository.appending(path: "docs")))
      .read()
    let server = try await MockServer(api: api, options: .init(idleTimeout: .seconds(300)))
      .start()
    do {
      try await body(server.baseURL)
    } catch {
      await server.stop()
      throw error
    }
    await server.stop()
  }

  @Test func bindAndDeleteSucceed() async throws {
    try await withMock { url in
      let client = NavixyClient(baseURL: url, session: Self.session)
      try await client.user.session.pushToken.bind(
        application: .navixyIphoneViewer, token: "f4be7b9d04da2ce1af111b",
        categoryFilter: "chat_message")
      try await client.user.session.pushToken.delete()
    }
  }

  @Test func aBadOrMissingSessionIsTheTypedErrorFour() async throws {
    try await withMock { url in
      for session in ["not-a-session", nil] {
        let client = NavixyClient(baseURL: url, session: session)
        let error = await #expect(throws: APIError.self) {
          try await client.user.session.pushToken.delete()
        }
        #expect(error?.serverError?.code == 4)
        #expect(error?.serverError?.httpStatus == 400)
      }
    }
  }

  @Test func aMissingParameterIsTheTypedErrorSevenNamingIt() async throws {
    try await withMock { url in
      let client = NavixyClient(baseURL: url, session: Self.session)
      // The typed method cannot leave `token` out; the runtime's call can.
      let error = await #expect(throws: APIError.self) {
        try await client.client.call(
          "/user/session/push_token/bind", ["application": "navixy_iphone_viewer"])
      }
      let server = try #require(error?.serverError)
      #expect(server.code == 7)
      #expect(
        server.payloadObject?["errors"]
          == [["parameter": "token", "error": "required parameter is missing"]])
    }
  }

  @Test func anUndocumentedCodeIsKept() async throws {
    try await withMock { url in
      let client = NavixyClient(
        baseURL: url, session: Self.session,
        transport: AddingHeader(name: MockResponder.errorHeader, value: "4242"))
      let error = await #expect(throws: APIError.self) {
        try await client.user.session.pushToken.delete()
      }
      #expect(error?.serverError?.code == 4242)
    }
  }

  @Test func aRefusedConnectionIsATransportFailure() async throws {
    let client = NavixyClient(baseURL: URL(string: "http://127.0.0.1:9")!, session: Self.session)
    let error = await #expect(throws: APIError.self) {
      try await client.user.session.pushToken.delete()
    }
    guard case .transport = error else {
      Issue.record("expected a transport failure, got \(String(describing: error))")
      return
    }
  }

  /// 1,000 calls at once through `URLSession`, bounded in time.
  @Test(.timeLimit(.minutes(2))) func aThousandConcurrentCallsAllSucceed() async throws {
    try await withMock { url in
      let client = NavixyClient(baseURL: url, session: Self.session)
      let start = ContinuousClock.now
      let failures = await withTaskGroup(of: String?.self) { group in
        for index in 0..<1000 {
          group.addTask {
            do {
              if index.isMultiple(of: 2) {
                try await client.user.session.pushToken.delete()
              } else {
                try await client.user.session.pushToken.bind(
                  application: .navixyAndroidViewer, token: "token-\(index)")
              }
              return nil
            } catch {
              return "\(index): \(error)"
            }
          }
        }
        return await group.compactMap { $0 }.reduce(into: []) { $0.append($1) }
      }
      #expect(failures.isEmpty, "\(failures.prefix(5))")
      print("push-token end to end: 1000 concurrent calls in \(ContinuousClock.now - start)")
    }
  }
}

/// Adds one header to every request: how a test asks the mock for an error.
struct AddingHeader: HTTPTransport {
  var name: String
  var value: String
  var base: any HTTPTransport = URLSessionTransport()

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    var request = request
    request.headers[name] = value
    return try await base.send(request)
  }
}
