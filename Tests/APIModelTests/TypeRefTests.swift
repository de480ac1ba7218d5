import APIModel
import Foundation
import Testing

/// `TypeRef`'s string form, which `api.json` holds.
@Suite struct TypeRefTests {
  @Test(arguments: ["int", "date/time", "object", "Tracker", "array<int>", "map<Tracker>", "array<map<array<long>>>"])
  func readsWhatItWrites(_ text: String) {
    #expect(TypeRef(parsing: text).description == text)
  }

  @Test func aMapIsItsValuesType() throws {
    let type = TypeRef(parsing: "map<array<Lamp>>")
    #expect(type == .map(.array(.named("Lamp"))))
    #expect(type.namedType == "Lamp")
    let coded = try JSONDecoder().decode(TypeRef.self, from: JSONEncoder().encode(type))
    #expect(coded == type)
  }
}
