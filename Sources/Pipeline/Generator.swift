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
    /// The outputs to produce; the others are neither written nor removed.
    public var emit: Set<OutputKind>

    public init(
      docs: URL, baseURL: String = "https://api.navixy.com/v2", title: String = "Navixy API",
      clientName: String = "NavixyClient", emit: Set<OutputKind> = Set(OutputKind.allCases)
    ) {
      self.docs = docs
      self.baseURL = baseURL
      self.title = title
      self.clientName = clientName
      self.emit = emit
    }
  }

  /// What one run found and produced.
  public struct Result: Sendable {
    public var api: APIDescription
    public var diagnostics: [Diagnostic]
    public var files: [EmittedFile]
    /// What was read to produce it (nothing for pages given in memory).
    public var inputs = DocsInputs()

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var hasWarnings: Bool { diagnostics.contains { $0.severity == .warning } }
  }

  public var options: Options
  /// Bounds on the work per page; see `ParseLimits` and the README's "Limits".
  public var limits = ParseLimits()

  public init(options: Options) {
    self.options = options
  }

  /// One page given in memory: its path relative to the docs folder and its bytes.
  public struct Page: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
      self.path = path
      self.bytes = bytes
    }
  }

  /// Reads and extracts only (what `lint` needs).
  public func read() throws(GeneratorError) -> (APIDescription, [Diagnostic]) {
    let (api, diagnostics, _) = try readFolder()
    return (api, diagnostics)
  }

  /// Reads and extracts, and says which files and folders were read.
  private func readFolder() throws(GeneratorError) -> (APIDescription, [Diagnostic], DocsInputs) {
    let folder = DocsFolder(root: options.docs)
    let listing = try folder.list()
    var macros = folder.mkdocsMacros()
    if macros["extra.api_example_url"] == nil { macros["extra.api_example_url"] = options.baseURL }
    let parser = MarkdownParser(macros: macros, limits: limits)
    var documents: [(String, MarkdownDocument)] = []
    for path in listing.pages {
      switch try folder.read(path, limit: limits.maximumPageBytes) {
      case .bytes(let bytes): documents.append((path, parser.parse(bytes: bytes)))
      case .tooLarge(let size):
        // Refused from its size alone, so that a huge file is never loaded whole.
        let refusal =
          limits.sizeViolation(byteCount: size)
          ?? MarkdownIssue(kind: "page-too-large", message: "the page is too large", position: .init(line: 1, column: 1))
        documents.append((path, .refused(refusal)))
      }
    }
    let skipped = listing.skippedFolderLinks.map { path in
      Diagnostic.warning(
        "folder-link-skipped",
        "'\(path)' is a symbolic link to a folder, which apigen does not follow; its pages are not read",
        at: SourceLocation(file: path, line: 1, column: 1))
    }
    let (api, diagnostics) = extract(documents, macros: macros)
    return (api, Self.report(diagnostics + skipped), folder.inputs.recorded)
  }

  /// Reads and extracts pages given in memory (tests, the fuzzer); `mkdocs.yml` is not read.
  public func read(pages: [Page]) -> (APIDescription, [Diagnostic]) {
    let macros = ["extra.api_example_url": options.baseURL]
    let parser = MarkdownParser(macros: macros, limits: limits)
    let documents = pages.map { ($0.path, parser.parse(bytes: $0.bytes)) }
    let (api, diagnostics) = extract(documents, macros: macros)
    return (api, Self.report(diagnostics))
  }

  /// The extractor over parsed pages. A page that was not read (over a limit) is an error, and
  /// reaches the extractor empty, so that links to it still resolve.
  private func extract(_ documents: [(String, MarkdownDocument)], macros: [String: String])
    -> (APIDescription, [Diagnostic])
  {
    var refusals: [Diagnostic] = []
    let pages = documents.map { path, document in
      guard let refusal = document.refusal else { return SourcePage(path: path, document: document) }
      refusals.append(
        .error(
          refusal.kind, refusal.message,
          at: SourceLocation(file: path, line: refusal.position.line, column: refusal.position.column)))
      return SourcePage(path: path, document: MarkdownDocument(frontMatter: .init(), blocks: [], issues: []))
    }
    let extractor = DocsExtractor(
      options: .init(title: options.title, baseURL: macros["extra.api_example_url"] ?? options.baseURL))
    let (api, diagnostics) = extractor.extract(pages)
    return (api, diagnostics + refusals)
  }

  /// Diagnostics as every report shows them: each once, sorted by file, line and column.
  static func report(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    Array(Set(diagnostics)).sorted()
  }

  /// Reads, extracts and emits, in memory.
  public func generate() throws(GeneratorError) -> Result {
    let (api, diagnostics, inputs) = try readFolder()
    var result = try emit(api, diagnostics: diagnostics)
    result.inputs = inputs
    return result
  }

  /// Extracts and emits pages given in memory.
  public func generate(pages: [Page]) throws(GeneratorError) -> Result {
    let (api, diagnostics) = read(pages: pages)
    return try emit(api, diagnostics: diagnostics)
  }

  private func emit(_ api: APIDescription, diagnostics: [Diagnostic]) throws(GeneratorError) -> Result {
    var files: [EmittedFile] = []
    if options.emit.contains(.swift) {
      files += SwiftEmitter(options: .init(clientName: options.clientName)).emit(api)
    }
    do {
      if options.emit.contains(.openapi) { files.append(try OpenAPIEmitter().emit(api)) }
      if options.emit.contains(.model) {
        files.append(EmittedFile(path: ModelJSON.fileName, contents: try ModelJSON.encode(api)))
      }
    } catch {
      throw .input("cannot encode the output: \(error)")
    }
    return Result(api: api, diagnostics: diagnostics, files: files.sorted { $0.path < $1.path })
  }

  /// Generates and writes into `output`; writes nothing when the docs have errors, or, when
  /// `strict`, warnings. On any failure while writing, `output` is left as it was.
  public func run(output: URL, strict: Bool = false) throws(GeneratorError) -> (Result, WriteSummary) {
    let result = try generate()
    guard !result.hasErrors, !(strict && result.hasWarnings) else { return (result, WriteSummary()) }
    return (result, try write(result, to: output))
  }

  /// Writes a result's files into `output` as one transaction (see `OutputWriter`).
  public func write(_ result: Result, to output: URL) throws(GeneratorError) -> WriteSummary {
    let report = try writer(output).write(result.files)
    return WriteSummary(written: report.written, unchanged: report.unchanged, removed: report.removed)
  }

  /// What writing a result into `output` would change, without changing anything
  /// (`generate --check`).
  public func check(_ result: Result, against output: URL) throws(GeneratorError) -> OutputDifference {
    try writer(output).difference(result.files)
  }

  /// A writer that removes stale files only of the kinds being emitted.
  private func writer(_ output: URL) -> OutputWriter {
    let kept = Set(OutputKind.allCases).subtracting(options.emit)
    return OutputWriter(root: output, keeps: { path in kept.contains { $0.owns(path) } })
  }
}

/// The files that differ between what a run would write and an output folder, relative paths.
public struct OutputDifference: Sendable, Equatable, Encodable {
  /// Files whose bytes would change.
  public var changed: [String] = []
  /// Files that would be created.
  public var new: [String] = []
  /// Generated files that are no longer produced and would be removed.
  public var stale: [String] = []

  public init(changed: [String] = [], new: [String] = [], stale: [String] = []) {
    self.changed = changed
    self.new = new
    self.stale = stale
  }

  public var isEmpty: Bool { changed.isEmpty && new.isEmpty && stale.isEmpty }
}

/// Which output files a run wrote, left alone and removed (relative paths).
public struct WriteSummary: Sendable, Equatable, Encodable {
  public var written: [String] = []
  public var unchanged: [String] = []
  public var removed: [String] = []

  public init(written: [String] = [], unchanged: [String] = [], removed: [String] = []) {
    self.written = written
    self.unchanged = unchanged
    self.removed = removed
  }
}
