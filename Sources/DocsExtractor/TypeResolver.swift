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
  func object(mentionedIn description: String, onPage page: String) -> String? {
    let plain = description.replacingOccurrences(of: #"\]\([^)]*\)"#, with: "", options: .regularExpression)
    let words = plain.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }.map(String.init)
    guard let at = words.firstIndex(where: { ["object", "objects", "json-object"].contains($0) }) else { return nil }
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

  /// The object a link from `page` points at, if any: the section its anchor names, or the
  /// one object of a page linked without an anchor (`[SearchCondition](search_conditions.md)`).
  func object(linkedBy destination: String, from page: String) -> String? {
    let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
    let target = parts[0].isEmpty ? page : LinkChecker.resolve(String(parts[0]), from: page)
    guard parts.count == 2 else {
      let onPage = allByPage[target] ?? allByPage[target + ".md"] ?? []
      return onPage.count == 1 ? onPage.first : nil
    }
    return names[target + "#" + parts[1]] ?? names[target + ".md#" + parts[1]]
  }
}

/// Turns type words into a `TypeRef`: the docs' vocabulary, links to object sections, enum
/// values from nested bullets or from the description, nested fields as object types.
struct TypeResolver {
  let page: SourcePage
  let objects: ObjectIndex
  let valueLists: ValueListIndex
  var types: TypeRegistry
  var diagnostics: [Diagnostic] = []
  let vocabulary = TypeVocabulary()

  init(page: SourcePage, objects: ObjectIndex, types: TypeRegistry, valueLists: ValueListIndex) {
    self.page = page
    self.objects = objects
    self.valueLists = valueLists
    self.types = types
  }

  /// The type of a field or parameter.
  /// - Parameters:
  ///   - owner: the type-name prefix for anything this creates (`Bill` → `BillStatus`).
  mutating func resolve(
    typeText written: String, links: [String], description: String, values: [EnumValue] = [],
    children: [FieldDraft] = [], owner: String, member: String, at position: TextPosition,
    declaredAt declaration: TextPosition? = nil
  ) -> TypeRef {
    // Types made here are placed at the declaration; problems with the type words at `position`.
    let declared = declaration ?? position
    let text = written.replacingOccurrences(of: "`", with: "").trimmed()
    let lowered = text.lowercased()
    let index = objects
    let from = page.path
    let linkedObject = links.compactMap { index.object(linkedBy: $0, from: from) }.first
    let describedAsArray = Self.describesArray(description)
    let isPlural =
      lowered.contains("array") || lowered.contains("list") || lowered.hasSuffix("objects")
      || describedAsArray && (lowered.contains("object") || lowered.contains("json"))
    if describedAsArray, !lowered.contains("array"), !lowered.contains("list"), isPlural {
      diagnostics.append(
        .warning(
          "type-contradicts-description",
          "'\(member)' is typed '\(text)' but described as an array; read as an array", at: page.location(position)))
    }
    // The elements of an array are named in the singular: `statuses` → `RouteStatus`.
    let name = TypeNamer.name(resource: owner, member: isPlural ? TypeNamer.singular(member) : member)

    if let linkedObject, lowered.isEmpty || lowered.contains("object") || lowered.contains("json")
      || lowered.contains("array") || lowered.contains("list") || types.type(named: linkedObject) != nil
        && vocabulary.read(lowered) == nil
    {
      return isPlural ? .array(.named(linkedObject)) : .named(linkedObject)
    }
    if lowered.contains("object") || lowered.contains("json"),
      let named = objects.object(named: member, onPage: page.path)
        ?? objects.object(mentionedIn: description, onPage: page.path)
    {
      return isPlural ? .array(.named(named)) : .named(named)
    }
    switch vocabulary.read(lowered) ?? Self.loosely(lowered) {
    case .type(let type)?:
      if !children.isEmpty, type == .object || type == .array(.object) {
        let object = objectType(name: name, description: description, children: children, at: declared)
        return type == .object ? .named(object) : .array(.named(object))
      }
      if !children.isEmpty, type == .primitive(.location) {
        // A location with more to it (`address`, `radius`): its coordinates and those fields.
        return .named(locationType(name: name, description: description, children: children, at: declared))
      }
      if type == .primitive(.string), let values = enumValues(values, description, strongCue: true, at: declared) {
        return .named(types.addEnum(name: name, description: description, values: values, source: page.location(declared)))
      }
      return type
    case .enumeration?, .arrayOfEnumeration?:
      let isArray = vocabulary.read(lowered) == .arrayOfEnumeration
      guard let values = enumValues(values, description, strongCue: false, at: declared) ?? valueLists.values(for: member)
      else {
        diagnostics.append(
          .warning(
            "enum-values-not-found", "'\(member)' is an enum but no values are listed for it; read as string",
            at: page.location(declared)))
        return isArray ? .array(.primitive(.string)) : .primitive(.string)
      }
      let element = TypeRef.named(
        types.addEnum(name: name, description: description, values: values, source: page.location(declared)))
      return isArray ? .array(element) : element
    case nil:
      if !children.isEmpty {
        return .named(objectType(name: name, description: description, children: children, at: declared))
      }
      if text.isEmpty, let (guess, words) = Self.guess(from: description) {
        diagnostics.append(
          .warning(
            "unknown-type", "'\(member)' has no type; read as \(words), as its description says",
            at: page.location(position)))
        return guess
      }
      let hint = vocabulary.nearestSpelling(to: lowered)
      let message =
        text.isEmpty
        ? "'\(member)' has no type; read as string"
        : "unknown type '\(text)' of '\(member)'" + (hint.map { "; did you mean '\($0)'?" } ?? "; read as string")
      diagnostics.append(.warning("unknown-type", message, at: page.location(position), fixIt: hint))
      if let hint, case .type(let guess)? = vocabulary.read(hint) { return guess }
      return .primitive(.string)
    }
  }

