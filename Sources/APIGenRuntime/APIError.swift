import Foundation

/// Why a call failed.
public enum APIError: Error, CustomStringConvertible {
  /// The server answered `"success": false`.
  case server(ServerError)
  /// The transport gave no response: no connection, a timeout, a cancelled task.
  case transport(any Error)
  /// The server answered something other than the documented JSON; `response` is kept for
  /// inspection.
  case undecodableResponse(HTTPResponse, underlying: any Error)
  /// The parameters could not be written as JSON (a non-finite number, for example).
  case unencodableRequest(any Error)

  /// An error the server reported with `"success": false`.
  public struct ServerError: Hashable, Sendable {
    /// The code of the docs' error tables, such as `4` for an unknown or ended session.
    public var code: Int
    /// The server's wording of the error.
    public var description: String
    /// The HTTP status of the answer.
    public var httpStatus: Int
    /// The whole answer, since some errors carry more fields than `status`.
    public var payload: Data

    public init(code: Int, description: String, httpStatus: Int, payload: Data) {
      self.code = code
      self.description = description
      self.httpStatus = httpStatus
      self.payload = payload
    }

    /// The whole answer as a JSON object, for the fields some errors add beside `status`: the
    /// offending `parameter` of an invalid-parameters error, the `rules` that keep an entity
    /// from being deleted.
    public var payloadObject: JSONObject? {
      try? JSONDecoder().decode(JSONObject.self, from: payload)
    }
  }

  /// The server's error, when it reported one.
  public var serverError: ServerError? {
    if case .server(let error) = self { error } else { nil }
  }

  public var description: String {
    switch self {
    case .server(let error):
      "server error \(error.code) (HTTP \(error.httpStatus)): \(error.description)"
    case .transport(let error):
      "transport failure: \(error)"
    case .undecodableResponse(let response, let error):
      "undecodable response (HTTP \(response.statusCode)): \(error)"
    case .unencodableRequest(let error):
      "unencodable request: \(error)"
    }
  }
}
