import Foundation

/// The model itself as JSON (`api.json`): sorted keys and two-space indentation, so that the
/// same model always gives the same bytes.
public enum ModelJSON {
  public static let fileName = "api.json"

  public static func encode(_ api: APIDescription) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(MarkedModel(api: api))
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  public static func decode(_ data: Data) throws -> APIDescription {
    try JSONDecoder().decode(APIDescription.self, from: data)
  }

  /// The model with the generated-file marker as a `$comment` key, which sorts first.
  private struct MarkedModel: Encodable {
    var api: APIDescription

    private struct Key: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
      try api.encode(to: encoder)
      var container = encoder.container(keyedBy: Key.self)
      try container.encode(GeneratedFileHeader.marker, forKey: Key(stringValue: "$comment"))
    }
  }
}
