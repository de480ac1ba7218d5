import APIModel
import DocsMarkdown

/// Stage 2 of apigen: parsed pages → the model.
///
/// Two passes: the first finds every object section of the docs (so that a link from any page
/// to `other.md#bill-object` resolves to the type `Bill`), the second reads the resources and
/// their actions.
public struct DocsExtractor: Sendable {
  public struct Options: Sendable {
    public var title: String
    public var baseURL: String

    public init(title: String, baseURL: String) {
      self.title = title
      self.baseURL = baseURL
    }
  }

  public var options: Options

  public init(options: Options) {
    self.options = options
  }

  public func extract(_ pages: [SourcePage]) -> (APIDescription, [Diagnostic]) {
    let pages = pages.sorted { $0.path < $1.path }
    var types = TypeRegistry()
    var diagnostics: [Diagnostic] = []
    let finders = pages.map(ActionFinder.init(page:))
    let valueLists = ValueListIndex.joined(finders.map { ValueListIndex(root: $0.root, page: $0.page) })

    // Pass 1: object sections, names first so that fields can refer to any of them.
    var objects = ObjectIndex()
    var objectSections: [(Int, ObjectSection)] = []
    let found = finders.map { ObjectReader.sections(in: $0.root) }
    // A name several sections share is qualified by their parents in all of them.
    let shared = Dictionary(grouping: found.joined(), by: \.name).filter { $0.value.count > 1 }.keys
    for (index, finder) in finders.enumerated() {
      for object in found[index] {
        let name = types.reserveObject(
          name: object.name, qualifier: shared.contains(object.name) ? object.qualifier : "",
          source: finder.page.location(object.section.position))
        objects.add(page: finder.page.path, anchor: object.anchor, name: name, calledBy: object.name)
        objectSections.append((index, ObjectSection(section: object.section, name: name, anchor: object.anchor)))
      }
    }
    var unions: [(Int, UnionSection, [String])] = []
    for (index, finder) in finders.enumerated() {
      for union in UnionSection.find(in: finder.root, page: finder.page) {
        let variantNames = union.variants.map { variant in
          types.reserveObject(
            name: union.name + TypeNamer.upperCamel(variant.value), source: finder.page.location(variant.section.position))
        }
        let name = types.addUnion(
          name: union.name, description: Self.description(of: union.section), discriminator: union.discriminator,
          variants: zip(union.variants, variantNames).map { UnionVariant(value: $0.value, type: $1) },
          source: finder.page.location(union.section.position))
        objects.add(
          page: finder.page.path, anchor: LinkChecker.slug(union.section.title), name: name, calledBy: union.name)
        unions.append((index, union, variantNames))
      }
    }
    for (index, union, variantNames) in unions {
      for (variant, name) in zip(union.variants, variantNames) {
        var resolver = TypeResolver(page: pages[index], objects: objects, types: types, valueLists: valueLists[index])
        var fields = ObjectReader.fields(
          of: ObjectSection(section: variant.section, name: name, anchor: ""), known: [union.discriminator],
          resolver: &resolver)
        if !fields.contains(where: { $0.name == union.discriminator }) {
          fields.insert(
            Field(
              name: union.discriminator, type: .primitive(.string), description: "Always `\(variant.value)`.",
              source: pages[index].location(variant.section.position)), at: 0)
        }
        types = resolver.types
        types.setFields(fields, of: name)
        types.setDescription(Self.description(of: variant.section), of: name)
        diagnostics += resolver.diagnostics
      }
    }
    for (index, object) in objectSections {
      var resolver = TypeResolver(page: pages[index], objects: objects, types: types, valueLists: valueLists[index])
      let fields = ObjectReader.fields(of: object, resolver: &resolver)
      types = resolver.types
      types.setFields(fields, of: object.name)
      types.setDescription(Self.description(of: object.section), of: object.name)
      diagnostics += resolver.diagnostics
    }

    // Pass 2: resources and endpoints.
    var resources: [Resource] = []
    var endpoints: [Endpoint] = []
    let links = LinkChecker(pages: pages)
    for (index, finder) in finders.enumerated() {
      let page = finder.page
      diagnostics += page.document.issues.map { .warning($0.kind, $0.message, at: page.location($0.position)) }
      diagnostics += links.check(page)
      guard let (path, position) = finder.resource() else { continue }
      let resource = Resource(
        path: path, title: page.document.frontMatter.title ?? finder.root.allSections.first { $0.level == 1 }?.title ?? path,
        description: page.document.frontMatter.description ?? "", source: page.location(position))
      var reader = EndpointReader(
        resolver: TypeResolver(page: page, objects: objects, types: types, valueLists: valueLists[index]),
        resourcePath: path)
      var pageEndpoints = finder.actions(resourcePath: path, after: position).map { reader.read($0) }
      types = reader.resolver.types
      diagnostics += reader.resolver.diagnostics
      let (corrected, evidence) = PathEvidence.corrected(pageEndpoints, resource: resource, baseURL: options.baseURL)
      pageEndpoints = corrected
      diagnostics += evidence
      diagnostics += pageEndpoints.flatMap { ExampleChecker.check($0, baseURL: options.baseURL) }
      if !pageEndpoints.isEmpty { resources.append(resource) }
      endpoints += pageEndpoints
    }
    diagnostics += Self.duplicatePaths(endpoints)
    let reference = ReferenceSections(finders)
    var evidence = ExampleEvidence(types: types.sorted)
    endpoints = endpoints.map { evidence.apply(to: $0) }
    diagnostics += evidence.diagnostics
    var variants = RequestVariants(types: evidence.refinedTypes)
    endpoints = variants.apply(to: endpoints)
    diagnostics += variants.diagnostics
    var requestEvidence = ExampleEvidence(types: variants.refinedTypes)
    for endpoint in endpoints { requestEvidence.applyRequests(of: endpoint, requestTypes: variants.variantNames) }
    let finalTypes = requestEvidence.refinedTypes
    let byName = Dictionary(uniqueKeysWithValues: finalTypes.map { ($0.name, $0) })
    diagnostics += endpoints.flatMap { ExampleChecker.checkValues($0, types: byName) }

    let api = APIDescription(
      info: .init(title: options.title, baseURL: options.baseURL, servers: reference.servers),
      resources: resources.sorted { $0.path < $1.path },
      endpoints: Self.unique(endpoints).sorted { $0.path < $1.path },
      types: finalTypes, errorCodes: reference.errorCodes)
    return (api, Array(Set(diagnostics)).sorted())
  }

  /// The first paragraph of an object section.
  private static func description(of section: Section) -> String {
    section.blocks.lazy.compactMap(\.paragraphText).first ?? ""
  }

  private static func duplicatePaths(_ endpoints: [Endpoint]) -> [Diagnostic] {
    var first: [String: SourceLocation] = [:]
    var diagnostics: [Diagnostic] = []
    for endpoint in endpoints {
      if let earlier = first[endpoint.path] {
        diagnostics.append(
          .warning(
            "duplicate-endpoint", "'\(endpoint.path)' is documented twice; the first is used", at: endpoint.source,
            notes: [.init("first documented here", at: earlier)]))
      } else {
        first[endpoint.path] = endpoint.source
      }
    }
    return diagnostics
  }

  private static func unique(_ endpoints: [Endpoint]) -> [Endpoint] {
    var seen: Set<String> = []
    return endpoints.filter { seen.insert($0.path).inserted }
  }
}
