import APIGenRuntime
import Foundation

/// A transport that records the requests it gets and answers with a canned response or error.
actor StubTransport: HTTPTransport {
  enum Answer {
    case response(HTTPResponse)
    case failure(any Error)
  }

  private let answer: Answer
  private(set) var requests: [HTTPRequest] = []

  init(status: Int = 200, json: String) {
    answer = .response(HTTPResponse(statusCode: status, body: Data(json.utf8)))
  }

  init(response: HTTPResponse) {
    answer = .response(response)
  }

  init(failure: any Error) {
    answer = .failure(failure)
  }

  func send(_ request: HTTPRequest) async throws -> HTTPResponse {
    requests.append(request)
    switch answer {
    case .response(let response): return response
    case .failure(let error): throw error
    }
  }
}

struct ConnectionLost: Error {}

/// Parses JSON text or bytes into comparable values.
func json(_ data: Data) throws -> JSONValue {
  try JSONDecoder().decode(JSONValue.self, from: data)
}
