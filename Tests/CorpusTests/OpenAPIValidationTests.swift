import Foundation
import Pipeline
import Testing

/// The OpenAPI document of the whole corpus is valid for `openapi-spec-validator` (which
/// `make test` installs).
@Suite(.enabled(if: Corpus.isPresent, Corpus.missing))
struct OpenAPIValidationTests {
  @Test func openAPIDocumentValidates() throws {
    let result = try Corpus.result()
    let document = try #require(result.files.first { $0.path == "openapi.json" })
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("apigen-corpus-openapi-\(UUID().uuidString).json")
    try Data(document.contents.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-m", "openapi_spec_validator", file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(
      process.terminationStatus == 0,
      "openapi_spec_validator rejects the corpus's openapi.json:\n\(output.suffix(4000))")
  }
}
