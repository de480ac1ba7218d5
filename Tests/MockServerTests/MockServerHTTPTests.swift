import APIModel
import Foundation
import MockServer
import Synchronization
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The mock over real HTTP on the loopback interface.
@Suite struct MockServerHTTPTests {
  final class Lines: Sendable {
    let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
  }

  private func post(_ url: URL, _ json: String, headers: [String: String] = [:]) async throws
    -> (Int, String)
  {
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    request.httpBody = Data(json.utf8)
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
  }

  @Test func servesLogsOneLinePerRequestWithoutTheSessionAndStops() async throws {
    let lines = Lines()
    let server = try await MockServer(api: MockFixture.api, options: .init(log: lines.add))
      .start()
    #expect(server.port > 0)
    let read = server.baseURL.appending(path: "v2/tracker/read")
    let (status, body) = try await post(
      read, #"{"tracker_id": 1}"#, headers: ["Authorization": "NVX \(MockFixture.session)"])
    #expect(status == 200)
    #expect(body.contains(#""success":true"#))
    var components = URLComponents(url: read, resolvingAgainstBaseURL: false)
    components?.queryItems = [.init(name: "hash", value: MockFixture.session)]
    // Without `tracker_id`: the answer is an error, and the line has no query (nor its hash).
    let (_, response) = try await URLSession.shared.data(from: try #require(components?.url))
    #expect((response as? HTTPURLResponse)?.statusCode == 400)
    await server.stop()

    let log = lines.all
    #expect(log.count == 2)
    #expect(log.first?.hasPrefix("POST /v2/tracker/read 200 ") == true)
    #expect(log.last?.hasPrefix("GET /v2/tracker/read 400 code 7 ") == true)
    #expect(!log.contains { $0.contains(MockFixture.session) })
    await #expect(throws: (any Error).self) { _ = try await post(read, "{}") }
  }

  @Test func stopsByItselfWhenIdle() async throws {
    let server = MockServer(api: MockFixture.api, options: .init(idleTimeout: .milliseconds(200)))
    let start = ContinuousClock.now
    try await server.run()
    #expect(ContinuousClock.now - start < .seconds(120))
  }

  @Test func twoServersGetTwoPorts() async throws {
    let first = try await MockServer(api: MockFixture.api).start()
    let second = try await MockServer(api: MockFixture.api).start()
    #expect(first.port != second.port)
    await first.stop()
    await second.stop()
  }
}
