import Foundation

/// A file sent as one part of a `multipart/form-data` request.
public struct FileUpload: Hashable, Sendable {
  public var data: Data
  public var fileName: String
  public var contentType: String

  public init(data: Data, fileName: String, contentType: String = "application/octet-stream") {
    self.data = data
    self.fileName = fileName
    self.contentType = contentType
  }
}
