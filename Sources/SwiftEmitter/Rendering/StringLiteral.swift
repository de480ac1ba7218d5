/// `text` as a Swift string literal that reads back as the same text: quotes, backslashes,
/// line breaks and invisible characters are escaped, so no text can end the literal early or
/// start an interpolation.
func stringLiteral(_ text: String) -> String {
  var literal = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": literal += "\\\""
    case "\\": literal += "\\\\"
    case "\n": literal += "\\n"
    case "\r": literal += "\\r"
    case "\t": literal += "\\t"
    default:
      let category = scalar.properties.generalCategory
      let isInvisible = [.control, .format, .lineSeparator, .paragraphSeparator].contains(category)
      literal +=
        isInvisible ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : "\(scalar)"
    }
  }
  return literal + "\""
}
