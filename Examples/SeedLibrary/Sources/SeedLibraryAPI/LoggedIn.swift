import APIGenRuntime
import Foundation

// The client is generated into this module by apigen's build-tool plugin (see apigen.json);
// code written by hand beside it extends it. SwiftPM also needs one source file of the target's
// own: it drops a target without any before plugins run.
extension SeedClient {
  /// A client with a member's session, logged in with their card and PIN.
  package static func loggedIn(baseURL: URL, card: String, pin: String) async throws(APIError)
    -> SeedClient
  {
    var client = SeedClient(baseURL: baseURL)
    client.session = try await client.member.login(card: card, pin: pin)
    return client
  }
}
