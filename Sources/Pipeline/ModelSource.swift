import APIModel
import Foundation

/// Where a model comes from for a comparison: a docs folder, read as `generate` reads it, or
/// an `api.json` that an earlier run wrote (the file itself, or the output folder holding it).
public enum ModelSource {
  /// The model at `path`: the `api.json` file it names, the `api.json` at the top of the folder
  /// it names, or else the docs folder it names. Diagnostics come only from reading docs.
  public static func read(_ path: URL, options: Generator.Options) throws(GeneratorError)
    -> (APIDescription, [Diagnostic])
  {
    let kind: FileSystem.Kind?
    do {
      kind = try FileSystem.kind(at: path.path, followingLinks: true)
    } catch {
      throw .io(error.description)
    }
    switch kind {
    case nil:
      throw .io("\(path.path): no such file or folder")
    case .file?:
      return (try decode(path), [])
    case .folder?:
      let model = path.appendingPathComponent(ModelJSON.fileName)
      if case .file? = try? FileSystem.kind(at: model.path, followingLinks: true) {
        return (try decode(model), [])
      }
      var options = options
      options.docs = path
      return try Generator(options: options).read()
    default:
      throw .io("\(path.path): neither a file nor a folder")
    }
  }

  /// The model an earlier run wrote into an output folder, if there is a readable one. A
  /// hand-written `api.json` (without the generated-file marker) is not one.
  public static func previous(in output: URL) -> Previous {
    let file = output.appendingPathComponent(ModelJSON.fileName)
    guard case .file? = try? FileSystem.kind(at: file.path, followingLinks: false),
      let head = try? FileSystem.head(file.path, count: 512), OutputWriter.isGenerated(Data(head))
    else { return .none }
    do {
      return .model(try decode(file))
    } catch {
      return .unreadable(error.description)
    }
  }

  /// What `previous(in:)` found.
  public enum Previous: Sendable {
    /// No `api.json`: the first run into this folder.
    case none
    case model(APIDescription)
    /// An `api.json` that is not a model this version reads (the message says why).
    case unreadable(String)
  }

  /// Far above the model of a large API (the Navixy corpus's is about 2 MB).
  private static let maximumBytes = 256 << 20

  /// Reads an `api.json`; one that is not a model is bad input.
  private static func decode(_ file: URL) throws(GeneratorError) -> APIDescription {
    let contents: FileSystem.Contents
    do {
      contents = try FileSystem.read(file.path, limit: maximumBytes)
    } catch {
      throw .io(error.description)
    }
    guard case .bytes(let bytes) = contents else {
      throw .input("\(file.path): larger than \(maximumBytes >> 20) MiB, too large for a model")
    }
    do {
      return try ModelJSON.decode(Data(bytes))
    } catch {
      throw .input("\(file.path): not a model apigen wrote (\(Self.reason(error)))")
    }
  }

  private static func reason(_ error: any Error) -> String {
    switch error {
    case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
      DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
    default:
      return "\(error)"
    }
  }
}
