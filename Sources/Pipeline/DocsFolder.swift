import Foundation

/// The Markdown pages of a docs folder and the mkdocs settings beside it.
struct DocsFolder {
  struct Page {
    /// Relative to the docs folder, `/`-separated.
    var path: String
    var bytes: [UInt8]
  }

  let root: URL

  /// Every `.md` file below the root, sorted by path, symbolic links to folders not followed
  /// (a link loop cannot trap the walk).
  func pages() throws(GeneratorError) -> [Page] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) else {
      throw .io("\(root.path): no such folder")
    }
    guard isFolder.boolValue else { throw .io("\(root.path): not a folder") }
    var paths: [String] = []
    try collect(root, relative: "", into: &paths)
    guard !paths.isEmpty else { throw .input("\(root.path): no Markdown pages (*.md) in the docs folder") }
    return try paths.sorted().map { (path) throws(GeneratorError) -> Page in
      let url = root.appendingPathComponent(path)
      guard let data = FileManager.default.contents(atPath: url.path) else {
        throw .io("\(url.path): cannot be read")
      }
      return Page(path: path, bytes: Array(data))
    }
  }

  private func collect(_ folder: URL, relative: String, into paths: inout [String]) throws(GeneratorError) {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    } catch {
      throw .io("\(folder.path): cannot list the folder")
    }
    for name in names.sorted() where !name.hasPrefix(".") {
      let url = folder.appendingPathComponent(name)
      let path = relative.isEmpty ? name : relative + "/" + name
      let values = try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
      if values?.isDirectory == true, values?.isSymbolicLink != true {
        try collect(url, relative: path, into: &paths)
      } else if name.hasSuffix(".md") {
        paths.append(path)
      }
    }
  }

  /// Values for `{{ extra.NAME }}` and `{{ config.NAME }}` from `mkdocs.yml` beside the docs
  /// folder, when there is one.
  func mkdocsMacros() -> [String: String] {
    let file = root.deletingLastPathComponent().appendingPathComponent("mkdocs.yml")
    guard let data = FileManager.default.contents(atPath: file.path) else { return [:] }
    return MkdocsSettings.macros(String(decoding: data, as: UTF8.self))
  }
}

/// Just enough YAML for mkdocs.yml: top-level scalars (`config.NAME`) and the scalars of the
/// `extra:` map (`extra.NAME`).
enum MkdocsSettings {
  static func macros(_ text: String) -> [String: String] {
    var macros: [String: String] = [:]
    var section: String?
    for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      let line = String(rawLine)
      if line.trimmingCharacters(in: .whitespaces).hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty {
        continue
      }
      let indented = line.first == " " || line.first == "\t"
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces)
      let value = unquote(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
      if !indented {
        section = value.isEmpty ? key : nil
        if !value.isEmpty { macros["config.\(key)"] = value }
      } else if section == "extra", !value.isEmpty, line.prefix(while: { $0 == " " }).count <= 2 {
        macros["extra.\(key)"] = value
      }
    }
    return macros
  }

  private static func unquote(_ value: String) -> String {
    for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
      return String(value.dropFirst().dropLast())
    }
    return value
  }
}
