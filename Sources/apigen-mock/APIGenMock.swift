import APIModel
import ArgumentParser
import CommandSupport
import Foundation
import MockServer
import Pipeline
import Synchronization

/// The mock server, an executable of its own so that building the generator (`apigen`) does not
/// build Hummingbird and SwiftNIO.
@main
struct APIGenMock: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apigen-mock",
    abstract: "Serves every endpoint of the docs on 127.0.0.1 with the docs' examples.",
    discussion: """
      Prints `listening on http://127.0.0.1:PORT` once it accepts connections, then one line per \
      request on standard error. Stops on SIGINT or SIGTERM. Exit status: 0 stopped; 1 the docs \
      have errors; 64 usage error; 74 the docs could not be read.
      """)

  @OptionGroup var docsOptions: DocsOptions

  @Option(help: "The port to listen on; 0 picks a free one.")
  var port = 8080

  @Option(help: "Stop after this many seconds without a request (for scripts and tests).")
  var idleTimeout: Double?

  func validate() throws {
    guard (0...65535).contains(port) else {
      throw ValidationError("--port must be between 0 and 65535.")
    }
    if let idleTimeout, idleTimeout <= 0 {
      throw ValidationError("--idle-timeout must be positive.")
    }
  }

  func run() throws {
    let generator = try docsOptions.generator()
    let api: APIDescription
    do {
      let (model, diagnostics) = try generator.read()
      let errors = diagnostics.filter { $0.severity == .error }
      for error in errors { Output.standardError(error.description) }
      guard errors.isEmpty else { throw ExitCode(ExitStatus.docsHaveErrors) }
      api = model
    } catch let error as GeneratorError {
      throw Report.fail(error)
    }
    try AsyncBridge.wait { try await serve(api) }
  }

  private func serve(_ api: APIDescription) async throws {
    let server = MockServer(
      api: api,
      options: .init(
        port: port, idleTimeout: idleTimeout.map { .milliseconds(Int($0 * 1000)) },
        log: { line in Output.standardError(line) }))
    let endpoints = api.endpoints.count
    try await server.run(handlingSignals: true) { port in
      // On standard output, so that a script can read the port it got.
      Output.standardOutput(
        "listening on http://127.0.0.1:\(port) (\(endpoints) endpoints); stop with Ctrl-C")
    }
    Output.standardError("stopped")
  }
}

/// Runs async work from a synchronous command and waits for it. The root command is a
/// synchronous `ParsableCommand`, which does not await an async subcommand's `run`; the main
/// thread may block here, since the work runs on the cooperative pool and NIO's own threads.
enum AsyncBridge {
  static func wait(_ work: @escaping @Sendable () async throws -> Void) throws {
    let outcome = Mutex<Result<Void, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
      let result: Result<Void, any Error>
      do {
        try await work()
        result = .success(())
      } catch {
        result = .failure(error)
      }
      outcome.withLock { $0 = result }
      done.signal()
    }
    done.wait()
    try outcome.withLock { $0 }?.get()
  }
}
