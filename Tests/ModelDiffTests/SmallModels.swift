import APIModel

/// Hand-made models for the rule tests: one page, `garden.md`, whose line numbers tell the
/// elements apart.
enum SmallModels {
  static func at(_ line: Int, _ file: String = "garden.md") -> SourceLocation {
    SourceLocation(file: file, line: line, column: 1)
  }

  static func api(
    _ endpoints: [Endpoint] = [], types: [NamedType] = [], errorCodes: [ErrorCode] = []
  ) -> APIDescription {
    APIDescription(
      info: .init(title: "Garden", baseURL: "https://example.com/v1"),
      resources: [],
      endpoints: endpoints.sorted { $0.path < $1.path }, types: types.sorted { $0.name < $1.name },
      errorCodes: errorCodes)
  }

  /// `/garden/ACTION`.
  static func endpoint(
    _ action: String, line: Int = 10, _ parameters: [Parameter] = [], answer: [Field] = [],
    file: Bool = false, errors: [Int] = []
  ) -> Endpoint {
    Endpoint(
      path: "/garden/\(action)", resource: "/garden", action: action, parameters: parameters,
      response: Response(kind: file ? .binary : .json, fields: answer),
      errors: ErrorList(
        codes: errors.map { ErrorCode(code: $0, description: "Error \($0)", source: at(line + 50)) }),
      source: at(line))
  }

  static func parameter(
    _ name: String, _ type: String = "string", required: Bool = true, default: String? = nil,
    line: Int = 20
  ) -> Parameter {
    Parameter(
      name: name, type: TypeRef(parsing: type), required: required, default: `default`,
      description: "The \(name).", source: at(line))
  }

  static func field(
    _ name: String, _ type: String = "string", required: Bool = true, nullable: Bool = false,
    line: Int = 30
  ) -> Field {
    Field(
      name: name, type: TypeRef(parsing: type), required: required, nullable: nullable,
      description: "The \(name).", source: at(line))
  }

  static func enumType(_ name: String, _ values: [String], line: Int = 100) -> NamedType {
    NamedType(
      name: name, kind: .enum, description: "",
      values: values.enumerated().map { EnumValue(value: $1, source: at(line + 1 + $0)) },
      source: at(line))
  }

  static func object(_ name: String, _ fields: [Field], line: Int = 200) -> NamedType {
    NamedType(name: name, kind: .object, description: "", fields: fields, source: at(line))
  }

  static func union(
    _ name: String, discriminator: String = "type", _ variants: [(String, String)], line: Int = 300
  ) -> NamedType {
    NamedType(
      name: name, kind: .union, description: "", discriminator: discriminator,
      variants: variants.map { UnionVariant(value: $0.0, type: $0.1) }, source: at(line))
  }

  static func errorCode(_ code: Int, _ description: String, line: Int = 400) -> ErrorCode {
    ErrorCode(code: code, description: description, source: at(line, "errors.md"))
  }
}
