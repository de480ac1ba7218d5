import Foundation

/// The Markdown pages of a docs folder and the mkdocs settings beside it.
///
/// Listing and reading are separate steps, as they are in time: a page can vanish or change
/// between the two, and each failure gets its own message.
///
/// Every file read and every folder listed through it is recorded in `inputs`, so that a build
/// can rerun apigen exactly when one of them changes (`--depfile`). Read docs files only
/// through it.
struct DocsFolder {
  let root: URL
  /// What has been read and listed so far.
  let inputs = DocsInputs.Recorder()

  init(root: URL) {
    self.root = root
  }

  /// What listing the folder found.
  struct Listing {
    /// Every `.md` file below the root, relative and `/`-separated, sorted.
    var pages: [String] = []
    /// Symbolic links to folders that were not followed (relative paths).
    var skippedFolderLinks: [String] = []
  }

  /// Lists the pages. Symbolic links to folders are not followed (so a link loop cannot trap
  /// the walk, and the docs cannot reach outside their folder that way); links to files are.
  func list() throws(GeneratorError) -> Listing {
    let kind: FileSystem.Kind?
    do {
      kind = try FileSystem.kind(at: root.path, followingLinks: true)
    } catch {
      throw .io(error.description)
    }
    guard let kind else { throw .io("\(root.path): no such folder") }
    guard kind == .folder else { throw .io("\(root.path): not a folder") }
    var listing = Listing()
    try collect(root.path, relative: "", into: &listing)
    guard !listing.pages.isEmpty else {
      throw .input("\(root.path): no Markdown pages (*.md) in the docs folder")
    }
    listing.pages.sort()
    return listing
  }

  /// A listed page.
  struct Page {
    /// Relative to the docs folder, `/`-separated.
    var path: String
  }

  /// The listed pages (`list().pages`), for callers that need only their paths.
  func pages() throws(GeneratorError) -> [Page] {
    try list().pages.map { Page(path: $0) }
  }

  private func collect(_ folder: String, relative: String, into listing: inout Listing) throws(GeneratorError) {
    let names: [String]
    do {
      names = try FileSystem.names(in: folder)
    } catch {
      throw .io(error.description)
    }
    // A page added to the folder changes the folder's modification time.
    inputs.folder(folder)
    for name in names where !name.hasPrefix(".") {
      let path = folder + "/" + name
      let relativePath = relative.isEmpty ? name : relative + "/" + name
      let kind: FileSystem.Kind?
      do {
        kind = try FileSystem.kind(at: path)
      } catch {
        throw .io(error.description)
      }
      switch kind {
      case .folder?:
        try collect(path, relative: relativePath, into: &listing)
      case .symbolicLink?:
        // Where the link leads decides: a folder is skipped; anything else named `.md` is a
        // page, and reading it reports a broken or looping link.
        if (try? FileSystem.kind(at: path, followingLinks: true)) == .folder {
          listing.skippedFolderLinks.append(relativePath)
        } else if name.hasSuffix(".md") {
          listing.pages.append(relativePath)
        }
      case .file?, .special?:
        if name.hasSuffix(".md") { listing.pages.append(relativePath) }
      case nil:
        // Gone since the folder was listed; it was not a page yet, so nothing is missing.
        continue
      }
    }
  }

  /// Reads one listed page (or a file a page includes), refusing more than `limit` bytes.
  ///
  /// A file looked for in vain (an include that is not there) is not recorded, since a
  /// prerequisite that does not exist would rerun Make every time; its nearest existing folder
  /// is, whose time changes when the file appears.
  func read(_ page: String, limit: Int) throws(GeneratorError) -> FileSystem.Contents {
    let path = root.path + "/" + page
    do {
      let contents = try FileSystem.read(path, limit: limit)
      inputs.file(path)
      return contents
    } catch where error.code == ENOENT && (try? FileSystem.kind(at: path)) == nil {
      recordNearestFolder(of: page)
      throw .io("\(path): vanished while the docs folder was being read")
    } catch {
      throw .io(error.description)
    }
  }

  /// The nearest folder of `page` that exists, up to the root.
  private func recordNearestFolder(of page: String) {
    var components = page.split(separator: "/").dropLast()
    while true {
      let folder = ([root.path] + components.map(String.init)).joined(separator: "/")
      if (try? FileSystem.kind(at: folder)) == .folder {
        inputs.folder(folder)
        return
      }
      guard !components.isEmpty else { return }
      components = components.dropLast()
    }
  }

  /// The settings of `mkdocs.yml` beside the docs folder, when there is one.
  func mkdocsSettings() -> MkdocsSettings {
    let file = root.deletingLastPathComponent().appendingPathComponent("mkdocs.yml")
    guard let data = FileManager.default.contents(atPath: file.path) else { return MkdocsSettings() }
    inputs.file(file.path)
    return MkdocsSettings(String(decoding: data, as: UTF8.self), path: "../mkdocs.yml")
  }
}

/// Just enough YAML for mkdocs.yml: top-level scalars (`config.NAME`) and the scalars of the
/// `extra:` map (`extra.NAME`), each with its line.
struct MkdocsSettings {
  /// The file's path as diagnostics name it (relative to the docs folder).
  var path = "mkdocs.yml"
  private(set) var values: [String: (value: String, line: Int)] = [:]

  init() {}

  init(_ text: String, path: String) {
    self.path = path
    var section: String?
    for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let line = String(rawLine)
      if line.trimmingCharacters(in: .whitespaces).hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty {
        continue
      }
      let indented = line.first == " " || line.first == "\t"
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces)
      let value = Self.unquote(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
      if !indented {
        section = value.isEmpty ? key : nil
        if !value.isEmpty { values["config.\(key)"] = (value, index + 1) }
      } else if section == "extra", !value.isEmpty, line.prefix(while: { $0 == " " }).count <= 2 {
        values["extra.\(key)"] = (value, index + 1)
      }
    }
  }

  /// Values for `{{ extra.NAME }}` and `{{ config.NAME }}`.
  var macros: [String: String] { values.mapValues(\.value) }

  private static func unquote(_ value: String) -> String {
    for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
      return String(value.dropFirst().dropLast())
    }
    return value
  }
}
