import Foundation

/// One HTTP request, as a transport sends it.
public struct HTTPRequest: Hashable, Sendable {
  public var url: URL
  public var method: String
  public var headers: [String: String]
  public var body: Data

  public init(url: URL, method: String, headers: [String: String] = [:], body: Data = Data()) {
    self.url = url
    self.method = method
    self.headers = headers
    self.body = body
  }
}

/// One HTTP response, whatever its status.
public struct HTTPResponse: Hashable, Sendable {
  public var statusCode: Int
  public var headers: [String: String]
  public var body: Data

  public init(statusCode: Int, headers: [String: String] = [:], body: Data = Data()) {
    self.statusCode = statusCode
    self.headers = headers
    self.body = body
  }
}

/// Sends requests over the wire.
///
/// The generated client talks to the network only through this protocol, so tests and apps can
/// put a stub, a logger or their own HTTP stack in between.
public protocol HTTPTransport: Sendable {
  /// Sends the request and returns the response of any status; throws only when there is none.
  func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
