import Foundation

/// Runs the built `apigen` executable, as a build or CI would, with a time limit: tests of bad
/// input check its exit status and messages, and that it never hangs.
public struct APIGenCommand: Sendable {
  /// The outcome of one run.
  public struct Run: Sendable, CustomStringConvertible {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
    public var seconds: Double
    /// Whether the run was killed for going over its time limit.
    public var timedOut: Bool

    public var description: String {
      "exit \(status)\(timedOut ? " (killed: timed out)" : "") after \(String(format: "%.2f", seconds)) s\n"
        + "stdout: \(standardOutput.prefix(2_000))\nstderr: \(standardError.prefix(2_000))"
    }
  }

  public let executable: URL

  /// The `apigen` beside the running test bundle (SwiftPM builds every product before tests),
  /// or in `.build/debug`.
  public init() {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("apigen")
    executable =
      FileManager.default.isExecutableFile(atPath: beside.path)
      ? beside : Paths.repository.appendingPathComponent(".build/debug/apigen")
  }

  /// Runs `apigen arguments…`, killing it after `timeLimit` seconds. `user` runs it as another
  /// user id (through setpriv, as root), for permission cases that root itself would ignore.
  public func run(_ arguments: [String], timeLimit: Double = 60, user: UInt32? = nil) throws -> Run {
    let process = Process()
    if let user {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      process.arguments =
        ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", "--", executable.path] + arguments
    } else {
      process.executableURL = executable
      process.arguments = arguments
    }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    let start = Date()
    try process.run()
    // Read both pipes while the process runs, so that a full pipe cannot block it.
    let outputData = Collected(output.fileHandleForReading)
    let errorData = Collected(error.fileHandleForReading)
    let deadline = Date().addingTimeInterval(timeLimit)
    var timedOut = false
    while process.isRunning {
      if Date() > deadline {
        timedOut = true
        process.terminate()
        break
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, standardOutput: outputData.text(),
      standardError: errorData.text(), seconds: Date().timeIntervalSince(start), timedOut: timedOut)
  }

  /// Whether runs as another user are possible: as root, with setpriv present.
  public static var canSwitchUser: Bool {
    getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
  }

  /// The id of the unprivileged `nobody` user.
  public static let nobody: UInt32 = 65534
}

/// Everything a pipe delivers, read on a thread of its own.
private final class Collected: @unchecked Sendable {
  // Written by the reading thread before `done` is signalled, read only after waiting on it.
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }
  }

  func text() -> String {
    done.wait()
    done.signal()
    return String(decoding: data, as: UTF8.self)
  }
}
