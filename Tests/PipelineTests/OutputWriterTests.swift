import APIModel
import Foundation
import Testing

@testable import Pipeline

@Suite struct OutputWriterTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-out-\(UUID())")
  let header = "// \(GeneratedFileHeader.marker)\n"

  private func file(_ path: String, _ body: String) -> EmittedFile {
    EmittedFile(path: path, contents: header + body)
  }

  private func modificationDate(_ path: String) throws -> Date? {
    try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)[.modificationDate]
      as? Date
  }

  @Test func writesOnlyChangedFilesAndRemovesStaleOnes() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let writer = OutputWriter(root: folder)
    let first = try writer.write([file("Swift/A.swift", "a"), file("Swift/B.swift", "b")])
    #expect(first.written == ["Swift/A.swift", "Swift/B.swift"])
    let before = try modificationDate("Swift/A.swift")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("Swift"), withIntermediateDirectories: true)
    try Data("hand-written".utf8).write(to: folder.appendingPathComponent("Swift/Mine.swift"))
    Thread.sleep(forTimeInterval: 0.01)
    let second = try writer.write([file("Swift/A.swift", "a"), file("Swift/C.swift", "c")])
    #expect(second.unchanged == ["Swift/A.swift"])
    #expect(second.written == ["Swift/C.swift"])
    #expect(second.removed == ["Swift/B.swift"])
    #expect(try modificationDate("Swift/A.swift") == before)
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Swift/Mine.swift").path))
  }

  @Test func refusesToOverwriteAFileItDidNotGenerate() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("keep me".utf8).write(to: folder.appendingPathComponent("api.json"))
    let writer = OutputWriter(root: folder)
    #expect(throws: GeneratorError.self) {
      try writer.write([file("openapi.json", "{}"), file("api.json", "{}")])
    }
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("openapi.json").path))
    #expect(try String(contentsOf: folder.appendingPathComponent("api.json"), encoding: .utf8) == "keep me")
  }
}

@Suite struct DocsFolderTests {
  @Test func mkdocsMacros() {
    let yaml = """
      site_name: Example
      repo_url: https://example.com/repo
      # comment
      extra:
        api_example_url: "https://api.example.org/v9"
        nested:
          deep: no
      theme:
        name: material
      """
    #expect(
      MkdocsSettings.macros(yaml) == [
        "config.site_name": "Example", "config.repo_url": "https://example.com/repo",
        "extra.api_example_url": "https://api.example.org/v9",
      ])
  }

  @Test func missingAndEmptyFolders() throws {
    let missing = URL(fileURLWithPath: "/nonexistent/apigen-docs")
    #expect(throws: GeneratorError.io("/nonexistent/apigen-docs: no such folder")) {
      try DocsFolder(root: missing).pages()
    }
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-empty-\(UUID())")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: empty) }
    #expect(throws: GeneratorError.self) { try DocsFolder(root: empty).pages() }
  }
}
