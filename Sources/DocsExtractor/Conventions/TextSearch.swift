import Foundation

/// The readers ask of every description whether it holds each cue, and take marks out of it.
/// Foundation answers through `NSString`; where the text is ASCII and what is looked for
/// printable ASCII, its comparison of composed characters cannot differ from the bytes (CR LF,
/// the one cluster of two, is never cut by such a target), so the bytes are searched instead.
extension String {
  /// Whether `other` occurs in the string, as Foundation's `contains` answers.
  func contains(_ other: String) -> Bool {
    guard let target = Self.byteSearchable(other), utf8.allSatisfy({ $0 < 0x80 }) else {
      return range(of: other) != nil
    }
    return Self.firstMatch(of: target, in: Array(utf8), from: 0) != nil
  }

  /// The string with every occurrence of `target` replaced, as Foundation's
  /// `replacingOccurrences(of:with:)` does it: left to right, occurrences not overlapping.
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    guard let needle = Self.byteSearchable(target), utf8.allSatisfy({ $0 < 0x80 }) else {
      return replacingOccurrences(of: target, with: replacement, options: [])
    }
    let bytes = Array(utf8)
    guard var match = Self.firstMatch(of: needle, in: bytes, from: 0) else { return self }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var rest = 0
    while true {
      result += bytes[rest..<match]
      result += replacement.utf8
      rest = match + needle.count
      guard let next = Self.firstMatch(of: needle, in: bytes, from: rest) else { break }
      match = next
    }
    result += bytes[rest...]
    return String(decoding: result, as: UTF8.self)
  }

  /// The bytes of a target that is not empty and all printable ASCII; nil otherwise.
  private static func byteSearchable(_ target: String) -> [UInt8]? {
    let bytes = Array(target.utf8)
    return !bytes.isEmpty && bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) ? bytes : nil
  }

  private static func firstMatch(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard haystack.count - start >= needle.count else { return nil }
    var index = start
    while index <= haystack.count - needle.count {
      if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}
