import Foundation

/// What a parameter description says about the parameter, in the docs' own wordings:
/// `Optional.`, `Optional, default=10.`, `Push notifications filter, default is `*`.`,
/// `Can be "a", "b" or "c".`
struct DescriptionWording {
  /// The description as Markdown (code spans keep their backticks).
  let text: String
  let conventions: DocsConventions

  init(text: String, conventions: DocsConventions) {
    self.text = text
    self.conventions = conventions
  }

  /// The words that say the value may be `null`, when the description has them.
  var nullCue: String? {
    let lower = text.lowercased()
    return conventions.nullableCues.first { lower.contains($0) }
  }

  /// The words that say a field may be absent, when the description has them (not those of a
  /// null cue: "not null only if" says null, not absent).
  var fieldAbsenceCue: String? {
    absenceCue(among: conventions.fieldAbsenceCues)
  }

  /// The words that say a parameter may be left out, when the description has them.
  var parameterAbsenceCue: String? {
    absenceCue(among: conventions.parameterAbsenceCues)
  }

  private func absenceCue(among cues: [String]) -> String? {
    var lower = text.lowercased()
    for cue in conventions.nullableCues where cue.contains(" only ") {
      lower = lower.replacingOccurrences(of: cue, with: "")
    }
    return cues.first { lower.contains($0) }
  }

  var isOptional: Bool {
    let lower = text.lowercased().trimmed()
    return conventions.optionalPrefixes.contains(where: lower.hasPrefix)
      || conventions.optionalMarkers.contains(where: lower.contains)
  }

  /// The default value: what follows `default is`, `default:`, `default=`, `default value is`,
  /// or a bare `default` when a literal (code, quotes, bold, a number) follows it.
  var defaultValue: String? {
    let lower = text.lowercased()
    for cue in conventions.defaultCues {
      var searchStart = lower.startIndex
      while let range = lower[searchStart...].range(of: cue) {
        searchStart = range.upperBound
        // `default_radius` and `defaults` are names, not the cue.
        if range.lowerBound > lower.startIndex {
          let before = lower[lower.index(before: range.lowerBound)]
          if before.isLetter || before == "_" || before == "`" { continue }
        }
        let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
        let rest = text.dropFirst(offset)
        if cue == conventions.bareDefaultCue {
          // Only `default `x``, `default "x"`, `default **x**` or `default 10`.
          guard rest.first == " ", let value = Self.leadingValue(rest.dropFirst()),
            Self.isLiteral(rest.dropFirst())
          else { continue }
          return value
        }
        if let value = Self.leadingValue(rest.drop { $0 == " " }) { return value }
      }
    }
    return nil
  }

  private static func isLiteral(_ text: Substring) -> Bool {
    guard let first = text.first else { return false }
    return first == "`" || first == "\"" || first == "*" || first.isNumber
  }

  /// Values offered as alternatives: `"a" or "b"`, `` `a`, `b` or `c` ``, `"pdf" | "xls"`.
  /// At least two, each a plain token.
  var alternatives: [String] {
    if let loose = unpairedQuoteList { return loose }
    let values = quotedTokens
    return values.count >= 2 ? values : []
  }

  /// `Can be "xls", xlsx" or "pdf".`: after a cue, a list whose quotes do not pair up (one was
  /// lost in typing) is split at its commas, "or" and "and" instead of read by its quotes.
  private var unpairedQuoteList: [String]? {
    let lower = text.lowercased()
    guard let cue = conventions.looseValueListCues.lazy.compactMap({ lower.range(of: $0) }).first else { return nil }
    let offset = lower.distance(from: lower.startIndex, to: cue.upperBound)
    let clause = text.dropFirst(offset).prefix { $0 != "." && $0 != ";" && $0 != "\n" }
    guard clause.filter({ $0 == "\"" }).count % 2 == 1 else { return nil }
    let parts = conventions.alternativeJoiners.reduce(String(clause)) { $0.replacingOccurrences(of: $1, with: ",") }
      .split(separator: ",").map { $0.trimmed().trimmingCharacters(in: ["\"", "`", ":", " "]) }
      .filter { !$0.isEmpty }
    guard parts.count >= 2, parts.allSatisfy(Self.isToken) else { return nil }
    return parts
  }

  /// Every quoted or code-span token, each once, in the order written.
  var quotedTokens: [String] {
    var values: [String] = []
    var seen: Set<String> = []
    Self.collectQuoted(Substring(text), into: &values, seen: &seen)
    return values
  }

  /// Quoted or code-span tokens, looking inside a code span that is not itself a token
  /// (`` `["odometer", "fuel_consumed"]` ``).
  private static func collectQuoted(_ text: Substring, into values: inout [String], seen: inout Set<String>) {
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "\"" || character == "`" || character == "\u{201C}" {
        let close: Character = character == "\u{201C}" ? "\u{201D}" : character
        let start = text.index(after: index)
        if let end = text[start...].firstIndex(of: close) {
          let value = String(text[start..<end])
          if isToken(value) {
            // A set beside the list keeps long value lists linear.
            if seen.insert(value).inserted { values.append(value) }
          } else if character == "`" {
            collectQuoted(text[start..<end], into: &values, seen: &seen)
          }
          index = text.index(after: end)
          continue
        }
      }
      index = text.index(after: index)
    }
  }

  /// Whether the description offers its alternatives as the allowed values.
  var offersValues: Bool {
    let lower = text.lowercased()
    return conventions.valueCues.contains { lower.contains($0) }
  }

  static func isToken(_ value: String) -> Bool {
    !value.isEmpty && value.count <= 64
      && value.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
  }

  /// The value at the start of `text`: a code span, a quoted string, bold text or a word.
  private static func leadingValue(_ text: Substring) -> String? {
    for (open, close) in [("`", "`"), ("\"", "\""), ("**", "**"), ("'", "'")] where text.hasPrefix(open) {
      let body = text.dropFirst(open.count)
      guard let end = body.range(of: close) else { return nil }
      return String(body[..<end.lowerBound])
    }
    var word = String(text.prefix { !$0.isWhitespace && $0 != "," && $0 != ";" && $0 != ")" })
    while let last = word.last, last == "." { word.removeLast() }
    return word.isEmpty ? nil : word
  }
}
