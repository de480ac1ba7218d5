import Foundation

/// A file sent as one part of a `multipart/form-data` request.
///
/// It is `Encodable` only so that it can stand in ``Parameters`` beside the other values; a file
/// has no JSON form, so encoding it as JSON fails (an ``APIError/unencodableRequest(_:)``)
/// rather than send something the server would misread.
public struct FileUpload: Hashable, Sendable, Encodable {
  public var data: Data
  public var fileName: String
  public var contentType: String

  public init(data: Data, fileName: String, contentType: String = "application/octet-stream") {
    self.data = data
    self.fileName = fileName
    self.contentType = contentType
  }

  public func encode(to encoder: any Encoder) throws {
    throw EncodingError.invalidValue(
      self,
      EncodingError.Context(
        codingPath: encoder.codingPath,
        debugDescription: "A file travels only as a part of a multipart/form-data request."))
  }
}

/// A file an action answered with instead of JSON.
public struct FileDownload: Hashable, Sendable {
  public var data: Data
  /// The `Content-Type` the server gave, such as `application/vnd.google-earth.kml+xml`.
  public var contentType: String?
  /// The file name of the `Content-Disposition` header, when the server gave one.
  public var fileName: String?

  public init(data: Data, contentType: String? = nil, fileName: String? = nil) {
    self.data = data
    self.contentType = contentType
    self.fileName = fileName
  }

  init(_ response: HTTPResponse) {
    self.init(
      data: response.body, contentType: response.header("Content-Type"),
      fileName: response.header("Content-Disposition").flatMap(Self.fileName(inDisposition:)))
  }

  /// `report.pdf` from `attachment; filename="report.pdf"` (or an unquoted `filename=`).
  static func fileName(inDisposition header: String) -> String? {
    for parameter in header.split(separator: ";") {
      let pair = parameter.split(separator: "=", maxSplits: 1)
      guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == "filename" else {
        continue
      }
      var value = pair[1].trimmingCharacters(in: .whitespaces)
      if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
        value = String(value.dropFirst().dropLast())
      }
      return value.isEmpty ? nil : value
    }
    return nil
  }
}
