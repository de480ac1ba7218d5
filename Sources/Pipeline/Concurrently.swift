import Dispatch
import Synchronization

/// Independent pieces of work spread over the machine's cores, their results in the order of
/// the work given, so that what comes out never depends on which thread finished first.
enum Concurrently {
  static func run<Value: Sendable>(_ jobs: [@Sendable () -> Value]) -> [Value] {
    let results = Results<Value>(count: jobs.count)
    DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
      results.set(index, jobs[index]())
    }
    return results.values
  }

  static func map<Item: Sendable, Value: Sendable>(_ items: [Item], _ transform: @escaping @Sendable (Item) -> Value)
    -> [Value]
  {
    run(items.map { item in { transform(item) } })
  }

  /// One slot per job, each filled once by the thread that ran it.
  private final class Results<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    init(count: Int) {
      slots = Mutex(Array(repeating: nil, count: count))
    }

    func set(_ index: Int, _ value: Value) {
      slots.withLock { $0[index] = value }
    }

    var values: [Value] { slots.withLock { $0.map { $0! } } }
  }
}
