import APIModel
import Foundation
import Pipeline
import TestSupport
import Testing

/// The hostile golden case (`Tests/Golden/hostile`): names that are Swift keywords, hold spaces,
/// dots, dashes, leading digits, non-ASCII letters or emoji, or collide after camel-casing, and
/// descriptions full of `*/`, `/*`, `"""`, `\(`, backslashes, `#if` and very long lines. Every
/// description carries a `zzLEAK` canary, which must end up only inside comments and string
/// literals. (GoldenTests compares the files themselves.)
@Suite(.serialized) struct HostileDocsTests {
  static let docs = Paths.repository.appendingPathComponent("Tests/Golden/hostile/docs")

  static func generate() throws -> Generator.Result {
    try Generator(options: .init(docs: docs)).generate()
  }

  @Test func theCasesAreThere() throws {
    let result = try Self.generate()
    let parameters = result.api.endpoints.flatMap(\.parameters).map(\.name)
    for name in ["default", "class", "protocol", "Type", "self", "2nd_try", "größe", "🚀", "user_id", "userId"] {
      #expect(parameters.contains(name), "the fixture lost parameter '\(name)'")
    }
    let text = try String(contentsOf: Self.docs.appendingPathComponent("keywords/protocol.md"), encoding: .utf8)
    for hostile in ["*/", "/*", "\"\"\"", "\\(", "\\\\", "#if", "\u{202E}"] {
      #expect(text.contains(hostile))
    }
    #expect(text.split(separator: "\n").contains { $0.utf8.count > 3_000 }, "a very long line")
  }

  @Test func docTextStaysInCommentsAndStringLiterals() throws {
    let result = try Self.generate()
    var canaries = 0
    for file in result.files where file.path.hasSuffix(".swift") {
      canaries += file.contents.components(separatedBy: "zzLEAK").count - 1
      let code = try SwiftCode.withoutCommentsAndLiterals(file.contents)
      #expect(!code.contains("zzLEAK"), "doc text leaked into code in \(file.path):\n\(code)")
    }
    #expect(canaries > 40, "the canaries reach the generated Swift")
  }

  @Test func theLeakCheckSeesCode() throws {
    let swift = #"""
      /// zzLEAK in a doc comment /* not nested here */
      let a = "zzLEAK \" \(x) still literal" /* zzLEAK /* nested */ zzLEAK */
      let b = #"zzLEAK "# + """
        zzLEAK "" \"""
        """
      let c = zzLEAKcode
      """#
    #expect(try SwiftCode.withoutCommentsAndLiterals(swift).components(separatedBy: "zzLEAK").count == 2)
    #expect(throws: SwiftCode.Unterminated.self) { try SwiftCode.withoutCommentsAndLiterals("let a = \"open\n") }
  }

  @Test func openAPIDocumentIsValid() throws {
    let result = try Self.generate()
    let openapi = try #require(result.files.first { $0.path == "openapi.json" })
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-hostile-\(UUID()).json")
    try Data(openapi.contents.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-m", "openapi_spec_validator", file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "openapi-spec-validator (make test-tools installs it): \(output)")
  }

  /// One package build (10–30 s) for all the hostile cases.
  @Test func generatedSwiftCompilesWithWarningsAsErrors() throws {
    let result = try Self.generate()
    let package = try GeneratedPackage(files: result.files)
    defer { package.remove() }
    let build = try package.build()
    #expect(build.succeeded, "\(build.output)")
  }
}

/// Just enough of Swift's lexical grammar to cut comments and string literals out of code:
/// line and nested block comments, single-line and multi-line strings with escapes and
/// interpolations, and raw strings (`#"…"#`).
enum SwiftCode {
  struct Unterminated: Error, CustomStringConvertible {
    var description: String
  }

  static func withoutCommentsAndLiterals(_ source: String) throws -> String {
    let text = Array(source.unicodeScalars)
    var code = String.UnicodeScalarView()
    var index = 0
    func starts(_ prefix: String, at position: Int) -> Bool {
      let scalars = Array(prefix.unicodeScalars)
      return position + scalars.count <= text.count && Array(text[position..<(position + scalars.count)]) == scalars
    }
    while index < text.count {
      if starts("//", at: index) {
        while index < text.count, text[index] != "\n" { index += 1 }
      } else if starts("/*", at: index) {
        var depth = 0
        repeat {
          if starts("/*", at: index) {
            depth += 1
            index += 2
          } else if starts("*/", at: index) {
            depth -= 1
            index += 2
          } else if index < text.count {
            index += 1
          } else {
            throw Unterminated(description: "block comment")
          }
        } while depth > 0
      } else if text[index] == "#" || text[index] == "\"" {
        var hashes = 0
        while index + hashes < text.count, text[index + hashes] == "#" { hashes += 1 }
        guard index + hashes < text.count, text[index + hashes] == "\"" else {
          code.append(text[index])
          index += 1
          continue
        }
        let multiline = starts("\"\"\"", at: index + hashes)
        let delimiter = (multiline ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
        let escape = "\\" + String(repeating: "#", count: hashes)
        index += hashes + (multiline ? 3 : 1)
        while !starts(delimiter, at: index) {
          guard index < text.count, multiline || text[index] != "\n" else {
            throw Unterminated(description: "string literal")
          }
          index += starts(escape, at: index) ? escape.unicodeScalars.count + 1 : 1
        }
        index += delimiter.unicodeScalars.count
        code.append("\"")
      } else {
        code.append(text[index])
        index += 1
      }
    }
    return String(code)
  }
}
