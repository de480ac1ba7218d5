import Foundation

extension String {
  /// Whether `other` occurs in the string, as Foundation's `contains` answers, which the readers
  /// ask of every description for every cue. Foundation searches through `NSString`; where the
  /// string is ASCII and `other` printable ASCII, where its comparison of composed characters
  /// cannot differ from their bytes (CR LF, the one cluster of two, is never cut by `other`),
  /// the bytes are searched here instead.
  func contains(_ other: String) -> Bool {
    guard !other.isEmpty, other.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), utf8.allSatisfy({ $0 < 0x80 }) else {
      return range(of: other) != nil
    }
    let needle = Array(other.utf8)
    var found = false
    utf8.withContiguousStorageIfAvailable { haystack in
      guard haystack.count >= needle.count else { return }
      let first = needle[0]
      for start in 0...(haystack.count - needle.count) where haystack[start] == first {
        var matched = true
        for offset in 1..<needle.count where haystack[start + offset] != needle[offset] {
          matched = false
          break
        }
        if matched {
          found = true
          return
        }
      }
    } ?? { found = range(of: other) != nil }()
    return found
  }
}
