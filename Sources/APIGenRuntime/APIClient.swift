import Foundation

/// The one call path of a generated client: JSON in, JSON out, errors typed.
///
/// Every action is a `POST` of a JSON object to `baseURL` + the action's path. The session hash
/// travels in the `Authorization: NVX <hash>` header only, never in the URL or the body.
public struct APIClient: Sendable {
  public var baseURL: URL
  /// The session hash, or `nil` for calls made before logging in.
  public var session: String?
  public var transport: any HTTPTransport

  public init(
    baseURL: URL, session: String? = nil, transport: any HTTPTransport = URLSessionTransport()
  ) {
    self.baseURL = baseURL
    self.session = session
    self.transport = transport
  }

  /// Calls an action whose answer is `{ "success": true }` alone.
  public func call(_ path: String, _ parameters: Parameters = [:]) async throws(APIError) {
    _ = try await exchange(path, parameters)
  }

  /// Calls an action and decodes the fields of its answer; the `success` key and keys the
  /// `Response` type does not know are ignored.
  public func call<Response: Decodable>(
    _ path: String, _ parameters: Parameters = [:], returning _: Response.Type
  ) async throws(APIError) -> Response {
    let response = try await exchange(path, parameters)
    do {
      return try JSONDecoder().decode(Response.self, from: response.body)
    } catch {
      throw .undecodableResponse(response, underlying: error)
    }
  }

  /// Sends the request and turns every failure into an `APIError`; returns a successful answer.
  private func exchange(_ path: String, _ parameters: Parameters) async throws(APIError)
    -> HTTPResponse
  {
    let request = try makeRequest(path, parameters)
    let response: HTTPResponse
    do {
      response = try await transport.send(request)
    } catch {
      throw .transport(error)
    }
    let envelope: Envelope
    do {
      envelope = try JSONDecoder().decode(Envelope.self, from: response.body)
    } catch {
      throw .undecodableResponse(response, underlying: error)
    }
    if let status = envelope.status {
      throw .server(
        APIError.ServerError(
          code: status.code, description: status.description, httpStatus: response.statusCode,
          payload: response.body))
    }
    guard (200..<300).contains(response.statusCode) else {
      throw .undecodableResponse(response, underlying: UnexpectedStatus(code: response.statusCode))
    }
    return response
  }

  private func makeRequest(_ path: String, _ parameters: Parameters) throws(APIError)
    -> HTTPRequest
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let body: Data
    do {
      body = try encoder.encode(parameters)
    } catch {
      throw .unencodableRequest(error)
    }
    var headers = ["Content-Type": "application/json"]
    if let session {
      headers["Authorization"] = "NVX \(session)"
    }
    let url = baseURL.appending(path: path.drop { $0 == "/" })
    return HTTPRequest(url: url, method: "POST", headers: headers, body: body)
  }
}

/// What every answer shares: `"success"`, and `"status"` when it is `false`.
private struct Envelope: Decodable {
  struct Status: Decodable {
    var code: Int
    var description: String
  }

  /// Set only for an error answer.
  var status: Status?

  private enum CodingKeys: String, CodingKey {
    case success
    case status
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let success = try container.decodeIfPresent(Bool.self, forKey: .success)
    status = success == false ? try container.decode(Status.self, forKey: .status) : nil
  }
}

/// A non-2xx answer that is not an error envelope (a proxy's error page, for example).
private struct UnexpectedStatus: Error, CustomStringConvertible {
  var code: Int
  var description: String { "HTTP status \(code) without an error status in the body" }
}
