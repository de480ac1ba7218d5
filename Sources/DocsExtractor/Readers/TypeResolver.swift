import APIModel
import DocsMarkdown

/// Where each object section of the docs is: `page.md#anchor` → type name.
struct ObjectIndex {
  private(set) var names: [String: String] = [:]
  /// Per page, the objects it describes, by the name the prose calls them (`zone`).
  private(set) var byPage: [String: [String: String]] = [:]

  /// Per page, every object it describes (two may be called by the same word).
  private var allByPage: [String: Set<String>] = [:]

  mutating func add(page: String, anchor: String, name: String, calledBy word: String) {
    names[page + "#" + anchor] = name
    byPage[page, default: [:]][word.lowercased()] = name
    allByPage[page, default: []].insert(name)
  }

  /// The object a page describes under the name of a `JSON object` parameter or field.
  func object(named word: String, onPage page: String) -> String? {
    byPage[page]?[word.lowercased()]
  }

  /// The object a description names before the word "object": "`schedule_entry` object
  /// without …", "Non-null form template object", "Array of `driver_journal_entry` objects".
  /// The words are tried longest first against the objects of the page, also as part of a
  /// longer name ("Schedule object" for `schedule_entry`, "`schedule_entry` object" for a
  /// "Task schedule entry"). Other pages are not searched: the same word names different
  /// objects there (a report's `plugin` parameters are not the plugin list's entries).
  func object(mentionedIn description: String, onPage page: String, objectWords: Set<String>) -> String? {
    let plain = description.replacingOccurrences(of: #"\]\([^)]*\)"#, with: "", options: .regularExpression)
    let words = plain.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }.map(String.init)
    guard let at = words.firstIndex(where: objectWords.contains) else { return nil }
    let before = words[..<at].suffix(3)
    let local = byPage[page] ?? [:]
    for count in stride(from: before.count, through: 1, by: -1) {
      let key = before.suffix(count).joined().filter { $0.isLetter || $0.isNumber }
      guard !key.isEmpty else { continue }
      if let name = local[key] { return name }
      let containing = Set(local.filter { $0.key.contains(key) }.values)
      if containing.count == 1 { return containing.first }
    }
    return nil
  }

  /// The object a list's description names on any page: "List of place objects." for the one
  /// object called `place` in the docs. Only the plural list form is read across pages, and
  /// only a name that one object has: a singular "A plugin object" is too loose for that.
  func object(listedIn description: String, listPrefixes: [String], pluralWord: String) -> String? {
    let lower = description.lowercased()
    for prefix in listPrefixes {
      var searched = lower.startIndex..<lower.endIndex
      while let found = lower.range(of: prefix, range: searched) {
        searched = found.upperBound..<lower.endIndex
        let words = lower[found.upperBound...].split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        guard let at = words.prefix(4).firstIndex(where: { $0 == pluralWord }), at >= 1 else { continue }
        let key = Self.key(words[..<at].joined())
        let named = Set(byPage.values.flatMap { objects in objects.filter { Self.key($0.key) == key }.map(\.value) })
        if named.count == 1 { return named.first }
      }
    }
    return nil
  }

  private static func key(_ word: String) -> String {
    word.lowercased().filter { $0.isLetter || $0.isNumber }
  }

  /// The object a link from `page` points at, if any: the section its anchor names, or the
  /// one object of a page linked without an anchor (`[SearchCondition](search_conditions.md)`).
  func object(linkedBy destination: String, from page: String, dialect: MarkdownDialect) -> String? {
    let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let targets = parts[0].isEmpty ? [page] : LinkTarget.candidates(String(parts[0]), from: page, dialect: dialect)
    guard parts.count == 2 else {
      let onPage = targets.lazy.compactMap { allByPage[$0] }.first ?? []
      return onPage.count == 1 ? onPage.first : nil
    }
    return targets.lazy.compactMap { names[$0 + "#" + parts[1]] }.first
  }
}

/// Turns type words into a `TypeRef`: the docs' vocabulary, links to object sections, enum
/// values from nested bullets or from the description, nested fields as object types.
struct TypeResolver {
  let scope: PageScope

  private var page: SourcePage { scope.page }
  private var types: TypeRegistry { scope.types }
  private var conventions: DocsConventions { scope.conventions }
  private var vocabulary: TypeVocabulary { scope.conventions.vocabulary }

