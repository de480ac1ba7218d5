import Foundation
import Testing

/// `--config apigen.json`, the file the SwiftPM plugins hand to apigen: its options apply, and
/// each mistake in it stops the run with status 64 and a message naming the file.
extension BadInputTests {
  @Test func theConfigurationFileSetsTheDocsAndTheOptions() throws {
    let scratch = try Scratch()
    try scratch.write("target/docs/p.md", SamplePage.text)
    try scratch.write(
      "target/apigen.json",
      #"{"docs": "docs", "clientName": "GardenClient", "accessModifier": "internal", "baseURL": "https://garden.example/v3", "dialect": "gitbook"}"#
    )
    try expect(
      ["generate", "--config", scratch.path("target/apigen.json"), "--output", scratch.path("out"), "--swift-files", "2"],
      status: 0, messages: ["(gitbook: "])
    let files = try scratch.snapshot("out")
    #expect(Set(files.keys) == ["Swift/APIGen+Part1.swift", "Swift/APIGen+Part2.swift", "api.json", "openapi.json"])
    let swift = files.filter { $0.key.hasPrefix("Swift/") }.values
      .map { String(decoding: $0, as: UTF8.self) }.joined()
    #expect(swift.contains("internal struct GardenClient: Sendable"))
    #expect(swift.contains(#"URL(documented: "https://garden.example/v3")"#))
    #expect(!swift.contains("public "))
    // An option the file leaves out may be given on the command line.
    try scratch.write("target/apigen.json", #"{"docs": "docs"}"#)
    try expect(
      ["lint", "--config", scratch.path("target/apigen.json"), "--base-url", "https://x.example"],
      status: 0, messages: [])
  }

  @Test(arguments: [
    (#"{"docs": "docs", "clientname": "X"}"#, "apigen.json: unknown key 'clientname'; the keys are docs,"),
    (#"{"docs": "docs""#, "apigen.json: not a JSON object"),
    (#"["docs"]"#, "apigen.json: not a JSON object"),
    (#"{"clientName": "X"}"#, "apigen.json: missing the key 'docs'"),
    (#"{"docs": 3}"#, "apigen.json: 'docs' must be a string"),
    (#"{"docs": "docs", "accessModifier": "private"}"#, "apigen.json: 'accessModifier' is 'private'; it must be one of public, package, internal"),
    (#"{"docs": "docs", "dialect": "asciidoc"}"#, "apigen.json: 'dialect' is 'asciidoc'; it must be one of auto, "),
    (#"{"docs": "docs", "baseURL": "api.example.org"}"#, "apigen.json: 'baseURL' 'api.example.org'"),
  ])
  func aBadConfigurationFileIsAUsageError(contents: String, message: String) throws {
    let scratch = try Scratch()
    try scratch.write("target/docs/p.md", SamplePage.text)
    try scratch.write("target/apigen.json", contents)
    try expect(
      ["generate", "--config", scratch.path("target/apigen.json"), "--output", scratch.path("out")],
      status: 64, messages: [message])
    #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
  }

  @Test func anOptionGivenInTheFileAndOnTheCommandLineIsAUsageError() throws {
    let scratch = try Scratch()
    try scratch.write("target/docs/p.md", SamplePage.text)
    try scratch.write(
      "target/apigen.json",
      #"{"docs": "docs", "clientName": "A", "accessModifier": "package", "baseURL": "https://a.example", "dialect": "mkdocs"}"#)
    let config = scratch.path("target/apigen.json")
    let options = [
      ("--client-name", "B"), ("--access-modifier", "public"), ("--base-url", "https://b.example"),
      ("--dialect", "auto"),
    ]
    for (option, value) in options {
      try expect(
        ["generate", "--config", config, "--output", scratch.path("out"), option, value], status: 64,
        messages: ["\(option) is set in \(config) too"])
    }
    try expect(
      ["generate", scratch.path("target/docs"), "--config", config, "--output", scratch.path("out")],
      status: 64, messages: ["Give the docs folder in \(config) or on the command line, not both."])
    try expect(
      ["lint", "--config", scratch.path("nowhere/apigen.json")], status: 64, messages: ["apigen.json: cannot be read"])
  }
}
