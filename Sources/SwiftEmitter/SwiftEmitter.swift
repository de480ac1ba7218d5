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
/// each job reads the whole module's declarations again.
public struct SwiftEmitter {
  public struct Options: Sendable {
    /// The name of the client type, such as `NavixyClient`.
    public var clientName: String

    public init(clientName: String = "NavixyClient") {
      self.clientName = clientName
    }
  }

  public var options: Options

  public init(options: Options = .init()) {
    self.options = options
  }

  /// The files of the client, with paths such as `Swift/NavixyClient.swift`, ordered by path.
  public func emit(_ api: APIDescription) -> [EmittedFile] {
    let plan = Translator.plan(api, clientName: options.clientName)
    let types = typeDeclarations(plan)
    var files = [clientFile(plan)]
    for area in plan.root.accessors {
      let namespaces = plan.namespaces.filter {
        $0.path == area.path || $0.path.hasPrefix(area.path + "/")
      }
      var pieces = namespaces.map { namespace in
        FilePiece(namespace: namespace.typeName) { Self.namespace(namespace, into: &$0) }
      }
      pieces += types.filter { plan.typeAreas[$0.name] == area.path }.map { type in
        FilePiece(namespace: nil, write: type.write)
      }
      let stem = area.typeName.hasSuffix("API") ? String(area.typeName.dropLast(3)) : area.typeName
      for part in FilePiece.parts(pieces, firstName: area.typeName, typesName: stem + "Types") {
        files.append(file("Swift/\(part.name).swift") { writer in Self.write(part.pieces, into: &writer) })
      }
    }
    let shared = types.filter { plan.typeAreas[$0.name] == nil }.map { type in
      FilePiece(namespace: nil, write: type.write)
    }
    for part in FilePiece.parts(shared, firstName: "Types", typesName: "Types") {
      files.append(file("Swift/\(part.name).swift") { writer in Self.write(part.pieces, into: &writer) })
    }
    if let errorCodes = plan.errorCodes {
      files.append(
        file("Swift/\(errorCodes.name).swift") {
          Declarations.errorCodes(errorCodes, into: &$0)
        })
    }
    return files.sorted { $0.path < $1.path }
  }

  private static func write(_ pieces: [FilePiece], into writer: inout SwiftWriter) {
    for piece in pieces {
      writer.blank()
      writer.append(piece.text)
    }
  }

  /// A namespace with its answers, or a type: what an area's file is made of, and where a
  /// large area's file may be cut.
  private struct FilePiece {
    /// The namespace's type name, when the piece is one.
    var namespace: String?
    var text: String

    init(namespace: String?, write: (inout SwiftWriter) -> Void) {
      self.namespace = namespace
      var writer = SwiftWriter()
      write(&writer)
      text = writer.text
    }

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
      let lines = pieces.map { $0.text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } }
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
  private func clientFile(_ plan: ClientPlan) -> EmittedFile {
    file("Swift/\(plan.clientName).swift", imports: ["APIGenRuntime", "Foundation"]) { writer in
      ClientDeclaration(plan: plan).write(into: &writer)
      for response in plan.root.methods.compactMap(\.response) {
        writer.blank()
        Declarations.object(response, into: &writer)
      }
    }
  }

  private func file(
    _ path: String, imports: [String] = ["APIGenRuntime"], _ body: (inout SwiftWriter) -> Void
  ) -> EmittedFile {
    var writer = SwiftWriter()
    writer.line("// \(GeneratedFileHeader.marker)")
    writer.blank()
    for module in imports {
      writer.line("import \(module)")
    }
    writer.blank()
    body(&writer)
    return EmittedFile(path: path, contents: writer.text)
  }
}