  /// The type of a field or parameter.
  /// - Parameters:
  ///   - owner: the type-name prefix for anything this creates (`Bill` → `BillStatus`).
  func resolve(
    typeText written: String, links: [String], description: String, values: [EnumValue] = [],
    children: [FieldDraft] = [], owner: String, member: String, at position: TextPosition,
    declaredAt declaration: TextPosition? = nil
  ) -> TypeRef {
    // Types made here are placed at the declaration; problems with the type words at `position`.
    let declared = declaration ?? position
    let text = written.replacingOccurrences(of: "`", with: "").trimmed()
    let lowered = text.lowercased()
    let linkedObject = links.compactMap { scope.objects.object(linkedBy: $0, from: page.path, dialect: scope.dialect) }.first
    let describedAsArray = describesArray(description)
    let isPlural =
      vocabulary.soundsPlural(lowered) || describedAsArray && vocabulary.soundsLikeObject(lowered)
    if describedAsArray, !vocabulary.saysArray(lowered), isPlural {
      scope.warn(
        "type-contradicts-description", "'\(member)' is typed '\(text)' but described as an array; read as an array",
        at: position)
    }
    // The elements of an array are named in the singular: `statuses` → `RouteStatus`.
    let name = TypeNamer.name(resource: owner, member: isPlural ? TypeNamer.singular(member) : member)

    if let linkedObject, lowered.isEmpty || vocabulary.soundsLikeObject(lowered) || vocabulary.saysArray(lowered)
      || types.type(named: linkedObject) != nil && vocabulary.read(lowered) == nil
    {
      // "Described [above](#rule-object)" from `alerts`: the link names the object the member
      // is part of, whose field of that name has the type.
      if let part = types.type(named: linkedObject)?.fields?.first(where: { $0.name == member }),
        part.type.namedType != nil || part.type.isStructured
      {
        return part.type
      }
      return isPlural ? .array(.named(linkedObject)) : .named(linkedObject)
    }
    // Links to value lists (`[metering sensor type](sensor.md#metering-sensor-type-values)`):
    // an enum of their values, where the words say a string or name no other type.
    if linkedObject == nil, !vocabulary.soundsLikeObject(lowered), values.isEmpty,
      let listed = scope.valueLists.values(linkedBy: links, from: page.path, dialect: scope.dialect),
      Self.admitsValueList(vocabulary.read(lowered))
    {
      // The enum is what the lists' headings say, not what the member's description does.
      let element = TypeRef.named(
        types.addEnum(
          name: name, description: listed.titles.joined(separator: "; "), values: listed.values,
          source: page.location(declared)))
      return vocabulary.saysArray(lowered) ? .array(element) : element
    }
    if vocabulary.soundsLikeObject(lowered),
      let named = scope.objects.object(named: member, onPage: page.path)
        ?? scope.objects.object(mentionedIn: Self.objectPhrase(lowered), onPage: page.path, objectWords: conventions.objectWords)
        ?? scope.objects.object(mentionedIn: description, onPage: page.path, objectWords: conventions.objectWords)
        ?? (isPlural
          ? scope.objects.object(
            listedIn: description, listPrefixes: conventions.listedObjectPrefixes, pluralWord: conventions.pluralObjectWord)
          : nil)
    {
      return isPlural ? .array(.named(named)) : .named(named)
    }
    switch vocabulary.read(lowered) ?? vocabulary.readLoosely(lowered) {
    case .type(let type)?:
      if !children.isEmpty, type == .object || type == .array(.object) {
        let object = objectType(name: name, description: description, children: children, at: declared)
        return type == .object ? .named(object) : .array(.named(object))
      }
      if !children.isEmpty, type == .primitive(.location) {
        // A location with more to it (`address`, `radius`): its coordinates and those fields.
        return .named(locationType(name: name, description: description, children: children, at: declared))
      }
      if type == .object, conventions.describesMap(description) {
        return .map(.object)
      }
      if type == .primitive(.string), let values = enumValues(values, description, strongCue: true, at: declared) {
        return .named(types.addEnum(name: name, description: description, values: values, source: page.location(declared)))
      }
      // "A set of rights granted to security group (see below)": the list named after it.
      if type == .primitive(.string) || type == .array(.primitive(.string)),
        conventions.valueListReferenceCues.contains(where: description.lowercased().contains),
        let listed = scope.valueLists.values(for: member)
      {
        let element = TypeRef.named(
          types.addEnum(name: name, description: description, values: listed, source: page.location(declared)))
        return type == .primitive(.string) ? element : .array(element)
      }
      return type
    case .enumeration?, .arrayOfEnumeration?:
      let isArray = vocabulary.read(lowered) == .arrayOfEnumeration
      guard let values = enumValues(values, description, strongCue: false, at: declared) ?? scope.valueLists.values(for: member)
      else {
        scope.warn(
          "enum-values-not-found", "'\(member)' is an enum but no values are listed for it; read as string", at: declared)
        return isArray ? .array(.primitive(.string)) : .primitive(.string)
      }
      let element = TypeRef.named(
        types.addEnum(name: name, description: description, values: values, source: page.location(declared)))
      return isArray ? .array(element) : element
    case nil:
      if !children.isEmpty {
        return .named(objectType(name: name, description: description, children: children, at: declared))
      }
      if text.isEmpty, let (guess, words) = guess(from: description) {
        scope.warn("unknown-type", "'\(member)' has no type; read as \(words), as its description says", at: position)
        return guess
      }
      let hint = vocabulary.nearestSpelling(to: lowered)
      let message =
        text.isEmpty
        ? "'\(member)' has no type; read as string"
        : "unknown type '\(text)' of '\(member)'" + (hint.map { "; did you mean '\($0)'?" } ?? "; read as string")
      scope.warn("unknown-type", message, at: position, fixIt: hint)
      if let hint, case .type(let guess)? = vocabulary.read(hint) { return guess }
      return .primitive(.string)
    }
  }

