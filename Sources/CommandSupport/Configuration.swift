import ArgumentParser
import Foundation
import SwiftEmitter

/// An `apigen.json`: where the docs are and how to generate from them, in a file a build can
/// point apigen at (`--config`), as the SwiftPM plugins do. apigen reads it when it runs, so
/// that an edit takes effect in the next build whatever the build system cached.
///
/// ```json
/// {"docs": "docs", "clientName": "GardenClient", "accessModifier": "package",
///  "baseURL": "https://api.example.com/v1"}
/// ```
///
/// Only `docs` is required; it is relative to the file's folder. A key left out leaves the
/// option's default. An unknown key is an error, so that a misspelt one is not ignored.
package struct Configuration: Equatable {
  package static let fileName = "apigen.json"

  /// The docs folder, resolved against the file's folder.
  package var docs: URL
  package var clientName: String?
  package var accessModifier: AccessModifier?
  package var baseURL: String?
  package var dialect: DialectOption?

  /// The keys, each a string.
  private enum Key: String, CaseIterable {
    case docs, clientName, accessModifier, baseURL, dialect
  }

  /// Reads `file`; a failure names the file and what is wrong with it.
  package static func read(_ file: URL) throws(ValidationError) -> Configuration {
    let data: Data
    do {
      data = try Data(contentsOf: file)
    } catch {
      throw ValidationError("\(file.path): cannot be read (\(error.localizedDescription)).")
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw ValidationError(
        "\(file.path): not a JSON object; write, for instance, {\"docs\": \"docs\"}.")
    }
    var values: [Key: String] = [:]
    for (name, value) in object.sorted(by: { $0.key < $1.key }) {
      guard let key = Key(rawValue: name) else {
        let keys = Key.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("\(file.path): unknown key '\(name)'; the keys are \(keys).")
      }
      guard let text = value as? String else {
        throw ValidationError("\(file.path): '\(name)' must be a string.")
      }
      values[key] = text
    }
    guard let docs = values[.docs] else {
      throw ValidationError("\(file.path): missing the key 'docs', the docs folder.")
    }
    var configuration = Configuration(
      docs: file.deletingLastPathComponent().appending(path: docs).standardizedFileURL,
      clientName: values[.clientName], baseURL: values[.baseURL])
    if let modifier = values[.accessModifier] {
      guard let access = AccessModifier(rawValue: modifier) else {
        let allowed = AccessModifier.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError(
          "\(file.path): 'accessModifier' is '\(modifier)'; it must be one of \(allowed).")
      }
      configuration.accessModifier = access
    }
    if let url = configuration.baseURL, let problem = DocsOptions.problem(ofBaseURL: url) {
      throw ValidationError("\(file.path): 'baseURL' '\(url)' \(problem).")
    }
    if let name = values[.dialect] {
      guard let dialect = DialectOption(argument: name) else {
        let allowed = DialectOption.allCases.map(\.defaultValueDescription).joined(separator: ", ")
        throw ValidationError("\(file.path): 'dialect' is '\(name)'; it must be one of \(allowed).")
      }
      configuration.dialect = dialect
    }
    return configuration
  }
}
