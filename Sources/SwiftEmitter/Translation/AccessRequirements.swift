import APIModel

/// What a call requires of the user: sub-user rights and tariff features, each an entry of its
/// own rather than run together ("employee_update required tariff feature: app_fleet").
///
/// The model keeps the rights line (`requiredRights`), into which a tariff-feature line right
/// after it runs; a tariff line written first stays in the description with the rights line
/// after it. Both forms are taken apart here, and the description keeps the rest.
struct AccessRequirements {
  /// Markdown, identifiers in code voice: `` `tracker_configure`, `tracker_set_output` ``.
  var rights: String?
  var tariffFeatures: String?
  /// The endpoint's summary and description without the requirement lines.
  var summary: String
  var description: String

  var isEmpty: Bool { rights == nil && tariffFeatures == nil }

  init(_ endpoint: Endpoint) {
    var rights: String?
    var tariff: String?
    if let line = endpoint.requiredRights {
      let parts = Self.labelled(line)
      rights = parts.first { $0.label == .rights }?.text ?? parts.first?.text
      tariff = parts.first { $0.label == .tariff }?.text
    }
    let texts = [endpoint.summary, endpoint.description].map { text in
      var kept: [String] = []
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let parts = Self.labelled(String(line))
        guard parts.contains(where: { $0.label != nil }) else {
          kept.append(String(line))
          continue
        }
        for part in parts {
          switch part.label {
          case .rights: rights = rights ?? part.text
          case .tariff: tariff = tariff ?? part.text
          case nil: if !part.text.isEmpty { kept.append(part.text) }
          }
        }
      }
      return kept.joined(separator: "\n")
    }
    summary = texts[0]
    description = texts[1]
    self.rights = rights.map(Self.codeVoiced).flatMap(Self.nonEmpty)
    tariffFeatures = tariff.map(Self.codeVoiced).flatMap(Self.nonEmpty)
  }

  private enum Label {
    case rights, tariff
  }

  /// `**required sub-user rights:**`, `*required tariff feature:*`, `required tariff features`
  /// (without markup, as the rights line holds it), the colon inside or outside the emphasis.
  private static var marker: Regex<(Substring, what: Substring)> {
    #/\*{0,2}[Rr]equired +(?<what>sub-user +rights|tariff +features?) *\*{0,2} *:? *\*{0,2} */#
  }

  /// The line cut at each marker: the text before the first (unlabelled), then each marker's
  /// text.
  private static func labelled(_ line: String) -> [(label: Label?, text: String)] {
    // Every marker holds `equired`: a line without it (nearly all) needs no regex, which is
    // slow, run over every line of every description.
    guard mayHoldMarker(line) else {
      let text = trimmed(line[...])
      return text.isEmpty ? [] : [(nil, text)]
    }
    var parts: [(label: Label?, text: String)] = []
    var label: Label?
    var start = line.startIndex
    for match in line.matches(of: marker) {
      parts.append((label, trimmed(line[start..<match.range.lowerBound])))
      label = match.output.what.hasPrefix("tariff") ? .tariff : .rights
      start = match.range.upperBound
    }
    parts.append((label, trimmed(line[start...])))
    return parts.filter { $0.label != nil || !$0.text.isEmpty }
  }

  private static func mayHoldMarker(_ line: String) -> Bool {
    let word = Array("equired".utf8)
    let bytes = Array(line.utf8)
    guard bytes.count >= word.count else { return false }
    return (0...(bytes.count - word.count)).contains { bytes[$0..<($0 + word.count)].elementsEqual(word) }
  }

  /// Rights and features named without code voice (the rights line loses it) get it back:
  /// the leading names (`admin`, `tracker_configure, tracker_set_output`), `none` aside.
  private static func codeVoiced(_ text: String) -> String {
    var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    for index in words.indices {
      let word = words[index]
      let name = word.hasSuffix(",") ? String(word.dropLast()) : word
      guard name.first?.isLowercase == true, name != "none",
        name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" })
      else { break }
      words[index] = "`\(name)`" + (word.hasSuffix(",") ? "," : "")
      // A comma continues the list of names; anything else is prose about them.
      if !word.hasSuffix(",") { break }
    }
    return words.joined(separator: " ")
  }

  private static func trimmed(_ text: Substring) -> String {
    String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }

  private static func nonEmpty(_ text: String) -> String? {
    text.isEmpty ? nil : text
  }
}
