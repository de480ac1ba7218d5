/// The client struct: the entry point of the generated API.
struct ClientDeclaration {
  var plan: ClientPlan

  func write(into writer: inout SwiftWriter) {
    var doc = DocComment()
    doc.paragraph("A client of the \(plan.info.title), generated from its documentation.")
    doc.paragraph(
      """
      Every call is a JSON `POST` to `baseURL` plus the action's path. The session hash travels \
      in the `Authorization: NVX <hash>` header, never in the URL or the body. The actions are \
      grouped in namespaces that mirror their paths: `/user/session` is `user.session`.
      """)
    writer.doc(doc)
    writer.block("public struct \(plan.clientName): Sendable") { writer in
      var clientDoc = DocComment()
      clientDoc.paragraph(
        "The connection every call goes through; set its `session` after logging in.")
      writer.doc(clientDoc)
      writer.line("public var client: APIClient")
      writer.blank()
      initializer(into: &writer)
      Declarations.members(of: plan.root, into: &writer)
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
    writer.block(.list(head: "public init(", items: parameters, tail: ")")) { writer in
      writer.line("client = APIClient(baseURL: baseURL, session: session, transport: transport)")
    }
  }
}
