import Foundation
import PackagePlugin

/// Writes a target's client into the target's own folder, `Generated/`, for packages that
/// commit the generated code rather than generate it in every build:
///
///     swift package --allow-writing-to-package-directory apigen-generate --target NAME
///
/// The target's `apigen.json` says what to generate, as for the build-tool plugin; the files
/// are laid out one per API area, as `apigen generate` writes them, since nothing here needs
/// their names in advance. Only files apigen generated are ever replaced or removed.
@main
struct APIGenCommandPlugin: CommandPlugin {
  func performCommand(context: PluginContext, arguments: [String]) async throws {
    var extractor = ArgumentExtractor(arguments)
    let names = extractor.extractOption(named: "target")
    guard extractor.remainingArguments.isEmpty else {
      throw PluginFailure("apigen-generate: unexpected arguments \(extractor.remainingArguments)")
    }
    // Named targets only: a target that uses the build-tool plugin has an apigen.json too, and
    // files written into it would declare the client twice.
    guard !names.isEmpty else {
      throw PluginFailure("apigen-generate: name the target to generate into with --target NAME")
    }
    let apigen = try context.tool(named: "apigen").url
    for target in try context.package.targets(named: names) {
      guard let request = try GenerationRequest(targetFolder: target.directoryURL) else {
        throw PluginFailure(
          "apigen-generate: target '\(target.name)' has no \(GenerationRequest.fileName) in"
            + " \(target.directoryURL.path)")
      }
      let output = target.directoryURL.appending(component: "Generated")
      let process = Process()
      process.executableURL = apigen
      process.arguments = request.arguments(output: output)
      try process.run()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else {
        throw PluginFailure(
          "apigen-generate: apigen failed for target '\(target.name)' (exit status \(process.terminationStatus))")
      }
      print("apigen-generate: \(target.name): \(output.path) is up to date")
    }
  }
}
