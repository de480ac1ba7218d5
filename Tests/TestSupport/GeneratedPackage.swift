import APIModel
import Foundation

/// A throwaway Swift package around generated code: the repository's runtime module plus the
/// generated files as a library, built with warnings as errors. Tests use it to prove that what
/// apigen emits compiles (and, with test files added, runs).
public struct GeneratedPackage {
  public let root: URL
  /// The first module (the only one, unless the package was made with several).
  public var moduleName: String { moduleNames[0] }
  public let moduleNames: [String]

  /// Lays the package out in a new temporary folder. `files` are emitted files (paths such as
  /// `Swift/Resources/X.swift`); only the Swift ones are used. `testFiles` become a test target
  /// that imports the module.
  public init(
    files: [EmittedFile], moduleName: String = "GeneratedAPI", testFiles: [String: String] = [:]
  ) throws {
    try self.init(modules: [moduleName: files], testFiles: testFiles)
  }

  /// A package of several generated modules, each of the runtime alone, built in one go; the
  /// test target, named after the first module, depends on all of them.
  public init(modules: [String: [EmittedFile]], testFiles: [String: String] = [:]) throws {
    let manager = FileManager.default
    root = manager.temporaryDirectory.appendingPathComponent("apigen-package-\(UUID().uuidString)")
    moduleNames = modules.keys.sorted()
    let sources = root.appendingPathComponent("Sources")
    try manager.createDirectory(at: sources, withIntermediateDirectories: true)
    try manager.copyItem(
      at: Paths.repository.appendingPathComponent("Sources/APIGenRuntime"),
      to: sources.appendingPathComponent("APIGenRuntime"))
    for (moduleName, files) in modules {
      for file in files where file.path.hasSuffix(".swift") {
        let relative = file.path.hasPrefix("Swift/") ? String(file.path.dropFirst(6)) : file.path
        try Self.write(
          file.contents, to: sources.appendingPathComponent(moduleName).appendingPathComponent(relative))
      }
    }
    let moduleName = moduleNames[0]
    for (name, contents) in testFiles {
      try Self.write(contents, to: root.appendingPathComponent("Tests/\(moduleName)Tests/\(name)"))
    }
    let dependencies = (moduleNames + ["APIGenRuntime"]).map { "\"\($0)\"" }.joined(separator: ", ")
    let testTarget =
      testFiles.isEmpty
      ? ""
      : """
          .testTarget(name: "\(moduleName)Tests", dependencies: [\(dependencies)],
            swiftSettings: strict),
        """
    let targets = moduleNames.map {
      """
          .target(name: "\($0)", dependencies: ["APIGenRuntime"], swiftSettings: strict),
      """
    }.joined(separator: "\n")
    let manifest = """
      // swift-tools-version: 6.2
      import PackageDescription

      let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]
      let package = Package(
        name: "Generated",
        platforms: [.macOS(.v15)],
        targets: [
          .target(name: "APIGenRuntime", swiftSettings: strict),
      \(targets)
      \(testTarget)
        ]
      )

      """
    try Self.write(manifest, to: root.appendingPathComponent("Package.swift"))
  }

  /// The outcome of a `swift` command in the package.
  public struct Run: Sendable {
    public var status: Int32
    public var output: String
    public var seconds: Double
    public var succeeded: Bool { status == 0 }
  }

  /// `swift build` (debug) of the generated module, or of all of them.
  public func build() throws -> Run {
    try swift(moduleNames.count == 1 ? ["build", "--target", moduleName] : ["build"])
  }

  /// `swift format lint --strict` over a module's sources, as `make test` lints `Generated/`.
  public func lint(_ module: String) throws -> Run {
    try swift(["format", "lint", "--strict", "--recursive", "Sources/\(module)"])
  }

  /// `swift test` of the package's test target.
  public func test() throws -> Run {
    try swift(["test"])
  }

  public func swift(_ arguments: [String]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift"] + arguments
    process.currentDirectoryURL = root
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    let start = Date()
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
      seconds: Date().timeIntervalSince(start))
  }

  /// Removes the package folder.
  public func remove() {
    try? FileManager.default.removeItem(at: root)
  }

  private static func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }
}
