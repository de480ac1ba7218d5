import APIModel
import Foundation
import TestSupport
import Testing

/// Every diagnostic kind the sources emit is documented in the README's "Diagnostics" section
/// (a `` - `kind` (severity) `` entry), and the section documents no kind that is gone.
@Suite struct DiagnosticKindsTests {
  /// Kinds written as literals where diagnostics and Markdown issues are made:
  /// `.warning("kind"`, `.error("kind"`, `kind: "kind"`, across line breaks.
  static func emittedKinds() throws -> Set<String> {
    let sources = Paths.repository.appendingPathComponent("Sources")
    let pattern = try Regex(#"(\.warning\(|\.error\(|\.note\(|warn\(|kind:)\s*"([a-z0-9]+(?:-[a-z0-9]+)+)""#)
    var kinds: Set<String> = []
    let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
    for file in files where file.hasSuffix(".swift") {
      let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      for match in text.matches(of: pattern) {
        if let kind = match.output[2].substring { kinds.insert(String(kind)) }
      }
    }
    return kinds
  }

  static func documentedKinds() throws -> Set<String> {
    let readme = try String(contentsOf: Paths.repository.appendingPathComponent("README.md"), encoding: .utf8)
    guard let start = readme.range(of: "\n## Diagnostics\n") else { return [] }
    let section = readme[start.upperBound...]
    let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
    let pattern = try Regex(#"(?m)^- `([a-z0-9-]+)` \((error|warning|note)"#)
    return Set(section[..<end].matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) })
  }

  @Test func everyKindIsDocumented() throws {
    let emitted = try Self.emittedKinds()
    let documented = try Self.documentedKinds()
    #expect(emitted.count >= 20, "the scan finds the kinds: \(emitted.sorted())")
    for kind in emitted.subtracting(documented).sorted() {
      Issue.record("diagnostic kind '\(kind)' is not documented: add a `- `\(kind)` (severity): …` entry to the README's Diagnostics section")
    }
    for kind in documented.subtracting(emitted).sorted() {
      Issue.record("the README documents diagnostic kind '\(kind)', which no source emits any more")
    }
  }

  @Test func renderingWithNotesAndFixIt() throws {
    let diagnostic = Diagnostic.warning(
      "duplicate-parameter", "parameter 'photo' is listed twice; the first is used",
      at: SourceLocation(file: "a b/p:1.md", line: 36, column: 3),
      notes: [.init("first listed here", at: SourceLocation(file: "a b/p:1.md", line: 35, column: 3))],
      fixIt: "")
    #expect(
      diagnostic.description == """
        a b/p:1.md:36:3: warning: parameter 'photo' is listed twice; the first is used; remove it [duplicate-parameter]
        a b/p:1.md:35:3: note: first listed here [duplicate-parameter]
        """)
    let typo = Diagnostic.warning(
      "unknown-type", "unknown type 'sting'", at: SourceLocation(file: "p.md", line: 1, column: 2), fixIt: "string")
    #expect(typo.description == "p.md:1:2: warning: unknown type 'sting'; did you mean 'string'? [unknown-type]")
    // A message that already names the suggestion does not repeat it.
    let named = Diagnostic.warning(
      "unknown-type", "unknown type 'sting'; did you mean 'string'?", at: nil, fixIt: "string")
    #expect(named.description == "warning: unknown type 'sting'; did you mean 'string'? [unknown-type]")

    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(diagnostic), as: UTF8.self)
    #expect(
      json == #"{"column":3,"file":"a b\/p:1.md","fixIt":"","kind":"duplicate-parameter","line":36,"message":"parameter 'photo' is listed twice; the first is used","notes":[{"column":3,"file":"a b\/p:1.md","line":35,"message":"first listed here"}],"severity":"warning"}"#)
  }

  @Test func sortedByFileLineAndColumnAndDeduplicated() throws {
    let at = { (file: String, line: Int, column: Int) in SourceLocation(file: file, line: line, column: column) }
    let diagnostics: [Diagnostic] = [
      .warning("b", "x", at: at("b.md", 1, 1)),
      .warning("a", "x", at: at("a.md", 10, 1)),
      .error("a", "x", at: at("a.md", 2, 5)),
      .warning("a", "x", at: at("a.md", 2, 1)),
      .warning("a", "x", at: at("a.md", 10, 1)),
      .warning("z", "no place", at: nil),
    ]
    let sorted = Array(Set(diagnostics)).sorted()
    #expect(sorted.map { $0.location.map(\.description) ?? "-" } == ["-", "a.md:2:1", "a.md:2:5", "a.md:10:1", "b.md:1:1"])
  }
}
