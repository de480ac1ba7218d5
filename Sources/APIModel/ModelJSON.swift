import Foundation

/// The model itself as JSON (`api.json`): sorted keys and two-space indentation, so that the
/// same model always gives the same bytes.
public enum ModelJSON {
  public static let fileName = "api.json"

  public static func encode(_ api: APIDescription) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(api)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  public static func decode(_ data: Data) throws -> APIDescription {
    try JSONDecoder().decode(APIDescription.self, from: data)
  }
}
