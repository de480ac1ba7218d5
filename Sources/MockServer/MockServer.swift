import APIModel
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// A server made from the docs: every endpoint of the model on `127.0.0.1`, answering as
/// ``MockResponder`` decides (`apigen mock` runs one).
///
/// It listens on the loopback interface only, logs one line per request (never the session
/// hash: the line has the path without the query), and stops when its task is cancelled, on
/// `SIGINT`/`SIGTERM` when asked to handle signals, or after a time without requests when given
/// an idle timeout, so that a server a test forgot cannot outlive it for long.
public struct MockServer: Sendable {
  public struct Options: Sendable {
    /// `0` picks a free port.
    public var port: Int
    /// Stops after this long without a request; `nil` serves until stopped.
    public var idleTimeout: Duration?
    /// Receives one line per request.
    public var log: @Sendable (String) -> Void

    public init(
      port: Int = 0, idleTimeout: Duration? = nil,
      log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
      self.port = port
      self.idleTimeout = idleTimeout
      self.log = log
    }
  }

  /// Bodies larger than this are refused (uploads in the docs are small files).
  static let maximumBodySize = 16 << 20

  public let responder: MockResponder
  public let options: Options
  private let activity = Activity()

  public init(api: APIDescription, options: Options = .init()) {
    responder = MockResponder(api: api)
    self.options = options
  }

  /// Serves until a `SIGINT` or `SIGTERM` (with `handlingSignals`), the idle timeout or the
  /// task's cancellation; finishes the requests in flight, then returns. `onListening` gets the
  /// port once the server accepts connections.
  public func run(
    handlingSignals: Bool = false, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
  ) async throws {
    try await serve(makeGroup(handlingSignals: handlingSignals, onListening: onListening))
  }

  /// Starts serving in a task of its own and returns once the server listens.
  public func start() async throws -> Running {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let group = makeGroup(handlingSignals: false) { port in continuation.yield(port) }
    let task = Task {
      defer { continuation.finish() }
      try await serve(group)
    }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else {
      // The server ended before it listened: its task has the error.
      try await task.value
      throw MockServerError.didNotStart
    }
    return Running(port: port, group: group, task: task)
  }

  /// A server started with ``start()``.
  public struct Running: Sendable {
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
      self.port = port
      self.group = group
      self.task = task
    }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: URL {
      URL(string: "http://127.0.0.1:\(port)")!
    }

    /// Stops the server gracefully and waits until it has.
    public func stop() async {
      await group.triggerGracefulShutdown()
      _ = await task.result
    }
  }

  private func makeGroup(
    handlingSignals: Bool, onListening: @escaping @Sendable (Int) async -> Void
  ) -> ServiceGroup {
    var logger = Logger(label: "apigen-mock")
    // Hummingbird's own lines would repeat ours; only its errors are worth showing.
    logger.logLevel = .error
    let application = Application(
      responder: HTTPAdapter(responder: responder, log: options.log, activity: activity),
      configuration: .init(address: .hostname("127.0.0.1", port: options.port)),
      onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
      logger: logger)
    return ServiceGroup(
      services: [application],
      gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [], logger: logger)
  }

  /// Runs the group, and shuts it down gracefully once the idle timeout passes.
  private func serve(_ group: ServiceGroup) async throws {
    try await withThrowingTaskGroup(of: Bool.self) { tasks in
      tasks.addTask {
        try await group.run()
        return true
      }
      if let idleTimeout = options.idleTimeout {
        tasks.addTask {
          try await activity.waitUntilIdle(for: idleTimeout)
          await group.triggerGracefulShutdown()
          return false
        }
      }
      // Once the server has ended, the idle watch ends too; a shutdown the watch started is
      // left to finish, since cancelling it would cut the requests in flight.
      while let serverEnded = try await tasks.next() {
        if serverEnded {
          tasks.cancelAll()
          return
        }
      }
    }
  }
}

public enum MockServerError: Error, CustomStringConvertible {
  case didNotStart

  public var description: String { "the mock server stopped before it listened" }
}

/// When the last request arrived, for the idle timeout.
final class Activity: Sendable {
  private let last = Mutex(ContinuousClock.now)

  func touch() {
    last.withLock { $0 = .now }
  }

  /// Returns once `timeout` has passed since the last request.
  func waitUntilIdle(for timeout: Duration) async throws {
    while true {
      let idle = ContinuousClock.now - last.withLock { $0 }
      if idle >= timeout { return }
      try await Task.sleep(for: timeout - idle)
    }
  }
}

/// Hummingbird's side: the request's bytes to a ``MockRequest``, the reply to a response, and
/// the log line.
struct HTTPAdapter: HTTPResponder {
  typealias Context = BasicRequestContext

  let responder: MockResponder
  let log: @Sendable (String) -> Void
  let activity: Activity

  func respond(to request: Request, context: Context) async throws -> Response {
    let start = ContinuousClock.now
    activity.touch()
    var headers: [String: String] = [:]
    for field in request.headers {
      headers[field.name.canonicalName] = field.value
    }
    let reply: MockResponder.Reply
    do {
      let body = try await request.body.collect(upTo: MockServer.maximumBodySize)
      reply = responder.reply(
        to: MockRequest(
          method: request.method.rawValue, path: request.uri.path, query: request.uri.query,
          headers: headers, body: Data(body.readableBytesView)))
    } catch {
      reply = responder.error(
        MockResponder.Code.tooLargeRequest, httpStatus: 413, description: "Request too large")
    }
    var fields = HTTPFields()
    fields[.contentType] = reply.contentType
    if let fileName = reply.fileName {
      fields[.contentDisposition] = "attachment; filename=\"\(fileName)\""
    }
    if let allow = reply.allow {
      fields[.allow] = allow
    }
    let elapsed = ContinuousClock.now - start
    let code = reply.errorCode.map { " code \($0)" } ?? ""
    let milliseconds =
      Double(elapsed.components.attoseconds) / 1e15
      + Double(elapsed.components.seconds) * 1000
    log(
      "\(request.method.rawValue) \(request.uri.path) \(reply.status)\(code) "
        + String(format: "%.1f ms", milliseconds))
    return Response(
      status: .init(code: reply.status), headers: fields,
      body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
  }
}