  /// "Array of route's checkpoints": what a description opens with. ("List of" is looser in
  /// these docs: it also stands before single objects.)
  static func describesArray(_ description: String) -> Bool {
    let lower = description.lowercased().trimmed()
    return lower.hasPrefix("array of") || lower.hasPrefix("an array of")
  }

  /// The type a description without a type column still states: "Id of the tag" is an id,
  /// "Ids of trackers" a list of them, "Image file." an upload.
  static func guess(from description: String) -> (TypeRef, String)? {
    let lower = description.lowercased().trimmed()
    let opening = lower.split(separator: " ").prefix(3).map { String($0) }
    if opening.first == "ids" || opening.starts(with: ["list", "of", "ids"]) || opening.starts(with: ["array", "of", "ids"]) {
      return (.array(.primitive(.int)), "an int array")
    }
    if opening.first == "id" || opening.starts(with: ["an", "id"]) { return (.primitive(.int), "an int") }
    let firstSentence = lower.prefix { $0 != "." }
    if firstSentence.hasSuffix(" file") || firstSentence == "file" || firstSentence.contains("file upload") {
      return (.primitive(.file), "a file upload")
    }
    return nil
  }

  /// Readings for phrases outside the vocabulary that still say what they are.
  private static func loosely(_ text: String) -> TypeVocabulary.Reading? {
    // A leading type word followed by more: `string, optional, 15 characters maximum`,
    // `string date (yyyy-MM-dd)`, `true if alarm mode enabled`.
    let firstWord = String(text.prefix { $0.isLetter || $0 == "_" || $0 == "/" })
    if text.hasPrefix("true") || text.hasPrefix("false") { return .type(.primitive(.bool)) }
    if let reading = TypeVocabulary().read(firstWord), firstWord.count < text.count,
      ", (".contains(text[text.index(text.startIndex, offsetBy: firstWord.count)])
    {
      return reading
    }
    if text.hasPrefix("list of") || text.hasPrefix("array of") {
      return .type(.array(text.contains(" id") ? .primitive(.long) : .object))
    }
    if text.contains("date/time") { return .type(.primitive(.dateTime)) }
    if text.contains("location") { return .type(.primitive(.location)) }
    if text.contains("file") || text.contains("image") { return .type(.primitive(.file)) }
    let plural = text.contains("array") || text.contains("list") || text.hasSuffix("objects")
    if text.contains("object") || text.contains("json") || text.contains("map") {
      return .type(plural ? .array(.object) : .object)
    }
    return nil
  }

  /// Values from nested bullets, else from the description's alternatives. A plain string
  /// becomes an enum only when the description offers values with a cue (`can be`, `one of`).
  private func enumValues(_ bullets: [EnumValue], _ description: String, strongCue: Bool, at position: TextPosition)
    -> [EnumValue]?
  {
    if !bullets.isEmpty { return bullets }
    let wording = DescriptionWording(text: description)
    if strongCue, !wording.offersValues { return nil }
    let values = wording.alternatives
    guard !values.isEmpty else { return nil }
    return values.map { EnumValue(value: $0, source: page.location(position)) }
  }

  /// An object type for nested field bullets.
  mutating func objectType(name: String, description: String, children: [FieldDraft], at position: TextPosition)
    -> String
  {
    let fields = children.map { field($0, owner: name) }
    return types.addObject(name: name, description: description, fields: fields, source: page.location(position))
  }

  private mutating func locationType(
    name: String, description: String, children: [FieldDraft], at position: TextPosition
  ) -> String {
    let source = page.location(position)
    let coordinates = [("lat", "Latitude."), ("lng", "Longitude.")].map { wire, text in
      Field(name: wire, type: .primitive(.double), description: text, source: source)
    }
    let extra = children.filter { $0.name != "lat" && $0.name != "lng" }.map { field($0, owner: name) }
    return types.addObject(name: name, description: description, fields: coordinates + extra, source: source)
  }

  mutating func field(_ draft: FieldDraft, owner: String) -> Field {
    let type = resolve(
      typeText: draft.typeText, links: draft.links, description: draft.description, values: draft.values,
      children: draft.children, owner: owner, member: draft.name, at: draft.position)
    return Field(
      name: draft.name, type: type, required: !draft.isOptional, nullable: draft.isNullable,
      description: draft.description, source: page.location(draft.position))
  }
}
