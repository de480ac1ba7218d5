import APIModel
import DocsMarkdown

/// Reads one API page: its resource (`API path: …`) and its actions.
struct PageReader {
  let page: SourcePage
  let vocabulary = TypeVocabulary()
  var types: TypeRegistry
  var diagnostics: [Diagnostic] = []

  init(page: SourcePage, types: TypeRegistry) {
    self.page = page
    self.types = types
  }

  /// The resource and endpoints of the page; nil for pages that declare no API path.
  mutating func read() -> (Resource, [Endpoint])? {
    let root = Section.tree(of: page.document.blocks)
    guard let (path, position) = Self.apiPath(in: root) else { return nil }
    let title = page.document.frontMatter.title ?? root.allSections.first { $0.level == 1 }?.title ?? path
    let resource = Resource(
      path: path, title: title, description: page.document.frontMatter.description ?? "",
      source: page.location(position))
    let actions = root.allSections.filter { $0.position > position && Self.isAction($0) }
    let endpoints = actions.map { endpoint($0, resource: resource) }
    return (resource, endpoints)
  }

  // MARK: - Resource

  /// `API path: `/x/y`.` or `API base path: `/x/y``, normalised to a leading slash and no
  /// trailing slash.
  static func apiPath(in root: Section) -> (String, TextPosition)? {
    for section in root.allSections {
      for block in section.blocks {
        guard case .paragraph(let inlines) = block.kind else { continue }
        let text = inlines.plainText.lowercased()
        guard text.hasPrefix("api path") || text.hasPrefix("api base path"),
          let code = inlines.codeSpans.first
        else { continue }
        return (normalizedPath(code), block.position)
      }
    }
    return nil
  }

  static func normalizedPath(_ path: String) -> String {
    var path = path.trimmed()
    while path.hasSuffix("/") { path.removeLast() }
    return path.hasPrefix("/") ? path : "/" + path
  }

  private static let subsectionTitles: Set<String> = [
    "parameters", "parameter", "example", "examples", "response", "responses", "errors",
  ]

  static func isAction(_ section: Section) -> Bool {
    section.level >= 2 && section.children.contains { subsectionTitles.contains($0.normalizedTitle) }
  }

  // MARK: - Endpoint

  private mutating func endpoint(_ section: Section, resource: Resource) -> Endpoint {
    let action = Self.actionName(section.title)
    let path = action.hasPrefix("/") ? Self.normalizedPath(action) : resource.path + "/" + action
    var paragraphs: [String] = []
    var rights: String?
    for block in section.blocks {
      guard case .paragraph(let inlines) = block.kind else { continue }
      if let value = Self.requiredRights(inlines) {
        rights = value
      } else {
        paragraphs.append(inlines.markdownText.trimmed())
      }
    }
    let child = { (titles: Set<String>) in section.children.filter { titles.contains($0.normalizedTitle) } }
    let parameterSections = child(["parameters", "parameter"])
    var parameters = parameterSections.flatMap { self.parameters(in: $0.blocks, resource: resource) }
    if parameterSections.isEmpty {
      parameters = self.parameters(in: section.blocks, resource: resource)
    }
    let responseSections = child(["response", "responses"])
    let notes = responseSections.flatMap { $0.blocks }.compactMap { block -> String? in
      guard case .paragraph(let inlines) = block.kind else { return nil }
      return inlines.markdownText.trimmed()
    }
    let examples = child(["example", "examples"]).flatMap { ExampleReader.read($0.blocks, page: page) }
    let errorSections = child(["errors"])
    let errors =
      errorSections.isEmpty
      ? ErrorList()
      : ErrorSectionReader.read(errorSections.flatMap(\.blocks), page: page)
    parameters = attachValueLists(in: section, to: parameters, resource: resource)
    let endpoint = Endpoint(
      path: path, resource: resource.path, action: action, summary: paragraphs.first ?? "",
      description: (paragraphs.dropFirst() + notes).joined(separator: "\n\n"), requiredRights: rights,
      parameters: parameters,
      response: Response(fields: [], examples: responseSections.flatMap { Self.jsonSamples($0.blocks, page: page) }),
      errors: errors, examples: examples, source: page.location(section.position))
    diagnostics += ExampleChecker.check(endpoint)
    return endpoint
  }

  /// `bind` → `bind`; `read(entity_id)` → `read`.
  static func actionName(_ title: String) -> String {
    let name = title.split(separator: "(", maxSplits: 1).first.map(String.init) ?? title
    return name.trimmed()
  }

  /// `**required sub-user rights**: tracker_update` → `tracker_update`.
  static func requiredRights(_ inlines: [Inline]) -> String? {
    let plain = inlines.plainText.trimmed()
    guard plain.lowercased().hasPrefix("required sub-user rights") || plain.lowercased().hasPrefix("required subuser rights"),
      let colon = plain.firstIndex(of: ":")
    else { return nil }
    return plain[plain.index(after: colon)...].trimmed()
  }

  private static func jsonSamples(_ blocks: [Block], page: SourcePage) -> [CodeSample] {
    blocks.compactMap { block in
      guard case .codeBlock(let info, let code) = block.kind, info.lowercased() == "json" else { return nil }
      return CodeSample(language: "json", code: code, source: page.location(block.position))
    }
  }

