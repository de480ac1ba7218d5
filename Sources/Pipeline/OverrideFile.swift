import APIModel
import Foundation
import ModelRefiner

/// `apigen-overrides.json`, in the docs folder or beside it (in that order), when there is one.
enum OverrideFile {
  static let name = "apigen-overrides.json"

  static func read(beside folder: DocsFolder) -> (Overrides?, [Diagnostic]) {
    let candidates = [
      (folder.root.appendingPathComponent(name), name),
      (folder.root.deletingLastPathComponent().appendingPathComponent(name), "../" + name),
    ]
    for (url, shown) in candidates {
      guard case .bytes(let bytes)? = try? FileSystem.read(url.path, limit: 1 << 20) else { continue }
      let (overrides, problems) = Overrides.read(String(decoding: bytes, as: UTF8.self), file: shown)
      return (overrides, problems)
    }
    return (nil, [])
  }
}
