import Foundation

/// A temporary folder for one test, removed when the test ends.
final class Scratch {
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("apigen-robust-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    // Readable by the unprivileged user some cases run apigen as.
    chmod(root.path, 0o755)
  }

  deinit {
    try? FileManager.default.removeItem(at: root)
  }

  func url(_ path: String) -> URL { root.appendingPathComponent(path) }
  func path(_ path: String) -> String { url(path).path }

  /// Writes `bytes` to `path`, creating folders.
  @discardableResult
  func write(_ path: String, _ bytes: [UInt8]) throws -> URL {
    let url = url(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
    return url
  }

  @discardableResult
  func write(_ path: String, _ text: String) throws -> URL {
    try write(path, Array(text.utf8))
  }

  @discardableResult
  func folder(_ path: String) throws -> URL {
    let url = url(path)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func link(_ path: String, to destination: String) throws {
    try FileManager.default.createDirectory(
      at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: self.path(path), withDestinationPath: destination)
  }

  /// Every file below `path` with its bytes (hidden ones included), to compare before and after.
  func snapshot(_ path: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: self.path(path)) else { return [:] }
    while let relative = enumerator.nextObject() as? String {
      let url = url(path).appendingPathComponent(relative)
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
        files[relative] = try Data(contentsOf: url)
      }
    }
    return files
  }
}

/// A small API page: one endpoint with a parameter table and a link on a known line.
enum SamplePage {
  static let text = """
    # Lamp

    API path: `/lamp`.

    See [the types](missing.md).

    ### switch

    Turns a lamp on.

    #### parameters

    | name | description | type |
    | --- | --- | --- |
    | lamp_id | The lamp. | int |

    #### response

    ```json
    { "success": true }
    ```

    """
}
