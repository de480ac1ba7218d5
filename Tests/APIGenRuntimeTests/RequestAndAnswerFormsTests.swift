import APIGenRuntime
import Foundation
import Testing

/// Uploads, downloads, unions and what a client lets out when printed.
@Suite struct RequestAndAnswerFormsTests {
  private let baseURL = URL(string: "https://api.example.com/v2")!
  private let session = "22eac1c27af4be7b9d04da2ce1af111b"

  @Test func multipartSendsFilesAsPartsAndOtherValuesAsText() async throws {
    let transport = StubTransport(json: #"{"success": true}"#)
    let client = APIClient(baseURL: baseURL, session: session, transport: transport)
    let files = [
      FileUpload(data: Data("a".utf8), fileName: "one.txt", contentType: "text/plain"),
      FileUpload(data: Data("b".utf8), fileName: #"tw"o.txt"#),
    ]
    let skipped: String? = nil

    try await client.call(
      "/thing/upload",
      ["files": files, "ids": [1, 2], "name": "Ann", "dry_run": true, "note": skipped],
      encoding: .multipart)

    let request = try #require(await transport.requests.first)
    let contentType = try #require(request.headers["Content-Type"])
    let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
    #expect(contentType.hasPrefix("multipart/form-data; boundary=apigen-"))
    let part = { (head: String, body: String) in "--\(boundary)\r\n\(head)\r\n\r\n\(body)\r\n" }
    #expect(
      String(decoding: request.body, as: UTF8.self)
        == part(
          "Content-Disposition: form-data; name=\"files\"; filename=\"one.txt\"\r\n"
            + "Content-Type: text/plain", "a")
        + part(
          "Content-Disposition: form-data; name=\"files\"; filename=\"tw%22o.txt\"\r\n"
            + "Content-Type: application/octet-stream", "b")
        + part("Content-Disposition: form-data; name=\"ids\"", "[1,2]")
        + part("Content-Disposition: form-data; name=\"name\"", "Ann")
        + part("Content-Disposition: form-data; name=\"dry_run\"", "true")
        + "--\(boundary)--\r\n")
    #expect(request.headers["Authorization"] == "NVX \(session)")
  }

  @Test func aFileInAJSONBodyIsAnUnencodableRequest() async throws {
    let transport = StubTransport(json: #"{"success": true}"#)
    let client = APIClient(baseURL: baseURL, transport: transport)

    let error = await #expect(throws: APIError.self) {
      try await client.call("/thing/upload", ["file": FileUpload(data: Data(), fileName: "x")])
    }

    guard case .unencodableRequest = error else {
      Issue.record("expected an unencodable request, got \(String(describing: error))")
      return
    }
    #expect(await transport.requests.isEmpty)
  }

  @Test(arguments: [
    (#"attachment; filename="report.pdf""#, "report.pdf"),
    ("attachment; filename=track.kml", "track.kml"),
    ("inline", nil),
  ])
  func aDownloadKeepsTheBytesTypeAndName(disposition: String, name: String?) async throws {
    let transport = StubTransport(
      response: HTTPResponse(
        statusCode: 200,
        headers: ["content-type": "application/pdf", "CONTENT-DISPOSITION": disposition],
        body: Data([0x25, 0x50, 0x44, 0x46])))
    let client = APIClient(baseURL: baseURL, session: session, transport: transport)

    let file = try await client.download("/report/download", ["id": 1])

    #expect(file.data == Data([0x25, 0x50, 0x44, 0x46]))
    #expect(file.contentType == "application/pdf")
    #expect(file.fileName == name)
  }

  @Test func aDownloadAnsweredWithTheErrorEnvelopeThrowsTheServerError() async throws {
    let body = #"{"success": false, "status": {"code": 204, "description": "Not found"}}"#
    let transport = StubTransport(
      response: HTTPResponse(
        statusCode: 404, headers: ["Content-Type": "application/json;charset=UTF-8"],
        body: Data(body.utf8)))
    let client = APIClient(baseURL: baseURL, session: session, transport: transport)

    let error = await #expect(throws: APIError.self) {
      _ = try await client.download("/report/download")
    }

    #expect(error?.serverError?.code == 204)
    #expect(error?.serverError?.httpStatus == 404)
  }

  @Test func aDownloadWithAnErrorStatusAndNoEnvelopeIsUndecodable() async throws {
    let transport = StubTransport(status: 502, json: "<html>Bad gateway</html>")
    let client = APIClient(baseURL: baseURL, session: session, transport: transport)

    let error = await #expect(throws: APIError.self) {
      _ = try await client.download("/report/download")
    }

    guard case .undecodableResponse(let response, _) = error else {
      Issue.record("expected an undecodable answer, got \(String(describing: error))")
      return
    }
    #expect(response.statusCode == 502)
  }

