import Foundation
import Synchronization

/// `apigen-mock` running as a process of its own: the server as a user runs it, which nothing in
/// the test process (a blocked thread, a busy cooperative pool) can slow down.
///
/// It listens on a free loopback port and stops by itself after `idleTimeout` seconds without a
/// request, so that a failed test cannot leave it running for long.
final class MockProcess: Sendable {
  let baseURL: URL
  private let process: Process
  private let logFile: URL

  /// The `apigen-mock` built beside the test bundle (`swift build` and `swift test` build it).
  static var executable: URL? {
    let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    for folder in [
      bundle.deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent(),
    ] {
      let candidate = folder.appendingPathComponent("apigen-mock")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  /// Starts `apigen-mock --docs DOCS --port 0` and waits for the line that gives the port.
  init(docs: URL, idleTimeout: Int = 300) throws {
    guard let executable = Self.executable else { throw Failure("apigen-mock is not built") }
    logFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("apigen-mock-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
    process = Process()
    process.executableURL = executable
    process.arguments = ["--docs", docs.path, "--port", "0", "--idle-timeout", String(idleTimeout)]
    let output = Pipe()
    process.standardOutput = output
    // The log goes to a file: a pipe nobody reads would fill and block the server.
    process.standardError = try FileHandle(forWritingTo: logFile)
    try process.run()
    let line = Self.firstLine(of: output.fileHandleForReading)
    guard let port = line.split(separator: ":").last?.prefix(while: \.isNumber), !port.isEmpty,
      let url = URL(string: "http://127.0.0.1:\(port)")
    else {
      process.terminate()
      throw Failure("apigen-mock did not say where it listens: \(line)")
    }
    baseURL = url
  }

  /// Sends `SIGTERM` (or `SIGINT`, as Ctrl-C does) and waits; returns the exit status and the
  /// log lines.
  func stop(interrupting: Bool = false) -> (status: Int32, log: [String]) {
    if process.isRunning {
      if interrupting { process.interrupt() } else { process.terminate() }
    }
    process.waitUntilExit()
    let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(at: logFile)
    return (process.terminationStatus, log.split(separator: "\n").map(String.init))
  }

  private static func firstLine(of handle: FileHandle) -> String {
    var bytes = Data()
    while true {
      let chunk = handle.readData(ofLength: 1)
      if chunk.isEmpty || chunk == Data("\n".utf8) { break }
      bytes += chunk
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }
}

/// Runs blocking work (a child process, a `swift build`) on a thread of its own, so that it
/// does not hold one of the few threads that run the tests' async code.
func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    let thread = Thread {
      continuation.resume(with: Result { try work() })
    }
    thread.stackSize = 8 << 20
    thread.start()
  }
}

/// Carries a value that is not declared `Sendable` but is safe to move to another thread:
/// `GeneratedPackage` holds only a URL and a string, and nothing mutates it.
struct Carried<Value>: @unchecked Sendable {
  let value: Value
}
