import Foundation

/// A Make dependency file (`--depfile`): the target depends on every file a run read and every
/// folder it listed, so that Make reruns apigen when a page or `mkdocs.yml` changes, or when a
/// page is added to or removed from a folder (which changes the folder's modification time).
///
/// ```make
/// .build/generate.stamp: \
///   docs \
///   docs/index.md
///
/// docs:
///
/// docs/index.md:
/// ```
///
/// Each prerequisite also gets a rule of its own without a recipe, as `gcc -MP` writes them, so
/// that Make does not stop with "No rule to make target" once a page is deleted: it reruns
/// apigen instead.
public enum Depfile {
  /// The file's text. Paths below `directory` (the current directory) are written relative to
  /// it, others as they are.
  /// A path with a line break cannot be written in a Make rule: such a docs folder is refused.
  public static func text(target: String, inputs: DocsInputs, directory: String) throws(GeneratorError)
    -> String
  {
    // Folders, then files, each sorted: the order things were read in is of no interest.
    let prerequisites = (inputs.folders.sorted() + inputs.files.sorted()).map { relative($0, to: directory) }
    if let path = ([target] + prerequisites).first(where: { $0.contains(where: \.isNewline) }) {
      throw .input("\(path.debugDescription): a path with a line break cannot be written in a depfile")
    }
    var text = escaped(target) + ":"
    for path in prerequisites {
      text += " \\\n  " + escaped(path)
    }
    text += "\n"
    for path in prerequisites {
      text += "\n" + escaped(path) + ":\n"
    }
    return text
  }

  /// Writes the file, replacing it whole (through a temporary file and a rename) and only when
  /// its bytes change.
  public static func write(_ text: String, to path: String) throws(GeneratorError) {
    let data = Data(text.utf8)
    if case .bytes(let bytes)? = try? FileSystem.read(path, limit: data.count + 1), Data(bytes) == data {
      return
    }
    let temporary = path + ".\(getpid()).new"
    do {
      try FileOperations.system.write(data, URL(fileURLWithPath: temporary))
      try FileOperations.system.rename(URL(fileURLWithPath: temporary), URL(fileURLWithPath: path))
    } catch {
      try? FileOperations.system.remove(URL(fileURLWithPath: temporary))
      throw .io(error.description)
    }
  }

  private static func relative(_ path: String, to directory: String) -> String {
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    if path == directory { return "." }
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }

  /// Make's escapes: a space or `#` after a backslash, `$` doubled, and a colon escaped so that
  /// it does not end the target list.
  static func escaped(_ path: String) -> String {
    var result = ""
    for character in path {
      switch character {
      case " ", "#", ":": result += "\\" + String(character)
      case "$": result += "$$"
      default: result.append(character)
      }
    }
    return result
  }
}
