import APIModel

/// The servers the docs state, as the model reads them (a fixed URL, or a template with the
/// part a self-hosted installation fills in): one whose URL cannot serve as a base URL is
/// reported where the docs state it, and left out, so that no emitter meets it.
struct ServerTemplatePass: RefinementPass {
  let summary = "servers: a server URL that cannot serve as a base URL is reported and left out"

  func run(_ context: inout RefinementContext) {
    for server in context.api.info.servers where server.template == nil {
      let problem = ServerURL(reading: server.url).problem ?? "cannot be read"
      context.diagnostics.append(
        .warning("server-url-invalid", "the server URL '\(server.url)' \(problem); it is left out", at: server.source))
    }
    context.api.info.servers.removeAll { $0.template == nil }
  }
}
