import APIModel
import DocsMarkdown

/// Reads one action section into an endpoint.
struct EndpointReader {
  let scope: PageScope
  let resourcePath: String

  private var page: SourcePage { scope.page }
  private var conventions: DocsConventions { scope.conventions }
  private var resolver: TypeResolver { TypeResolver(scope: scope) }

  func read(_ action: ActionSection) -> Endpoint {
    let section = action.section
    let owner = TypeNamer.upperCamel(action.path)
    var paragraphs: [String] = []
    var rights: String?
    for block in section.blocks {
      switch block.kind {
      case .paragraph(let inlines):
        if let value = requiredRights(inlines) { rights = value } else { paragraphs.append(inlines.markdownText.trimmed()) }
      case .admonition(let type, let title, let body) where type != conventions.exampleAdmonition:
        let parts = ([title ?? ""] + body.compactMap(\.paragraphText)).filter { !$0.isEmpty }
        if !parts.isEmpty { paragraphs.append(type.prefix(1).uppercased() + type.dropFirst() + ": " + parts.joined(separator: " ")) }
      default:
        continue
      }
    }
    let child = { (titles: Set<String>) in section.children.filter { titles.contains($0.normalizedTitle) } }
    let parameterSections = child(conventions.parameterSections)
    let parameterBlocks = parameterSections.isEmpty ? section.blocks : parameterSections.flatMap(\.blocks)
    var parameters = readParameters(parameterBlocks, owner: owner)
    let presence = ParameterPresence(scope: scope)
    parameters = presence.readingAlternatives(presence.readingDescriptions(parameters), in: parameterBlocks)
    let responseSections = child(conventions.responseSections)
    let notes = responseSections.flatMap(\.blocks).compactMap(\.paragraphText).filter {
      !$0.lowercased().hasPrefix(conventions.nestedFieldsCue)
    }
    let responses = ResponseReader(scope: scope)
    var response =
      responseSections.isEmpty
      ? Response(kind: .json)
      : responses.read(responseSections.flatMap(\.blocks), owner: owner + "Response")
    let codeUnderHeading = section.blocks.filter(\.isCode)
    if responseSections.isEmpty, !codeUnderHeading.isEmpty {
      // Some actions show their response JSON straight under the heading; an action that shows
      // no answer at all answers the envelope alone.
      response = responses.read(codeUnderHeading, owner: owner + "Response")
    }
    let text = Set(parameters.filter { isText($0.type) }.map(\.name))
    var examples = child(conventions.exampleSections).flatMap {
      ExampleReader.read($0.blocks, page: page, textParameters: text)
    }
    if examples.isEmpty { examples = ExampleReader.read(section.blocks.filter(\.isTab), page: page, textParameters: text) }
    let errorSections = child(conventions.errorSections)
    let errors =
      errorSections.isEmpty
      ? ErrorList() : ErrorSectionReader(scope: scope).read(errorSections.flatMap(\.blocks))
    parameters = attachValueLists(in: section, to: parameters)
    parameters = ParameterShape.nestingDottedNames(parameters, owner: owner, scope: scope)
    scope.log.add(ParameterShape.duplicates(parameters))
    var seen: Set<String> = []
    parameters = parameters.filter { seen.insert($0.name).inserted }
    // `### animal/create` and `### create` both name the action `create`.
    let lastSegment = action.path.split(separator: "/").last.map(String.init) ?? action.action
    parameters = parameters.map { OmissionReader(scope: scope).reading($0, action: lastSegment) }
    let multipart = parameters.contains { $0.type == .primitive(.file) }
    return Endpoint(
      path: action.path, resource: resourcePath, action: action.action, summary: paragraphs.first ?? "",
      description: (paragraphs.dropFirst() + notes).joined(separator: "\n\n"), requiredRights: rights,
      requiresSession: !needsNoSession(paragraphs, examples: examples), requestEncoding: multipart ? .multipart : .json,
      parameters: parameters, response: response, errors: errors, examples: examples,
      source: page.location(section.position))
  }

  /// `**required sub-user rights**: tracker_update` → `tracker_update`.
  func requiredRights(_ inlines: [Inline]) -> String? {
    let plain = inlines.plainText.trimmed()
    let lower = plain.lowercased()
    guard conventions.rightsCues.contains(where: lower.hasPrefix), let colon = plain.firstIndex(of: ":")
    else { return nil }
    var value = plain[plain.index(after: colon)...].trimmed()
    while value.hasSuffix(".") { value.removeLast() }
    return value
  }

  /// Actions callable without a session say so (`user/auth`: "It does not need
  /// authentication/hash", "`UNAUTHORIZED` access level"), and their examples send no hash.
  private func needsNoSession(_ paragraphs: [String], examples: [Example]) -> Bool {
    let saysSo = paragraphs.contains { conventions.sessionFree.matches($0.lowercased()) }
    let bodies = examples.compactMap(\.body)
    let sendNoHash = !bodies.isEmpty && bodies.allSatisfy { !$0.contains("\"hash\"") }
    return saysSo || sendNoHash
  }

