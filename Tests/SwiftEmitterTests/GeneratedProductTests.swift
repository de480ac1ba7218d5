import APIModel
import Foundation
import SwiftEmitter
import TestSupport
import Testing

/// The product fixture's client, compiled with warnings as errors in a temporary package and
/// run: what the text tests only read must also build and behave.
@Suite struct GeneratedProductTests {
  @Test(.timeLimit(.minutes(10))) func theClientBuildsAndBehaves() async throws {
    let package = try GeneratedPackage(
      files: SwiftEmitter().emit(ProductFixture.api), moduleName: "GeneratedAPI",
      testFiles: ["BehaviourTests.swift": Self.behaviourTests])
    defer { package.remove() }
    let carried = Carried(value: package)
    let run = try await offThread { try carried.value.test() }
    #expect(run.succeeded, "\(run.output.suffix(6000))")
  }

  static let session = "22eac1c27af4be7b9d04da2ce1af111b"

  /// Runs inside the temporary package.
  static let behaviourTests = ##"""
    import APIGenRuntime
    import Foundation
    import GeneratedAPI
    import Testing

    actor Recorder: HTTPTransport {
      private(set) var requests: [HTTPRequest] = []
      let response: HTTPResponse

      init(status: Int = 200, headers: [String: String], body: String) {
        response = HTTPResponse(statusCode: status, headers: headers, body: Data(body.utf8))
      }

      func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        requests.append(request)
        return response
      }
    }

    @Test func unionsDecodeByTheirDiscriminatorAndKeepUnknownVariants() throws {
      let json = """
        [{"type": "circle", "center": {"lat": 1, "lng": 2}, "radius": 3.5, "extra": true},
         {"type": "polygon", "points": [{"lat": 0, "lng": 0}]},
         {"type": "sausage", "width": 2}, {"label": "no type"}]
        """
      let zones = try JSONDecoder().decode([Zone].self, from: Data(json.utf8))
      guard case .circle(let circle) = zones[0], case .polygon(let polygon) = zones[1],
        case .unknown(let sausage) = zones[2], case .unknown(let untyped) = zones[3]
      else {
        Issue.record("decoded as \(zones)")
        return
      }
      #expect(circle.radius == 3.5)
      #expect(circle.center == Location(lat: 1, lng: 2))
      #expect(polygon.label == nil)
      #expect(sausage == ["type": "sausage", "width": 2])
      #expect(untyped == ["label": "no type"])
      let again = try JSONDecoder().decode([Zone].self, from: JSONEncoder().encode(zones))
      guard case .circle(let circleAgain) = again[0], case .unknown(let sausageAgain) = again[2]
      else {
        Issue.record("re-decoded as \(again)")
        return
      }
      #expect(circleAgain.type == "circle")
      #expect(sausageAgain == sausage)
    }

    @Test func aNullableFieldSendsNullAndAnOptionalOneIsLeftOut() throws {
      let polygon = ZonePolygon(type: "polygon", points: [], label: nil, note: nil)
      let sent = try JSONSerialization.jsonObject(with: JSONEncoder().encode(polygon)) as? [String: Any]
      #expect(sent?["label"] is NSNull)
      #expect(sent?.keys.contains("note") == false)
    }

    @Test func errorCodesComeFromTheTableAndUnknownOnesAreKept() {
      #expect(NavixyErrorCode(code: 236) == .featureUnavailable)
      #expect(NavixyErrorCode.featureUnavailable.httpStatus == 402)
      #expect(NavixyErrorCode.featureUnavailable.code == 236)
      #expect(NavixyErrorCode(code: 9999) == .unknown(9999))
      #expect(NavixyErrorCode(code: 9999).httpStatus == nil)
      #expect("\(NavixyErrorCode.databaseError)" == "Database error")
      let error = APIError.ServerError(code: 4, description: "", httpStatus: 400, payload: Data())
      #expect(error.navixyCode == .sessionEnded)
    }

    @Test func serversGiveTheBaseURL() {
      #expect(
        NavixyClient.Server.european.baseURL.absoluteString == "https://api.eu.fleet.example/v2")
      let selfHosted = NavixyClient.Server.selfHosted(domain: "fleet.example.org")
      #expect(selfHosted?.baseURL.absoluteString == "https://api.fleet.example.org")
      #expect(NavixyClient(server: .european).client.baseURL == NavixyClient.Server.european.baseURL)
      #expect(NavixyClient().client.baseURL.absoluteString == "https://api.fleet.example/v2")
    }

    @Test func theSessionSetAfterLogInIsSentAndNeverPrinted() async throws {
      let recorder = Recorder(
        headers: ["Content-Type": "application/json"],
        body: #"{"success": true, "hash": "\#(sessionHash)", "list": [], "more": 1}"#)
      var client = NavixyClient(transport: recorder)
      // A one-field answer returns the field's value: the hash itself.
      client.session = try await client.user.auth(login: "demo", password: "secret")
      _ = try await client.task.list()
      let requests = await recorder.requests
      #expect(requests[0].headers["Authorization"] == nil)
      #expect(requests[1].headers["Authorization"] == "NVX \(sessionHash)")
      var dumped = ""
      dump(client, to: &dumped)
      for text in ["\(client)", String(reflecting: client), dumped, "\(requests[1])"] {
        #expect(!text.contains(sessionHash), "\(text)")
      }
    }

    let sessionHash = "22eac1c27af4be7b9d04da2ce1af111b"

    @Test func anUploadSendsItsFileAsAPartNamedAsTheParameter() async throws {
      let recorder = Recorder(
        headers: ["Content-Type": "application/json"], body: #"{"success": true, "count": 2}"#)
      let client = NavixyClient(session: sessionHash, transport: recorder)
      let kml = FileUpload(
        data: Data("<kml/>".utf8), fileName: "zones.kml",
        contentType: "application/vnd.google-earth.kml+xml")

      let answer = try await client.zone.upload(file: kml, radius: 150)

      #expect(answer.count == 2)
      let request = try #require(await recorder.requests.first)
      let contentType = request.headers["Content-Type"] ?? ""
      #expect(contentType.hasPrefix("multipart/form-data; boundary="))
      let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
      let body = String(decoding: request.body, as: UTF8.self)
      #expect(
        body == "--\(boundary)\r\n"
          + "Content-Disposition: form-data; name=\"file\"; filename=\"zones.kml\"\r\n"
          + "Content-Type: application/vnd.google-earth.kml+xml\r\n\r\n<kml/>\r\n"
          + "--\(boundary)\r\nContent-Disposition: form-data; name=\"radius\"\r\n\r\n150\r\n"
          + "--\(boundary)--\r\n")
    }

    @Test func aOneFieldAnswerReturnsItsValueAndAnOptionalOneNilWhenAbsent() async throws {
      let list = Recorder(
        headers: [:], body: #"{"success": true, "list": [{"id": 4, "from": "2021-04-21 12:00:00"}]}"#)
      let tasks = try await NavixyClient(session: sessionHash, transport: list).task.list()
      #expect(tasks.map(\.id) == [4])
      let circle = Recorder(
        headers: [:],
        body: #"{"success": true, "value": {"type": "circle", "center": {"lat": 1, "lng": 2}, "radius": 3}}"#)
      let zone = try await NavixyClient(session: sessionHash, transport: circle).zone.read(zoneID: 1)
      guard case .circle(let read)? = zone else {
        Issue.record("decoded as \(String(describing: zone))")
        return
      }
      #expect(read.radius == 3)
      let none = Recorder(headers: [:], body: #"{"success": true}"#)
      #expect(try await NavixyClient(session: sessionHash, transport: none).zone.read(zoneID: 1) == nil)
    }

    @Test func aDownloadReturnsTheFileWithItsNameAndType() async throws {
      let recorder = Recorder(
        headers: ["content-type": "application/pdf", "Content-Disposition": #"attachment; filename="r.pdf""#],
        body: "%PDF-1.4")
      let file = try await NavixyClient(session: sessionHash, transport: recorder).report
        .download(reportID: 7)
      #expect(file.data == Data("%PDF-1.4".utf8))
      #expect(file.fileName == "r.pdf")
      #expect(file.contentType == "application/pdf")
    }

    @Test func aDownloadsErrorIsTheTypedServerError() async throws {
      let recorder = Recorder(
        status: 402, headers: ["Content-Type": "application/json"],
        body: #"{"success": false, "status": {"code": 236, "description": "No"}, "rules": [10]}"#)
      let client = NavixyClient(session: sessionHash, transport: recorder)
      let error = await #expect(throws: APIError.self) {
        _ = try await client.report.download(reportID: 7)
      }
      let server = try #require(error?.serverError)
      #expect(server.navixyCode == .featureUnavailable)
      #expect(server.httpStatus == 402)
      #expect(server.payloadObject?["rules"] == [10])
    }

    @Test func datesKeepTheirTextAndFilesInJSONAreAnyJSON() throws {
      let json = #"{"id": 1, "from": "2021-04-21 12:00:00", "attachment": {"name": "a"}, "new": 1}"#
      let task = try JSONDecoder().decode(NavixyTask.self, from: Data(json.utf8))
      #expect(task.from.text == "2021-04-21 12:00:00")
      let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
      #expect(task.from.date(in: berlin) == Date(timeIntervalSince1970: 1_618_999_200))
      #expect(task.arrival == nil)
      #expect(task.attachment == ["name": "a"])
    }
    """##
}

/// Runs blocking work (here a `swift test` of the temporary package) on a thread of its own,
/// so that it does not hold one of the few threads that run the tests' async code.
func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    let thread = Thread { continuation.resume(with: Result { try work() }) }
    thread.stackSize = 8 << 20
    thread.start()
  }
}

/// `GeneratedPackage` holds only a URL and a string and nothing mutates it, so it may move to
/// another thread although it is not declared `Sendable`.
struct Carried<Value>: @unchecked Sendable {
  let value: Value
}
