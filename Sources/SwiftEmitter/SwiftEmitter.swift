import APIModel

/// Stage 3a: the model → the Swift client, as source files.
///
/// The client is a value with a property per top-level path segment; each segment below is a
/// small namespace struct, and each endpoint an `async` method on the namespace of its path.
///
/// One file per API area (top-level path segment): its namespaces, their answers and the types
/// only that area uses, as a hand-written SDK would group them. The client and the servers have
/// a file, the error codes one, and types several areas share `Types.swift`. A file per
/// declaration would cost a large API a quarter more build time: the compiler works in a job per
/// batch of about 25 files, and each job reads the whole module's declarations again.
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
      files.append(
        file("Swift/\(area.typeName).swift") { writer in
          for namespace in namespaces {
            writer.blank()
            Self.namespace(namespace, into: &writer)
          }
          for type in types where plan.typeAreas[type.name] == area.path {
            writer.blank()
            type.write(&writer)
          }
        })
    }
    let shared = types.filter { plan.typeAreas[$0.name] == nil }
    if !shared.isEmpty {
      files.append(
        file("Swift/Types.swift") { writer in
          for type in shared {
            writer.blank()
            type.write(&writer)
          }
        })
    }
    if let errorCodes = plan.errorCodes {
      files.append(
        file("Swift/\(errorCodes.name).swift") {
          Declarations.errorCodes(errorCodes, into: &$0)
        })
    }
    return files.sorted { $0.path < $1.path }
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
