import APIModel
import Foundation
import ModelRefiner

/// `apigen-overrides.json`, in the docs folder or beside it (in that order), when there is one.
/// (One that appears later beside the docs folder is not noticed by `--depfile`, as a new
/// `mkdocs.yml` is not; one in the docs folder is, since the folder is listed.)
enum OverrideFile {
  static let name = "apigen-overrides.json"

  static func read(beside folder: DocsFolder) -> (Overrides?, [Diagnostic]) {
    let candidates = [
      (folder.root.appendingPathComponent(name), name),
      (folder.root.deletingLastPathComponent().appendingPathComponent(name), "../" + name),
    ]
    for (url, shown) in candidates {
      guard case .bytes(let bytes)? = try? FileSystem.read(url.path, limit: 1 << 20) else { continue }
      // A build reruns apigen when the file changes (`--depfile`).
      folder.inputs.file(url.path)
      let (overrides, problems) = Overrides.read(String(decoding: bytes, as: UTF8.self), file: shown)
      return (overrides, problems)
    }
    return (nil, [])
  }
}
