import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// The system calls under names that members called `read`, `write`, `link`, `rename` and
// `remove` do not hide.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}

func systemLink(_ from: String, _ to: String) -> Int32 { link(from, to) }
func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
func systemRemove(_ path: String) -> Int32 { remove(path) }

/// The few POSIX calls the pipeline makes, with errors that say which file and why
/// (`strerror`), because Foundation's messages name neither reliably on Linux.
enum FileSystem {
  /// A failed call: the path, what was being done and the system's reason.
  struct Failure: Error, CustomStringConvertible {
    var path: String
    var action: String

    /// The errno value, or 0 when `action` says it all.
    var code: Int32

    var reason: String { String(cString: strerror(code)) }
    var description: String { code == 0 ? "\(path): \(action)" : "\(path): \(action): \(reason)" }
  }

  enum Kind: Equatable {
    case file(size: Int)
    case folder
    case symbolicLink
    /// A FIFO, socket or device: reading one could block forever or never end.
    case special
  }

  /// What is at `path`, without following a symbolic link there; nil when nothing is.
  static func kind(at path: String, followingLinks: Bool = false) throws(Failure) -> Kind? {
    var status = stat()
    let result = followingLinks ? stat(path, &status) : lstat(path, &status)
    guard result == 0 else {
      if errno == ENOENT { return nil }
      throw Failure(path: path, action: "cannot be examined", code: errno)
    }
    return kind(of: status)
  }

  private static func kind(of status: stat) -> Kind {
    switch status.st_mode & S_IFMT {
    case S_IFREG: .file(size: Int(status.st_size))
    case S_IFDIR: .folder
    case S_IFLNK: .symbolicLink
    default: .special
    }
  }

  /// The outcome of reading a file with a size limit.
  enum Contents: Equatable {
    case bytes([UInt8])
    /// The file is larger than the limit (its size, or the size reached); it was not read
    /// (or not read to the end).
    case tooLarge(Int)
  }

  /// Reads a regular file of at most `limit` bytes. The file is opened first and examined
  /// through the open descriptor, so that it cannot be swapped for a FIFO or a device
  /// between the check and the read; `O_NONBLOCK` keeps even the open from waiting on a FIFO.
  static func read(_ path: String, limit: Int) throws(Failure) -> Contents {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw Failure(path: path, action: "cannot be read", code: errno) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw Failure(path: path, action: "cannot be read", code: errno)
    }
    guard case .file(let size) = kind(of: status) else {
      throw Failure(path: path, action: "is not a regular file (but a FIFO, socket or device); it is not read", code: 0)
    }
    if size > limit { return .tooLarge(size) }
    // The size is a hint only: the file may grow while it is read, so reading stops one byte
    // past the limit.
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= limit {
      let count = chunk.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw Failure(path: path, action: "cannot be read", code: errno)
      }
      if count == 0 { break }
      bytes += chunk[0..<count]
    }
    return bytes.count > limit ? .tooLarge(bytes.count) : .bytes(bytes)
  }

  /// The first `count` bytes of a regular file (the generated-file marker sits there).
  static func head(_ path: String, count: Int) throws(Failure) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw Failure(path: path, action: "cannot be read", code: errno) }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let read = bytes.withUnsafeMutableBytes {
        readBytes(descriptor, $0.baseAddress! + filled, count - filled)
      }
      if read < 0 {
        if errno == EINTR { continue }
        throw Failure(path: path, action: "cannot be read", code: errno)
      }
      if read == 0 { break }
      filled += read
    }
    return Array(bytes[0..<filled])
  }

  /// The names in a folder, without `.` and `..`, sorted.
  static func names(in path: String) throws(Failure) -> [String] {
    guard let folder = opendir(path) else {
      throw Failure(path: path, action: "cannot list the folder", code: errno)
    }
    defer { closedir(folder) }
    var names: [String] = []
    errno = 0
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    if errno != 0 { throw Failure(path: path, action: "cannot list the folder", code: errno) }
    return names.sorted()
  }
}
