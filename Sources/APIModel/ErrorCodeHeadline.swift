extension ErrorCode {
  /// The wording up to its first aside or sentence end, a name of readable length for the
  /// error: `Too many requests (rate limit exceeded)` → `Too many requests`. The Swift client
  /// names the error's case after it, so a change report needs it too.
  public var headline: String { Self.headline(of: description) }

  public static func headline(of description: String) -> String {
    let stops: Set<Character> = ["(", ".", ",", ":", ";", "–", "—"]
    let head = description.prefix { !stops.contains($0) }
    return head.allSatisfy { $0 == " " || $0 == "-" } ? description : String(head)
  }
}
