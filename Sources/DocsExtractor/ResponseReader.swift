import Foundation
import APIModel
import DocsMarkdown

/// Reads a response section: its JSON examples and the field bullets after them.
///
/// Fields come from the bullets; where there are none, from the keys of the JSON examples.
/// A field that an example lacks is not required (the docs say to treat missing as null).
enum ResponseReader {
  static func read(_ blocks: [Block], owner: String, resolver: inout TypeResolver) -> Response {
    let page = resolver.page
    let samples = JSONSamples(blocks, page: page)
    let examples = samples.samples.map { CodeSample(language: "json", code: $0.code, source: page.location($0.position)) }
    for sample in samples.samples where sample.value == nil {
      resolver.diagnostics.append(
        .warning("json-example-invalid", "the JSON example does not parse", at: page.location(sample.position)))
    }
    guard !samples.samples.isEmpty || blocks.contains(where: { if case .list = $0.kind { true } else { false } }) else {
      return Response(kind: .binary, fields: [], examples: [])
    }
    var drafts = fieldDrafts(blocks, page: page)
    let objects = samples.objects
    var fields: [Field]
    if !drafts.isEmpty, let first = objects.first, let host = ResponseHost.find(for: drafts, in: first.value) {
      drafts = ExampleTyping.nestingFlattened(drafts, by: host.object)
      // The bullets describe the objects inside one key (`list: [{…}]`), not the answer itself.
      let element = resolver.objectType(
        name: owner + TypeNamer.upperCamel(host.key) + (host.isArray ? "Item" : ""), description: "",
        children: ExampleTyping.typed(drafts, by: host.object), at: drafts[0].position)
      resolver.diagnostics += FieldCrossCheck.compare(drafts, with: (host.object, first.position), owner: "'\(host.key)' in the response of \(owner)", page: page)
      let others = first.value.filter { $0.key != host.key }
      fields = inferred(from: [others], owner: owner, at: first.position, resolver: &resolver)
      fields.append(
        Field(
          name: host.key, type: host.isArray ? .array(.named(element)) : .named(element), required: true,
          description: "", source: page.location(first.position)))
    } else if !drafts.isEmpty {
      drafts = ExampleTyping.nestingFlattened(drafts, by: objects.first?.value ?? [:])
      if let first = objects.first {
        resolver.diagnostics += FieldCrossCheck.compare(drafts, with: first, owner: "the response of \(owner)", page: page)
      }
      fields = ExampleTyping.typed(drafts, by: objects.first?.value ?? [:]).map { resolver.field($0, owner: owner) }
    } else {
      fields = inferred(from: objects.map(\.value), owner: owner, at: objects.first?.position, resolver: &resolver)
    }
    // What the examples lack may be missing on the wire.
    for index in fields.indices where !objects.allSatisfy({ $0.value[fields[index].name] != nil }) || objects.isEmpty {
      fields[index].required = false
    }
    return Response(kind: .json, fields: fields, examples: examples)
  }


  /// Top-level field bullets; bullets after a `where `x` object is:` line describe `x`.
  private static func fieldDrafts(_ blocks: [Block], page: SourcePage) -> [FieldDraft] {
    let reader = FieldListReader(page: page)
    var drafts: [FieldDraft] = []
    var nestedOwner: String?
    for block in blocks {
      switch block.kind {
      case .paragraph(let inlines):
        let text = inlines.plainText.trimmed().lowercased()
        nestedOwner = text.hasPrefix("where") ? (inlines.codeSpans.first ?? boldWord(inlines)) : nil
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
  private static func inferred(
    from examples: [[String: Any]], owner: String, at position: TextPosition?, resolver: inout TypeResolver
  ) -> [Field] {
    var keys: [String] = []
    for example in examples {
      for key in example.keys.sorted() where key != "success" && !keys.contains(key) { keys.append(key) }
    }
    guard let position else { return [] }
    return keys.map { key in
      let value = examples.lazy.compactMap { $0[key] }.first { !($0 is NSNull) }
      let words = value.map(JSONExample.typeWords(of:)) ?? "string"
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

