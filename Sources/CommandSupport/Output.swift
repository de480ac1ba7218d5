import Foundation

/// Whole lines, written at once, so that lines from concurrent requests (or from the watchdog
/// and a run it stops) do not interleave.
enum Output {
  static func standardOutput(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }

  static func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
