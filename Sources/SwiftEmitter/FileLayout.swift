/// How the client's declarations are spread over files.
public enum FileLayout: Sendable, Equatable {
  /// One file per API area, cut at about 500 lines (see `SwiftEmitter`); the file names follow
  /// the docs, so they change when the docs gain or lose an area.
  case areas
  /// Exactly `count` files, `APIGen+Part1.swift` … `APIGen+Part<count>.swift`, whatever the
  /// docs hold: the declarations in the `areas` order, cut into parts of about equal size
  /// (a part may be empty). For builds that must name their output files before generating,
  /// such as SwiftPM's build-tool plugins; the names depend on nothing but the count, so that
  /// such a build need not read the options to know them.
  case parts(count: Int)

  /// The file names of `parts(count:)`, in order.
  public static func partFileNames(count: Int) -> [String] {
    (1...max(1, count)).map { "APIGen+Part\($0).swift" }
  }

  /// The most parts `parts(count:)` accepts: enough for a compiler job per core on any machine.
  public static let maximumParts = 64
}
