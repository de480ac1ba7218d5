import Foundation

/// Reading and writing the fixed-width numeric formats of `DateTime` and `LocalTime`.
enum WireTime {
  /// The numbers of `text` when it matches `pattern`, in which `d` stands for one ASCII digit
  /// and every other character for itself: `numbers(in: "08:30:00", pattern: "dd:dd:dd")` is
  /// `[8, 30, 0]`.
  static func numbers(in text: String, pattern: String) -> [Int]? {
    guard text.utf8.count == pattern.utf8.count else { return nil }
    var numbers: [Int] = []
    var current: Int?
    for (byte, expected) in zip(text.utf8, pattern.utf8) {
      if expected == UInt8(ascii: "d") {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        current = (current ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
      } else {
        guard byte == expected else { return nil }
        if let number = current { numbers.append(number) }
        current = nil
      }
    }
    if let number = current { numbers.append(number) }
    return numbers
  }

  /// `value` in decimal, left-padded with zeros to `width` digits.
  static func padded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  static func calendar(in timeZone: TimeZone) -> Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
  }

  static let fields: Set<Calendar.Component> = [.year, .month, .day, .hour, .minute, .second]

  /// The instant of `components` in `calendar`, or `nil` when they name no such local time: an
  /// out-of-range field, a February 30th, or a time skipped by a daylight-saving change.
  static func date(of components: DateComponents, in calendar: Calendar) -> Date? {
    guard let date = calendar.date(from: components) else { return nil }
    // Calendar rolls invalid fields over instead of failing; reading the result back shows it.
    let readBack = calendar.dateComponents(fields, from: date)
    guard fields.allSatisfy({ readBack.value(for: $0) == components.value(for: $0) }) else {
      return nil
    }
    return date
  }
}
