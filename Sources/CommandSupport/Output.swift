import Foundation

/// Whole lines, written at once, so that lines from concurrent requests (or from the watchdog
/// and a run it stops) do not interleave.
package enum Output {
  package static func standardOutput(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }

  package static func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
