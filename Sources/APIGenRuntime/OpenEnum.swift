/// An enumeration of documented string values that stays open to new ones.
///
/// A conforming enum lists the documented values as cases plus a catch-all case for the rest, so
/// a value the server starts sending later decodes (and encodes back) instead of failing the
/// whole answer. The coding of the string is shared here; each enum only maps its cases.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable where RawValue == String {
  /// Never fails: an undocumented value becomes the catch-all case.
  init(rawValue: String)
}

extension OpenEnum {
  public init(from decoder: any Decoder) throws {
    self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
