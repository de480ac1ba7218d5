import APIModel

/// Stage 3a: the model → the Swift client, as source files.
///
/// The client is a value with a property per top-level path segment; each segment below is a
/// small namespace struct, and each endpoint an `async` method on the namespace of its path.
/// Files are split so that a large API compiles in parallel: the client with the namespaces
/// that have no calls of their own, one file per namespace with calls, one file per named type.
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
    var files = [clientFile(plan)]
    for namespace in plan.namespaces where !namespace.methods.isEmpty {
      files.append(
        file("Swift/Resources/\(namespace.typeName).swift") { writer in
          Declarations.namespace(namespace, into: &writer)
          for response in namespace.methods.compactMap(\.response) {
            writer.blank()
            Declarations.object(response, into: &writer)
          }
        })
    }
    for decl in plan.enums {
      files.append(
        file("Swift/Types/\(decl.name).swift") { Declarations.openEnum(decl, into: &$0) })
    }
    for object in plan.objects {
      files.append(
        file("Swift/Types/\(object.name).swift") { Declarations.object(object, into: &$0) })
    }
    for union in plan.unions {
      files.append(
        file("Swift/Types/\(union.name).swift") { Declarations.union(union, into: &$0) })
    }
    if let errorCodes = plan.errorCodes {
      files.append(
        file("Swift/Types/\(errorCodes.name).swift") {
          Declarations.errorCodes(errorCodes, into: &$0)
        })
    }
    return files.sorted { $0.path < $1.path }
  }

  /// The client, then the namespaces that have no calls of their own.
  private func clientFile(_ plan: ClientPlan) -> EmittedFile {
    file("Swift/\(plan.clientName).swift", imports: ["APIGenRuntime", "Foundation"]) { writer in
      ClientDeclaration(plan: plan).write(into: &writer)
      for namespace in plan.namespaces where namespace.methods.isEmpty {
        writer.blank()
        Declarations.namespace(namespace, into: &writer)
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
