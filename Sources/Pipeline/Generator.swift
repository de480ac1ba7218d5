import APIModel
import DocsExtractor
import DocsMarkdown
import Foundation
import OpenAPIEmitter
import SwiftEmitter

/// The whole of apigen: docs folder → Markdown trees → model → emitted files → output folder.
public struct Generator: Sendable {
  public struct Options: Sendable {
    public var docs: URL
    /// Used for `{{ extra.api_example_url }}` and the client's default server when the docs
    /// folder has no `mkdocs.yml` beside it that says.
    public var baseURL: String
    public var title: String
    public var clientName: String

    public init(
      docs: URL, baseURL: String = "https://api.navixy.com/v2", title: String = "Navixy API",
      clientName: String = "NavixyClient"
    ) {
      self.docs = docs
      self.baseURL = baseURL
      self.title = title
      self.clientName = clientName
    }
  }

  /// What one run found and produced.
  public struct Result: Sendable {
    public var api: APIDescription
    public var diagnostics: [Diagnostic]
    public var files: [EmittedFile]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  }

  public var options: Options

  public init(options: Options) {
    self.options = options
  }

  /// Reads and extracts only (what `lint` needs).
  public func read() throws(GeneratorError) -> (APIDescription, [Diagnostic]) {
    let folder = DocsFolder(root: options.docs)
    var macros = folder.mkdocsMacros()
    if macros["extra.api_example_url"] == nil { macros["extra.api_example_url"] = options.baseURL }
    let parser = MarkdownParser(macros: macros)
    let pages = try folder.pages().map { page in
      SourcePage(path: page.path, document: parser.parse(bytes: page.bytes))
    }
    let extractor = DocsExtractor(
      options: .init(title: options.title, baseURL: macros["extra.api_example_url"] ?? options.baseURL))
    return extractor.extract(pages)
  }

  /// Reads, extracts and emits, in memory.
  public func generate() throws(GeneratorError) -> Result {
    let (api, diagnostics) = try read()
    var files = SwiftEmitter(options: .init(clientName: options.clientName)).emit(api)
    do {
      files.append(try OpenAPIEmitter().emit(api))
      files.append(EmittedFile(path: ModelJSON.fileName, contents: try ModelJSON.encode(api)))
    } catch {
      throw .input("cannot encode the output: \(error)")
    }
    return Result(api: api, diagnostics: diagnostics, files: files.sorted { $0.path < $1.path })
  }

  /// Generates and writes into `output`; writes nothing when the docs have errors.
  public func run(output: URL) throws(GeneratorError) -> (Result, WriteSummary) {
    let result = try generate()
    guard !result.hasErrors else { return (result, WriteSummary()) }
    let report = try OutputWriter(root: output).write(result.files)
    return (
      result,
      WriteSummary(written: report.written, unchanged: report.unchanged, removed: report.removed)
    )
  }
}

/// Which output files a run wrote, left alone and removed (relative paths).
public struct WriteSummary: Sendable, Equatable {
  public var written: [String] = []
  public var unchanged: [String] = []
  public var removed: [String] = []
}
