import Foundation
import Synchronization

/// Ends the process with a clear message when reading the docs and generating take longer
/// than the time limit.
///
/// The per-page limits (`ParseLimits`) bound what the Markdown stage does; this bounds the
/// whole run, including stages whose cost on hostile text is not bounded by the page size
/// alone, so that a build never hangs on docs. It is stopped before any file is written, so it
/// can never interrupt the output folder's transaction.
package final class Watchdog: Sendable {
  private enum State { case running, stopped }
  private let state = Mutex(State.running)

  /// Starts watching; `seconds` of 0 or less watches nothing.
  package init(seconds: Double, message: String) {
    guard seconds > 0 else {
      state.withLock { $0 = .stopped }
      return
    }
    let thread = Thread { [self] in
      Thread.sleep(forTimeInterval: seconds)
      fire(message)
    }
    thread.start()
  }

  /// From now on the watchdog cannot end the process. If it has already begun to, this waits
  /// for the end.
  package func stop() {
    state.withLock { $0 = .stopped }
  }

  private func fire(_ message: String) {
    state.withLock { state in
      guard state == .running else { return }
      // Under the lock, so that `stop()` cannot return while the process is ending.
      Output.standardError(message)
      _exit(ExitStatus.docsHaveErrors)
    }
  }
}
