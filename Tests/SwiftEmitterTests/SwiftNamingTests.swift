import Testing

@testable import SwiftEmitter

@Suite struct SwiftNamingTests {
  @Test(arguments: [
    ("category_filter", "categoryFilter"),
    ("push_token", "pushToken"),
    ("navixy_iphone_viewer", "navixyIphoneViewer"),
    ("deviceID", "deviceID"),
    ("URL_path", "urlPath"),
    ("MD5_hash", "md5Hash"),
    ("zone.color", "zoneColor"),
    ("apn_ user", "apnUser"),
    ("send-email", "sendEmail"),
    ("the end", "theEnd"),
    ("2fa", "_2fa"),
    ("3d_model", "_3dModel"),
    ("café_naïve", "cafeNaive"),
    ("🚗_speed", "speed"),
    ("speed_км", "speed"),
  ])
  func lowerCamel(_ text: String, _ expected: String) {
    #expect(SwiftNaming.lowerCamel(text, fallback: "value") == expected)
  }

  @Test(arguments: ["", "😀", "日本語", "—", "__"])
  func textWithoutWordsGetsTheFallback(_ text: String) {
    #expect(SwiftNaming.lowerCamel(text, fallback: "value") == "value")
    #expect(SwiftNaming.upperCamel(text, fallback: "Value") == "Value")
  }

  @Test(arguments: [
    ("push_token", "PushToken"),
    ("PushTokenApplication", "PushTokenApplication"),
    ("/user/session/push_token", "UserSessionPushToken"),
    ("status listing", "StatusListing"),
    ("2nd-step", "_2ndStep"),
  ])
  func upperCamel(_ text: String, _ expected: String) {
    #expect(SwiftNaming.upperCamel(text, fallback: "Value") == expected)
  }

  @Test(arguments: ["default", "class", "protocol", "static", "repeat", "internal", "enum", "in"])
  func keywordsGetBackticks(_ word: String) {
    #expect(SwiftNaming.escaped(word) == "`\(word)`")
  }

  @Test(arguments: ["categoryFilter", "type", "list", "_2fa", "Default"])
  func otherNamesStayBare(_ word: String) {
    #expect(SwiftNaming.escaped(word) == word)
  }

  @Test func aTakenNameGetsTheFirstFreeSuffix() {
    var scope = NameScope(reserving: ["client"])
    #expect(scope.claim("list") == "list")
    #expect(scope.claim("list") == "list2")
    #expect(scope.claim("list") == "list3")
    #expect(scope.claim("client") == "client2")
  }

  @Test(arguments: ["self", "init", "inout", "Type", "Protocol", "Self", "Any"])
  func namesBackticksCannotSaveAreNeverHandedOut(_ name: String) {
    var scope = NameScope()
    #expect(scope.claim(name) == name + "2")
  }

  @Test func typeScopesIgnoreCaseForCaseInsensitiveFileSystems() {
    var scope = NameScope(ignoringCase: true)
    #expect(scope.claim("PushToken") == "PushToken")
    #expect(scope.claim("Pushtoken") == "Pushtoken2")
  }
}

@Suite struct AcronymNamingTests {
  @Test(arguments: [
    ("tracker_id", "trackerID"),
    ("tracker_ids", "trackerIDs"),
    ("avatar_url", "avatarURL"),
    ("id", "id"),
    ("imei_code", "imeiCode"),
    ("device_imei", "deviceIMEI"),
  ])
  func acronymsAreWrittenInOneCase(text: String, name: String) {
    #expect(SwiftNaming.lowerCamel(text, fallback: "x") == name)
  }

  @Test func typeNamesCapitalizeAcronymsToo() {
    #expect(SwiftNaming.upperCamel("apn_settings", fallback: "X") == "APNSettings")
    #expect(SwiftNaming.upperCamel("id_card", fallback: "X") == "IDCard")
  }
}
