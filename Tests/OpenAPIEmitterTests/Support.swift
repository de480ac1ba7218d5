import APIModel
import Foundation
import OpenAPIEmitter
import OpenAPIKit

/// An emitted document, as text and read back with OpenAPIKit.
struct Emitted {
  let file: EmittedFile
  let document: OpenAPI.Document

  init(_ api: APIDescription) throws {
    file = try OpenAPIEmitter().emit(api)
    document = try JSONDecoder().decode(OpenAPI.Document.self, from: Data(file.contents.utf8))
  }

  func operation(_ path: OpenAPI.Path) -> OpenAPI.Operation? {
    document.paths[path]?.pathItemValue?.post
  }

  func requestSchema(_ path: OpenAPI.Path) -> JSONSchema? {
    operation(path)?.requestBody?.requestValue?.content[.json]?.contentValue?.schema
  }

  func successSchema(_ path: OpenAPI.Path) -> JSONSchema? {
    operation(path)?.responses[200]?.responseValue?.content[.json]?.contentValue?.schema
  }

  func schemaComponent(_ name: String) -> JSONSchema? {
    document.components.schemas[OpenAPI.ComponentKey(stringLiteral: name)]
  }

  /// The document as plain JSON, for what OpenAPIKit reads into other forms (a `null` among
  /// an enum's values, the `type` list).
  var json: [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(file.contents.utf8))) as? [String: Any] ?? [:]
  }

  /// The JSON object at a path of keys (`["components", "schemas", "Tracker"]`).
  func object(at keys: [String]) -> [String: Any]? {
    keys.reduce(json as [String: Any]?) { object, key in object?[key] as? [String: Any] }
  }
}

extension JSONSchema {
  func property(_ name: String) -> JSONSchema? {
    objectContext?.properties[name]
  }
}

/// `python3 -m openapi_spec_validator`, the reference validator, when this machine has it.
enum SpecValidator {
  static let isAvailable: Bool = (try? run(["-c", "import openapi_spec_validator"]).status) == 0

  /// Validates the document text; returns the exit status and what the validator printed.
  static func validate(_ contents: String) throws -> (status: Int32, output: String) {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("openapi-\(UUID().uuidString).json")
    try contents.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    return try run(["-m", "openapi_spec_validator", file.path])
  }

  private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }
}
