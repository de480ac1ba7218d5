import APIModel
import Foundation
import Testing

/// The corpus client read as a Swift developer reads it: no struct that only wraps one answer
/// field, and no doc-comment line that ends on a colon introducing nothing. Counted over the
/// generated source itself, so that the counts hold whatever the emitter's internals are.
@Suite(.enabled(if: Corpus.anyPresent, Corpus.noneMissing))
struct ClientShapeTests {
  /// A call whose answer has one field returns that field; a struct around it is a wrapper.
  @Test(arguments: Corpus.present)
  func noAnswerStructWrapsASingleField(_ corpus: Corpus) throws {
    let answers = ClientSource(try corpus.result().files).answerStructs
    let wrappers = answers.filter { $0.properties.count == 1 }
    print(
      "\(corpus.name): \(answers.count) answer structs, \(wrappers.count) of them a single field")
    #expect(answers.count > 10, "the scan finds the answer structs")
    #expect(
      wrappers.isEmpty,
      "answers that wrap one field: \(wrappers.map { "\($0.name).\($0.properties[0])" })")
  }

  /// A doc-comment line (a paragraph or list item, its wrapped lines joined) that ends on a
  /// colon introduces a list, a code block or a table; one followed by none of them dangles.
  @Test(arguments: Corpus.present)
  func fewDocCommentLinesDangleOnAColon(_ corpus: Corpus) throws {
    let dangling = ClientSource(try corpus.result().files).danglingLeadIns
    print(
      "\(corpus.name): \(dangling.count) doc-comment lines end on a colon that introduces nothing"
        + dangling.map { "\n  \($0)" }.joined())
    #expect(dangling.count <= 5, "\(dangling.count) dangling lead-in lines (at most 5)")
  }

  /// At most a quarter of the 345 free-form JSON declarations the 2021 client had before types
  /// were read from examples, maps and object definitions (80 when this was written); what is
  /// left is printed, each where the docs give no structure.
  @Test(arguments: Corpus.present)
  func fewDeclarationsAreFreeFormJSON(_ corpus: Corpus) throws {
    let untyped = ClientSource(try corpus.result().files).freeFormDeclarations
    print(
      "\(corpus.name): \(untyped.count) declarations are free-form JSON" + untyped.map { "\n  \($0)" }.joined())
    #expect(untyped.count <= 86, "\(untyped.count) free-form JSON declarations (at most 86)")
  }
}

/// The generated Swift files, scanned as text.
struct ClientSource {
  struct AnswerStruct {
    var name: String
    var properties: [String]
  }

  let files: [EmittedFile]

  init(_ files: [EmittedFile]) {
    self.files = files.filter { $0.path.hasSuffix(".swift") }
  }

