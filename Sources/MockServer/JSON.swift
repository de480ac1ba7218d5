import APIModel
import Foundation

/// The mock reads and writes JSON as the model holds it (`APIModel.JSON`): the docs' examples
/// arrive parsed, and requests and answers go through the same type.
extension JSON {
  /// The value of JSON text (comments and trailing commas forgiven), or `nil` when it is not JSON.
  init?(parsing text: some StringProtocol) {
    guard let value = JSONReader.value(String(text)) else { return nil }
    self = value
  }

  /// The value as JSON bytes, keys sorted so that an answer is the same every time.
  var data: Data {
    Data(description.utf8)
  }
}
