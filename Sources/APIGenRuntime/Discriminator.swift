/// Reading the field that tells the variants of a union apart (`"type": "circle"`), for the
/// `Decodable` conformance of a generated union.
public enum Discriminator {
  /// The string value of the field `name` of the object being decoded; `nil` when the object
  /// has no such field, or it is not a string (a union then decodes as its `unknown` case).
  /// Throws when the value is not an object at all.
  public static func value(of name: String, in decoder: any Decoder) throws -> String? {
    let container = try decoder.container(keyedBy: WireKey.self)
    return try? container.decodeIfPresent(String.self, forKey: WireKey(stringValue: name))
  }
}
