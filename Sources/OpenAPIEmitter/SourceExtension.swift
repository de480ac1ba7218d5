import APIModel
import OpenAPIKit

/// `x-source`: where the docs write a model element, as `page:line` relative to the docs folder,
/// on every operation, schema and example, so that a reader of the document, or a tool's message
/// about a part of it, leads back to the text to change.
enum SourceExtension {
  static let key = "x-source"

  static func value(_ location: SourceLocation) -> AnyCodable {
    AnyCodable("\(location.file):\(location.line)")
  }

  static func extensions(_ location: SourceLocation) -> [String: AnyCodable] {
    [key: value(location)]
  }
}

extension JSONSchema {
  /// The schema with these vendor extensions added to the ones it has (`with(vendorExtensions:)`
  /// replaces them all).
  func adding(extensions: [String: AnyCodable]) -> JSONSchema {
    with(vendorExtensions: vendorExtensions.merging(extensions) { _, added in added })
  }

  func withSource(_ location: SourceLocation) -> JSONSchema {
    adding(extensions: SourceExtension.extensions(location))
  }
}
