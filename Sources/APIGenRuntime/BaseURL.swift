import Foundation

extension URL {
  /// A URL the generator wrote from the docs; a malformed one is a bug in the docs, caught by the
  /// generated client's tests, so it stops the program rather than make every init throw.
  public init(documented literal: StaticString) {
    guard let url = URL(string: "\(literal)") else {
      preconditionFailure("malformed documented URL: \(literal)")
    }
    self = url
  }
}
