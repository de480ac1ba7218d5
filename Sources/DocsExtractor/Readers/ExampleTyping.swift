import APIModel
import DocsMarkdown

/// Where in a response example the field bullets belong: the answer itself, or the object (or
/// the elements of the array) under one key, whichever holds more of the bullets' names.
struct ResponseHost {
  var key: String
  var object: [String: JSON]
  var isArray: Bool

  static func find(for drafts: [FieldDraft], in example: [String: JSON]) -> ResponseHost? {
    let names = Set(drafts.map(\.name))
    let topScore = names.filter { example[$0] != nil }.count
    var best: ResponseHost?
    var bestScore = topScore
    for key in example.keys.sorted() where key != "success" {
      var candidate: ResponseHost?
      if let object = example[key]?.object {
        candidate = ResponseHost(key: key, object: object, isArray: false)
      } else if let object = example[key]?.array?.first?.object {
        candidate = ResponseHost(key: key, object: object, isArray: true)
      }
      guard let candidate else { continue }
      let score = names.filter { candidate.object[$0] != nil }.count
      if score > bestScore, !names.contains(key) {
        best = candidate
        bestScore = score
      }
    }
    return best
  }
}

/// Fills in the type of bullets that give none from the value in the JSON example.
enum ExampleTyping {
  static func typed(_ drafts: [FieldDraft], by example: [String: JSON], conventions: DocsConventions) -> [FieldDraft] {
    let vocabulary = conventions.vocabulary
    return drafts.map { draft in
      var draft = draft
      let value = example[draft.name]
      if let nested = value?.object ?? value?.array?.first?.object {
        draft = completingChildren(draft, by: nested, conventions: conventions)
      }
      // A linked or named object the example shows as a list ("trackers belonging to the
      // contact", linking the tracker object, over `"trackers": [{…}]`) is a list of it.
      let lowered = draft.typeText.lowercased()
      // A map the description names stays a map whatever the example shows.
      let saysMap = conventions.describesMap(draft.description)
      let listsObjects = value?.array.map { $0.allSatisfy { $0.object != nil || $0.isNull } } ?? false
      var reading = vocabulary.read(lowered)
      if listsObjects, !saysMap, !vocabulary.saysArray(lowered),
        !draft.links.isEmpty || vocabulary.soundsLikeObject(lowered), reading == nil || reading == .type(.object)
      {
        draft.typeText = "array of " + (draft.typeText.isEmpty ? "objects" : draft.typeText)
        reading = vocabulary.read(draft.typeText.lowercased())
      }
      // A bare "object" whose example shows its keys (`bounds` over `{"nw": {…}, "se": {…}}`) has
      // them as its fields, as deep as the example goes; a map the description names does not.
      if reading == .type(.object) || reading == .type(.array(.object)), draft.children.isEmpty, draft.links.isEmpty,
        !saysMap, let nested = value?.object ?? value?.array?.first?.object, !nested.isEmpty, !nested.isKeyedByIDs
      {
        draft.children = extras(in: nested, besides: [], at: draft.position)
      }
      guard vocabulary.read(draft.typeText) == nil, draft.children.isEmpty, draft.values.isEmpty,
        draft.links.isEmpty, let value, !value.isNull
      else { return draft }
      draft.description = [draft.typeText, draft.description].filter { !$0.isEmpty }.joined(separator: ". ")
      draft.typeText = value.typeWords
      return draft
    }
  }

  /// Bullets that list a nested object's fields at the top level (`last_change`, then
  /// `old_employee_id`, which only `last_change` holds in the example): each such bullet goes
  /// under the nearest bullet before it whose example object has the key.
  static func nestingFlattened(_ drafts: [FieldDraft], by example: [String: JSON]) -> [FieldDraft] {
    var result: [FieldDraft] = []
    for draft in drafts {
      guard example[draft.name] == nil else {
        result.append(draft)
        continue
      }
      if let parent = result.indices.last(where: { example[result[$0].name]?[draft.name] != nil }) {
        result[parent].children.append(draft)
      } else if let key = example.keys.sorted().first(where: { example[$0]?[draft.name] != nil && !drafts.contains(named: $0) }) {
        // The example nests it in an object no bullet names (`period` inside a schedule's
        // `parameters`): that object is a field of its own, holding it.
        if let parent = result.firstIndex(where: { $0.name == key }) {
          result[parent].children.append(draft)
        } else {
          result.append(
            FieldDraft(
              name: key, typeText: "object", links: [],
              description: "Holds fields the docs list with the object's own; its example nests them here.",
              isOptional: false, isNullable: false, children: [draft], values: [], position: draft.position))
        }
      } else {
        result.append(draft)
      }
    }
    return result
  }

  /// The nested bullets of an object field, typed and completed by its value in the example:
  /// keys they leave out become optional fields (a `location` with an `address`, an object
  /// whose bullets skip `lat` and `lng`), so that what the docs show is kept.
  private static func completingChildren(_ draft: FieldDraft, by value: [String: JSON], conventions: DocsConventions)
    -> FieldDraft
  {
    var draft = draft
    if draft.children.isEmpty {
      guard conventions.vocabulary.read(draft.typeText.lowercased()) == .type(.primitive(.location)) else { return draft }
      draft.children = extras(in: value, besides: ["lat", "lng"], at: draft.position)
    } else {
      draft.children = typed(draft.children, by: value, conventions: conventions)
        + extras(in: value, besides: Set(draft.children.map(\.name)), at: draft.position)
    }
    return draft
  }

  /// The keys of `value` other than `known`, as optional fields typed by their values; a
  /// `null` says nothing of the type, so such a key is left out.
  static func extras(in value: [String: JSON], besides known: Set<String>, at position: TextPosition, depth: Int = 0)
    -> [FieldDraft]
  {
    value.keys.sorted().filter { !known.contains($0) }.compactMap { key in
      guard let item = value[key], !item.isNull else { return nil }
      var draft = FieldDraft(
        name: key, typeText: item.object?.isLocation == true ? "location" : item.typeWords, links: [],
        description: "Shown in the JSON example; the field list does not describe it.", isOptional: true,
        isNullable: false, children: [], values: [], position: position)
      // An object the example shows is described by its own keys, as deep as it goes (an
      // object keyed by ids is a map, which keys do not describe).
      if depth < 8, let nested = item.object ?? item.array?.first?.object, !nested.isEmpty, !nested.isKeyedByIDs,
        !nested.isLocation
      {
        draft.children = extras(in: nested, besides: [], at: position, depth: depth + 1)
      }
      return draft
    }
  }
}

extension Array where Element == FieldDraft {
  func contains(named name: String) -> Bool { contains { $0.name == name } }
}
