import APIModel
import Foundation
import Testing

@testable import MockServer

/// The mock's decisions, without HTTP.
@Suite struct MockResponderTests {
  let responder = MockResponder(api: MockFixture.api)
  let auth = ["Authorization": "NVX \(MockFixture.session)"]

  private func reply(
    _ path: String, json: String? = nil, query: String? = nil, headers: [String: String]? = nil,
    contentType: String = "application/json", body: Data? = nil, method: String = "POST"
  ) -> MockResponder.Reply {
    var headers = headers ?? auth
    headers["Content-Type"] = contentType
    return responder.reply(
      to: MockRequest(
        method: method, path: path, query: query, headers: headers,
        body: body ?? Data((json ?? "").utf8)))
  }

  private func object(_ reply: MockResponder.Reply) throws -> [String: JSON] {
    try #require(try JSONDecoder().decode(JSON.self, from: reply.body).object)
  }

  @Test func answersWithTheExampleWithoutItsComments() throws {
    let answer = reply("/tracker/read", json: #"{"tracker_id": 5}"#)
    #expect(answer.status == 200)
    #expect(answer.contentType.hasPrefix("application/json"))
    #expect(
      try object(answer)
        == ["success": true, "value": ["id": 1, "label": "Truck /* not a comment */"]])
  }

  @Test func findsTheEndpointUnderTheBasePathAndWithATrailingSlash() {
    #expect(reply("/v2/tracker/read/", json: #"{"tracker_id": 5}"#).status == 200)
  }

