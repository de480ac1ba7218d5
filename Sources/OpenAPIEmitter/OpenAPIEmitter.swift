import APIModel
import Foundation
import OpenAPIKit

/// Stage 3b: the model as an OpenAPI 3.1 document, `openapi.json`.
public struct OpenAPIEmitter {
  public static let fileName = "openapi.json"

  public init() {}

  /// JSON has no comments, so the document carries `GeneratedFileHeader.marker` as
  /// `info.x-generated-by`; the encoded file puts `openapi` and `info` first, which keeps the
  /// marker within the first few hundred bytes however many endpoints follow.
  public func emit(_ api: APIDescription) throws -> EmittedFile {
    let document = try DocumentBuilder(api: api).document()
    return EmittedFile(path: Self.fileName, contents: try DocumentEncoder.encode(document))
  }
}

/// Why the model could not be turned into a document: it breaks an invariant the extractor is
/// meant to keep.
public enum OpenAPIEmitterError: Error, Equatable, CustomStringConvertible {
  /// A `TypeRef.named` whose name no `NamedType` has.
  case unknownType(String, at: SourceLocation)
  /// Two endpoints with the same path.
  case duplicatePath(String, at: SourceLocation)
  case invalidBaseURL(String)

  public var description: String {
    switch self {
    case .unknownType(let name, let location):
      "\(location): error: the type \(name) is not defined"
    case .duplicatePath(let path, let location):
      "\(location): error: the path \(path) is declared twice"
    case .invalidBaseURL(let url):
      "error: the base URL \(url) is not a URL"
    }
  }
}
