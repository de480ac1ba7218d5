import APIModel
import Foundation
import ModelDiff
import Pipeline
import Testing

/// The report of a docs change, as text and as JSON, against files recorded in
/// `Fixtures/expected` (`make golden` re-records them): `Fixtures/before/docs` and
/// `Fixtures/after/docs` are two versions of a small API with one change of most kinds.
@Suite struct ChangeReportGoldenTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  private func read(_ side: String) throws -> APIDescription {
    let docs = Self.fixtures.appendingPathComponent("\(side)/docs")
    let (api, diagnostics) = try ModelSource.read(docs, options: .init(docs: docs))
    #expect(diagnostics.isEmpty, "\(side): \(diagnostics.map(\.description))")
    return api
  }

  static func json(_ report: ChangeReport) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
  }

  @Test func reportMatchesTheRecordedOne() throws {
    let report = ModelDiff.compare(old: try read("before"), new: try read("after"))
    let actual = [
      "report.txt": report.lines().joined(separator: "\n") + "\n",
      "report.json": try Self.json(report),
    ]
    let expected = Self.fixtures.appendingPathComponent("expected")
    if ProcessInfo.processInfo.environment["APIGEN_RECORD_GOLDEN"] != nil {
      try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
      for (name, contents) in actual {
        try Data(contents.utf8).write(to: expected.appendingPathComponent(name))
      }
      return
    }
    for (name, contents) in actual.sorted(by: { $0.key < $1.key }) {
      let want = try String(contentsOf: expected.appendingPathComponent(name), encoding: .utf8)
      #expect(contents == want, "\(name) differs from Fixtures/expected/\(name) (`make golden` re-records):\n\(contents)")
    }
  }

  /// A model read back from the `api.json` an earlier run wrote compares as the docs do.
  @Test func aWrittenModelComparesAsItsDocs() throws {
    let before = try read("before")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-model-\(UUID())")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(try ModelJSON.encode(before).utf8).write(to: folder.appendingPathComponent(ModelJSON.fileName))
    let options = Generator.Options(docs: folder)
    let (fromFile, _) = try ModelSource.read(folder.appendingPathComponent(ModelJSON.fileName), options: options)
    let (fromFolder, _) = try ModelSource.read(folder, options: options)
    #expect(fromFile == before)
    #expect(fromFolder == before)
    guard case .model(let previous) = ModelSource.previous(in: folder) else {
      Issue.record("the output folder's api.json was not read")
      return
    }
    let after = try read("after")
    #expect(ModelDiff.compare(old: previous, new: after) == ModelDiff.compare(old: before, new: after))
  }
}
