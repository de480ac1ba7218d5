import Foundation
import TestSupport
import Testing

/// Inputs the fuzzer (`make fuzz`) found to crash or hang apigen, kept in
/// `Tests/RobustnessTests/Fixtures/fuzz` after minimizing (`-minimize_crash=1`). Each runs
/// through the built `apigen`, in a process of its own, so that a crash fails this test rather
/// than killing the test runner. A file holds up to four pages separated by `---8<---` lines,
/// as the fuzz driver reads them.
@Suite struct FuzzRegressionTests {
  static let folder = Paths.repository.appendingPathComponent("Tests/RobustnessTests/Fixtures/fuzz")

  static var fixtures: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
  }

  /// Crashes found in code this suite's owner does not maintain, reported and awaiting a fix;
  /// each stays a known issue until then (and passes quietly once fixed).
  static let knownCrashes: [String: String] = [:]

  static let separator = "\n---8<---\n"
  static let paths = ["index.md", "api/first.md", "api/second.md", "types.md"]

  @Test(arguments: fixtures)
  func fixtureEndsCleanly(_ name: String) throws {
    let bytes = try Data(contentsOf: Self.folder.appendingPathComponent(name))
    let scratch = try Scratch()
    let pages = String(decoding: bytes, as: UTF8.self).components(separatedBy: Self.separator)
    // The bytes of each page as the driver cuts them (the split keeps invalid UTF-8 as is).
    var rest = bytes[...]
    for (index, path) in Self.paths.enumerated() where index < pages.count {
      let isLast = index == min(pages.count, Self.paths.count) - 1
      let cut = isLast ? nil : rest.firstRange(of: Data(Self.separator.utf8))
      try scratch.write("docs/" + path, Array(cut.map { rest[..<$0.lowerBound] } ?? rest))
      if let cut { rest = rest[cut.upperBound...] }
    }
    let run = try APIGenCommand().run(
      ["generate", scratch.path("docs"), "--output", scratch.path("out")], timeLimit: 60)
    let check = {
      #expect(!run.timedOut, "\(name) hangs: \(run)")
      #expect([0, 1].contains(run.status), "\(name) crashes apigen: \(run)")
    }
    if let reason = Self.knownCrashes[name] {
      withKnownIssue(Comment(rawValue: reason), isIntermittent: true) { check() }
    } else {
      check()
    }
  }
}
