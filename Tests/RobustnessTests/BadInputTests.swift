import Foundation
import TestSupport
import Testing

/// Bad input, through the built `apigen` as a build runs it: each case ends with a clear
/// message and the documented exit code (0 success, 1 errors or --strict warnings, 64 usage,
/// 74 I/O), and within seconds.
@Suite struct BadInputTests {
  let apigen = APIGenCommand()

  /// Runs apigen and checks status, messages and that it did not hang.
  @discardableResult
  func expect(
    _ arguments: [String], status: Int32, messages: [String], user: UInt32? = nil,
    seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> APIGenCommand.Run {
    let run = try apigen.run(arguments, timeLimit: 60, user: user)
    #expect(!run.timedOut, "apigen hung: \(run)", sourceLocation: sourceLocation)
    #expect(run.status == status, "\(run)", sourceLocation: sourceLocation)
    for message in messages {
      #expect(run.standardError.contains(message), "missing '\(message)' in \(run)", sourceLocation: sourceLocation)
    }
    #expect(run.seconds < seconds, "took \(run.seconds) s", sourceLocation: sourceLocation)
    return run
  }

  // MARK: - Page content

  @Test func invalidUTF8() throws {
    let scratch = try Scratch()
    try scratch.write("docs/p.md", Array("# T\n\nbad ".utf8) + [0xFF, 0xFE] + Array(" bytes\n".utf8))
    try expect(
      ["lint", scratch.path("docs")], status: 0,
      messages: ["p.md:3:5: warning: invalid UTF-8 replaced with U+FFFD [invalid-utf8]", "1 warning in"])
    try expect(["lint", scratch.path("docs"), "--strict"], status: 1, messages: ["[invalid-utf8]"])
  }

  @Test func nulBytes() throws {
    let scratch = try Scratch()
    try scratch.write("docs/p.md", Array("# T\n\na".utf8) + [0, 0] + Array("b\n".utf8))
    try expect(
      ["lint", scratch.path("docs")], status: 0,
      messages: ["p.md:3:2: warning: NUL byte replaced with U+FFFD [nul-byte]"])
  }

  @Test func binaryGarbageReportsBoundedly() throws {
    let scratch = try Scratch()
    // The same pseudo-random bytes every run (a linear congruential generator).
    var state: UInt64 = 0x5EED
    let bytes = (0..<200_000).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 56)
    }
    try scratch.write("docs/p.md", bytes)
    let run = try expect(["lint", scratch.path("docs")], status: 0, messages: ["[invalid-utf8]"])
    let lines = run.standardError.split(separator: "\n")
    #expect(lines.count { $0.hasSuffix("[invalid-utf8]") } <= 51)
  }

  @Test func fiftyMegabytePage() throws {
    let scratch = try Scratch()
    // 64 bytes a line, 16,384 lines a MiB, 50 MiB.
    let line = Array("Fifty megabytes of prose, one line after another, and then more\n".utf8)
    #expect(line.count == 64)
    let mebibyte = Data(Array([[UInt8]](repeating: line, count: 16_384).joined()))
    let huge = try scratch.write("docs/huge.md", "")
    let handle = try FileHandle(forWritingTo: huge)
    for _ in 0..<50 { handle.write(mebibyte) }
    try handle.close()
    try scratch.write("docs/fine.md", SamplePage.text)
    try expect(
      ["lint", scratch.path("docs")], status: 1,
      messages: ["huge.md:1:1: error: the page has 52428800 bytes, more than the limit of 1048576; it is not read [page-too-large]"],
      seconds: 5)
    // Nothing is written when the docs have an error.
    try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out")], status: 1,
      messages: ["[page-too-large]", "nothing written to"])
    #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
  }

  @Test(arguments: [
    ("lists", String(repeating: "- ", count: 10_000) + "x\n"),
    ("quotes", String(repeating: "> ", count: 10_000) + "x\n"),
    ("lists in quotes", String(repeating: "> - ", count: 10_000) + "x\n"),
    ("emphasis", String(repeating: "*a ", count: 10_000) + "b" + String(repeating: " a*", count: 10_000) + "\n"),
    // Images nest (links do not); 900 × 900 opener-closer pairs stay under the cmark limit.
    ("images", String(repeating: "![a ", count: 900) + "b" + String(repeating: "](x)", count: 900) + "\n"),
  ])
  func tenThousandDeepNesting(_ shape: String, _ text: String) throws {
    let scratch = try Scratch()
    try scratch.write("docs/p.md", text)
    try expect(
      ["lint", scratch.path("docs")], status: 0,
      messages: ["p.md:1:", "levels deep are", "[nesting-too-deep]", "1 warning in"])
  }

  @Test func cmarkQuadraticImageCase() throws {
    let scratch = try Scratch()
    try scratch.write("docs/p.md", String(repeating: "![[]()", count: 40_000))
    try expect(
      ["lint", scratch.path("docs")], status: 1,
      messages: [
        "p.md:1:1: error: the paragraph here has 40000 image openers '![' and 40000 links",
        "cmark would take too long, so the page is not read [page-too-complex]",
      ],
      seconds: 3)
  }

  @Test func crlfAndMixedLineEndingsKeepTheirLineNumbers() throws {
    let scratch = try Scratch()
    let crlf = SamplePage.text.replacingOccurrences(of: "\n", with: "\r\n")
    var mixed = ""
    for (index, line) in SamplePage.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      // A lone CR is never followed by an empty line's LF, which would read as one CRLF.
      mixed += line + ["\r\n", "\n", "\r"][index % 3]
    }
    try scratch.write("crlf/p.md", crlf)
    try scratch.write("mixed/p.md", mixed)
    for folder in ["crlf", "mixed"] {
      try expect(
        ["lint", scratch.path(folder)], status: 0,
        messages: [
          "p.md:5:5: warning: link target 'missing.md' not found in the docs folder [broken-link]",
          "1 endpoint, ",
        ])
    }
  }

  @Test func byteOrderMark() throws {
    let scratch = try Scratch()
    try scratch.write("docs/p.md", [0xEF, 0xBB, 0xBF] + Array(SamplePage.text.utf8))
    try expect(
      ["lint", scratch.path("docs")], status: 0,
      messages: ["p.md:5:5: warning: link target 'missing.md'", "1 endpoint, "])
  }

  @Test func macrosFromMkdocsThatBlowThePageUp() throws {
    let scratch = try Scratch()
    try scratch.write("mkdocs.yml", "extra:\n  big: \"\(String(repeating: "x", count: 10_000))\"\n")
    try scratch.write("docs/p.md", String(repeating: "{{ extra.big }} ", count: 200))
    try expect(
      ["lint", scratch.path("docs")], status: 1,
      messages: ["once its macros are expanded, more than the limit of 1048576; it is not read [page-too-large]"])
  }

  // MARK: - The docs folder

  @Test func emptyDocsFolder() throws {
    let scratch = try Scratch()
    try scratch.folder("docs/sub")
    try scratch.write("docs/readme.txt", "not a page")
    try expect(["lint", scratch.path("docs")], status: 1, messages: ["docs: no Markdown pages (*.md) in the docs folder"])
  }

  @Test func missingDocsFolder() throws {
    let scratch = try Scratch()
    try expect(["lint", scratch.path("nowhere")], status: 74, messages: ["error: \(scratch.path("nowhere")): no such folder"])
    try scratch.write("file", "x")
    try expect(["lint", scratch.path("file")], status: 74, messages: ["file: not a folder"])
  }

  @Test(.enabled(if: APIGenCommand.canSwitchUser || getuid() != 0, "needs a user that permissions apply to"))
  func unreadablePage() throws {
    let scratch = try Scratch()
    try scratch.write("docs/ok.md", SamplePage.text)
    let secret = try scratch.write("docs/secret.md", "# Secret\n")
    chmod(scratch.path("docs"), 0o755)
    chmod(secret.path, 0o000)
    try expect(
      ["lint", scratch.path("docs")], status: 74,
      messages: ["secret.md: cannot be read: Permission denied"],
      user: getuid() == 0 ? APIGenCommand.nobody : nil)
  }

  @Test func symbolicLinkLoops() throws {
    let scratch = try Scratch()
    try scratch.write("docs/p.md", SamplePage.text)
    try scratch.write("docs/missing.md", "# Missing no more\n")
    // A folder link back up: not followed, so it cannot trap the walk; reported.
    try scratch.link("docs/sub/up", to: "..")
    try expect(
      ["lint", scratch.path("docs")], status: 0,
      messages: ["sub/up:1:1: warning: 'sub/up' is a symbolic link to a folder", "[folder-link-skipped]"])
    // A page link to itself cannot be read.
    try scratch.link("docs/loop.md", to: "loop.md")
    try expect(
      ["lint", scratch.path("docs")], status: 74,
      messages: ["loop.md: cannot be read: Too many levels of symbolic links"])
  }

  @Test func danglingLinkAndFIFO() throws {
    let scratch = try Scratch()
    try scratch.write("a/p.md", SamplePage.text)
    try scratch.link("a/gone.md", to: "nowhere.md")
    try expect(["lint", scratch.path("a")], status: 74, messages: ["gone.md: cannot be read: No such file or directory"])
    try scratch.write("b/p.md", SamplePage.text)
    #expect(mkfifo(scratch.path("b/pipe.md"), 0o644) == 0)
    try expect(["lint", scratch.path("b")], status: 74, messages: ["pipe.md: is not a regular file"])
  }

  // MARK: - The output folder

  @Test(.enabled(if: APIGenCommand.canSwitchUser || getuid() != 0, "needs a user that permissions apply to"))
  func outputFolderNotWritable() throws {
    let scratch = try Scratch()
    try scratch.write("docs/p.md", SamplePage.text)
    try expect(["generate", scratch.path("docs"), "--output", scratch.path("out")], status: 0, messages: [])
    try scratch.write("docs/p.md", SamplePage.text.replacingOccurrences(of: "Turns a lamp on.", with: "Changed."))
    let before = try scratch.snapshot("out")
    let folders = try FileManager.default.subpathsOfDirectory(atPath: scratch.path("out")).filter {
      (try? FileManager.default.attributesOfItem(atPath: scratch.path("out/\($0)"))[.type] as? FileAttributeType) == .typeDirectory
    }
    for folder in ["out"] + folders.map({ "out/\($0)" }) { chmod(scratch.path(folder), 0o555) }
    try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out")], status: 74,
      messages: ["Permission denied", "the output folder was left as it was"],
      user: getuid() == 0 ? APIGenCommand.nobody : nil)
    #expect(try scratch.snapshot("out") == before)
  }

  @Test func outputPathThatIsAFileOrHoldsAHandWrittenFile() throws {
    let scratch = try Scratch()
    try scratch.write("docs/p.md", SamplePage.text)
    try scratch.write("file", "x")
    try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("file")], status: 74,
      messages: ["file: exists and is not a folder"])
    try scratch.write("out/api.json", "{\"mine\": true}")
    try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out")], status: 74,
      messages: ["api.json: exists and was not generated by apigen; refusing to overwrite it"])
    #expect(try scratch.snapshot("out") == ["api.json": Data("{\"mine\": true}".utf8)])
  }

  // MARK: - Usage, strictness, formats, time

  @Test(arguments: [
    ["lint"],
    ["lint", "a", "--docs", "b"],
    ["lint", "a", "--format", "xml"],
    ["lint", "a", "--no-such-option"],
    ["generate", "a"],
    ["generate", "a", "--output", "b", "--access-modifier", "private"],
    ["generate", "a", "--output", "b", "--swift-files", "0"],
    ["generate", "a", "--output", "b", "--swift-files", "65"],
    ["mock", "a"],
    ["frobnicate"],
  ])
  func usageErrors(_ arguments: [String]) throws {
    try expect(arguments, status: 64, messages: ["Error: "])
  }

  @Test func strictTurnsWarningsIntoFailure() throws {
    let scratch = try Scratch()
    try scratch.write("docs/p.md", SamplePage.text)
    try expect(["lint", scratch.path("docs")], status: 0, messages: ["[broken-link]"])
    try expect(["lint", "--docs", scratch.path("docs"), "--strict"], status: 1, messages: ["[broken-link]"])
    try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out"), "--strict"], status: 1,
      messages: ["nothing written to", "warning", "and --strict is on"])
    #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
  }

  @Test func jsonFormatIsOneObjectOnStandardOutput() throws {
    let scratch = try Scratch()
    try scratch.write("docs/p.md", SamplePage.text)
    let run = try expect(["lint", scratch.path("docs"), "--format", "json"], status: 0, messages: [])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
    let link = try #require(diagnostics.first { $0["kind"] as? String == "broken-link" })
    #expect(link["file"] as? String == "p.md")
    #expect(link["line"] as? Int == 5)
    #expect(link["column"] as? Int == 5)
    #expect(link["severity"] as? String == "warning")
    #expect((object["summary"] as? [String: Any])?["endpoints"] as? Int == 1)
    let failed = try apigen.run(["lint", scratch.path("nowhere"), "--format", "json"])
    #expect(failed.status == 74)
    let failure = try JSONSerialization.jsonObject(with: Data(failed.standardOutput.utf8)) as? [String: Any]
    #expect((failure?["failure"] as? [String: Any])?["status"] as? Int == 74)
  }

  @Test func runOverItsTimeLimitStopsWithAMessage() throws {
    let scratch = try Scratch()
    try scratch.write("docs/p.md", SamplePage.text)
    try expect(
      ["generate", scratch.path("docs"), "--output", scratch.path("out"), "--time-limit", "0.001"], status: 1,
      messages: ["error: apigen did not finish within 0.001 s (--time-limit); nothing was written."])
    #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
  }
}
