import APIModel
import Foundation
import Testing

@testable import Pipeline

/// Whole-output tests: each folder of `Tests/Golden/<case>/` holds `docs/` (input pages, and
/// maybe `mkdocs.yml` beside it) and `expected/` (every file apigen emits for them, plus
/// `diagnostics.txt`, and `dialect.txt`: the dialect the pages were read as, and why).
/// `make golden` re-records `expected/` from the current generator.
@Suite struct GoldenTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

  static var cases: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }
      .sorted()
  }

  @Test func everyPatternHasACase() {
    #expect(
      Self.cases == [
        "actions", "admonitions", "dialect-gitbook", "dialect-mkdocs", "dialect-neither", "example-types", "front-matter",
        "gitbook-blocks", "gitbook-includes", "hostile", "macros", "maps-and-kinds", "objects", "overrides", "parameter-forms", "presence",
        "push-token", "reference", "request-variants", "responses", "tables", "tabs",
      ])
  }

  @Test(arguments: cases)
  func golden(_ name: String) throws {
    let folder = Self.root.appendingPathComponent(name)
    let result = try Generator(options: .init(docs: folder.appendingPathComponent("docs"))).generate()
    var actual: [String: String] = [:]
    for file in result.files { actual[file.path] = file.contents }
    actual["diagnostics.txt"] = result.diagnostics.map { $0.description + "\n" }.joined()
    actual["dialect.txt"] = result.dialect.description + "\n"
    let expectedFolder = folder.appendingPathComponent("expected")
    if ProcessInfo.processInfo.environment["APIGEN_RECORD_GOLDEN"] != nil {
      try? FileManager.default.removeItem(at: expectedFolder)
      try FileTree.write(actual, to: expectedFolder)
      return
    }
    let expected = try FileTree.read(expectedFolder)
    #expect(
      actual.keys.sorted() == expected.keys.sorted(),
      "files differ for case '\(name)'; run `make golden` to re-record if the change is intended")
    for (path, contents) in actual.sorted(by: { $0.key < $1.key }) {
      guard let want = expected[path], want != contents else { continue }
      Issue.record(
        Comment(rawValue: "\(name)/\(path) differs from the golden file (`make golden` re-records):\n"
          + UnifiedDiff.between(want, contents, label: "\(name)/expected/\(path)")))
    }
  }
}

/// Reads and writes a folder of text files as a path → contents map.
enum FileTree {
  static func read(_ folder: URL) throws -> [String: String] {
    var files: [String: String] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
    while let path = enumerator.nextObject() as? String {
      var isFolder: ObjCBool = false
      let url = folder.appendingPathComponent(path)
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
      else { continue }
      files[path] = try String(contentsOf: url, encoding: .utf8)
    }
    return files
  }

  static func write(_ files: [String: String], to folder: URL) throws {
    for (path, contents) in files {
      let url = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(contents.utf8).write(to: url)
    }
  }
}

/// A readable diff for a failed comparison, from diff(1).
enum UnifiedDiff {
  static func between(_ expected: String, _ actual: String, label: String) -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-diff-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let want = folder.appendingPathComponent("expected")
    let got = folder.appendingPathComponent("actual")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(expected.utf8).write(to: want)
      try Data(actual.utf8).write(to: got)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
      process.arguments = ["-u", "--label", label, "--label", "generated", want.path, got.path]
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      let output = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return String(decoding: output, as: UTF8.self)
    } catch {
      return "(diff unavailable: \(error))"
    }
  }
}
