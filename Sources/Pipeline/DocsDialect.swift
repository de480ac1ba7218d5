import DocsMarkdown
import Foundation

/// The dialect of a docs folder: the one asked for, or the one its files and pages show.
enum DocsDialect {
  /// - Parameter pages: the pages' bytes, for the marks they bear.
  static func detect(in folder: URL, asked: MarkdownDialect?, pages: [[UInt8]]) -> DialectDetection {
    if let asked { return DialectDetection(dialect: asked, reason: "--dialect") }
    var markers: [(name: String, place: String)] = []
    let parent = folder.deletingLastPathComponent()
    for (name, _) in DialectDetection.markerFiles {
      if exists(folder.appendingPathComponent(name)) {
        markers.append((name, "in the docs folder"))
      } else if exists(parent.appendingPathComponent(name)) {
        markers.append((name, "beside the docs folder"))
      }
    }
    return DialectDetection.detect(markers: markers, pages: pages)
  }

  private static func exists(_ url: URL) -> Bool {
    (try? FileSystem.kind(at: url.path, followingLinks: true)) != nil
  }
}

/// Reads the files a GitBook `{% include "…" %}` names, from the docs folder only: the path is
/// taken from the including file's folder, else from the docs folder's root (GitBook writes
/// both), and may not lead outside the docs folder.
enum IncludeFiles {
  static func resolver(for folder: DocsFolder, limit: Int) -> IncludeResolver {
    IncludeResolver { written, from in
      if written.contains("://") {
        return .unavailable("it is a URL; apigen includes files of the docs folder only")
      }
      let fromFolder = from.split(separator: "/").dropLast().joined(separator: "/")
      let candidates = [fromFolder, ""].compactMap { resolve(written, in: $0) }
      guard let first = candidates.first else { return .unavailable("it leads outside the docs folder") }
      for path in candidates {
        switch try? folder.read(path, limit: limit) {
        case .bytes(let bytes)?: return .found(bytes: bytes, file: path)
        case .tooLarge(let size)?: return .unavailable("'\(path)' has \(size) bytes, more than a page may")
        case nil: continue
        }
      }
      return .unavailable("there is no file '\(first)' in the docs folder")
    }
  }

  /// `../a/b.md` from `x/y` → `x/a/b.md`; nil when it climbs above the docs folder.
  static func resolve(_ relative: String, in base: String) -> String? {
    var components = relative.hasPrefix("/") ? [] : base.split(separator: "/").map(String.init)
    for component in relative.split(separator: "/") {
      switch component {
      case ".": continue
      case "..":
        guard !components.isEmpty else { return nil }
        components.removeLast()
      default: components.append(String(component))
      }
    }
    return components.isEmpty ? nil : components.joined(separator: "/")
  }
}
