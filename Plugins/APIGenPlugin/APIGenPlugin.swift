import Foundation
import PackagePlugin

/// Generates a target's client from the docs its `apigen.json` names, as part of the build.
///
/// SwiftPM runs a build command only when one of its declared input files changed, and needs
/// its output files named before it runs. apigen names its files after the docs' API areas,
/// which only reading the docs tells, so the plugin asks for the fixed layout instead
/// (`--swift-files`): always exactly `APIGen+Part1.swift` … `APIGen+Part8.swift`, whatever the
/// docs and the options hold. The inputs are `apigen.json` and every file of the docs folder,
/// so that an edit reruns generation. SwiftPM runs the plugin itself again, and so lists the
/// docs anew, when the target's files change: with the docs in the target's folder, an added
/// or removed page reruns it too.
@main
struct APIGenPlugin: BuildToolPlugin {
  /// Enough files for the compiler to spread the client over the cores of most machines; parts
  /// the docs do not fill are files with only an import.
  static let partCount = 8

  func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
    guard let target = target as? SwiftSourceModuleTarget else {
      throw PluginFailure("apigen: target '\(target.name)' is not a Swift target")
    }
    guard let request = try GenerationRequest(targetFolder: target.directoryURL) else {
      throw PluginFailure(
        "apigen: target '\(target.name)' uses the APIGenPlugin but has no"
          + " \(GenerationRequest.fileName) in \(target.directoryURL.path)")
    }
    if !request.docsFolder.path.hasPrefix(target.directoryURL.standardizedFileURL.path + "/") {
      Diagnostics.warning(
        "\(request.configurationFile.path): the docs folder is outside the target's folder;"
          + " SwiftPM reruns the plugin when the target's own files change, so a page added there"
          + " may be missed, and a removed one may fail the build ('missing inputs'), until the"
          + " build is planned anew (`swift package clean`). Keep the docs in the target's folder.")
    }
    let output = context.pluginWorkDirectoryURL.appending(component: "Generated")
    return [
      .buildCommand(
        displayName: "Generating the API client of \(target.name) from \(request.docs)",
        executable: try context.tool(named: "apigen").url,
        arguments: request.arguments(output: output, swiftFiles: Self.partCount),
        inputFiles: request.inputFiles(),
        outputFiles: Self.partFileNames.map { output.appending(components: "Swift", $0) })
    ]
  }

  /// The names apigen gives the parts (`FileLayout.partFileNames` in SwiftEmitter, which the
  /// plugin cannot import). The example consumer (`make example`) builds with this plugin, so a
  /// change on one side only fails it.
  static let partFileNames = (1...partCount).map { "APIGen+Part\($0).swift" }
}
