import APIModel
import Foundation
import SwiftEmitter
import TestSupport

/// Type-checks code that uses a generated client: the runtime is a module of its own, which the
/// generated files and the app's code import, as an app does; the app's code is checked in the
/// client's module, which for what a change report judges (argument labels and defaults,
/// optionals, types, exhaustive switches over public enums of a module built without library
/// evolution) is the same as importing it, and takes one compiler run instead of two.
struct ClientCompiler: Sendable {
  /// The outcome of compiling one piece of code.
  struct Outcome: Sendable, CustomStringConvertible {
    var errors: [String]
    var warnings: [String]
    var output: String
    var compiles: Bool { errors.isEmpty }
    var description: String { output.isEmpty ? "(no output)" : output }
  }

  /// The folder holding `APIGenRuntime.swiftmodule`, built once per test run.
  let runtime: URL

  /// The runtime module, built once and shared by every case.
  static let shared: Result<ClientCompiler, CompileFailure> = {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("apigen-client-compiler-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let sources = try FileManager.default.contentsOfDirectory(
        at: Paths.repository.appendingPathComponent("Sources/APIGenRuntime"), includingPropertiesForKeys: nil
      ).filter { $0.pathExtension == "swift" }.map(\.path)
      let run = try swiftc(
        ["-emit-module", "-module-name", "APIGenRuntime", "-emit-module-path",
         folder.appendingPathComponent("APIGenRuntime.swiftmodule").path] + sources)
      guard run.status == 0 else { return .failure(CompileFailure(message: run.output)) }
      return .success(ClientCompiler(runtime: folder))
    } catch {
      return .failure(CompileFailure(message: "\(error)"))
    }
  }()

  struct CompileFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  /// Type-checks `code` with the client of `api`.
  func compile(_ code: String, against api: APIDescription) throws -> Outcome {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("apigen-client-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var sources: [String] = []
    for file in SwiftEmitter().emit(api) {
      let url = folder.appendingPathComponent(URL(fileURLWithPath: file.path).lastPathComponent)
      try Data(file.contents.utf8).write(to: url)
      sources.append(url.path)
    }
    let user = folder.appendingPathComponent("App.swift")
    try Data(code.utf8).write(to: user)
    let run = try Self.swiftc(
      ["-typecheck", "-module-name", "GeneratedAPI", "-I", runtime.path] + sources + [user.path])
    let lines = run.output.split(separator: "\n").map(String.init)
    let generatedErrors = lines.filter { $0.contains(": error: ") && !$0.contains("App.swift:") }
    guard generatedErrors.isEmpty else {
      throw CompileFailure(message: "the generated client does not compile:\n\(run.output)")
    }
    return Outcome(
      errors: lines.filter { $0.contains("App.swift:") && $0.contains(": error: ") },
      warnings: lines.filter { $0.contains("App.swift:") && $0.contains(": warning: ") },
      output: run.output)
  }

  private static func swiftc(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swiftc", "-parse-as-library", "-swift-version", "6"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
  }
}
