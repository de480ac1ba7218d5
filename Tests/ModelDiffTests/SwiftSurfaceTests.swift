import APIModel
import SwiftEmitter
import Testing

@testable import ModelDiff

/// `SwiftSurface` restates decisions of SwiftEmitter so that the change report depends on the
/// model alone; these tests hold the two together.
@Suite struct SwiftSurfaceTests {
  typealias M = SmallModels

  static let types: [TypeRef] =
    TypeRef.Primitive.allCases.map { TypeRef.primitive($0) } + [
      .object, .named("Soil"), .named("Undefined"), .array(.primitive(.long)), .array(.named("Soil")),
      .array(.array(.primitive(.file))),
    ]

  /// The model: `/garden/plant` takes a parameter of the type and answers with two fields of it.
  private func model(_ type: TypeRef) -> APIDescription {
    let answer = [M.field("first", type.description), M.field("second", type.description, required: false)]
    return M.api(
      [M.endpoint("plant", [M.parameter("value", type.description)], answer: answer)],
      types: [M.enumType("Soil", ["clay"])])
  }

  @Test(arguments: types)
  func parameterTypesAreTheEmittersTypes(_ type: TypeRef) throws {
    let api = model(type)
    let argument = try #require(SwiftEmitter().callSites(api).first?.arguments.first)
    #expect(SwiftSurface.type(type, in: api, inJSON: false) == argument.type)
  }

  @Test(arguments: types)
  func fieldTypesAreTheEmittersTypes(_ type: TypeRef) throws {
    let api = model(type)
    let source = SwiftEmitter().emit(api).map(\.contents).joined()
    let expected = SwiftSurface.type(type, in: api, inJSON: true)
    #expect(source.contains("public var first: \(expected)\n"), "\(source)")
    #expect(source.contains("public var second: \(expected)?\n"), "\(source)")
  }

  @Test func optionalityIsTheEmitters() throws {
    let parameters = [M.parameter("a"), M.parameter("b", required: false)]
    let api = M.api([M.endpoint("plant", parameters)])
    let arguments = try #require(SwiftEmitter().callSites(api).first?.arguments)
    #expect(arguments.map(\.isOptional) == parameters.map(SwiftSurface.isOptional))
    let fields = [
      M.field("a"), M.field("b", required: false), M.field("c", nullable: true),
      M.field("d", required: false, nullable: true),
    ]
    #expect(fields.map(SwiftSurface.isOptional) == [false, true, true, true])
    let source = SwiftEmitter().emit(M.api(types: [M.object("Pot", fields)])).map(\.contents).joined()
    for (field, optional) in zip(fields, fields.map(SwiftSurface.isOptional)) {
      #expect(source.contains("public var \(field.name): String\(optional ? "?" : "")\n"))
    }
  }

  /// What a call returns: nothing, a file, or a struct of the answer's fields (and, once the
  /// emitter has the rule, the value of an only field).
  @Test func answersAreTheEmitters() throws {
    func returned(_ endpoint: Endpoint) -> String? {
      SwiftEmitter().callSites(M.api([endpoint])).first?.returnType
    }
    #expect(SwiftSurface.answer(M.endpoint("read").response) == .nothing)
    #expect(returned(M.endpoint("read")) == nil)
    #expect(SwiftSurface.answer(M.endpoint("read", file: true).response) == .file)
    #expect(returned(M.endpoint("read", file: true)) == "FileDownload")
    let two = M.endpoint("read", answer: [M.field("a"), M.field("b")])
    #expect(SwiftSurface.answer(two.response) == .object(two.response.fields))
    #expect(returned(two) == "GardenReadResponse")
    let one = M.endpoint("read", answer: [M.field("a", "int")])
    #expect(SwiftSurface.answer(one.response) == .value(one.response.fields[0]))
    #expect(returned(one) == "Int")
  }
}
