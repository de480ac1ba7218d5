import APIModel
import DocsMarkdown

/// Object-structure sections: `## Bill object`, `## User object structure`, `## History entry`,
/// `#### tag object` — a JSON example and the bullets that describe its fields.
struct ObjectSection {
  var section: Section
  var name: String
  var anchor: String
  /// The title of the section it sits in (`Text field` for its `value object`), which tells
  /// apart objects that share a name on a page.
  var qualifier: String = ""
}

enum ObjectReader {
  /// The object sections of a page, with the type names they will be known by.
  static func sections(of page: PageStructure) -> [ObjectSection] {
    var found: [ObjectSection] = []
    func visit(_ section: Section, parent: Section?) {
      if section.level >= 2, !page.isAction(section),
        let name = typeName(section.normalizedTitle, conventions: page.conventions),
        section.isDefinition || section.blocks.contains(where: { if case .list = $0.kind { true } else { false } })
      {
        let qualifier = parent.map { TypeNamer.upperCamel($0.title) } ?? ""
        found.append(
          ObjectSection(
            section: section, name: name, anchor: page.dialect.anchor(for: section.title), qualifier: qualifier))
      }
      for child in section.children { visit(child, parent: section.level >= 1 ? section : nil) }
    }
    visit(page.root, parent: nil)
    return found
  }

  /// `bill object` → `Bill`, `schedule_entry object` → `ScheduleEntry`.
  static func typeName(_ title: String, conventions: DocsConventions) -> String? {
    let cleaned = title.replacingOccurrences(of: "\"", with: "")
    for suffix in conventions.objectSectionSuffixes where cleaned.hasSuffix(suffix) {
      let stem = TypeNamer.upperCamel(String(cleaned.dropLast(suffix.count)))
      return stem.isEmpty || stem.first?.isNumber == true ? nil : stem
    }
    return nil
  }

  /// The fields of an object section, checked against its JSON example.
  /// - Parameter known: fields that exist though the list does not give them (a union's
  ///   discriminator), not to be added from the example.
  static func fields(of object: ObjectSection, known: Set<String> = [], scope: PageScope) -> [Field] {
    let reader = FieldListReader(page: scope.page, conventions: scope.conventions)
    var drafts: [FieldDraft] = []
    for block in object.section.blocks {
      guard case .list(_, let items) = block.kind, let fields = reader.fields(of: items) else { continue }
      drafts = fields
      break
    }
    let example = JSONSamples(object.section.blocks).objects.first
    if let example {
      // Bullets that list a nested object's fields at the top level go under it, as the
      // example nests them (`period`, `emails` inside a schedule's `parameters`).
      drafts = ExampleTyping.nestingFlattened(drafts, by: example.value)
      drafts = FieldCrossCheck.renamedByExample(drafts, example: example, owner: object.name, scope: scope)
      FieldCrossCheck.compare(drafts, with: example, owner: object.name, known: known, scope: scope)
      // An object the example alone describes ("where period_object is:" and its example) has
      // the example's keys as its fields.
      drafts +=
        drafts.isEmpty
        ? ExampleTyping.extras(in: example.value, besides: known.union(["success"]), at: example.position)
        : FieldCrossCheck.exampleOnly(drafts, in: example).filter { !known.contains($0.name) }
    }
    let resolver = TypeResolver(scope: scope)
    return ExampleTyping.typed(drafts, by: example?.value ?? [:], conventions: scope.conventions)
      .map { resolver.field($0, owner: object.name) }
  }
}

/// Compares documented fields with the keys of a JSON example.
enum FieldCrossCheck {
  /// Keys of the example that the field list leaves out, as optional fields typed by their
  /// value: the object has them (the example shows it), the docs only forgot to say so. A
  /// `null` says nothing of the type, so such a key is left out.
  static func exampleOnly(_ drafts: [FieldDraft], in example: (value: [String: JSON], position: TextPosition))
    -> [FieldDraft]
  {
    guard !drafts.isEmpty else { return [] }
    return ExampleTyping.extras(
      in: example.value, besides: Set(drafts.map(\.name)).union(["success"]), at: example.position)
  }

  /// A bullet whose name the example does not have, where the example has one key no bullet
  /// names that differs from it by a letter or two (`tag_binding` listed, `tag_bindings` shown),
  /// is that key: the object's own example shows what the wire carries.
  static func renamedByExample(
    _ drafts: [FieldDraft], example: (value: [String: JSON], position: TextPosition), owner: String, scope: PageScope
  ) -> [FieldDraft] {
    var drafts = drafts
    let undocumented = Set(example.value.keys).subtracting(drafts.map(\.name)).subtracting(["success"])
    for index in drafts.indices where example.value[drafts[index].name] == nil {
      let name = drafts[index].name
      let close = undocumented.filter { editDistance($0, name) <= min(2, name.count / 4) }
      guard close.count == 1, let key = close.first, !drafts.contains(where: { $0.name == key }) else { continue }
      scope.warn(
        "field-name-from-examples", "field '\(name)' of \(owner) is '\(key)' in its JSON example; '\(key)' is used",
        at: drafts[index].position, notes: [.init("the JSON example is here", at: scope.location(example.position))])
      drafts[index].name = key
      // The example's shape goes with its name: a list where the bullet says one object.
      if example.value[key]?.array != nil, !scope.conventions.vocabulary.saysArray(drafts[index].typeText.lowercased()) {
        drafts[index].typeText = "array of " + (drafts[index].typeText.isEmpty ? "objects" : drafts[index].typeText)
      }
    }
    return drafts
  }

  static func compare(
    _ drafts: [FieldDraft], with example: (value: [String: JSON], position: TextPosition), owner: String,
    known: Set<String> = [], scope: PageScope
  ) {
    guard !drafts.isEmpty else { return }
    let documented = Set(drafts.map(\.name))
    let exampleLocation = scope.location(example.position)
    for draft in drafts where example.value[draft.name] == nil && !draft.isOptional && !draft.name.contains(".") {
      scope.warn(
        "field-not-in-example", "field '\(draft.name)' of \(owner) is not in its JSON example",
        at: draft.position, notes: [.init("the JSON example is here", at: exampleLocation)])
    }
    for key in example.value.keys.sorted() where !documented.contains(key) && !known.contains(key) && key != "success" {
      scope.warn(
        "example-field-not-documented", "the JSON example of \(owner) has '\(key)', which its field list does not describe",
        at: example.position,
        notes: drafts.first.map { [.init("the field list starts here", at: scope.location($0.position))] } ?? [])
    }
  }
}
