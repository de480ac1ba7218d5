import APIModel
import DocsMarkdown

/// Which parameters a call may leave out, beyond those the docs mark `Optional`: one whose
/// description says when to omit it ("MUST be omitted if …"), one the server gives a default
/// ("Default is `kml`"), and parameters that prose beside the table makes alternatives of one
/// another ("If `file_id` is set – `batch` parameter will be ignored", "Exactly one of these
/// parameters must be specified"). Each such decision is a note at the words that made it.
struct ParameterPresence {
  let scope: PageScope

  private var conventions: DocsConventions { scope.conventions }

  /// The parameters with what their own descriptions say applied.
  func readingDescriptions(_ parameters: [Parameter]) -> [Parameter] {
    parameters.map { parameter in
      guard parameter.required else { return parameter }
      var parameter = parameter
      let wording = DescriptionWording(text: parameter.description, conventions: conventions)
      if let cue = wording.parameterAbsenceCue {
        parameter.required = false
        note(parameter, "its description says \"\(cue)\"")
      } else if let value = parameter.default {
        parameter.required = false
        note(parameter, "the server applies its documented default, `\(value)`")
      }
      return parameter
    }
  }

  /// The parameters with the alternatives that `prose` (the blocks around the table) names made
  /// optional.
  func readingAlternatives(_ parameters: [Parameter], in prose: [Block]) -> [Parameter] {
    var parameters = parameters
    for statement in Self.statements(prose) {
      let lower = statement.inlines.plainText.lowercased()
      guard let cue = conventions.alternativeParameterCues.first(where: lower.contains) else { continue }
      let named = Set(statement.inlines.codeSpans).intersection(parameters.map(\.name))
      let all = conventions.allParametersWords.contains(where: lower.contains)
      let alternatives = all && named.count < 2 ? Set(parameters.filter(\.required).map(\.name)) : named
      guard alternatives.count >= 2 else { continue }
      for index in parameters.indices where alternatives.contains(parameters[index].name) && parameters[index].required {
        parameters[index].required = false
        scope.note(
          "presence-from-docs",
          "'\(parameters[index].name)' may be left out: it is one of alternatives (\"\(cue)\" here names "
            + alternatives.sorted().map { "'\($0)'" }.joined(separator: ", ") + ")",
          at: statement.position)
      }
    }
    return parameters
  }

  private func note(_ parameter: Parameter, _ why: String) {
    scope.log.add(
      Diagnostic(.note, kind: "presence-from-docs", "'\(parameter.name)' may be left out: \(why)", at: parameter.source))
  }

  /// Paragraphs, list items and admonition titles and bodies: each a statement with its place.
  private static func statements(_ blocks: [Block]) -> [(inlines: [Inline], position: TextPosition)] {
    blocks.flatMap { block -> [(inlines: [Inline], position: TextPosition)] in
      switch block.kind {
      case .paragraph(let inlines): return [(inlines, block.position)]
      case .list(_, let items):
        return items.flatMap { statements($0.blocks) }
      case .admonition(_, let title, let body):
        let heading = title.map { [Inline(.text($0), at: block.position)] }.map { [($0, block.position)] } ?? []
        return heading + statements(body)
      case .blockQuote(let body): return statements(body)
      default: return []
      }
    }
  }
}