  /// Answers are the structs that are only `Decodable` (named objects may be sent too).
  var answerStructs: [AnswerStruct] {
    files.flatMap { file in
      file.contents.matches(of: #/\n(?:public |package )?struct (\w+): Sendable, Decodable \{\n(?s:(.*?))\n\}\n/#)
        .map { match in
          AnswerStruct(
            name: String(match.output.1),
            properties: match.output.2.matches(of: #/(?m)^  (?:public |package )?var (\S+):/#)
              .map { String($0.output.1) })
        }
    }
  }

  /// `file: line` of each declaration (property, `init` or method parameter) whose type is
  /// free-form JSON: `JSONObject`, `JSONValue`, optional, or a list or map of them.
  var freeFormDeclarations: [String] {
    files.flatMap { file in
      file.contents.split(separator: "\n").filter { !$0.drop { $0 == " " }.hasPrefix("//") }.flatMap { line in
        line.matches(of: #/(\w+|`\w+`): (?:\[String: |\[)?(?:JSONObject|JSONValue)\]?\??/#)
          .filter { $0.output.1 != "returning" }
          .map { _ in "\(file.path): \(line.drop { $0 == " " })" }
      }
    }
  }

  /// `file: line` of each dangling lead-in.
  var danglingLeadIns: [String] {
    var found: [String] = []
    for file in files {
      var block: [String] = []
      for line in file.contents.split(separator: "\n", omittingEmptySubsequences: false) + [Substring("")] {
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("///") {
          let text = trimmed.dropFirst(3)
          block.append(String(text.hasPrefix(" ") ? text.dropFirst() : text))
          continue
        }
        found += Self.dangling(in: block).map { "\(file.path): \($0)" }
        block = []
      }
    }
    return found
  }

  /// The lines of one doc comment that end on a colon with no list, fence or table after.
  static func dangling(in block: [String]) -> [String] {
    let logical = paragraphs(block)
    var found: [String] = []
    for (index, line) in logical.enumerated() {
      let text = line.drop { $0 == " " }
      guard text.hasSuffix(":"), !isCallout(text) else { continue }
      let next = logical[(index + 1)...].first { !$0.isEmpty }
      if next.map(startsBlock) != true { found.append(String(text.suffix(100))) }
    }
    return found
  }

  /// The lines as Markdown paragraphs and list items: a wrapped line joined to the one before.
  private static func paragraphs(_ lines: [String]) -> [String] {
    var result: [String] = []
    var inFence = false
    for line in lines {
      let text = line.drop { $0 == " " }
      if text.hasPrefix("```") || text.hasPrefix("~~~") {
        inFence.toggle()
        result.append(line)
      } else if inFence || line.isEmpty || startsBlock(line) || result.last?.isEmpty ?? true
        || result.last.map({ $0.drop { $0 == " " }.hasPrefix("|") }) == true
      {
        result.append(line)
      } else {
        result[result.count - 1] += " " + text
      }
    }
    return result
  }

  private static func startsBlock(_ line: String) -> Bool {
    line.drop { $0 == " " }.contains(#/^([-*+] |\d+[.)] |```|~~~|\|)/#)
  }

  /// `- Parameters:`, `- Throws: …:`, `- Requires:`: callouts whose entries follow.
  private static func isCallout(_ text: Substring) -> Bool {
    text.contains(#/^- (Parameters|Throws|Requires)\b/#)
  }
}

/// The scan itself, on comments of our own: it must find what the corpus test counts.
@Suite struct ClientSourceScanTests {
  @Test func aColonFollowedByNoBlockDangles() {
    #expect(ClientSource.dangling(in: ["Bill status. Can be one of:", "", "Source: a.md:3"]).count == 1)
    #expect(ClientSource.dangling(in: ["A long lead-in that wraps onto the", "next line:"]).count == 1)
  }

  @Test func aColonFollowedByAListACodeBlockOrACalloutsEntriesDoesNot() {
    #expect(ClientSource.dangling(in: ["Kinds:", "", "- `a`: first.", "- `b`: second."]).isEmpty)
    #expect(ClientSource.dangling(in: ["Format:", "```json", "{}", "```"]).isEmpty)
    #expect(ClientSource.dangling(in: ["- Throws: ``APIError``; the codes this call documents:", "  - `7`: No."]).isEmpty)
    // Any list item counts as the block, a sibling too: the scan can only undercount there.
    #expect(ClientSource.dangling(in: ["- Returns: one of:", "- Throws: ``APIError``."]).isEmpty)
  }

  @Test func freeFormDeclarationsAreThePropertiesAndParameters() {
    let source = ClientSource([
      EmittedFile(
        path: "A.swift",
        contents: """
          /// filters: JSONObject, in a comment
          public var filters: JSONObject?
          public init(filters: JSONObject? = nil, list: [JSONValue], names: [String: JSONObject], id: Int) {
          try await call("/a", returning: JSONObject.self)
          """)
    ])
    #expect(source.freeFormDeclarations.count == 4)
  }

  @Test func answerStructsAreTheDecodableOnes() {
    let source = ClientSource([
      EmittedFile(
        path: "Swift/A.swift",
        contents: """
          import APIGenRuntime

          public struct ARead: Sendable, Decodable {
            public var value: Int

            public init(value: Int) {
              self.value = value
            }
          }

          public struct Thing: Sendable, Codable {
            public var id: Int
          }

          """)
    ])
    #expect(source.answerStructs.map(\.name) == ["ARead"])
    #expect(source.answerStructs.first?.properties == ["value"])
  }
}
