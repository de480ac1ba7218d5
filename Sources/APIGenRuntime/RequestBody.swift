import Foundation

/// How a call's parameters travel.
public enum RequestEncoding: Sendable, Hashable {
  /// One JSON object: what the API recommends, and what every call but the uploads uses.
  case json
  /// `multipart/form-data`: each ``FileUpload`` is a file part named as its parameter (an array
  /// of them, as many parts of that name), every other parameter a text part.
  case multipart
}

/// An encoded request body with its content type.
struct RequestBody {
  var contentType: String
  var data: Data

  init(_ parameters: Parameters, encoding: RequestEncoding) throws {
    switch encoding {
    case .json:
      let encoder = JSONEncoder()
      // Sorted keys make the bytes of a call the same every time, which tests and caches like.
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      contentType = "application/json"
      data = try encoder.encode(parameters)
    case .multipart:
      var form = MultipartForm()
      for (name, value) in parameters.entries {
        if let file = value as? FileUpload {
          form.addFile(named: name, file)
        } else if let files = value as? [FileUpload] {
          // Several files of one parameter are parts of the same name.
          for file in files { form.addFile(named: name, file) }
        } else {
          form.addField(named: name, try MultipartForm.text(of: value))
        }
      }
      contentType = form.contentType
      data = form.finished()
    }
  }
}

/// A `multipart/form-data` body (RFC 7578), built part by part.
struct MultipartForm {
  /// Random, so that no file's bytes can contain it by accident.
  let boundary = "apigen-\(UUID().uuidString)"
  private var data = Data()

  var contentType: String { "multipart/form-data; boundary=\(boundary)" }

  mutating func addField(named name: String, _ text: String) {
    addPart(
      disposition: "form-data; name=\"\(Self.quoted(name))\"", contentType: nil, Data(text.utf8))
  }

  mutating func addFile(named name: String, _ file: FileUpload) {
    addPart(
      disposition:
        "form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(file.fileName))\"",
      contentType: file.contentType, file.data)
  }

  /// The body, closed with the final boundary.
  func finished() -> Data {
    data + Data("--\(boundary)--\r\n".utf8)
  }

  private mutating func addPart(disposition: String, contentType: String?, _ body: Data) {
    var head = "--\(boundary)\r\nContent-Disposition: \(disposition)\r\n"
    if let contentType {
      head += "Content-Type: \(contentType)\r\n"
    }
    data += Data((head + "\r\n").utf8)
    data += body
    data += Data("\r\n".utf8)
  }

  /// A parameter value as a text part: a string as itself, anything else as its JSON.
  static func text(of value: any Encodable & Sendable) throws -> String {
    let json = try JSONEncoder().encode(value)
    if let string = try? JSONDecoder().decode(String.self, from: json) {
      return string
    }
    return String(decoding: json, as: UTF8.self)
  }

  /// A name or file name inside the quotes of `Content-Disposition`, escaped as the HTML form
  /// encoding does: a quote or a line break would otherwise end the header.
  static func quoted(_ text: String) -> String {
    text.replacingOccurrences(of: "\"", with: "%22")
      .replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }
}
