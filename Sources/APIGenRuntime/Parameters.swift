/// The parameters of one call, by wire name, sent as one JSON object.
///
/// A `nil` value is left out, so an optional parameter the caller did not give is not sent and
/// the server applies its default:
///
/// ```swift
/// let parameters: Parameters = ["tracker_id": 123, "label": label]  // label: String?
/// ```
///
/// Generated methods build their parameters this way rather than through a struct per call:
/// it keeps the wire names in plain sight and compiles several times faster.
public struct Parameters: Encodable, Sendable, ExpressibleByDictionaryLiteral {
  /// In the order written; read by the multipart encoding.
  private(set) var entries: [(name: String, value: any Encodable & Sendable)]

  public init(dictionaryLiteral elements: (String, (any Encodable & Sendable)?)...) {
    entries = elements.compactMap { name, value in value.map { (name, $0) } }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: WireKey.self)
    for (name, value) in entries {
      try container.encode(value, forKey: WireKey(stringValue: name))
    }
  }
}

/// A JSON key given as text: the coding key of generated types, whose `init(from:)` and
/// `encode(to:)` name each key as it is on the wire (`forKey: "tracker_id"`).
public struct WireKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
  public var stringValue: String
  public var intValue: Int? { nil }

  public init(stringValue: String) {
    self.stringValue = stringValue
  }

  public init(stringLiteral value: String) {
    self.init(stringValue: value)
  }

  public init?(intValue: Int) {
    nil
  }
}
