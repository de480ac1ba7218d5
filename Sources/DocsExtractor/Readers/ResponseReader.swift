import APIModel
import DocsMarkdown

/// Reads a response section: its JSON examples and the field bullets after them.
///
/// Fields come from the bullets; where there are none, from the keys of the JSON examples.
/// A field that an example lacks is not required (the docs say to treat missing as null).
struct ResponseReader {
  let scope: PageScope

  private var page: SourcePage { scope.page }
  private var resolver: TypeResolver { TypeResolver(scope: scope) }
  private var vocabulary: TypeVocabulary { scope.conventions.vocabulary }

  func read(_ blocks: [Block], owner: String) -> Response {
    let samples = JSONSamples(blocks)
    let examples = samples.samples.map {
      CodeSample(
        language: "json", code: $0.code, json: $0.value, placeholders: $0.placeholders,
        placeholderNames: $0.placeholderNames, source: page.location($0.position))
    }
    for sample in samples.samples {
      if let error = sample.error {
        scope.warn("json-example-invalid", "the JSON example does not parse: \(error) of the example", at: sample.position)
      } else if !sample.placeholders.isEmpty {
        scope.warn(
          "example-placeholder",
          "the JSON example has placeholders where values would be (at "
            + sample.placeholders.map { "'\($0.isEmpty ? "the answer" : $0)'" }.joined(separator: ", ")
            + "); the rest of it is read, and the placeholders say nothing of their values' types",
          at: sample.position)
      }
    }
    guard !samples.samples.isEmpty || blocks.contains(where: { if case .list = $0.kind { true } else { false } }) else {
      return Response(kind: .binary, fields: [], examples: [])
    }
    if saysFile(blocks) {
      // The JSON examples are what the server answers instead, in the cases the prose names.
      return Response(kind: .binary, fields: [], examples: examples)
    }
    var drafts = fieldDrafts(blocks)
    let objects = samples.objects
    var fields: [Field]
    if !drafts.isEmpty, let first = objects.first, let host = ResponseHost.find(for: drafts, in: first.value) {
      drafts = ExampleTyping.nestingFlattened(drafts, by: host.object)
      // The bullets describe the objects inside one key (`list: [{…}]`), not the answer itself.
      let element = resolver.objectType(
        name: owner + TypeNamer.upperCamel(host.key) + (host.isArray ? "Item" : ""), description: "",
        children: ExampleTyping.typed(drafts, by: host.object, conventions: scope.conventions), at: drafts[0].position)
      FieldCrossCheck.compare(
        drafts, with: (host.object, first.position), owner: "'\(host.key)' in the response of \(owner)", scope: scope)
      let others = first.value.filter { $0.key != host.key }
      fields = inferred(from: [others], owner: owner, at: first.position)
      fields.append(
        Field(
          name: host.key, type: host.isArray ? .array(.named(element)) : .named(element), required: true,
          description: "", source: page.location(first.position)))
    } else if !drafts.isEmpty {
      drafts = ExampleTyping.nestingFlattened(drafts, by: objects.first?.value ?? [:])
      if let first = objects.first {
        FieldCrossCheck.compare(drafts, with: first, owner: "the response of \(owner)", scope: scope)
        // What the example answers besides the bullets is part of the answer too.
        drafts += FieldCrossCheck.exampleOnly(drafts, in: first)
      }
      fields = ExampleTyping.typed(drafts, by: objects.first?.value ?? [:], conventions: scope.conventions)
        .map { resolver.field($0, owner: owner) }
    } else {
      let placeholders = Set(samples.samples.flatMap(\.placeholders))
      fields = inferred(from: objects.map(\.value), owner: owner, at: objects.first?.position, placeholders: placeholders)
    }
    // What the examples lack may be missing on the wire.
    for index in fields.indices where !objects.allSatisfy({ $0.value[fields[index].name] != nil }) || objects.isEmpty {
      fields[index].required = false
    }
    return Response(kind: .json, fields: fields, examples: examples)
  }

  /// Whether the paragraph that opens the section (before any example) says the answer is a file.
  private func saysFile(_ blocks: [Block]) -> Bool {
    guard let first = blocks.first, case .paragraph(let inlines) = first.kind else { return false }
    let words = inlines.plainText.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
    return words.contains(where: scope.conventions.fileAnswerWords.contains)
  }

  /// Top-level field bullets; bullets after a `where `x` object is:` line describe `x`.
  private func fieldDrafts(_ blocks: [Block]) -> [FieldDraft] {
    let reader = FieldListReader(page: page, conventions: scope.conventions)
    var drafts: [FieldDraft] = []
    var nestedOwner: String?
    for block in blocks {
      switch block.kind {
      case .paragraph(let inlines):
        let text = inlines.plainText.trimmed().lowercased()
        nestedOwner =
          text.hasPrefix(scope.conventions.nestedFieldsCue) ? (inlines.codeSpans.first ?? Self.boldWord(inlines)) : nil
      case .list(_, let items):
        guard let fields = reader.fields(of: items) else { continue }
        if let owner = nestedOwner, let index = drafts.firstIndex(where: { $0.name == owner }) {
          drafts[index].children += fields
        } else if drafts.isEmpty {
          drafts = fields
        }
        nestedOwner = nil
      default:
        continue
      }
    }
    return drafts
  }

  private static func boldWord(_ inlines: [Inline]) -> String? {
    for inline in inlines {
      if case .strong(let content) = inline.kind { return content.plainText.trimmed() }
    }
    return nil
  }

  /// Fields read off the examples' keys (all variants together), types from the values.
  /// - Parameter placeholders: paths where the examples hold a placeholder: a key whose only
  ///   value is one is an object the docs do not describe.
  private func inferred(
    from examples: [[String: JSON]], owner: String, at position: TextPosition?, placeholders: Set<String> = []
  ) -> [Field] {
    var keys: [String] = []
    for example in examples {
      for key in example.keys.sorted() where key != "success" && !keys.contains(key) { keys.append(key) }
    }
    guard let position else { return [] }
    return keys.map { key in
      let value = examples.lazy.compactMap { $0[key] }.first { !$0.isNull }
      let words = value?.typeWords ?? (placeholders.contains(key) ? "object" : "string")
      var field = resolver.field(
        FieldDraft(
          name: key, typeText: words, links: [], description: "", isOptional: true, isNullable: value == nil,
          children: [], values: [], position: position),
        owner: owner)
      field.required = false
      return field
    }
  }
}
