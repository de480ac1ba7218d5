import Foundation
import TestSupport
import Testing

/// The generator and the mock are separate executables, so that building `apigen` (all that
/// `make generate` needs) does not build the mock's server stack.
@Suite struct ProductsTests {
  /// Symbols of the server stack carry these module names (Swift mangles a module's name into
  /// every symbol of it), so a binary that links the stack contains them.
  static let serverModules = ["Hummingbird", "NIOCore", "NIOPosix"]

  @Test func theGeneratorDoesNotLinkTheServerStack() throws {
    let generator = try Data(contentsOf: APIGenCommand().executable)
    for module in Self.serverModules {
      #expect(generator.range(of: Data(module.utf8)) == nil, "apigen links \(module)")
    }
  }

  /// The check above can fail: the mock's binary holds every one of the names.
  @Test func theMockLinksTheServerStack() throws {
    let mock = try Data(contentsOf: try #require(MockProcess.executable))
    for module in Self.serverModules {
      #expect(mock.range(of: Data(module.utf8)) != nil, "apigen-mock does not link \(module)")
    }
  }
}