  @Test func extraFieldsOfAnErrorAreReadable() async throws {
    let body = #"""
      {"success": false, "status": {"code": 203, "description": "Bound"}, "rules": [10]}
      """#
    let client = APIClient(
      baseURL: baseURL, session: session, transport: StubTransport(status: 400, json: body))

    let error = await #expect(throws: APIError.self) { try await client.call("/tracker/delete") }

    #expect(error?.serverError?.payloadObject?["rules"] == [10])
  }

  @Test func theSessionHashIsNeverPrinted() async throws {
    let transport = StubTransport(json: #"{"success": true}"#)
    let client = APIClient(baseURL: baseURL, session: session, transport: transport)
    try await client.call("/user/get_info")
    let request = try #require(await transport.requests.first)

    var dumped = ""
    dump(client, to: &dumped)
    dump(request, to: &dumped)
    let texts = [
      "\(client)", String(reflecting: client), "\(request)", String(reflecting: request), dumped,
    ]
    for text in texts {
      #expect(!text.contains(session), "\(text)")
    }
    #expect("\(request)".contains("Authorization: <redacted>"))
    #expect("\(client)".contains("session: <redacted>"))
    #expect(request.headers["Authorization"] == "NVX \(session)")
  }

  @Test func headersAreFoundWhateverTheirCase() {
    let response = HTTPResponse(statusCode: 200, headers: ["content-TYPE": "text/plain"])
    #expect(response.header("Content-Type") == "text/plain")
    #expect(response.header("Content-Length") == nil)
  }
}

@Suite struct DiscriminatorTests {
  /// Shaped like a generated union.
  private enum Shape: Decodable, Equatable {
    case circle(Circle)
    case unknown(JSONObject)

    struct Circle: Decodable, Equatable {
      var type: String
      var radius: Double
    }

    init(from decoder: any Decoder) throws {
      switch try Discriminator.value(of: "type", in: decoder) {
      case "circle": self = .circle(try Circle(from: decoder))
      default: self = .unknown(try JSONObject(from: decoder))
      }
    }
  }

  @Test func readsTheFieldAndFallsBackToTheWholeObject() throws {
    let json = #"[{"type": "circle", "radius": 2}, {"type": 3}, {"radius": 1}, {"type": "square"}]"#
    let shapes = try JSONDecoder().decode([Shape].self, from: Data(json.utf8))
    #expect(
      shapes == [
        .circle(.init(type: "circle", radius: 2)), .unknown(["type": 3]), .unknown(["radius": 1]),
        .unknown(["type": "square"]),
      ])
  }

  @Test func aValueThatIsNoObjectFails() {
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode([Shape].self, from: Data("[1]".utf8))
    }
  }
}

@Suite struct IndirectTests {
  @Test func boxesCompareByTheirValueWhenItCompares() {
    #expect(Indirect(1) == Indirect(1))
    #expect(Indirect("a") != Indirect("b"))
    #expect(Set([Indirect(1), Indirect(1)]).count == 1)
  }
}
