import APIModel
import OpenAPIKit

/// The docs' examples as OpenAPI `examples` of the media types they show: each one's value as
/// the reader parsed the docs' JSON, with `x-source` at its code block. A sample that is not
/// JSON (some elide parts with `...`) is left out rather than guessed at.
enum ExampleValues {
  /// The request examples, named after their tab (`cURL`, `HTTP GET`; `cURL_2` for a second
  /// one), each the parameters it sends without the session hash, which travels in a header.
  /// One that sends nothing but the session shows no value and is left out.
  static func request(_ examples: [Example]) -> OpenAPI.Example.Map? {
    var map = OpenAPI.Example.Map()
    var names = UniqueNames()
    for example in examples {
      guard var object = example.arguments?.object else { continue }
      object["hash"] = nil
      guard !object.isEmpty else { continue }
      map[names.claim(example.title)] = .b(value(object, at: example.sample.source))
    }
    return map.isEmpty ? nil : map
  }

  /// The response examples of one kind: the answers of a call that succeeded
  /// (`"success": true`), or the error answers some sections show beside them. The docs give
  /// them no titles: they are `response`, `response_2`, … (`error`, … for errors).
  static func response(_ samples: [CodeSample], errors: Bool = false) -> OpenAPI.Example.Map? {
    var map = OpenAPI.Example.Map()
    var names = UniqueNames()
    for sample in samples {
      guard let object = sample.json?.object, isError(object) == errors else { continue }
      map[names.claim(errors ? "error" : "response")] = .b(value(object, at: sample.source))
    }
    return map.isEmpty ? nil : map
  }

  private static func isError(_ object: [String: JSON]) -> Bool {
    object["success"] == .bool(false)
  }

  private static func value(_ object: [String: JSON], at source: SourceLocation)
    -> OpenAPI.Example
  {
    // `value`, as OpenAPI 3.1 has it (3.2's `dataValue` is the newer spelling).
    OpenAPI.Example(
      legacyValue: .b(JSON.object(object).anyCodable),
      vendorExtensions: SourceExtension.extensions(source))
  }
}

extension JSON {
  /// The value as OpenAPIKit holds example values.
  var anyCodable: AnyCodable {
    switch self {
    case .null: AnyCodable(Bool?.none)
    case .bool(let value): AnyCodable(value)
    case .int(let value): AnyCodable(value)
    case .double(let value): AnyCodable(value)
    case .string(let value): AnyCodable(value)
    case .array(let elements): AnyCodable(elements.map(\.anyCodable))
    case .object(let members): AnyCodable(members.mapValues(\.anyCodable))
    }
  }
}
