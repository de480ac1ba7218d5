/// The client struct: the entry point of the generated API.
struct ClientDeclaration {
  var plan: ClientPlan

  func write(into writer: inout SwiftWriter) {
    var doc = DocComment()
    doc.paragraph("A client of the \(plan.info.title), generated from its documentation.")
    doc.paragraph(
      """
      Every call is a `POST` to `baseURL` plus the action's path, with a JSON body (file uploads \
      send `multipart/form-data`). The session hash travels in the `Authorization: NVX <hash>` \
      header, never in the URL or the body, and the client prints without it. The actions are \
      grouped in namespaces that mirror their paths: `/user/session` is `user.session`.
      """)
    writer.doc(doc)
    writer.block("\(writer.access) struct \(plan.clientName): Sendable") { writer in
      var clientDoc = DocComment()
      clientDoc.paragraph("The connection every call goes through.")
      writer.doc(clientDoc)
      writer.line("\(writer.access) var client: APIClient")
      writer.blank()
      initializer(into: &writer)
      writer.blank()
      session(into: &writer)
      Declarations.members(of: plan.root, into: &writer)
    }
    if !plan.servers.isEmpty {
      writer.blank()
      servers(into: &writer)
    }
  }

  private func initializer(into writer: inout SwiftWriter) {
    var doc = DocComment()
    doc.paragraph("Creates a client.")
    doc.item("Parameters")
    doc.item("baseURL", "Where the calls go; the docs give `\(plan.info.baseURL)`.", level: 1)
    doc.item("session", "The session hash, or `nil` before logging in.", level: 1)
    doc.item("transport", "What sends the requests; by default `URLSession`.", level: 1)
    writer.doc(doc)
    let parameters: [Layout] = [
      .text("baseURL: URL = URL(documented: \(stringLiteral(plan.info.baseURL)))"),
      .text("session: String? = nil"),
      .text("transport: any HTTPTransport = URLSessionTransport()"),
    ]
    writer.block(.list(head: "\(writer.access) init(", items: parameters, tail: ")")) { writer in
      writer.line("client = APIClient(baseURL: baseURL, session: session, transport: transport)")
    }
  }

  /// The hash is set on the client value, so the namespaces made from it afterwards send it.
  private func session(into writer: inout SwiftWriter) {
    var doc = DocComment()
    doc.paragraph(
      "The session hash the calls send; set it to the hash that logging in answers with.")
    writer.doc(doc)
    writer.block("\(writer.access) var session: String?") { writer in
      writer.line("get { client.session }")
      writer.line("set { client.session = newValue }")
    }
  }

  /// `Server`, whose static members are the servers of the docs, and an initializer that
  /// takes one.
  private func servers(into writer: inout SwiftWriter) {
    writer.block("extension \(plan.clientName)") { writer in
      var doc = DocComment()
      doc.paragraph(
        "A server the docs name: `\(plan.clientName)(server: .\(plan.servers[0].name)\(example(plan.servers[0])))`."
      )
      writer.doc(doc)
      writer.block("\(writer.access) struct Server: Hashable, Sendable") { writer in
        writer.line("\(writer.access) var baseURL: URL")
        // An internal one would be the memberwise initializer the compiler writes anyway, which
        // swift-format's UseSynthesizedInitializer rule rejects.
        if writer.access != .internal {
          writer.blank()
          writer.block("\(writer.access) init(baseURL: URL)") { $0.line("self.baseURL = baseURL") }
        }
        for server in plan.servers {
          writer.blank()
          serverMember(server, into: &writer)
        }
      }
      writer.blank()
      var initDoc = DocComment()
      initDoc.paragraph("Creates a client of a server the docs name.")
      writer.doc(initDoc)
      let parameters: [Layout] = [
        .text("server: Server"), .text("session: String? = nil"),
        .text("transport: any HTTPTransport = URLSessionTransport()"),
      ]
      writer.block(.list(head: "\(writer.access) init(", items: parameters, tail: ")")) { writer in
        writer.line(
          "self.init(baseURL: server.baseURL, session: session, transport: transport)")
      }
    }
  }

  /// `(domain: "example.com")` after a template server's name, nothing after a fixed one.
  private func example(_ server: ServerDecl) -> String {
    if case .template(_, let parameter, _) = server.address {
      return "(\(parameter): \"example.com\")!"
    }
    return ""
  }

  private func serverMember(_ server: ServerDecl, into writer: inout SwiftWriter) {
    var doc = DocComment()
    let description = server.doc.prefix(1).uppercased() + server.doc.dropFirst()
    let lead = description.isEmpty ? "" : description + ": "
    if case .template(let prefix, let parameter, let suffix) = server.address {
      let placeholder = server.url.dropFirst(prefix.count).dropLast(suffix.count)
      doc.paragraph("\(lead)`\(server.url)`, with `\(placeholder)` given as `\(parameter)`.")
    } else {
      doc.paragraph("\(lead)`\(server.url)`.")
    }
    writer.doc(doc)
    switch server.address {
    case .fixed(let url):
      writer.write(
        .breakable(
          head: "\(writer.access) static let \(SwiftNaming.escaped(server.name)) =",
          tail: "Server(baseURL: URL(documented: \(stringLiteral(url))))"))
    case .template(let prefix, let parameter, let suffix):
      let interpolated =
        String(stringLiteral(prefix).dropLast()) + "\\(\(SwiftNaming.escaped(parameter)))"
        + String(stringLiteral(suffix).dropFirst())
      let name = SwiftNaming.escaped(server.name)
      writer.block("\(writer.access) static func \(name)(\(parameter): String) -> Server?") { writer in
        writer.line("URL(string: \(interpolated)).map(Server.init(baseURL:))")
      }
    }
  }
}
