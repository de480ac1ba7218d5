import Foundation

/// Where in a response example the field bullets belong: the answer itself, or the object (or
/// the elements of the array) under one key, whichever holds more of the bullets' names.
struct ResponseHost {
  var key: String
  var object: [String: Any]
  var isArray: Bool

  static func find(for drafts: [FieldDraft], in example: [String: Any]) -> ResponseHost? {
    let names = Set(drafts.map(\.name))
    let topScore = names.filter { example[$0] != nil }.count
    var best: ResponseHost?
    var bestScore = topScore
    for key in example.keys.sorted() where key != "success" {
      var candidate: ResponseHost?
      if let object = example[key] as? [String: Any] {
        candidate = ResponseHost(key: key, object: object, isArray: false)
      } else if let array = example[key] as? [Any], let object = array.first as? [String: Any] {
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
  static func typed(_ drafts: [FieldDraft], by example: [String: Any]) -> [FieldDraft] {
    drafts.map { draft in
      var draft = draft
      guard TypeVocabulary().read(draft.typeText) == nil, draft.children.isEmpty, draft.values.isEmpty,
        draft.links.isEmpty, let value = example[draft.name], !(value is NSNull)
      else { return draft }
      draft.description = [draft.typeText, draft.description].filter { !$0.isEmpty }.joined(separator: ". ")
      draft.typeText = JSONExample.typeWords(of: value)
      return draft
    }
  }
}
