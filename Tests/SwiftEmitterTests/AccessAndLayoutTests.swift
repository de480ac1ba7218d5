import APIModel
import Foundation
import SwiftEmitter
import TestSupport
import Testing

/// `--access-modifier`: every declaration the default writes `public` is written with the chosen
/// modifier instead, and nothing else changes.
@Suite struct AccessModifierTests {
  @Test(arguments: AccessModifier.allCases)
  func everyDeclarationUsesTheModifier(_ modifier: AccessModifier) throws {
    let publicCode = Self.code(SwiftEmitter().emit(ProductFixture.api))
    let code = Self.code(
      SwiftEmitter(options: .init(accessModifier: modifier)).emit(ProductFixture.api))
    // `public` appears only as a declaration's first word, so swapping those is the whole change.
    let publicWords = publicCode.count { Self.words($0).contains("public") }
    let publicDeclarations = publicCode.count { Self.words($0).first == "public" }
    #expect(publicWords == publicDeclarations)
    #expect(publicDeclarations > 50)
    let expected = publicCode.map { line in
      line.hasPrefix("public ") ? "\(modifier) " + line.dropFirst("public ".count) : line
    }
    var expectedCode = Self.normalized(expected)
    if modifier == .internal {
      // The one initializer the compiler would synthesize as it is (see ClientDeclaration).
      let memberwise = "internal init(baseURL: URL) { self.baseURL = baseURL } "
      #expect(expectedCode.contains(memberwise))
      expectedCode = expectedCode.replacingOccurrences(of: memberwise, with: "")
    }
    #expect(Self.normalized(code) == expectedCode)
    for other in AccessModifier.allCases where other != modifier {
      let stray = code.filter { Self.words($0).contains(other.rawValue) }
      #expect(stray.isEmpty, "\(other) in \(modifier) code: \(stray.prefix(3))")
    }
  }

  /// The code lines of the files, indentation and comments dropped.
  static func code(_ files: [EmittedFile]) -> [String] {
    files.flatMap { $0.contents.split(separator: "\n") }
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.hasPrefix("//") }
  }

  static func words(_ line: String) -> [String] {
    line.split { !$0.isLetter && !$0.isNumber && $0 != "_" }.map(String.init)
  }

  /// The code as one string without line breaks, so that a signature a longer modifier pushes
  /// past the line length, and so breaks over several lines, still compares equal.
  static func normalized(_ lines: [String]) -> String {
    lines.joined(separator: " ").replacingOccurrences(of: "( ", with: "(")
      .replacingOccurrences(of: ", )", with: ")").replacingOccurrences(of: " )", with: ")")
      .replacingOccurrences(of: ",]", with: "]").replacingOccurrences(of: ", ]", with: "]")
      .replacingOccurrences(of: "[ ", with: "[")
  }
}

/// `--swift-files N`: the same declarations in exactly N files with names known in advance.
@Suite struct FileLayoutTests {
  static let areas = SwiftEmitter().emit(ProductFixture.api)

  static func parts(_ count: Int, clientName: String = "NavixyClient") -> [EmittedFile] {
    SwiftEmitter(options: .init(clientName: clientName, layout: .parts(count: count)))
      .emit(ProductFixture.api)
  }

  @Test(arguments: [1, 2, 3, 8, 64])
  func exactlyTheNamedFilesHoldingEveryDeclarationOnce(count: Int) {
    let files = Self.parts(count)
    #expect(
      files.map(\.path).sorted()
        == FileLayout.partFileNames(count: count).map { "Swift/\($0)" }.sorted())
    #expect(Self.declarationLines(files) == Self.declarationLines(Self.areas))
    #expect(Self.parts(count) == files)
  }

  /// A build names the files knowing only the count, whatever the client is called.
  @Test func theNamesDependOnTheCountAlone() {
    #expect(
      FileLayout.partFileNames(count: 3)
        == ["APIGen+Part1.swift", "APIGen+Part2.swift", "APIGen+Part3.swift"])
    #expect(
      Self.parts(2, clientName: "GardenClient").map(\.path)
        == ["Swift/APIGen+Part1.swift", "Swift/APIGen+Part2.swift"])
  }

  /// More parts than pieces: the parts left over still exist, with only the header and import,
  /// and the client's part imports Foundation, which it needs.
  @Test func partsTheDocsDoNotFillAreEmptyFiles() throws {
    let files = Self.parts(64)
    let empty = files.filter { !$0.contents.contains("{") }
    #expect(!empty.isEmpty)
    for file in empty {
      #expect(file.contents == "// \(GeneratedFileHeader.marker)\n\nimport APIGenRuntime\n")
    }
    let client = try #require(files.first { $0.contents.contains("struct NavixyClient:") })
    #expect(client.contents.contains("import Foundation\n"))
  }

  /// Parts of about one size, so that the compiler's jobs get even work.
  @Test func partsAreOfAboutOneSize() {
    let sizes = Self.parts(3).map { $0.contents.count { $0 == "\n" } }
    let total = sizes.reduce(0, +)
    #expect(sizes.allSatisfy { $0 > total / 6 }, "\(sizes)")
  }

  /// Every line but the file headers and imports, sorted: the same multiset in both layouts.
  static func declarationLines(_ files: [EmittedFile]) -> [String] {
    files.flatMap { $0.contents.split(separator: "\n").map(String.init) }
      .filter { !$0.hasPrefix("import ") && !$0.hasPrefix("// \(GeneratedFileHeader.marker)") }
      .sorted()
  }
}

/// Each access modifier and layout, compiled with warnings as errors and linted as `make test`
/// lints `Generated/`, in one temporary package whose tests use the `package` client from
/// another module of the package.
@Suite struct AccessAndLayoutBuildTests {
  @Test(.timeLimit(.minutes(15))) func eachModifierAndLayoutBuildsAndLints() async throws {
    let api = ProductFixture.api
    let package = try GeneratedPackage(
      modules: [
        "PublicAPI": SwiftEmitter(options: .init(accessModifier: .public)).emit(api),
        "PackageAPI": SwiftEmitter(options: .init(accessModifier: .package, layout: .parts(count: 3)))
          .emit(api),
        "InternalAPI": SwiftEmitter(options: .init(accessModifier: .internal, layout: .parts(count: 40)))
          .emit(api),
      ],
      testFiles: ["UseTests.swift": Self.useTests])
    defer { package.remove() }
    let carried = Carried(value: package)
    let run = try await offThread { try carried.value.test() }
    #expect(run.succeeded, "\(run.output.suffix(6000))")
    for module in package.moduleNames {
      let lint = try await offThread { try carried.value.lint(module) }
      #expect(lint.succeeded, "\(module): \(lint.output.suffix(3000))")
    }
  }

  static let useTests = """
    import APIGenRuntime
    import Foundation
    @testable import InternalAPI
    import PackageAPI
    import PublicAPI
    import Testing

    @Test func thePackageClientIsUsableAcrossThePackage() {
      let url = URL(string: "https://example.org/v1")!
      #expect(PackageAPI.NavixyClient(baseURL: url).client.baseURL == url)
      #expect(PublicAPI.NavixyClient(baseURL: url).client.baseURL == url)
    }

    /// The internal `Server` has the compiler's memberwise initializer instead of a written one.
    @Test func theInternalClientHasItsServerInitializer() {
      let url = URL(string: "https://example.org/v1")!
      #expect(InternalAPI.NavixyClient(server: .init(baseURL: url)).client.baseURL == url)
    }

    """
}
