import Foundation

/// One generation of a target's client: its `apigen.json` and the docs folder that names.
///
/// apigen reads the file itself (`--config`) when the command runs: SwiftPM runs a plugin again
/// only when the target's files, not their contents, change, so options the plugin read and
/// passed on would stay as they were after an edit. The plugin reads only `docs`, to list the
/// command's inputs; apigen checks the rest.
struct GenerationRequest {
  static let fileName = "apigen.json"

  var configurationFile: URL
  /// `docs` as written, for messages.
  var docs: String
  var docsFolder: URL

  /// The request of the target whose folder is `targetFolder`, or nil when it has no
  /// `apigen.json`.
  init?(targetFolder: URL) throws {
    configurationFile = targetFolder.appending(component: Self.fileName)
    guard FileManager.default.fileExists(atPath: configurationFile.path) else { return nil }
    let object = try? JSONSerialization.jsonObject(with: Data(contentsOf: configurationFile))
    guard let docs = (object as? [String: Any])?["docs"] as? String else {
      throw PluginFailure(
        "\(configurationFile.path): not a JSON object with the docs folder as 'docs', such as"
          + " {\"docs\": \"docs\"}")
    }
    self.docs = docs
    docsFolder = targetFolder.appending(path: docs).standardizedFileURL
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: docsFolder.path, isDirectory: &isFolder),
      isFolder.boolValue
    else {
      throw PluginFailure(
        "\(configurationFile.path): the docs folder '\(docs)' (\(docsFolder.path)) does not exist")
    }
  }

  /// `apigen generate`'s arguments; `swiftFiles` asks for the fixed layout of that many files.
  func arguments(output: URL, swiftFiles: Int? = nil) -> [String] {
    ["generate", "--config", configurationFile.path, "--output", output.path]
      + (swiftFiles.map { ["--swift-files", String($0)] } ?? [])
  }

  /// Every file the run reads: the configuration, each file in the docs folder (so that an
  /// edited page reruns it) and the `mkdocs.yml` beside the folder, whose values fill
  /// `{{ macros }}`.
  func inputFiles() -> [URL] {
    var pages: [URL] = []
    let enumerator = FileManager.default.enumerator(
      at: docsFolder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    while let url = enumerator?.nextObject() as? URL {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        pages.append(url)
      }
    }
    var files = [configurationFile] + pages.sorted { $0.path < $1.path }
    let mkdocs = docsFolder.deletingLastPathComponent().appending(component: "mkdocs.yml")
    if FileManager.default.fileExists(atPath: mkdocs.path) { files.append(mkdocs) }
    return files
  }
}

/// A failure the plugin reports as it is, naming the file at fault.
struct PluginFailure: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}
