import Foundation

/// A time of day without a date, as the API writes it: `HH:mm:ss`.
///
/// The wire text is kept as received; convert with an explicit `TimeZone` and day when you need
/// a `Date`.
public struct LocalTime: Hashable, Sendable, Codable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  static let pattern = "dd:dd:dd"

  /// The wire form.
  public var text: String

  public init(_ text: String) {
    self.text = text
  }

  public init(stringLiteral text: String) {
    self.init(text)
  }

  public init(hour: Int, minute: Int, second: Int = 0) {
    self.init(
      [hour, minute, second].map { WireTime.padded($0, width: 2) }.joined(separator: ":"))
  }

  /// The time of day of `date` in `timeZone`, to the whole second.
  public init(_ date: Date, in timeZone: TimeZone) {
    let fields = WireTime.calendar(in: timeZone).dateComponents(WireTime.fields, from: date)
    self.init(hour: fields.hour ?? 0, minute: fields.minute ?? 0, second: fields.second ?? 0)
  }

  /// This time of day on the day that contains `day` in `timeZone`, or `nil` when the text is
  /// not a valid `HH:mm:ss` or that day skips the time (a daylight-saving change).
  public func date(onDayOf day: Date, in timeZone: TimeZone) -> Date? {
    guard let numbers = WireTime.numbers(in: text, pattern: Self.pattern) else { return nil }
    let calendar = WireTime.calendar(in: timeZone)
    var components = calendar.dateComponents([.year, .month, .day], from: day)
    components.hour = numbers[0]
    components.minute = numbers[1]
    components.second = numbers[2]
    return WireTime.date(of: components, in: calendar)
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
