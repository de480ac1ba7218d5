import APIModel

func nonEmpty(_ text: String) -> String? {
  text.isEmpty ? nil : text
}

/// Error codes as a Markdown list, for descriptions: OpenAPI has no place for them otherwise.
func markdownList(_ codes: [ErrorCode]) -> String {
  codes.map { code in
    "* `\(code.code)`" + (code.httpStatus.map { " (HTTP \($0))" } ?? "") + " – \(code.description)"
  }
  .joined(separator: "\n")
}
