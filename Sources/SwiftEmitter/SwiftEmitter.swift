import APIModel

/// Stage 3a: the model → the Swift client, as source files.
///
/// The client is a value with a property per top-level path segment; each segment below is a
/// small namespace struct, and each endpoint an `async` method on the namespace of its path.
///
/// One file per API area (top-level path segment): its namespaces, their answers and the types
/// only that area uses, as a hand-written SDK would group them; an area of more than about 500
/// lines is cut at namespace and type boundaries into files named after their first namespace
/// (`TrackerCounterAPI.swift`) or `…Types.swift`. The client and the servers have a file, the
/// error codes one, and types several areas share `Types.swift` (cut the same way). Files of
/// about one size keep the compiler's jobs even; a file per declaration would cost more, since
/// each job reads the whole module's declarations again. `FileLayout.parts` writes the same
/// declarations in the same order into a fixed number of files instead.
public struct SwiftEmitter {
  public struct Options: Sendable {
    /// The name of the client type, such as `NavixyClient`.
    public var clientName: String
    /// The access level of every declaration.
    public var accessModifier: AccessModifier
    public var layout: FileLayout

    public init(
      clientName: String = "NavixyClient", accessModifier: AccessModifier = .public,
      layout: FileLayout = .areas
    ) {
      self.clientName = clientName
      self.accessModifier = accessModifier
      self.layout = layout
    }
  }

  public var options: Options

  public init(options: Options = .init()) {
    self.options = options
  }

  /// The client's files, and what writing them had to decide that the docs' authors should
  /// know: the names changed to keep them unique (`swift-name-changed`).
  public struct Output: Sendable {
    /// Ordered by path.
    public var files: [EmittedFile]
    /// Sorted by place.
    public var diagnostics: [Diagnostic]
  }

  /// The files of the client, with paths such as `Swift/NavixyClient.swift`, ordered by path.
  public func emit(_ api: APIDescription) -> [EmittedFile] {
    generate(api).files
  }

  /// The files of the client and the diagnostics of its naming.
  public func generate(_ api: APIDescription) -> Output {
    let plan = Translator.plan(api, clientName: options.clientName)
    return Output(files: files(plan), diagnostics: plan.nameChanges.sorted())
  }

  /// The diagnostics alone, without writing the files (`apigen lint`).
  public func diagnostics(_ api: APIDescription) -> [Diagnostic] {
    Translator.plan(api, clientName: options.clientName).nameChanges.sorted()
  }

  private func files(_ plan: ClientPlan) -> [EmittedFile] {
    let groups = fileGroups(plan)
    let files: [EmittedFile]
    switch options.layout {
    case .areas:
      files = groups.flatMap { group in
        FilePiece.parts(group.pieces, firstName: group.firstName, typesName: group.typesName).map {
          file("Swift/\($0.name).swift", $0.pieces)
        }
      }
    case .parts(let count):
      let names = FileLayout.partFileNames(count: count)
      let parts = FilePiece.split(groups.flatMap(\.pieces), into: names.count)
      files = zip(names, parts).map { name, pieces in file("Swift/\(name)", pieces) }
    }
    return files.sorted { $0.path < $1.path }
  }

  /// The pieces of the client in the order they are written, grouped as the `areas` layout
  /// names its files: the client, each API area, the shared types, the error codes.
  private func fileGroups(_ plan: ClientPlan) -> [FileGroup] {
    let types = typeDeclarations(plan)
    var groups = [FileGroup(name: plan.clientName, pieces: [clientPiece(plan)])]
    // Each area's namespaces (its path and the paths below it) and types, in their order,
    // grouped in one pass rather than by filtering everything for every area.
    let areaPaths = Set(plan.root.accessors.map(\.path))
    var namespacesByArea: [String: [Int]] = [:]
    for (index, namespace) in plan.namespaces.enumerated() {
      let segments = namespace.path.split(separator: "/", omittingEmptySubsequences: false)
      for count in 1...segments.count {
        let prefix = segments.prefix(count).joined(separator: "/")
        if areaPaths.contains(prefix) { namespacesByArea[prefix, default: []].append(index) }
      }
    }
    var typesByArea: [String: [TypeDeclaration]] = [:]
    for type in types {
      if let area = plan.typeAreas[type.name] { typesByArea[area, default: []].append(type) }
    }
    for area in plan.root.accessors {
      var pieces = (namespacesByArea[area.path] ?? []).map { index in
        let namespace = plan.namespaces[index]
        return piece(namespace: namespace.typeName) { Self.namespace(namespace, into: &$0) }
      }
      pieces += (typesByArea[area.path] ?? []).map { piece(write: $0.write) }
      let stem = area.typeName.hasSuffix("API") ? String(area.typeName.dropLast(3)) : area.typeName
      groups.append(FileGroup(name: area.typeName, typesName: stem + "Types", pieces: pieces))
    }
    let shared = types.filter { plan.typeAreas[$0.name] == nil }.map { piece(write: $0.write) }
    groups.append(FileGroup(name: "Types", pieces: shared))
    if let errorCodes = plan.errorCodes {
      groups.append(
        FileGroup(
          name: errorCodes.name,
          pieces: [piece { Declarations.errorCodes(errorCodes, into: &$0) }]))
    }
    return groups
  }

  /// The pieces that the `areas` layout writes into files named after `firstName`.
  private struct FileGroup {
    var firstName: String
    var typesName: String
    var pieces: [FilePiece]