  // MARK: - Parameters

  private func readParameters(_ blocks: [Block], owner: String) -> [Parameter] {
    let tables = ParameterTableReader(columns: conventions.parameterColumns)
    for block in blocks {
      if case .table(let table) = block.kind, tables.isParameterTable(table) {
        return tables.read(table).map { parameter($0, owner: owner) }
      }
    }
    // Bullet-list parameters: `` * `legal_type` – string. … ``, `* **name** - (object) …`.
    let reader = FieldListReader(page: page, conventions: conventions)
    var drafts: [FieldDraft] = []
    for block in blocks {
      guard case .list(_, let items) = block.kind, let fields = reader.fields(of: items) else { continue }
      drafts += fields.filter { field in !drafts.contains { $0.name == field.name } }
    }
    return drafts.map { draft in
      // A parameter's presence is read by its own cues (`ParameterPresence`), not a field's.
      var draft = draft
      if draft.absenceCue != nil { (draft.isOptional, draft.absenceCue) = (false, nil) }
      let field = resolver.field(draft, owner: owner)
      return Parameter(
        name: field.name, type: field.type, required: field.required,
        default: DescriptionWording(text: draft.description, conventions: conventions).defaultValue,
        description: draft.description,
        source: field.source)
    }
  }

  private func parameter(_ draft: ParameterDraft, owner: String) -> Parameter {
    var draft = draft
    if draft.name.contains(where: \.isWhitespace) {
      let fixed = draft.name.filter { !$0.isWhitespace }
      scope.warn(
        "parameter-name-invalid", "parameter name '\(draft.name)' contains a space, which is dropped",
        at: draft.position, fixIt: fixed)
      draft.name = fixed
    }
    let wording = DescriptionWording(text: draft.descriptionText, conventions: conventions)
    let restrictions = DescriptionWording(text: draft.restrictions, conventions: conventions)
    let optional = wording.isOptional || restrictions.isOptional
    let type = resolver.resolve(
      typeText: draft.typeText, links: draft.description.links.map(\.0) + draft.typeLinks,
      description: draft.descriptionText, owner: Self.lastSegment(resourcePath), member: draft.name,
      at: draft.typePosition, declaredAt: draft.position)
    return Parameter(
      name: draft.name, type: type, required: !optional, default: wording.defaultValue,
      description: draft.descriptionText, example: draft.format, source: page.location(draft.position))
  }

  /// Types whose wire value is a string, so that a GET query's digits are their text.
  private func isText(_ type: TypeRef) -> Bool {
    switch type {
    case .primitive(let primitive): [.string, .dateTime, .localTime, .locale].contains(primitive)
    case .named(let name): scope.types.type(named: name)?.kind == .enum
    default: false
    }
  }

  static func lastSegment(_ path: String) -> String {
    String(path.split(separator: "/").last ?? "")
  }

  // MARK: - Value lists

  /// Value lists in sub-sections of an action (`##### Possible categories:` and a bullet list
  /// of `` `value` – description ``) become enums, tied to the parameter the prose before them
  /// names: its documented values when it is a string.
  private func attachValueLists(in section: Section, to parameters: [Parameter]) -> [Parameter] {
    var parameters = parameters
    let reader = FieldListReader(page: page, conventions: conventions)
    for valueSection in section.allSections.dropFirst() {
      guard let subject = valueListSubject(valueSection.normalizedTitle) else { continue }
      let values = valueSection.blocks.lazy.compactMap { block -> [EnumValue]? in
        if case .list(_, let items) = block.kind { return reader.valueList(items) }
        return nil
      }.first
      guard let values else { continue }
      let mentioned = section.allBlocks.filter { $0.position < valueSection.position }.flatMap { block -> [String] in
        if case .paragraph(let inlines) = block.kind { return inlines.codeSpans }
        return []
      }
      let name = scope.types.addEnum(
        name: TypeNamer.name(resource: Self.lastSegment(resourcePath), member: TypeNamer.singular(subject)),
        description: valueSection.title.trimmingSuffix(":"), values: values,
        source: page.location(valueSection.position))
      guard let index = parameters.lastIndex(where: { mentioned.contains($0.name) }) else { continue }
      if parameters[index].type == .primitive(.string) { parameters[index].documentedValues = name }
    }
    return parameters
  }

  /// `possible categories` → `categories`.
  func valueListSubject(_ title: String) -> String? {
    for prefix in conventions.valueListPrefixes where title.hasPrefix(prefix) {
      return String(title.dropFirst(prefix.count))
    }
    return nil
  }
}

extension Block {
  var paragraphText: String? {
    if case .paragraph(let inlines) = kind { return inlines.markdownText.trimmed() }
    return nil
  }

  var isCode: Bool {
    if case .codeBlock = kind { return true }
    return false
  }

  var isTab: Bool {
    if case .tab = kind { return true }
    return false
  }
}

extension String {
  func trimmingSuffix(_ suffix: String) -> String {
    var text = self.trimmed()
    while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
    return text.trimmed()
  }
}
