import APIModel
import DocsExtractor
import DocsMarkdown
import Foundation
import ModelRefiner
import OpenAPIEmitter
import SwiftEmitter

/// The whole of apigen: docs folder → Markdown trees → model → emitted files → output folder.
public struct Generator: Sendable {
  public struct Options: Sendable {
    public var docs: URL
    /// The base URL of the API: for `{{ extra.api_example_url }}` when no `mkdocs.yml` beside
    /// the docs folder defines it, and the client's default server. Nil: what `mkdocs.yml`
    /// says, else the first server the docs state, else `Generator.fallbackBaseURL`.
    public var baseURL: String?
    public var title: String
    /// How the Swift client is written: its type's name, access level and files.
    public var swift: SwiftEmitter.Options
    /// The Markdown dialect of the pages; nil: detected from the folder (`DialectDetection`).
    public var dialect: MarkdownDialect?
    /// The outputs to produce; the others are neither written nor removed.
    public var emit: Set<OutputKind>

    public init(
      docs: URL, baseURL: String? = nil, title: String = "Navixy API", clientName: String = "NavixyClient",
      dialect: MarkdownDialect? = nil, accessModifier: AccessModifier = .public,
      swiftLayout: FileLayout = .areas, emit: Set<OutputKind> = Set(OutputKind.allCases)
    ) {
      self.docs = docs
      self.baseURL = baseURL
      self.title = title
      swift = .init(clientName: clientName, accessModifier: accessModifier, layout: swiftLayout)
      self.dialect = dialect
      self.emit = emit
    }
  }

  /// The base URL when neither the options, `mkdocs.yml` nor the docs' servers give one.
  public static let fallbackBaseURL = "https://api.navixy.com/v2"

  /// What one run found and produced.
  public struct Result: Sendable {
    public var api: APIDescription
    public var diagnostics: [Diagnostic]
    public var files: [EmittedFile]
    /// The dialect the pages were read as, and why.
    public var dialect: DialectDetection
    /// The files read and the folders listed to produce it (none for pages given in memory).
    public var inputs: DocsInputs

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var hasWarnings: Bool { diagnostics.contains { $0.severity == .warning } }
  }

  /// What reading the docs found (`lint`, `stats`): the model, the diagnostics and the dialect.
  public struct Reading: Sendable {
    public var api: APIDescription
    public var diagnostics: [Diagnostic]
    public var dialect: DialectDetection
    /// The files read and the folders listed (none for pages given in memory).
    public var inputs = DocsInputs()
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
    let reading = try readDocs()
    return (reading.api, reading.diagnostics)
  }

  /// Reads the docs folder: its pages in the dialect asked for or detected, then the model.
  public func readDocs() throws(GeneratorError) -> Reading {
    let folder = DocsFolder(root: options.docs)
    let listing = try folder.list()
    var contents: [(String, FileSystem.Contents)] = []
    for path in listing.pages {
      contents.append((path, try folder.read(path, limit: limits.maximumPageBytes)))
    }
    let detection = DocsDialect.detect(
      in: options.docs, asked: options.dialect,
      pages: contents.compactMap { if case .bytes(let bytes) = $0.1 { bytes } else { nil } })
    let settings = detection.dialect.expandsMacros ? folder.mkdocsSettings() : MkdocsSettings()
    let base = BaseURL(option: options.baseURL, settings: settings)
    let parser = MarkdownParser(
      dialect: detection.dialect, macros: base.macros(settings), limits: limits,
      includes: IncludeFiles.resolver(for: folder, limit: limits.maximumPageBytes))
    // Each page is parsed on its own: spread over the cores, in the listing's order.
    let limits = limits
    let documents = Concurrently.map(contents) { path, content -> (String, MarkdownDocument) in
      switch content {
      case .bytes(let bytes): return (path, parser.parse(bytes: bytes, path: path))
      case .tooLarge(let size):
        // Refused from its size alone, so that a huge file is never loaded whole.
        let refusal =
          limits.sizeViolation(byteCount: size)
          ?? MarkdownIssue(kind: "page-too-large", message: "the page is too large", position: .init(line: 1, column: 1))
        return (path, .refused(refusal))
      }
    }
    let skipped = listing.skippedFolderLinks.map { path in
      Diagnostic.warning(
        "folder-link-skipped",
        "'\(path)' is a symbolic link to a folder, which apigen does not follow; its pages are not read",
        at: SourceLocation(file: path, line: 1, column: 1))
    }
    let (overrides, overrideProblems) = OverrideFile.read(beside: folder)
    let (api, diagnostics) = extract(documents, dialect: detection.dialect, base: base, overrides: overrides)
    return Reading(
      api: api, diagnostics: Self.report(diagnostics + skipped + base.problems(settings) + overrideProblems),
      dialect: detection, inputs: folder.inputs.recorded)
  }

