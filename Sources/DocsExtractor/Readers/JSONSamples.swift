import APIModel
import DocsMarkdown

/// The JSON code blocks among some blocks, each read once (leniently: comments and trailing
/// commas are forgiven).
struct JSONSamples {
  struct Sample {
    var code: String
    var position: TextPosition
    var value: JSON?
    var error: JSONSyntaxError?
    /// Where the example has placeholders instead of values (read as `null`).
    var placeholders: [String] = []
    var placeholderNames: [String] = []
  }

  var samples: [Sample] = []

  init(_ blocks: [Block]) {
    for block in blocks {
      guard case .codeBlock(let info, let code) = block.kind,
        info.lowercased() == "json" || code.trimmed().hasPrefix("{")
      else { continue }
      do {
        let (value, placeholders, names) = try JSONReader.readNamingPlaceholders(code)
        samples.append(
          Sample(code: code, position: block.position, value: value, placeholders: placeholders, placeholderNames: names))
      } catch {
        samples.append(Sample(code: code, position: block.position, error: error))
      }
    }
  }

  /// The samples that are JSON objects, with their positions.
  var objects: [(value: [String: JSON], position: TextPosition)] {
    samples.compactMap { sample in sample.value?.object.map { ($0, sample.position) } }
  }
}
