import APIGenRuntime
import Foundation
import SeedLibraryAPI
import Testing

/// The client the build-tool plugin generated from the target's docs/, against `apigen-mock` serving the same
/// docs: what an app's tests would do before a server exists.
@Suite struct SeedClientTests {
  @Test func logsInListsAndReserves() async throws {
    let mock = try MockProcess()
    defer { mock.stop() }
    let client = try await SeedClient.loggedIn(baseURL: mock.baseURL, card: "SL-0042", pin: "1234")
    #expect(client.session?.count == 32)

    let seeds = try await client.seed.list()
    #expect(seeds.map(\.name) == ["Cherry tomato"])
    #expect(seeds.first?.sownFrom == "March")

    let reservation = try await client.seed.reserve(seedID: 11, packets: 2, note: "for the school")
    #expect(reservation.reservationID == 301)
    #expect(reservation.shelf == "B4")
  }

  @Test func aCallWithoutASessionIsRefused() async throws {
    let mock = try MockProcess()
    defer { mock.stop() }
    let error = await #expect(throws: APIError.self) {
      try await SeedClient(baseURL: mock.baseURL).seed.list()
    }
    #expect(error?.serverError?.code == 4)
  }

  /// apigen.json's `baseURL` is the client's default server.
  @Test func theDefaultServerIsTheConfiguredOne() {
    #expect(SeedClient().client.baseURL.absoluteString == "https://seeds.example.org/api")
  }
}

/// `apigen-mock --config apigen.json --port 0` as a process, stopped by `stop()` or, should a test
/// crash, after a minute without a request.
final class MockProcess: Sendable {
  let baseURL: URL
  private let process: Process

  /// The example's folder, from this file's place in it.
  static let example = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `APIGEN_MOCK` when set (the Makefile sets it), else apigen's own debug build.
  static var executable: URL {
    if let path = ProcessInfo.processInfo.environment["APIGEN_MOCK"] {
      return URL(fileURLWithPath: path)
    }
    return example.appending(path: "../../.build/debug/apigen-mock").standardizedFileURL
  }

  init() throws {
    let executable = Self.executable
    guard FileManager.default.isExecutableFile(atPath: executable.path) else {
      throw Failure(
        "\(executable.path) is not built: run `swift build --product apigen-mock` in apigen's folder,"
          + " or set APIGEN_MOCK")
    }
    process = Process()
    process.executableURL = executable
    // The docs and base URL the plugin generated the client from.
    process.arguments = [
      "--config", Self.example.appending(path: "Sources/SeedLibraryAPI/apigen.json").path,
      "--port", "0", "--idle-timeout", "60",
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // `listening on http://127.0.0.1:PORT (…)`
    var line = Data()
    while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
      line += byte
    }
    let text = String(decoding: line, as: UTF8.self)
    guard let address = text.split(separator: " ").first(where: { $0.hasPrefix("http://") }),
      let url = URL(string: String(address))
    else {
      process.terminate()
      throw Failure("apigen-mock did not say where it listens: '\(text)'")
    }
    baseURL = url
  }

  func stop() {
    process.terminate()
    process.waitUntilExit()
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }
}
