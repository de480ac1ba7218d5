import APIGenRuntime
import Foundation
import NavixyAPI
import TestSupport
import Testing

/// `apigen-mock` as a user runs it: a process on a free loopback port that logs one line per
/// request and stops cleanly on SIGINT and SIGTERM.
@Suite struct MockCommandTests {
  static let session = "22eac1c27af4be7b9d04da2ce1af111b"

  @Test(arguments: [false, true])
  func servesTheDocsAndStopsOnASignal(interrupting: Bool) async throws {
    let mock = try await offThread {
      try MockProcess(docs: Paths.repository.appending(path: "docs"), idleTimeout: 120)
    }
    let client = NavixyClient(baseURL: mock.baseURL, session: Self.session)
    try await client.user.session.pushToken.bind(application: .navixyIphoneViewer, token: "t")
    let error = await #expect(throws: APIError.self) {
      try await NavixyClient(baseURL: mock.baseURL).user.session.pushToken.delete()
    }
    #expect(error?.serverError?.code == 4)

    let (status, log) = await Task.detached { mock.stop(interrupting: interrupting) }.value

    #expect(status == 0)
    #expect(log.count == 3, "\(log)")
    #expect(log.first?.hasPrefix("POST /user/session/push_token/bind 200 ") == true)
    #expect(
      log.dropFirst().first?.hasPrefix("POST /user/session/push_token/delete 400 code 4 ") == true)
    #expect(log.last == "stopped")
    #expect(!log.contains { $0.contains(Self.session) })
  }

  @Test func refusesABadPort() async throws {
    let executable = try #require(MockProcess.executable)
    let status = try await offThread {
      let process = Process()
      process.executableURL = executable
      process.arguments = ["--docs", "docs", "--port", "70000"]
      process.standardError = FileHandle.nullDevice
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      return process.terminationStatus
    }
    #expect(status == 64)
  }
}