    init(name: String, typesName: String? = nil, pieces: [FilePiece]) {
      firstName = name
      self.typesName = typesName ?? name
      self.pieces = pieces
    }
  }

  private func piece(
    namespace: String? = nil, imports: [String] = [Self.runtime],
    write: (inout SwiftWriter) -> Void
  ) -> FilePiece {
    var writer = SwiftWriter(access: options.accessModifier)
    write(&writer)
    return FilePiece(namespace: namespace, imports: imports, text: writer.text)
  }

  private static let runtime = "APIGenRuntime"

  /// A namespace with its answers, a type, the client or the error codes: what files are made
  /// of, and where a file may be cut.
  private struct FilePiece {
    /// The namespace's type name, when the piece is one.
    var namespace: String?
    /// The modules the piece's code needs.
    var imports: [String]
    var text: String
    var lines: Int { text.utf8.count { $0 == UInt8(ascii: "\n") } }

    /// About as many lines as a file may hold before its area is cut into several. The
    /// compiler gives each of its jobs a run of files by count, not by size (a job per core,
    /// at most 25 files each), so files of about one size keep the jobs even: with the
    /// Navixy corpus's 5,000-line tracker area in one file, one of two jobs did three
    /// quarters of the work. Files of 400 to 600 lines built its client about a quarter faster
    /// than a file per area (24–28 s against 31–33 s, built in turn); 250 and 900 were slower.
    static let linesPerFile = 500

    /// The pieces in order, cut into parts of about equal size when they exceed
    /// `linesPerFile`. A part is named after the first namespace it declares
    /// (`TrackerCounterAPI`), or `typesName` (then `typesName2`…) when it holds only types.
    static func parts(_ pieces: [FilePiece], firstName: String, typesName: String)
      -> [(name: String, pieces: [FilePiece])]
    {
      let lines = pieces.map(\.lines)
      let total = lines.reduce(0, +)
      let count = max(1, (total + linesPerFile - 1) / linesPerFile)
      let target = total / count
      var parts: [[FilePiece]] = [[]]
      var filled = 0
      for (piece, size) in zip(pieces, lines) {
        if filled > 0, filled + size / 2 > target, parts.count < count {
          parts.append([])
          filled = 0
        }
        parts[parts.count - 1].append(piece)
        filled += size
      }
      var typeParts = firstName == typesName ? 1 : 0
      return parts.enumerated().compactMap { index, part in
        guard !part.isEmpty else { return nil }
        if index == 0 { return (firstName, part) }
        if let namespace = part.first?.namespace { return (namespace, part) }
        typeParts += 1
        return (typeParts == 1 ? typesName : typesName + "\(typeParts)", part)
      }
    }

    /// The pieces in order, cut into exactly `count` runs of about equal size: each piece goes
    /// to the run its middle line falls in, so a run may be empty when pieces are few or large.
    static func split(_ pieces: [FilePiece], into count: Int) -> [[FilePiece]] {
      let lines = pieces.map(\.lines)
      let total = max(1, lines.reduce(0, +))
      var runs = [[FilePiece]](repeating: [], count: count)
      var before = 0
      for (piece, size) in zip(pieces, lines) {
        runs[min(count - 1, (before + size / 2) * count / total)].append(piece)
        before += size
      }
      return runs
    }
  }

  /// A named type of the docs, ready to be written.
  private struct TypeDeclaration {
    var name: String
    var write: (inout SwiftWriter) -> Void
  }

  /// The docs' enums, objects and unions, ordered by name.
  private func typeDeclarations(_ plan: ClientPlan) -> [TypeDeclaration] {
    let enums = plan.enums.map { decl in
      TypeDeclaration(name: decl.name) { Declarations.openEnum(decl, into: &$0) }
    }
    let objects = plan.objects.map { decl in
      TypeDeclaration(name: decl.name) { Declarations.object(decl, into: &$0) }
    }
    let unions = plan.unions.map { decl in
      TypeDeclaration(name: decl.name) { Declarations.union(decl, into: &$0) }
    }
    return (enums + objects + unions).sorted { $0.name < $1.name }
  }

  /// A namespace, then the answers of its calls.
  private static func namespace(_ namespace: Namespace, into writer: inout SwiftWriter) {
    Declarations.namespace(namespace, into: &writer)
    for response in namespace.methods.compactMap(\.response) {
      writer.blank()
      Declarations.object(response, into: &writer)
    }
  }

  /// The client, and the answers of calls at the root (a path of one segment).
  private func clientPiece(_ plan: ClientPlan) -> FilePiece {
    piece(imports: [Self.runtime, "Foundation"]) { writer in
      ClientDeclaration(plan: plan).write(into: &writer)
      for response in plan.root.methods.compactMap(\.response) {
        writer.blank()
        Declarations.object(response, into: &writer)
      }
    }
  }

  /// A file of `pieces`, importing what they need (the runtime at least).
  private func file(_ path: String, _ pieces: [FilePiece]) -> EmittedFile {
    var writer = SwiftWriter(access: options.accessModifier)
    writer.line("// \(GeneratedFileHeader.marker)")
    writer.blank()
    for module in Set(pieces.flatMap(\.imports) + [Self.runtime]).sorted() {
      writer.line("import \(module)")
    }
    for piece in pieces {
      writer.blank()
      writer.append(piece.text)
    }
    return EmittedFile(path: path, contents: writer.text)
  }
}