  /// Reads and extracts pages given in memory (tests, the fuzzer); `mkdocs.yml` is not read.
  public func read(pages: [Page]) -> (APIDescription, [Diagnostic]) {
    let reading = readDocs(pages: pages)
    return (reading.api, reading.diagnostics)
  }

  /// Pages given in memory, in the dialect asked for or the one their marks show.
  public func readDocs(pages: [Page]) -> Reading {
    let detection =
      options.dialect.map { DialectDetection(dialect: $0, reason: "--dialect") }
      ?? DialectDetection.detect(
        markers: pages.filter { $0.path == "SUMMARY.md" }.map { ($0.path, "in the docs folder") },
        pages: pages.map(\.bytes))
    let base = BaseURL(option: options.baseURL, settings: MkdocsSettings())
    let parser = MarkdownParser(dialect: detection.dialect, macros: base.macros(MkdocsSettings()), limits: limits)
    let documents = pages.map { ($0.path, parser.parse(bytes: $0.bytes, path: $0.path)) }
    let (api, diagnostics) = extract(documents, dialect: detection.dialect, base: base)
    return Reading(api: api, diagnostics: Self.report(diagnostics), dialect: detection)
  }

  /// The extractor and the refinement over parsed pages. A page that was not read (over a
  /// limit) is an error, and reaches the extractor empty, so that links to it still resolve.
  private func extract(
    _ documents: [(String, MarkdownDocument)], dialect: MarkdownDialect, base: BaseURL, overrides: Overrides? = nil
  ) -> (APIDescription, [Diagnostic])
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
      options: .init(title: options.title, baseURL: base.url ?? Self.fallbackBaseURL, dialect: dialect))
    var (draft, found) = extractor.extract(pages)
    if base.url == nil, !dialect.expandsMacros {
      // Neither the options nor mkdocs.yml say, and no macro gave the examples one: the first
      // server the docs state is the default.
      draft.info.baseURL = draft.info.servers.lazy.compactMap { server -> String? in
        if case .fixed(let url)? = server.template { return url }
        return nil
      }.first ?? Self.fallbackBaseURL
    }
    let (api, judged) = ModelRefiner(overrides: overrides).refine(draft)
    return (api, found + judged + refusals)
  }

  /// Diagnostics as every report shows them: each once, sorted by file, line and column.
  static func report(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    Array(Set(diagnostics)).sorted()
  }

  /// Reads, extracts and emits, in memory.
  public func generate() throws(GeneratorError) -> Result {
    try emit(try readDocs())
  }

  /// Extracts and emits pages given in memory.
  public func generate(pages: [Page]) throws(GeneratorError) -> Result {
    try emit(readDocs(pages: pages))
  }

  /// Reads the docs as `readDocs` does and adds what the Swift client's naming finds, so that
  /// `lint` reports what `generate` does.
  public func lint() throws(GeneratorError) -> Reading {
    var reading = try readDocs()
    reading.diagnostics = Self.report(
      reading.diagnostics + SwiftEmitter(options: options.swift).diagnostics(reading.api))
    return reading
  }

  private func emit(_ reading: Reading) throws(GeneratorError) -> Result {
    let api = reading.api
    // The emitters read the model and nothing else: each runs on a core of its own.
    typealias Emitted = (files: [EmittedFile], diagnostics: [Diagnostic])
    var jobs: [@Sendable () -> Swift.Result<Emitted, any Error>] = []
    if options.emit.contains(.swift) {
      let swift = options.swift
      jobs.append {
        let client = SwiftEmitter(options: swift).generate(api)
        return .success((client.files, client.diagnostics))
      }
    }
    if options.emit.contains(.openapi) {
      jobs.append { Swift.Result { ([try OpenAPIEmitter().emit(api)], []) } }
    }
    if options.emit.contains(.model) {
      jobs.append { Swift.Result { ([EmittedFile(path: ModelJSON.fileName, contents: try ModelJSON.encode(api))], []) } }
    }
    var files: [EmittedFile] = []
    var swiftDiagnostics: [Diagnostic] = []
    for outcome in Concurrently.run(jobs) {
      switch outcome {
      case .success(let emitted):
        files += emitted.files
        swiftDiagnostics += emitted.diagnostics
      case .failure(let error): throw .input("cannot encode the output: \(error)")
      }
    }
    let diagnostics = Self.report(reading.diagnostics + swiftDiagnostics)
    return Result(
      api: api, diagnostics: diagnostics, files: files.sorted { $0.path < $1.path }, dialect: reading.dialect,
      inputs: reading.inputs)
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
