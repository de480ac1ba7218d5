import Foundation
import Pipeline
import Testing

/// The OpenAPI document of the whole corpus is valid for `openapi-spec-validator` (which
/// `make test` installs).
@Suite(.enabled(if: Corpus.anyPresent, Corpus.noneMissing))
struct OpenAPIValidationTests {
  @Test(arguments: Corpus.present)
  func openAPIDocumentValidates(_ corpus: Corpus) throws {
    let result = try corpus.result()
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
      "openapi_spec_validator rejects the openapi.json of \(corpus.name):\n\(output.suffix(4000))")
  }
}
