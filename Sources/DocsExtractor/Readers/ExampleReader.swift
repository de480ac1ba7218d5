import APIModel
import DocsMarkdown
import Foundation

/// Reads request examples: content tabs (`=== "cURL"`, `=== "HTTP GET"`) or bare code blocks
/// holding a `curl` command or a URL.
enum ExampleReader {
  /// - Parameter textParameters: the parameters whose wire value is a string. A query has no
  ///   types, so an HTTP GET example's `phone=1234567890` sends such a parameter its digits
  ///   as text; other values that read as JSON keep their JSON type.
  static func read(_ blocks: [Block], page: SourcePage, textParameters: Set<String> = []) -> [Example] {
    var examples: [Example] = []
    let read = { (title: String, info: String, code: String, position: TextPosition) in
      example(title: title, info: info, code: code, at: page.location(position), textParameters: textParameters)
    }
    for block in blocks {
      switch block.kind {
      case .tab(let title, let body):
        for case let (.codeBlock(info, code), position) in body.map({ ($0.kind, $0.position) }) {
          if let example = read(title, info, code, position) { examples.append(example) }
        }
      case .codeBlock(let info, let code):
        if let example = read("", info, code, block.position) { examples.append(example) }
      default:
        continue
      }
    }
    return examples
  }

  private static func example(
    title: String, info: String, code: String, at location: SourceLocation, textParameters: Set<String>
  ) -> Example? {
    let sample = CodeSample(language: info, code: code, source: location)
    let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.hasPrefix("curl") {
      let command = CurlCommand(trimmed)
      return Example(
        kind: .curl, title: title.isEmpty ? "cURL" : title, url: command.url.withoutQuery,
        body: command.body, arguments: command.body.flatMap(JSONReader.value), sample: sample)
    }
    if trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://"), !trimmed.contains("\n") {
      let query = QueryString(trimmed).jsonText(keepingText: textParameters)
      return Example(
        kind: .httpGet, title: title.isEmpty ? "HTTP GET" : title, url: trimmed.withoutQuery,
        body: query, arguments: query.flatMap(JSONReader.value), sample: sample)
    }
    return nil
  }
}

/// The parts of a `curl` command line that matter: its URL and its `-d` body.
struct CurlCommand {
  var url = ""
  var body: String?

  init(_ text: String) {
    // A backslash before the line end continues the command (the docs often leave a space
    // after the backslash, which a shell would not accept; it means the same here).
    let joined = text.replacingOccurrences(
      of: #"\\[ \t]*\r?\n"#, with: " ", options: .regularExpression)
    let words = ShellWords.split(joined)
    var index = 1
    while index < words.count {
      let word = words[index]
      switch word {
      case "-d", "--data", "--data-raw", "--data-binary":
        if index + 1 < words.count { body = words[index + 1] }
        index += 2
      case "-X", "--request", "-H", "--header", "-F", "--form", "-u", "--user", "-o", "--output":
        index += 2
      default:
        if url.isEmpty, !word.hasPrefix("-") { url = word }
        index += 1
      }
    }
  }
}

/// Splits a command line into words the way a POSIX shell does for quotes and backslashes.
enum ShellWords {
  static func split(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var iterator = Array(text)[...]
    while let character = iterator.popFirst() {
      switch character {
      case "'":
        inWord = true
        while let next = iterator.popFirst(), next != "'" { current.append(next) }
      case "\"":
        inWord = true
        while let next = iterator.popFirst(), next != "\"" {
          if next == "\\", let escaped = iterator.first, "\"\\$`".contains(escaped) {
            current.append(iterator.removeFirst())
          } else {
            current.append(next)
          }
        }
      case "\\":
        inWord = true
        if let next = iterator.popFirst() { current.append(next) }
      case _ where character.isWhitespace:
        if inWord { words.append(current) }
        current = ""
        inWord = false
      default:
        inWord = true
        current.append(character)
      }
    }
    if inWord { words.append(current) }
    return words
  }
}

/// The query of an HTTP GET example as a JSON object: values that read as JSON (numbers,
/// booleans, arrays) keep their type, the rest are strings.
struct QueryString {
  var pairs: [(String, String)] = []

  init(_ url: String) {
    guard let query = url.split(separator: "?", maxSplits: 1).dropFirst().first else { return }
    for part in query.split(separator: "&") {
      let keyValue = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = String(keyValue[0]).removingPercentEncoding ?? String(keyValue[0])
      let value = keyValue.count > 1 ? String(keyValue[1]) : ""
      pairs.append((key, value.removingPercentEncoding ?? value))
    }
  }

  /// - Parameter text: the names whose values stay text even when they read as JSON (a
  ///   query has no types: `phone=1234567890` sends a string parameter its digits).
  func jsonText(keepingText text: Set<String>) -> String? {
    guard !pairs.isEmpty else { return nil }
    let members = pairs.map { key, value in
      let isJSON = !text.contains(key) && JSONReader.value(value) != nil
      return "\(JSON.quoted(key)): \(isJSON ? value : JSON.quoted(value))"
    }
    return "{" + members.joined(separator: ", ") + "}"
  }
}

extension String {
  var withoutQuery: String {
    String(split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
  }
}
