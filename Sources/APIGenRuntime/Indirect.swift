/// A value stored out of line, for a field through which a type would contain itself (a group
/// with a parent group): a struct cannot hold itself directly.
///
/// It codes as the value itself, so the JSON is the same as without the box.
public struct Indirect<Value: Sendable & Codable>: Sendable, Codable {
  private indirect enum Storage: Sendable {
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

// Generated objects are not `Hashable` (it would slow their build), but a box of a value that
// is compares by its value.
extension Indirect: Equatable where Value: Equatable {
  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.value == rhs.value
  }
}

extension Indirect: Hashable where Value: Hashable {
  public func hash(into hasher: inout Hasher) {
    hasher.combine(value)
  }
}
