/// Reads the YAML front matter (`---` … `---` at the top of a page) and blanks its lines so
/// that cmark does not see a thematic break and a setext heading in it.
///
/// Only what the docs use is understood: `key: value` pairs, values continued on indented
/// lines, quoted values. Lists and nested maps are skipped.
enum FrontMatterReader {
  static func read(_ lines: inout [String]) -> FrontMatter {
    guard lines.first?.trimmingSpaces() == "---",
      let end = lines.indices.dropFirst().first(where: {
        let line = lines[$0].trimmingSpaces()
        return line == "---" || line == "..."
      })
    else { return FrontMatter() }
    // Each value's parts, joined at the end: appending to a growing string line by line would
    // take quadratic time on a front matter of many continuation lines.
    var values: [String: [String]] = [:]
    var currentKey: String?
    for line in lines[1..<end] {
      if line.indentation > 0 || line.isBlank {
        let text = line.trimmingSpaces()
        if let key = currentKey, !text.isEmpty, !text.hasPrefix("- ") {
          values[key, default: []].append(text)
        }
        continue
      }
      guard let colon = line.firstIndex(of: ":") else {
        currentKey = nil
        continue
      }
      let key = line[..<colon].trimmingSpaces()
      var value = line[line.index(after: colon)...].trimmingSpaces()
      if value == ">-" || value == ">" || value == "|" || value == "|-" { value = "" }
      values[key] = [unquote(value)]
      currentKey = key
    }
    for index in 0...end { lines[index] = "" }
    return FrontMatter(
      values: values.mapValues { $0.filter { !$0.isEmpty }.joined(separator: " ") })
  }

  private static func unquote(_ value: String) -> String {
    for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
      return String(value.dropFirst().dropLast())
    }
    return value
  }
}
