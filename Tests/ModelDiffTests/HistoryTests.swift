import APIModel
import Foundation
import ModelDiff
import Pipeline
import Synchronization
import TestSupport
import Testing

/// The change report over the real history of the docs (`../shared/history`, 234 commits from
/// 2020-07 to 2021-12): every commit that touches `docs/backend-api/resources/`, oldest to
/// newest, is read and compared with its parent, as `apigen generate` compares a run with the
/// one before. Nothing may crash or exceed the time limit, and the reports of the commits below,
/// whose diffs were read, must say what those commits did.
@Suite(.enabled(if: Paths.historyBundle != nil, "skipped: ../shared/history/navixy-docs-2020-2021.bundle is not there"))
struct HistoryTests {
  /// The commits whose reports are checked, and why each was chosen.
  static let expectations: [String: (String, @Sendable (ChangeReport) -> Void)] = [
    // A feature: three endpoints and their object on a new page, and the global error table
    // reworded ("Wrong user hash" → "Wrong hash"; code 4 now names the API key), which renames
    // two cases of the error-code enum.
    "c987565": (
      "API keys",
      { report in
        #expect(
          report.endpoints.map(\.name) == ["/api/key/create", "/api/key/delete", "/api/key/list"])
        #expect(report.endpoints.allSatisfy { $0.changes.map(\.kind) == [.endpointAdded] })
        #expect(report.types.map(\.name) == ["ApiKey"])
        #expect(report.types.first?.changes.map(\.kind) == [.typeAdded])
        #expect(report.errorCodes.map(\.kind) == [.errorCodeRenamed, .errorCodeRenamed])
        #expect(report.errorCodes.map(\.message).allSatisfy { $0.hasPrefix("error code 3 ") || $0.hasPrefix("error code 4 ") })
      }
    ),
    // One optional parameter added to the two actions of a table each.
    "5f77d28": (
      "simplify parameter",
      { report in
        #expect(
          Self.outline(report) == [
            "/track/download parameter-added compatible: parameter 'simplify' added, optional",
            "/track/read parameter-added compatible: parameter 'simplify' added, optional",
          ])
      }
    ),
    // An action's documented error code corrected (79 → 264): the doc comment changes, not the API.
    "0a6b57a": (
      "error code of an action",
      { report in
        #expect(
          Self.outline(report) == [
            "/task/route/points/optimize endpoint-error-added compatible: error 264 documented",
            "/task/route/points/optimize endpoint-error-removed compatible: error 79 no longer documented",
          ])
      }
    ),
    // An optional `location` parameter added to two list actions, in a table and in a bullet
    // list (`**location** - **json**. (optional) location with radius…`): both compatible.
    "1d84e40": (
      "location parameter",
      { report in
        #expect(
          Self.outline(report) == [
            "/checkin/list parameter-added compatible: parameter 'location' added, optional",
            "/task/list parameter-added compatible: parameter 'location' added, optional",
          ])
      }
    ),
    // Line endings changed from CRLF to LF in every line of 16 pages: no API change.
    "2a6357a": ("line endings", { report in #expect(report.isEmpty, "\(report.lines())") }),
    // A limit in a description raised (500 → 5000): no API change.
    "b1951d4": ("description only", { report in #expect(report.isEmpty, "\(report.lines())") }),
    // An action added, with the object its answer lists.
    "09d5682": (
      "get_counters",
      { report in
        #expect(Self.outline(report) == ["/tracker/get_counters endpoint-added compatible: endpoint added"])
        #expect(report.types.count == 1)
        #expect(report.types.allSatisfy { $0.changes.map(\.kind) == [.typeAdded] })
        #expect(report.errorCodes.isEmpty)
      }
    ),
    // An action added (`tracker/read`), and eight actions' "204 – Entity not found" error
    // corrected to "201 – Not found in the database": doc comments, not the API.
    "c641319": (
      "tracker/read",
      { report in
        #expect(report.endpoints.filter { $0.changes.contains { $0.kind == .endpointAdded } }.map(\.name) == ["/tracker/read"])
        let others = report.changes.filter { $0.kind != .endpointAdded }
        #expect(others.count == 16, "\(report.lines())")
        #expect(others.allSatisfy { $0.message == "error 201 documented" || $0.message == "error 204 no longer documented" })
        #expect(report.breakingCount == 0)
      }
    ),
  ]

  /// `path kind breaking|compatible: message` per change of the endpoints.
  static func outline(_ report: ChangeReport) -> [String] {
    report.endpoints.flatMap { group in
      group.changes.map { "\(group.name) \($0.kind.rawValue) \($0.breaking ? "breaking" : "compatible"): \($0.message)" }
    }
  }

  /// apigen's default `--time-limit`: no read of one version may take longer.
  static let timeLimit = 120.0

  /// One compared commit.
  struct Comparison: Sendable {
    var commit: String
    var subject: String
    var report: ChangeReport
  }

  @Test func everyResourceCommitAgainstItsParent() throws {
    let start = Date()
    let bundle = try #require(Paths.historyBundle)
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-history-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let first = root.appendingPathComponent("a")
    let second = root.appendingPathComponent("b")
    try Git.run(["clone", "--quiet", "--no-checkout", "--branch", "history-2021", bundle.path, first.path])
    try Git.run(["-C", first.path, "worktree", "add", "--quiet", "--detach", "--no-checkout", second.path])
    let commits = try Git.lines(["-C", first.path, "rev-list", "--reverse", "HEAD", "--", "docs/backend-api/resources/"])
    #expect(commits.count >= 150, "the history has \(commits.count) commits that touch the resources")
    let parents = try Dictionary(
      uniqueKeysWithValues: Git.lines(["-C", first.path, "rev-list", "--no-walk=unsorted", "--parents"] + commits).map {
        line in
        let hashes = line.split(separator: " ").map(String.init)
        return (hashes[0], hashes.dropFirst().first)
      })
    let subjects = try Dictionary(
      Git.lines(["-C", first.path, "log", "--no-walk=unsorted", "--format=%H %s"] + commits).map {
        (String($0.prefix(40)), String($0.dropFirst(41)))
      }, uniquingKeysWith: { first, _ in first })

    // Two halves, read side by side in two work trees; each half compares its commits in order.
    let half = (commits.count + 1) / 2
    let halves = [Array(commits.indices.prefix(half)), Array(commits.indices.dropFirst(half))]
    let results = Mutex<[Int: Comparison]>([:])
    let reads = Mutex<[(commit: String, seconds: Double)]>([])
    let failures = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: halves.count) { worker in
      let reader = VersionReader(folder: worker == 0 ? first : second)
      for index in halves[worker] {
        let commit = commits[index]
        do {
          guard let parent = parents[commit] ?? nil, let old = try reader.model(at: parent) else { continue }
          guard let new = try reader.model(at: commit) else {
            failures.withLock { $0.append("\(commit): no docs folder") }
            continue
          }
          let comparison = Comparison(
            commit: commit, subject: subjects[commit] ?? "", report: ModelDiff.compare(old: old, new: new))
          results.withLock { $0[index] = comparison }
        } catch {
          failures.withLock { $0.append("\(commit): \(error)") }
        }
      }
      reads.withLock { $0 += reader.reads }
      failures.withLock { $0 += reader.errors }
    }
    #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
    let comparisons = results.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
    let readTimes = reads.withLock { $0 }
    for read in readTimes where read.seconds > Self.timeLimit {
      Issue.record("reading \(read.commit) took \(read.seconds) s, over the time limit of \(Self.timeLimit) s")
    }

    for (prefix, (why, check)) in Self.expectations.sorted(by: { $0.key < $1.key }) {
      guard let comparison = comparisons.first(where: { $0.commit.hasPrefix(prefix) }) else {
        Issue.record("commit \(prefix) (\(why)) was not compared")
        continue
      }
      print("history: \(prefix) \(comparison.subject) (\(why)):\n\(comparison.report.lines().joined(separator: "\n"))")
      check(comparison.report)
    }

    let breaking = comparisons.reduce(0) { $0 + $1.report.breakingCount }
    let compatible = comparisons.reduce(0) { $0 + $1.report.compatibleCount }
    let changed = comparisons.count { !$0.report.isEmpty }
    let slowest = readTimes.max { $0.seconds < $1.seconds }
    print(
      """
      history: \(commits.count) commits that touch the resources, \(comparisons.count) compared with their \
      parent (\(changed) changed the API), \(readTimes.count) versions read; \(breaking) breaking and \
      \(compatible) compatible changes; slowest read \(String(format: "%.2f", slowest?.seconds ?? 0)) s; \
      total \(String(format: "%.1f", Date().timeIntervalSince(start))) s
      """)
  }
}

/// Reads the model of one version after another in one work tree, keeping the last few, keyed
/// by the docs' tree (a parent that changed nothing in the docs, or the main line after a side
/// branch, is not read again).
private final class VersionReader {
  let folder: URL
  private var cache: [(key: String, api: APIDescription)] = []
  private(set) var reads: [(commit: String, seconds: Double)] = []
  /// Error diagnostics of a version (none is expected: a page over a limit would be left out).
  private(set) var errors: [String] = []

  init(folder: URL) {
    self.folder = folder
  }

  /// The model of `commit`'s docs, nil when it has no docs folder.
  func model(at commit: String) throws -> APIDescription? {
    let key = try Git.output(["-C", folder.path, "ls-tree", commit, "--", "docs", "mkdocs.yml"])
    guard key.contains("\tdocs\n") || key.hasSuffix("\tdocs") else { return nil }
    if let cached = cache.first(where: { $0.key == key }) { return cached.api }
    try Git.run(["-C", folder.path, "checkout", "--quiet", "--force", "--detach", commit])
    let start = Date()
    let docs = folder.appendingPathComponent("docs")
    let (api, diagnostics) = try Generator(options: .init(docs: docs)).read()
    reads.append((commit, Date().timeIntervalSince(start)))
    errors += diagnostics.filter { $0.severity == .error }.map { "\(commit): \($0)" }
    cache = Array((cache + [(key, api)]).suffix(6))
    return api
  }
}

/// git, run and waited for.
enum Git {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func output(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(description: "git \(arguments.joined(separator: " ")): \(String(decoding: message, as: UTF8.self))")
    }
    return String(decoding: data, as: UTF8.self)
  }

  static func run(_ arguments: [String]) throws {
    _ = try output(arguments)
  }

  static func lines(_ arguments: [String]) throws -> [String] {
    try output(arguments).split(separator: "\n").map(String.init)
  }
}
