import Foundation
import Pipeline
import TestSupport
import Testing

/// The change report, `--check`, `--emit`, `--depfile`, `--version` and `apigen diff`, through
/// the built `apigen` as a build or CI runs them.
@Suite struct ChangeCommandsTests {
  let apigen = APIGenCommand()

  @discardableResult
  private func expect(
    _ arguments: [String], status: Int32, messages: [String] = [], output: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> APIGenCommand.Run {
    let run = try apigen.run(arguments, timeLimit: 60)
    #expect(!run.timedOut, "apigen hung: \(run)", sourceLocation: sourceLocation)
    #expect(run.status == status, "\(run)", sourceLocation: sourceLocation)
    for message in messages {
      #expect(run.standardError.contains(message), "missing '\(message)' in \(run)", sourceLocation: sourceLocation)
    }
    for text in output {
      #expect(run.standardOutput.contains(text), "missing '\(text)' in \(run)", sourceLocation: sourceLocation)
    }
    return run
  }

  /// A lamp page (`/lamp/switch`, parameter `lamp_id`) and, with `dim`, a second action that
  /// takes a required `level`.
  private static func lampPage(level: String = "", dim: Bool = false) -> String {
    var page = SamplePage.text.replacingOccurrences(of: "[the types](missing.md)", with: "the lamp")
    page = page.replacingOccurrences(
      of: "| lamp_id | The lamp. | int |\n", with: "| lamp_id | The lamp. | int |\n" + level)
    if dim {
      page += """

        ### dim

        Dims a lamp.

        #### response

        ```json
        { "success": true }
        ```

        """
    }
    return page
  }

  private static func json(_ run: APIGenCommand.Run) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
  }

  // MARK: The change report of generate

