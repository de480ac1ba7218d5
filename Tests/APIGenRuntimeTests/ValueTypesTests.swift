import APIGenRuntime
import Foundation
import Testing

/// Shaped like a generated enum.
private enum Fruit: OpenEnum {
  case apple
  case passionFruit
  case unknown(String)

  init(rawValue: String) {
    switch rawValue {
    case "apple": self = .apple
    case "passion_fruit": self = .passionFruit
    default: self = .unknown(rawValue)
    }
  }

  var rawValue: String {
    switch self {
    case .apple: "apple"
    case .passionFruit: "passion_fruit"
    case .unknown(let value): value
    }
  }
}

private func roundTrip<T: Codable>(_ value: T) throws -> (json: String, back: T) {
  let data = try JSONEncoder().encode(value)
  return (String(decoding: data, as: UTF8.self), try JSONDecoder().decode(T.self, from: data))
}

private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
  try JSONDecoder().decode(T.self, from: Data(json.utf8))
}

@Suite struct OpenEnumTests {
  @Test func documentedValuesDecodeToTheirCases() throws {
    #expect(try decode([Fruit].self, #"["apple", "passion_fruit"]"#) == [.apple, .passionFruit])
  }

  @Test func unknownValueRoundTrips() throws {
    let fruit = try decode(Fruit.self, #""durian""#)
    #expect(fruit == .unknown("durian"))
    #expect(try roundTrip(fruit).json == #""durian""#)
    #expect(try roundTrip(fruit).back == fruit)
  }

  @Test func encodesTheWireValue() throws {
    #expect(try roundTrip(Fruit.passionFruit).json == #""passion_fruit""#)
  }
}

@Suite struct DateTimeTests {
  private let berlin = TimeZone(identifier: "Europe/Berlin")!
  private let utc = TimeZone(identifier: "UTC")!

  @Test func readsTheWireTextInTheGivenTimeZone() throws {
    let value: DateTime = "2024-07-01 12:30:05"
    // Berlin is UTC+2 in summer.
    #expect(value.date(in: berlin) == Date(timeIntervalSince1970: 1_719_829_805))
    #expect(value.date(in: utc) == Date(timeIntervalSince1970: 1_719_837_005))
  }

  @Test func writesTheLocalTimeOfTheGivenTimeZone() {
    let instant = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01 00:00:00 UTC
    #expect(DateTime(instant, in: utc).text == "2024-01-01 00:00:00")
    #expect(DateTime(instant, in: berlin).text == "2024-01-01 01:00:00")
    #expect(
      DateTime(instant, in: TimeZone(identifier: "America/New_York")!).text
        == "2023-12-31 19:00:00")
  }

  @Test func roundTripsThroughDate() throws {
    let value: DateTime = "1999-12-31 23:59:59"
    let date = try #require(value.date(in: berlin))
    #expect(DateTime(date, in: berlin) == value)
  }

  @Test(arguments: [
    "2024-02-30 10:00:00", "2024-13-01 10:00:00", "2024-01-01 24:00:00", "2024-01-01T10:00:00",
    "2024-1-01 10:00:00", "", "yesterday",
  ])
  func invalidTextHasNoDate(text: String) {
    #expect(DateTime(text).date(in: utc) == nil)
  }

  @Test func timeSkippedByDaylightSavingHasNoDate() {
    // Clocks in Berlin jumped from 02:00 to 03:00 on 2024-03-31.
    #expect(DateTime("2024-03-31 02:30:00").date(in: berlin) == nil)
  }

  @Test func codesAsTheWireString() throws {
    let (json, back) = try roundTrip(DateTime("2024-07-01 12:30:05"))
    #expect(json == #""2024-07-01 12:30:05""#)
    #expect(back.text == "2024-07-01 12:30:05")
    // A value the format does not allow is kept as the server sent it.
    #expect(try decode(DateTime.self, #""0000-00-00 00:00:00""#).text == "0000-00-00 00:00:00")
  }
}

@Suite struct LocalTimeTests {
  private let tokyo = TimeZone(identifier: "Asia/Tokyo")!

  @Test func buildsFromComponents() {
    #expect(LocalTime(hour: 8, minute: 5).text == "08:05:00")
  }

  @Test func convertsWithTheGivenDayAndTimeZone() throws {
    let day = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01 09:00 in Tokyo
    let date = try #require(LocalTime("18:30:00").date(onDayOf: day, in: tokyo))
    #expect(date == Date(timeIntervalSince1970: 1_704_101_400))
    #expect(LocalTime(date, in: tokyo) == "18:30:00")
    #expect(LocalTime("25:00:00").date(onDayOf: day, in: tokyo) == nil)
  }
}

@Suite struct JSONValueTests {
  @Test func keepsIntegersApartFromOtherNumbers() throws {
    let value = try decode(JSONValue.self, #"{"id": 9007199254740993, "ratio": 0.5, "on": true}"#)
    #expect(value == ["id": .int(9_007_199_254_740_993), "ratio": .double(0.5), "on": true])
  }

  @Test func roundTripsNestedValues() throws {
    let value: JSONValue = ["list": [1, "two", nil, ["deep": false]], "empty": [:]]
    #expect(try roundTrip(value).back == value)
  }

  @Test func locationCodesAsLatLng() throws {
    let location = try decode(Location.self, #"{"lat": 56.827001, "lng": 60.594296}"#)
    #expect(location == Location(lat: 56.827001, lng: 60.594296))
  }
}
