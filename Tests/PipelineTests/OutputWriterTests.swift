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

/// A write that fails at any one of its file operations leaves the folder exactly as it was:
/// every file's bytes, every folder, no temporary or backup file left behind.
@Suite struct OutputTransactionTests {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-tx-\(UUID())")
  let header = "// \(GeneratedFileHeader.marker)\n"

  /// Makes the `failAt`-th operation (0-based) fail, and counts them.
  final class Faults: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    let failAt: Int

    init(failAt: Int) { self.failAt = failAt }

    var operations: Int { lock.withLock { count } }

    func step(_ url: URL) throws(FileSystem.Failure) {
      let index = lock.withLock {
        count += 1
        return count - 1
      }
      if index == failAt { throw FileSystem.Failure(path: url.path, action: "injected failure", code: EIO) }
    }

    func wrapping(_ base: FileOperations) -> FileOperations {
      FileOperations(
        createFolder: { url throws(FileSystem.Failure) in
          try self.step(url)
          try base.createFolder(url)
        },
        write: { data, url throws(FileSystem.Failure) in
          try self.step(url)
          try base.write(data, url)
        },
        link: { from, to throws(FileSystem.Failure) in
          try self.step(to)
          try base.link(from, to)
        },
        rename: { from, to throws(FileSystem.Failure) in
          try self.step(to)
          try base.rename(from, to)
        },
        remove: { url throws(FileSystem.Failure) in
          try self.step(url)
          try base.remove(url)
        })
    }
  }

  /// Every path below the folder (hidden ones included) with its contents; folders map to nil.
  private func snapshot() throws -> [String: Data?] {
    var result: [String: Data?] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
    while let path = enumerator.nextObject() as? String {
      let url = folder.appendingPathComponent(path)
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
      result[path] = isFolder.boolValue ? .some(nil) : try Data(contentsOf: url)
    }
    return result
  }

  private func put(_ path: String, _ text: String) throws {
    let url = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// The generated folder of an earlier run, and a hand-written file in it.
  private func previousRun() throws {
    try? FileManager.default.removeItem(at: folder)
    try put("Swift/Changed.swift", header + "old")
    try put("Swift/Same.swift", header + "same")
    try put("Swift/Types/Stale.swift", header + "stale")
    try put("Swift/Mine.swift", "hand-written")
    try put("api.json", "{\"$comment\": \"\(GeneratedFileHeader.marker)\", \"old\": 1}")
  }

  /// The visible files (no hidden temporary or backup files).
  private func visibleFiles() throws -> [String: Data] {
    try snapshot().reduce(into: [:]) { result, entry in
      if let data = entry.value, !entry.key.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
        result[entry.key] = data
      }
    }
  }

  @Test func aFailureAtAnyStepLeavesTheFolderAsItWas() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = [
      EmittedFile(path: "Swift/Changed.swift", contents: header + "new"),
      EmittedFile(path: "Swift/Same.swift", contents: header + "same"),
      EmittedFile(path: "Swift/Nested/Deeper/Added.swift", contents: header + "added"),
      EmittedFile(path: "api.json", contents: "{\"$comment\": \"\(GeneratedFileHeader.marker)\", \"new\": 1}"),
    ]
    try previousRun()
    let before = try snapshot()
    _ = try OutputWriter(root: folder).write(files)
    let expected = try visibleFiles()
    #expect(expected.keys.sorted() == ["Swift/Changed.swift", "Swift/Mine.swift", "Swift/Nested/Deeper/Added.swift", "Swift/Same.swift", "api.json"])
    #expect(try snapshot().keys.allSatisfy { !$0.contains("apigen-") }, "no temporary or backup file is left")

    var failAt = 0
    var failures = 0
    while true {
      try previousRun()
      let faults = Faults(failAt: failAt)
      do {
        _ = try OutputWriter(root: folder, operations: faults.wrapping(.system)).write(files)
      } catch {
        failures += 1
        #expect(error.description.contains("injected failure"))
        #expect(error.description.hasSuffix("the output folder was left as it was"))
        #expect(try snapshot() == before, "a failure at operation \(failAt) changed the folder")
        failAt += 1
        continue
      }
      // Past the commit, only removing a backup can fail; the write stands, and the hidden
      // backup left behind is a generated file that the next run removes.
      #expect(try visibleFiles() == expected, "a failure at operation \(failAt) after the commit")
      if faults.operations <= failAt { break }
      failAt += 1
    }
    #expect(failures >= 8, "every staging and commit step is tried")
  }

  @Test func staleFilesAreLookedForOnlyWhereApigenWrites() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try put("Swift/Old.swift", header + "old")
    try put("old.json", header)
    try put("Elsewhere/Generated.swift", header + "another project's")
    let report = try OutputWriter(root: folder).write([EmittedFile(path: "Swift/A.swift", contents: header)])
    #expect(report.removed == ["Swift/Old.swift", "old.json"])
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Elsewhere/Generated.swift").path))
  }

  @Test func aLinkOrFolderAtATargetIsNeverReplaced() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try put("elsewhere.txt", header)
    try FileManager.default.createSymbolicLink(
      at: folder.appendingPathComponent("api.json"), withDestinationURL: folder.appendingPathComponent("elsewhere.txt"))
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("openapi.json"), withIntermediateDirectories: true)
    let before = try snapshot()
    for path in ["api.json", "openapi.json"] {
      #expect(throws: GeneratorError.self) {
        try OutputWriter(root: folder).write([EmittedFile(path: path, contents: header)])
      }
    }
    #expect(try snapshot() == before)
  }

  @Test func anOutputPathThatIsAFileIsRefused() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try put("file", "x")
    let root = folder.appendingPathComponent("file")
    #expect(throws: GeneratorError.io("\(root.path): exists and is not a folder")) {
      try OutputWriter(root: root).write([EmittedFile(path: "api.json", contents: header)])
    }
    #expect(throws: GeneratorError.self) {
      try OutputWriter(root: root.appendingPathComponent("below")).write([EmittedFile(path: "api.json", contents: header)])
    }
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
    let settings = MkdocsSettings(yaml, path: "../mkdocs.yml")
    #expect(
      settings.macros == [
        "config.site_name": "Example", "config.repo_url": "https://example.com/repo",
        "extra.api_example_url": "https://api.example.org/v9",
      ])
    // Each value knows its line, for diagnostics about it.
    #expect(settings.values["extra.api_example_url"]?.line == 5)
  }

  @Test func aPageThatVanishesAfterListingIsAnIOError() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-vanish-\(UUID())")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try Data("# A\n".utf8).write(to: root.appendingPathComponent("a.md"))
    try Data("# B\n".utf8).write(to: root.appendingPathComponent("b.md"))
    let folder = DocsFolder(root: root)
    let listing = try folder.list()
    #expect(listing.pages == ["a.md", "b.md"])
    try FileManager.default.removeItem(at: root.appendingPathComponent("b.md"))
    #expect(try folder.read("a.md", limit: 100) == .bytes(Array("# A\n".utf8)))
    #expect(throws: GeneratorError.io("\(root.path)/b.md: vanished while the docs folder was being read")) {
      try folder.read("b.md", limit: 100)
    }
  }

  @Test func readingStopsAtTheLimitAndRefusesSpecialFiles() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-read-\(UUID())")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try Data(repeating: 0x41, count: 101).write(to: root.appendingPathComponent("big.md"))
    let folder = DocsFolder(root: root)
    #expect(try folder.read("big.md", limit: 100) == .tooLarge(101))
    #expect(mkfifo(root.appendingPathComponent("pipe.md").path, 0o644) == 0)
    #expect(throws: GeneratorError.io("\(root.path)/pipe.md: is not a regular file (but a FIFO, socket or device); it is not read")) {
      try folder.read("pipe.md", limit: 100)
    }
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
