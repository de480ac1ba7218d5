import Foundation
import Synchronization

/// The files a run read and the folders it listed, for a build tool that reruns apigen when one
/// of them changes: pages and settings change when edited, folders when a page is added or
/// removed.
public struct DocsInputs: Hashable, Sendable {
  /// Files read, in the order first read.
  public var files: [String] = []
  /// Folders listed, in the order first listed.
  public var folders: [String] = []

  public init(files: [String] = [], folders: [String] = []) {
    self.files = files
    self.folders = folders
  }

  /// Collects paths as the docs folder is read; each is kept once.
  final class Recorder: Sendable {
    private struct State {
      var inputs = DocsInputs()
      var seen: Set<String> = []
    }

    private let state = Mutex(State())

    func file(_ path: String) {
      state.withLock { if $0.seen.insert("f" + path).inserted { $0.inputs.files.append(path) } }
    }

    func folder(_ path: String) {
      state.withLock { if $0.seen.insert("d" + path).inserted { $0.inputs.folders.append(path) } }
    }

    var recorded: DocsInputs { state.withLock { $0.inputs } }
  }
}
