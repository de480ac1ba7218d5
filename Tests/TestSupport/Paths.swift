import Foundation

/// Places the tests need: the repository, and the shared documentation corpus beside it.
public enum Paths {
  /// The repository root.
  public static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The Navixy docs corpus of 2021 (`../shared/corpus/navixy-2021/docs`), when present.
  public static var corpusDocs: URL? { corpus("navixy-2021") }

  /// A docs corpus of `../shared/corpus/` (`navixy-2021`, `navixy-2026`), when present.
  public static func corpus(_ name: String) -> URL? {
    let url = repository.deletingLastPathComponent()
      .appendingPathComponent("shared/corpus/\(name)/docs")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  /// The git bundle of the docs' history (`../shared/history/navixy-docs-2020-2021.bundle`),
  /// when present.
  public static var historyBundle: URL? {
    let url = repository.deletingLastPathComponent()
      .appendingPathComponent("shared/history/navixy-docs-2020-2021.bundle")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }
}