  /// Type words under which a linked value list is the type: none that the vocabulary reads
  /// (the link text itself), a string, an enum, or arrays of them.
  private static func admitsValueList(_ reading: TypeVocabulary.Reading?) -> Bool {
    switch reading {
    case nil, .enumeration?, .arrayOfEnumeration?: true
    case .type(let type)?: type == .primitive(.string) || type == .array(.primitive(.string))
    }
  }

  /// "Array of route's checkpoints": what a description opens with. ("List of" is looser in
  /// these docs: it also stands before single objects.)
  func describesArray(_ description: String) -> Bool {
    let lower = description.lowercased().trimmed()
    return conventions.arrayDescriptionPrefixes.contains(where: lower.hasPrefix)
  }

  /// Type words that name an object, as a phrase the object index reads: `period_object` (or
  /// `periodobject`, its underscore lost to emphasis) → "period object".
  private static func objectPhrase(_ typeWords: String) -> String {
    var stem = typeWords
    for suffix in ["_object", " object", "object"] where stem.hasSuffix(suffix) {
      stem = String(stem.dropLast(suffix.count))
      break
    }
    return stem + " object"
  }

  /// The type a description without a type column still states: "Id of the tag" is an id,
  /// "Ids of trackers" a list of them, "Image file." an upload.
  func guess(from description: String) -> (TypeRef, String)? {
    let lower = description.lowercased().trimmed()
    let opening = lower.split(separator: " ").prefix(3).map { String($0) }
    if conventions.idListDescriptionOpenings.contains(where: opening.starts(with:)) {
      return (.array(.primitive(.int)), "an int array")
    }
    if conventions.idDescriptionOpenings.contains(where: opening.starts(with:)) { return (.primitive(.int), "an int") }
    let firstSentence = lower.prefix { $0 != "." }
    let says = conventions.fileDescriptionWords.contains { word in
      firstSentence.hasSuffix(" " + word) || firstSentence == word || word.contains(" ") && firstSentence.contains(word)
    }
    return says ? (.primitive(.file), "a file upload") : nil
  }

  /// Values from nested bullets, else from the description's alternatives. A plain string
  /// becomes an enum only when the description offers values with a cue (`can be`, `one of`).
  private func enumValues(_ bullets: [EnumValue], _ description: String, strongCue: Bool, at position: TextPosition)
    -> [EnumValue]?
  {
    if !bullets.isEmpty { return bullets }
    let wording = DescriptionWording(text: description, conventions: conventions)
    if strongCue, !wording.offersValues { return nil }
    let values = wording.alternatives
    guard !values.isEmpty else { return nil }
    return values.map { EnumValue(value: $0, source: page.location(position)) }
  }

  /// An object type for nested field bullets.
  func objectType(name: String, description: String, children: [FieldDraft], at position: TextPosition) -> String {
    let fields = children.map { field($0, owner: name) }
    return types.addObject(name: name, description: description, fields: fields, source: page.location(position))
  }

  private func locationType(name: String, description: String, children: [FieldDraft], at position: TextPosition)
    -> String
  {
    let source = page.location(position)
    let coordinates = [("lat", "Latitude."), ("lng", "Longitude.")].map { wire, text in
      Field(name: wire, type: .primitive(.double), description: text, source: source)
    }
    let extra = children.filter { $0.name != "lat" && $0.name != "lng" }.map { field($0, owner: name) }
    return types.addObject(name: name, description: description, fields: coordinates + extra, source: source)
  }

  func field(_ draft: FieldDraft, owner: String) -> Field {
    let type = resolve(
      typeText: draft.typeText, links: draft.links, description: draft.description, values: draft.values,
      children: draft.children, owner: owner, member: draft.name, at: draft.position)
    if let cue = draft.absenceCue {
      scope.note("presence-from-docs", "'\(draft.name)' of \(owner) may be absent: its description says \"\(cue.trimmed())\"", at: draft.position)
    }
    if let cue = draft.nullCue {
      scope.note("presence-from-docs", "'\(draft.name)' of \(owner) may be null: its description says \"\(cue.trimmed())\"", at: draft.position)
    }
    return Field(
      name: draft.name, type: type, required: !draft.isOptional, nullable: draft.isNullable,
      description: draft.description, source: page.location(draft.position))
  }
}

extension TypeRef {
  /// An object, a list or a map, whatever it holds: what a member "described above" as part of
  /// an object takes from that object's field.
  fileprivate var isStructured: Bool {
    switch self {
    case .object, .array, .map: true
    case .primitive, .named: false
    }
  }
}
