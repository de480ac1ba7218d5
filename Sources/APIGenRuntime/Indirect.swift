/// A value stored out of line, for a field through which a type would contain itself (a group
/// with a parent group): a struct cannot hold itself directly.
///
/// It codes as the value itself, so the JSON is the same as without the box.
public struct Indirect<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
  private indirect enum Storage: Hashable, Sendable {
    case value(Value)
  }

  private var storage: Storage

  public init(_ value: Value) {
    storage = .value(value)
  }

  public var value: Value {
    get {
      switch storage {
      case .value(let value): value
      }
    }
    set { storage = .value(newValue) }
  }

  public init(from decoder: any Decoder) throws {
    self.init(try Value(from: decoder))
  }

  public func encode(to encoder: any Encoder) throws {
    try value.encode(to: encoder)
  }
}