  @Test(arguments: [
    ("Authorization header", nil as String?, #"{"tracker_id": 5}"#, true),
    ("query", "hash=22eac1c27af4be7b9d04da2ce1af111b", #"{"tracker_id": 5}"#, false),
    ("body", nil, #"{"tracker_id": 5, "hash": "22eac1c27af4be7b9d04da2ce1af111b"}"#, false),
  ])
  func acceptsTheSessionWhereverTheDocsAllowIt(
    _ place: String, query: String?, json: String, header: Bool
  ) {
    let answer = reply("/tracker/read", json: json, query: query, headers: header ? auth : [:])
    #expect(answer.status == 200, "\(place)")
  }

  @Test(arguments: [nil, "NVX 1234", "NVX 22eac1c27af4be7b9d04da2ce1af111z", "Bearer x"])
  func aMissingOrMalformedSessionIsCodeFour(header: String?) throws {
    let answer = reply(
      "/tracker/read", json: #"{"tracker_id": 5}"#,
      headers: header.map { ["Authorization": $0] } ?? [:])
    #expect(answer.status == 400)
    #expect(answer.errorCode == 4)
    #expect(
      try object(answer)
        == ["success": false, "status": ["code": 4, "description": "Session ended (docs)"]])
  }

  @Test func callsWithoutSessionNeedNone() {
    // Said by the model for `user/auth`; shown by the example (no hash) for `timezone/list`.
    #expect(reply("/user/auth", json: #"{"login": "demo"}"#, headers: [:]).status == 200)
    #expect(reply("/timezone/list", json: "{}", headers: [:]).status == 200)
  }

  @Test func aLoginAnswersWithARealSessionHash() throws {
    let answer = try object(reply("/user/auth", json: #"{"login": "demo"}"#, headers: [:]))
    guard case .string(let hash)? = answer["hash"] else {
      Issue.record("no hash in \(answer)")
      return
    }
    #expect(SessionHash.isValid(hash))
  }

  @Test func aMissingParameterIsCodeSevenNamingIt() throws {
    let answer = reply("/tracker/read", json: "{}")
    #expect(answer.status == 400)
    #expect(
      try object(answer)["errors"]
        == [["parameter": "tracker_id", "error": "required parameter is missing"]])
    #expect(
      try object(answer)["status"] == ["code": 7, "description": "Invalid parameters (docs)"])
  }

  @Test(arguments: [
    #"{"tracker_id": "five"}"#, #"{"tracker_id": 1.5}"#,
    #"{"tracker_id": 1, "from": "2021-04-21"}"#,
    #"{"tracker_id": 1, "ids": [1, "x"]}"#, #"{"tracker_id": 1, "center": {"lat": 1}}"#,
    #"{"tracker_id": 1, "settings": [1]}"#, #"{"tracker_id": 1, "kind": 3}"#,
    #"{"tracker_id": 1, "flag": "yes"}"#,
    // A JSON body carries types: text is no number, and `null` no value of a parameter.
    #"{"tracker_id": "5"}"#, #"{"tracker_id": 1, "flag": "true"}"#,
    #"{"tracker_id": 1, "from": null}"#,
    // 32 bits for an `int`, 64 for a `long`.
    #"{"tracker_id": 2147483648}"#, #"{"tracker_id": 1, "ids": [1e19]}"#,
    #"{"tracker_id": 1, "ids": [-9223372036854775809]}"#,
    // An enum's value is one of its values.
    #"{"tracker_id": 1, "kind": "boat"}"#,
    // Objects have their required fields, each of its type, `null` only where allowed.
    #"{"tracker_id": 1, "settings": {}}"#,
    #"{"tracker_id": 1, "settings": {"zone": {"type": "circle", "radius": 1}, "time": 5}}"#,
    #"{"tracker_id": 1, "settings": {"zone": {"type": "circle", "radius": 1}, "time": "10:00:00", "note": null}}"#,
    // A union's value is a kind it has, of that kind's fields.
    #"{"tracker_id": 1, "settings": {"zone": {"type": "square", "radius": 1}, "time": "10:00:00"}}"#,
    #"{"tracker_id": 1, "settings": {"zone": {"type": "circle", "radius": "r"}, "time": "10:00:00"}}"#,
    // A variant names itself.
    #"{"tracker_id": 1, "circle": {"type": "square", "radius": 1}}"#,
  ])
  func aValueNotOfItsTypeIsCodeSeven(json: String) {
    #expect(reply("/tracker/read", json: json).errorCode == 7, "\(json)")
  }

  @Test func theErrorNamesWhereInsideTheParameterTheValueIsWrong() throws {
    let settings = #"{"zone": {"type": "circle", "radius": "r"}, "time": "10:00:00"}"#
    let answer = reply("/tracker/read", json: #"{"tracker_id": 1, "settings": \#(settings)}"#)
    #expect(
      try object(answer)["errors"]
        == [["parameter": "settings", "error": "zone.radius: not a valid double"]])
  }

  @Test(arguments: [
    #"{"tracker_id": 5}"#, #"{"tracker_id": 1, "from": "2021-04-21 10:00:00", "ids": [1, 2]}"#,
    #"{"tracker_id": 1, "center": {"lat": 1, "lng": 2.5}, "kind": "car", "flag": true}"#,
    // JSON Schema counts `1.0` as an integer; keys the docs do not list are allowed.
    #"{"tracker_id": 1.0, "ids": [9223372036854775807, -9223372036854775808], "extra": "x"}"#,
    #"{"tracker_id": 1, "settings": {"zone": {"type": "circle", "radius": 1}, "time": "10:00:00"}}"#,
    #"{"tracker_id": 1, "settings": {"zone": {"type": "circle", "radius": 1.5, "more": 1}, "time": "10:00:00", "note": "n"}}"#,
    #"{"tracker_id": 1, "circle": {"type": "circle", "radius": 2}}"#,
  ])
  func valuesOfTheirTypeAreAccepted(json: String) {
    #expect(reply("/tracker/read", json: json).status == 200, "\(json)")
  }

  @Test func aFormOrQueryIsTextThatReadsAsTheType() {
    let form = { (query: String) in reply("/tracker/read", query: query, method: "GET") }
    #expect(form("tracker_id=5&flag=true&kind=car").status == 200)
    #expect(form("tracker_id=5&ids=%5B1%2C2%5D&settings=%7B%7D").errorCode == 7)
    #expect(form("tracker_id=5&kind=boat").errorCode == 7)
    #expect(form("tracker_id=2147483648").errorCode == 7)
  }

  @Test(arguments: ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
  func methodsOtherThanGetAndPostAre405(method: String) {
    let answer = reply("/tracker/read", json: #"{"tracker_id": 5}"#, method: method)
    #expect(answer.status == 405)
    #expect(answer.allow == "GET, POST")
    #expect(answer.errorCode == 5)
  }

  @Test func acceptsFormsAndQueries() {
    let form = "tracker_id=5&ids=%5B1%2C2%5D&from=2021-04-21+10%3A00%3A00"
    #expect(
      reply(
        "/tracker/read", contentType: "application/x-www-form-urlencoded",
        body: Data(form.utf8)
      ).status == 200)
    #expect(reply("/tracker/read", query: form, method: "GET").status == 200)
    #expect(reply("/tracker/read", query: "tracker_id=x", method: "GET").errorCode == 7)
  }

  @Test func acceptsMultipartWithTheFileAsAFilePart() {
    let boundary = "b0undary"
    let body =
      "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"z.kml\"\r\n"
      + "Content-Type: text/xml\r\n\r\n<kml/>\r\n"
      + "--\(boundary)\r\nContent-Disposition: form-data; name=\"radius\"\r\n\r\n150\r\n"
      + "--\(boundary)--\r\n"
    let upload = { (body: String) in
      reply(
        "/zone/upload", contentType: "multipart/form-data; boundary=\(boundary)",
        body: Data(body.utf8))
    }
    #expect(upload(body).status == 200)
    #expect(upload(body.replacingOccurrences(of: "; filename=\"z.kml\"", with: "")).errorCode == 7)
    #expect(upload("garbage").errorCode == 5)
  }

  @Test func aDownloadAnswersWithAFile() {
    let answer = reply("/report/download", json: "{}")
    #expect(answer.status == 200)
    #expect(answer.contentType == "application/octet-stream")
    #expect(answer.fileName == "download.bin")
  }

  @Test func anAnswerWithoutExampleIsMadeFromTheResponseFields() throws {
    let answer = try object(reply("/timezone/list", json: "{}"))
    #expect(
      answer == [
        "success": true,
        "list": [
          [
            "zone": ["type": "circle", "radius": 1.5], "time": "12:00:00",
            "note": "example",
          ]
        ],
      ])
    #expect(responder.answerOrigins["/timezone/list"] == "synthesized")
    #expect(responder.answerOrigins["/tracker/read"] == "example")
  }

  @Test func anExampleThatContradictsItsFieldsIsCorrected() throws {
    let answer = try object(reply("/zone/list", json: "{}"))
    // Kept: what agrees with the fields, and keys they do not list.
    #expect(answer["count"] == 2)
    #expect(answer["extra"] == "kept")
    guard case .array(let zones)? = answer["zones"] else {
      Issue.record("no zones in \(answer)")
      return
    }
    // Replaced: a radius written as text; added: the required time; a union of an unknown
    // kind becomes one the docs define.
    #expect(
      zones == [
        ["zone": ["type": "circle", "radius": 1.5], "time": "12:00:00", "note": "first"],
        ["zone": ["type": "circle", "radius": 1.5], "time": "12:00:00"],
      ])
    #expect(responder.answerOrigins["/zone/list"] == "corrected example")
  }

  @Test func aClientMayAskForAnyErrorCode() throws {
    var headers = auth
    headers[MockResponder.errorHeader] = "236"
    let documented = reply("/tracker/read", json: #"{"tracker_id": 1}"#, headers: headers)
    #expect(documented.status == 402)
    #expect(try object(documented)["status"] == ["code": 236, "description": "Tariff"])
    headers[MockResponder.errorHeader] = "9999"
    let undocumented = reply("/tracker/read", json: #"{"tracker_id": 1}"#, headers: headers)
    #expect(undocumented.status == 400)
    #expect(undocumented.errorCode == 9999)
  }

  @Test func anUnknownPathIsA404InTheEnvelope() {
    let answer = reply("/nowhere", json: "{}")
    #expect(answer.status == 404)
    #expect(answer.errorCode == 111)
  }

  @Test func aBodyThatIsNotAnObjectIsCodeFive() {
    #expect(reply("/tracker/read", json: "[1]").errorCode == 5)
  }

  @Test func samplesAreJSONOfTheType() {
    #expect(responder.sample(.primitive(.dateTime)) == #""2021-04-21 12:00:00""#)
    #expect(responder.sample(.array(.named("Kind"))) == #"["car"]"#)
  }
}
