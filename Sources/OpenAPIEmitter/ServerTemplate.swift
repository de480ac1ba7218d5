import APIModel
import Foundation
import OpenAPIKit

/// A server of the model as an OpenAPI server object: a fixed URL, or a URL template with one
/// variable whose default is the placeholder as the docs write it.
struct ServerTemplate {
  let server: OpenAPI.Server

  /// Nil for a server the model left without a template (one whose URL the refinement could
  /// not read, and reported).
  init?(_ server: APIDescription.Server) {
    let description = server.description.isEmpty ? nil : server.description
    switch server.template {
    case nil:
      return nil
    case .fixed(let url)?:
      guard let url = URL(string: url) else { return nil }
      self.server = OpenAPI.Server(url: url, description: description)
    case .template(_, let variable, let placeholder, _)?:
      guard let template = server.template.map(\.openAPITemplate), let urlTemplate = URLTemplate(rawValue: template)
      else { return nil }
      self.server = OpenAPI.Server(
        urlTemplate: urlTemplate, description: description, variables: [variable: .init(default: placeholder)])
    }
  }
}
