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

// A request is printed without the value of its `Authorization` header, so that a transport
// that logs what it sends cannot leak the session hash.
extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  public var description: String {
    let headers = Redacted.headers(headers).sorted { $0.key < $1.key }
      .map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    return "\(method) \(url.absoluteString) [\(headers)] (\(body.count) bytes)"
  }

  public var debugDescription: String { description }

  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "url": url, "method": method, "headers": Redacted.headers(headers), "body": body,
      ])
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

  /// The value of a header, whatever the case of its name (HTTP header names are
  /// case-insensitive, and servers and transports spell them differently).
  public func header(_ name: String) -> String? {
    headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
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

/// How secrets look in descriptions.
enum Redacted {
  static let placeholder = "<redacted>"

  static func session(_ session: String?) -> String {
    session == nil ? "nil" : placeholder
  }

  static func headers(_ headers: [String: String]) -> [String: String] {
    var redacted = headers
    for name in headers.keys where name.caseInsensitiveCompare("Authorization") == .orderedSame {
      redacted[name] = placeholder
    }
    return redacted
  }
}
