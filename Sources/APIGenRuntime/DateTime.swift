import Foundation

/// A date and time as the API writes it, `yyyy-MM-dd HH:mm:ss`, in a time zone the text does not
/// carry (the docs say: the user's).
///
/// The wire text is kept as received, so a value the server sends comes back unchanged; convert
/// with an explicit `TimeZone` when you need a `Date`.
public struct DateTime: Hashable, Sendable, Codable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  static let pattern = "dddd-dd-dd dd:dd:dd"

  /// The wire form.
  public var text: String

  public init(_ text: String) {
    self.text = text
  }

  public init(stringLiteral text: String) {
    self.init(text)
  }

  /// The local date and time of `date` in `timeZone`, to the whole second.
  public init(_ date: Date, in timeZone: TimeZone) {
    let fields = WireTime.calendar(in: timeZone).dateComponents(WireTime.fields, from: date)
    let day = [
      WireTime.padded(fields.year ?? 0, width: 4), WireTime.padded(fields.month ?? 0, width: 2),
      WireTime.padded(fields.day ?? 0, width: 2),
    ]
    let time = [fields.hour, fields.minute, fields.second].map {
      WireTime.padded($0 ?? 0, width: 2)
    }
    self.init(day.joined(separator: "-") + " " + time.joined(separator: ":"))
  }

  /// The instant this local date and time names in `timeZone`, or `nil` when the text is not a
  /// valid `yyyy-MM-dd HH:mm:ss` there.
  public func date(in timeZone: TimeZone) -> Date? {
    guard let numbers = WireTime.numbers(in: text, pattern: Self.pattern) else { return nil }
    let components = DateComponents(
      year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3],
      minute: numbers[4], second: numbers[5])
    return WireTime.date(of: components, in: WireTime.calendar(in: timeZone))
  }

  public var description: String { text }

  public init(from decoder: any Decoder) throws {
    self.init(try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text)
  }
}