  @Test func generateReportsWhatChangedSinceTheLastRun() throws {
    let scratch = try Scratch()
    try scratch.write("docs/lamp.md", Self.lampPage(dim: true))
    let first = try expect(["generate", scratch.path("docs"), "--output", scratch.path("out")], status: 0)
    #expect(!first.standardError.contains("API changes"), "no earlier api.json, no report: \(first)")
    try scratch.write("docs/lamp.md", Self.lampPage(level: "| level | Brightness. | int |\n"))
    let second = try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out")], status: 0,
      messages: [
        "API changes since \(scratch.path("out"))/api.json: 2 breaking, 0 compatible\n/lamp/dim\n"
          + "  lamp.md:23:1: breaking: endpoint removed; code that calls it no longer compiles [endpoint-removed]\n"
          + "/lamp/switch\n"
          + "  lamp.md:16:3: breaking: parameter 'level' added, required; every call must pass it [parameter-added]\n"
      ])
    // The summary stays the last line.
    #expect(second.standardError.split(separator: "\n").last?.hasPrefix("1 endpoint, 0 types") == true)
    let third = try expect(["generate", scratch.path("docs"), "--output", scratch.path("out")], status: 0)
    #expect(!third.standardError.contains("API changes"), "nothing changed, nothing reported: \(third)")
  }

  @Test func generateReportsChangesInJSON() throws {
    let scratch = try Scratch()
    try scratch.write("docs/lamp.md", Self.lampPage())
    let first = try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out"), "--format", "json"], status: 0)
    #expect(try Self.json(first)["changes"] == nil)
    try scratch.write("docs/lamp.md", Self.lampPage(level: "| level | Optional. Brightness. | int |\n"))
    let second = try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out"), "--format", "json"], status: 0)
    let changes = try #require(try Self.json(second)["changes"] as? [String: Any])
    #expect(changes["summary"] as? [String: Int] == ["breaking": 0, "compatible": 1])
    let endpoints = try #require(changes["endpoints"] as? [[String: Any]])
    #expect(endpoints.first?["path"] as? String == "/lamp/switch")
    let change = try #require((endpoints.first?["changes"] as? [[String: Any]])?.first)
    #expect(change["kind"] as? String == "parameter-added")
    #expect(change["breaking"] as? Bool == false)
    #expect(change["file"] as? String == "lamp.md")
    #expect(change["line"] as? Int == 16)
    #expect(change["side"] as? String == "new")
  }

  @Test func failOnRefusesToWriteAndExitsWith2() throws {
    let scratch = try Scratch()
    try scratch.write("docs/lamp.md", Self.lampPage())
    try expect(["generate", scratch.path("docs"), "--output", scratch.path("out")], status: 0)
    let before = try scratch.snapshot("out")
    try scratch.write("docs/lamp.md", Self.lampPage(level: "| level | Brightness. | int |\n"))
    try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out"), "--fail-on", "breaking"], status: 2,
      messages: [
        "[parameter-added]",
        "apigen: nothing written to \(scratch.path("out")): the API has 1 breaking change and --fail-on breaking is on",
      ])
    #expect(try scratch.snapshot("out") == before)
    // A compatible change passes --fail-on breaking, not --fail-on any.
    try scratch.write("docs/lamp.md", Self.lampPage(level: "| level | Optional. Brightness. | int |\n"))
    try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out"), "--fail-on", "any"], status: 2,
      messages: ["the API has 1 change and --fail-on any is on"])
    #expect(try scratch.snapshot("out") == before)
    try expect(["generate", scratch.path("docs"), "--output", scratch.path("out"), "--fail-on", "breaking"], status: 0)
    #expect(try scratch.snapshot("out") != before)
    try expect(["generate", scratch.path("docs"), "--output", scratch.path("out"), "--fail-on", "worse"], status: 64)
  }

  @Test func anOutputModelThatIsNotOneIsANoteNotAFailure() throws {
    let scratch = try Scratch()
    try scratch.write("docs/lamp.md", Self.lampPage())
    try scratch.write("out/api.json", "{\"$comment\": \"Generated by apigen from the API documentation. Do not edit.\"}\n")
    try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out"), "--fail-on", "any"], status: 0,
      messages: ["apigen: note: no change report: \(scratch.path("out"))/api.json: not a model apigen wrote"])
  }

  // MARK: --check

  @Test func checkListsTheFilesThatDifferAndWritesNothing() throws {
    let scratch = try Scratch()
    try scratch.write("docs/lamp.md", Self.lampPage())
    try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out"), "--check"], status: 1,
      messages: ["out/api.json: new", "out/Swift/LampAPI.swift: new", "differ from what the docs generate (--check)"])
    #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    try expect(["generate", scratch.path("docs"), "--output", scratch.path("out")], status: 0)
    try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out"), "--check"], status: 0,
      messages: ["is up to date (--check)"])
    // The lamp area goes, a bell area comes: one file changes, one is new, one is stale.
    try FileManager.default.removeItem(at: scratch.url("docs/lamp.md"))
    try scratch.write("docs/bell.md", Self.lampPage().replacingOccurrences(of: "lamp", with: "bell"))
    let before = try scratch.snapshot("out")
    let run = try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out"), "--check"], status: 1,
      messages: [
        "out/Swift/BellAPI.swift: new", "out/Swift/LampAPI.swift: stale, would be removed", "out/api.json: changed",
        "[endpoint-removed]",
      ])
    #expect(try scratch.snapshot("out") == before, "--check wrote: \(run)")
    let json = try Self.json(
      try expect(["generate", scratch.path("docs"), "--output", scratch.path("out"), "--check", "--format", "json"], status: 1))
    let check = try #require(json["check"] as? [String: [String]])
    #expect(check["new"] == ["Swift/BellAPI.swift"])
    #expect(check["stale"] == ["Swift/LampAPI.swift"])
    #expect(check["changed"] == ["Swift/NavixyClient.swift", "api.json", "openapi.json"])
    #expect(json["output"] == nil)
  }

  // MARK: --emit

  @Test func emitWritesAndRemovesOnlyTheKindsAsked() throws {
    let scratch = try Scratch()
    try scratch.write("docs/lamp.md", Self.lampPage())
    try expect(["generate", scratch.path("docs"), "--output", scratch.path("out"), "--emit", "swift"], status: 0)
    #expect(try scratch.snapshot("out").keys.sorted() == ["Swift/LampAPI.swift", "Swift/NavixyClient.swift"])
    try expect(["generate", scratch.path("docs"), "--output", scratch.path("out"), "--emit", "openapi,model"], status: 0)
    #expect(
      try scratch.snapshot("out").keys.sorted() == [
        "Swift/LampAPI.swift", "Swift/NavixyClient.swift", "api.json", "openapi.json",
      ])
    // The lamp area becomes a bell area: only the emitted kind loses its stale files.
    try FileManager.default.removeItem(at: scratch.url("docs/lamp.md"))
    try scratch.write("docs/bell.md", Self.lampPage().replacingOccurrences(of: "lamp", with: "bell"))
    let openapi = try scratch.snapshot("out")["openapi.json"]
    try expect(["generate", scratch.path("docs"), "--output", scratch.path("out"), "--emit", "model"], status: 0)
    let afterModel = try scratch.snapshot("out")
    #expect(afterModel.keys.sorted() == ["Swift/LampAPI.swift", "Swift/NavixyClient.swift", "api.json", "openapi.json"])
    #expect(afterModel["openapi.json"] == openapi)
    try expect(["generate", scratch.path("docs"), "--output", scratch.path("out"), "--emit", "swift"], status: 0)
    #expect(
      try scratch.snapshot("out").keys.sorted() == [
        "Swift/BellAPI.swift", "Swift/NavixyClient.swift", "api.json", "openapi.json",
      ])
    try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out"), "--emit", "swift,kotlin"], status: 64,
      messages: ["--emit"])
  }

  // MARK: --depfile

  @Test func depfileListsEveryFileAndFolderRead() throws {
    let scratch = try Scratch()
    try scratch.write("site/docs/lamp.md", Self.lampPage())
    try scratch.write("site/docs/rooms/hall with space.md", "# Hall\n")
    try scratch.write("site/docs/rooms/.hidden.md", "# Hidden\n")
    try scratch.write("site/docs/notes.txt", "not a page\n")
    try scratch.write("site/mkdocs.yml", "extra:\n  api_example_url: https://example.com/v2\n")
    try expect(
      ["generate", scratch.path("site/docs"), "--output", scratch.path("out"), "--depfile", scratch.path("out.d"),
       "--depfile-target", "stamp"], status: 0)
    let root = scratch.path("site")
    #expect(
      try String(contentsOf: scratch.url("out.d"), encoding: .utf8) == """
        stamp: \\
          \(root)/docs \\
          \(root)/docs/rooms \\
          \(root)/docs/lamp.md \\
          \(root)/docs/rooms/hall\\ with\\ space.md \\
          \(root)/mkdocs.yml

        \(root)/docs:

        \(root)/docs/rooms:

        \(root)/docs/lamp.md:

        \(root)/docs/rooms/hall\\ with\\ space.md:

        \(root)/mkdocs.yml:

        """)
    try expect(
      ["generate", scratch.path("site/docs"), "--output", scratch.path("out"), "--depfile-target", "stamp"],
      status: 64, messages: ["--depfile-target needs --depfile"])
  }

  /// GitBook's included files are read through the docs folder too; an include that is not
  /// there is not a prerequisite (Make would rerun every time), its folder is.
  @Test func depfileListsIncludedFiles() throws {
    let scratch = try Scratch()
    let docs = Paths.repository.appendingPathComponent("Tests/Golden/gitbook-includes/docs").path
    try expect(
      ["generate", docs, "--output", scratch.path("out"), "--depfile", scratch.path("out.d")], status: 0)
    let lines = try String(contentsOf: scratch.url("out.d"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    let prerequisites = lines.dropFirst().prefix { !$0.isEmpty }.map {
      $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " \\", with: "")
    }
    for path in [
      "", "/.gitbook/includes", "/fees", "/.gitbook/includes/berth-parameter.md",
      "/.gitbook/includes/common-errors.md", "/.gitbook/includes/loop.md", "/SUMMARY.md", "/fees/README.md",
    ] {
      #expect(prerequisites.contains { $0.hasSuffix("gitbook-includes/docs" + path) }, "\(path) in \(prerequisites)")
    }
    #expect(prerequisites.count == 8, "\(prerequisites)")
  }

  /// Make reruns apigen when a page changes, is added or is removed, and only then.
  @Test func makeRerunsApigenExactlyWhenTheDocsChange() throws {
    let scratch = try Scratch()
    try scratch.write("docs/lamp.md", Self.lampPage())
    try scratch.write("docs/rooms/hall.md", "# Hall\n")
    try scratch.write(
      "Makefile",
      """
      out/.stamp:
      \t\(apigen.executable.path) generate docs --output out --depfile out.d --depfile-target out/.stamp
      \techo run >> runs.txt
      \ttouch out/.stamp

      -include out.d

      """)
    var runs = 0
    func make(rerun: Bool, _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) throws {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["make", "--no-print-directory", "-C", scratch.root.path]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, comment, sourceLocation: sourceLocation)
      if rerun { runs += 1 }
      let counted = ((try? String(contentsOf: scratch.url("runs.txt"), encoding: .utf8)) ?? "")
        .split(separator: "\n").count
      #expect(counted == runs, comment, sourceLocation: sourceLocation)
      // The kernel stamps files from a clock that ticks every few milliseconds: an edit made
      // within the tick that touched the stamp would look as old as it, and Make rebuilds only
      // for a newer prerequisite. People do not edit that fast.
      Thread.sleep(forTimeInterval: 0.05)
    }
    try make(rerun: true, "the first run")
    try make(rerun: false, "nothing changed")
    try scratch.write("docs/rooms/hall.md", "# Hall\n\nWider now.\n")
    try make(rerun: true, "a page changed")
    try make(rerun: false, "nothing changed since")
    try scratch.write("docs/rooms/kitchen.md", "# Kitchen\n")
    try make(rerun: true, "a page was added")
    try FileManager.default.removeItem(at: scratch.url("docs/rooms/kitchen.md"))
    try make(rerun: true, "a page was removed")
    try scratch.write("docs/rooms/notes.txt", "Not a page, but the folder changed.\n")
    try make(rerun: true, "a file was added to a docs folder")
    try make(rerun: false, "nothing changed at the end")
  }

  // MARK: --version

  @Test func versionIsPrinted() throws {
    let run = try expect(["--version"], status: 0)
    #expect(run.standardOutput == APIGenVersion.current + "\n")
  }

  /// The help lists `--dialect`'s values as they are typed.
  @Test func dialectValuesAreListedAsTyped() throws {
    let run = try expect(["generate", "--help"], status: 0)
    let help = run.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(help.contains("(values: auto, mkdocs, gitbook)"), "\(run)")
  }

  // MARK: apigen diff

  @Test func diffComparesDocsFoldersAndModels() throws {
    let scratch = try Scratch()
    try scratch.write("old/lamp.md", Self.lampPage(dim: true))
    try scratch.write("new/lamp.md", Self.lampPage(level: "| level | Optional. Brightness. | int |\n"))
    try expect(
      ["diff", scratch.path("old"), scratch.path("new")], status: 0,
      output: [
        "API changes: 1 breaking, 1 compatible\n/lamp/dim\n",
        "  lamp.md:16:3: compatible: parameter 'level' added, optional [parameter-added]\n",
      ])
    try expect(["diff", scratch.path("old"), scratch.path("old")], status: 0, output: ["no API changes\n"])
    try expect(
      ["diff", scratch.path("old"), scratch.path("new"), "--fail-on", "breaking"], status: 2,
      messages: ["the API has 1 breaking change and --fail-on breaking is on"])
    // An api.json on either side, given as the file or as the output folder that holds it.
    try expect(["generate", scratch.path("old"), "--output", scratch.path("out-old"), "--emit", "model"], status: 0)
    try expect(
      ["diff", scratch.path("out-old/api.json"), scratch.path("new")], status: 0,
      output: ["API changes: 1 breaking, 1 compatible"])
    try expect(
      ["diff", scratch.path("new"), scratch.path("out-old")], status: 0,
      output: ["  lamp.md:23:1: compatible: endpoint added [endpoint-added]"])
    let json = try Self.json(
      try expect(["diff", scratch.path("out-old"), scratch.path("new"), "--format", "json"], status: 0))
    #expect(json["summary"] as? [String: Int] == ["breaking": 1, "compatible": 1])
    #expect((json["endpoints"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["/lamp/dim", "/lamp/switch"])
    #expect((json["types"] as? [Any])?.isEmpty == true)
  }

  @Test func diffFailures() throws {
    let scratch = try Scratch()
    try scratch.write("docs/lamp.md", Self.lampPage())
    try scratch.write("notes.json", "{\"not\": \"a model\"}")
    try expect(["diff", scratch.path("docs"), scratch.path("nowhere")], status: 74, messages: ["nowhere: no such file or folder"])
    try expect(
      ["diff", scratch.path("notes.json"), scratch.path("docs")], status: 1,
      messages: ["notes.json: not a model apigen wrote"])
    // A page over the size limit would leave its endpoints out, and look removed.
    try scratch.write("big/lamp.md", Self.lampPage() + String(repeating: "Long. ", count: 200_000))
    try expect(
      ["diff", scratch.path("docs"), scratch.path("big")], status: 1,
      messages: ["[page-too-large]", "the docs have 1 error; nothing compared"])
    try expect(["diff", scratch.path("docs")], status: 64)
  }
}