  // MARK: - Parameters

  private mutating func parameters(in blocks: [Block], resource: Resource) -> [Parameter] {
    for block in blocks {
      guard case .table(let table) = block.kind, ParameterTableReader.isParameterTable(table) else { continue }
      return ParameterTableReader.read(table).map { parameter($0, resource: resource) }
    }
    return []
  }

  private mutating func parameter(_ draft: ParameterDraft, resource: Resource) -> Parameter {
    let wording = DescriptionWording(text: draft.descriptionText)
    let location = page.location(draft.position)
    var type: TypeRef = .primitive(.string)
    switch vocabulary.read(draft.typeText) {
    case .type(let known)?:
      type = known
    case .enumeration?, .arrayOfEnumeration?:
      let name = enumFromDescription(draft, wording: wording, resource: resource)
      let element: TypeRef = name.map { .named($0) } ?? .primitive(.string)
      type = vocabulary.read(draft.typeText) == .arrayOfEnumeration ? .array(element) : element
    case nil:
      let hint = vocabulary.nearestSpelling(to: draft.typeText)
      let message =
        draft.typeText.isEmpty
        ? "parameter '\(draft.name)' has no type; read as string"
        : "unknown type '\(draft.typeText)' of parameter '\(draft.name)'"
          + (hint.map { "; did you mean '\($0)'?" } ?? "; read as string")
      diagnostics.append(.warning("unknown-type", message, at: page.location(draft.typePosition)))
      if let hint, case .type(let guess)? = vocabulary.read(hint) { type = guess }
    }
    return Parameter(
      name: draft.name, type: type, required: !wording.isOptional, default: wording.defaultValue,
      description: draft.descriptionText, example: draft.format, source: location)
  }

  /// An enum parameter's values, from the alternatives its description offers.
  private mutating func enumFromDescription(
    _ draft: ParameterDraft, wording: DescriptionWording, resource: Resource
  ) -> String? {
    let values = wording.alternatives
    guard !values.isEmpty else {
      diagnostics.append(
        .warning(
          "enum-values-not-found",
          "parameter '\(draft.name)' is an enum but its description lists no values; read as string",
          at: page.location(draft.position)))
      return nil
    }
    let location = page.location(draft.position)
    return types.addEnum(
      name: TypeNamer.name(resource: Self.lastSegment(resource.path), member: draft.name),
      description: draft.descriptionText,
      values: values.map { EnumValue(value: $0, source: location) }, source: location)
  }

  static func lastSegment(_ path: String) -> String {
    String(path.split(separator: "/").last ?? "")
  }

  // MARK: - Value lists

  /// Value lists in sub-sections of an action (`##### Possible categories:` and a bullet list
  /// of `` `value` – description ``) become enums, tied to the parameter the prose before them
  /// names: its type when it is an enum, its documented values when it is a string.
  private mutating func attachValueLists(in section: Section, to parameters: [Parameter], resource: Resource)
    -> [Parameter]
  {
    var parameters = parameters
    for valueSection in section.allSections.dropFirst() {
      guard let subject = Self.valueListSubject(valueSection.normalizedTitle),
        let values = valueList(valueSection.blocks)
      else { continue }
      let prose = section.allBlocks.filter { $0.position < valueSection.position }
      let mentioned = prose.flatMap { block -> [String] in
        if case .paragraph(let inlines) = block.kind { return inlines.codeSpans }
        return []
      }
      let name = types.addEnum(
        name: TypeNamer.name(resource: Self.lastSegment(resource.path), member: TypeNamer.singular(subject)),
        description: valueSection.title.trimmingSuffix(":"), values: values,
        source: page.location(valueSection.position))
      guard let index = parameters.lastIndex(where: { mentioned.contains($0.name) }) else { continue }
      if parameters[index].type == .primitive(.string) {
        parameters[index].documentedValues = name
      }
    }
    return parameters
  }

  /// `possible categories` → `categories`.
  static func valueListSubject(_ title: String) -> String? {
    for prefix in ["possible ", "available ", "list of "] where title.hasPrefix(prefix) {
      return String(title.dropFirst(prefix.count))
    }
    return nil
  }

  /// A bullet list whose every item starts with a code span: `` * `value` – description ``.
  private func valueList(_ blocks: [Block]) -> [EnumValue]? {
    for block in blocks {
      guard case .list(_, let items) = block.kind else { continue }
      var values: [EnumValue] = []
      for item in items {
        guard case .paragraph(let inlines)? = item.blocks.first?.kind,
          case .code(let value)? = inlines.first?.kind
        else { return nil }
        var description = Array(inlines.dropFirst()).markdownText.trimmed()
        for dash in ["–", "-", "—"] where description.hasPrefix(dash) {
          description = String(description.dropFirst()).trimmed()
        }
        values.append(EnumValue(value: value, description: description, source: page.location(item.position)))
      }
      return values.isEmpty ? nil : values
    }
    return nil
  }
}

extension String {
  func trimmingSuffix(_ suffix: String) -> String {
    var text = self.trimmed()
    while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
    return text.trimmed()
  }
}
