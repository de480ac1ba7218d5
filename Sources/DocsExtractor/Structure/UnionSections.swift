import APIModel
import DocsMarkdown

/// A section whose sub-sections each describe one kind of the same object, told apart by a
/// string field of their JSON examples (`"type": "circle"`, `"polygon"`, `"sausage"`): a
/// discriminated union.
struct UnionSection {
  var section: Section
  var name: String
  var discriminator: String
  /// The discriminator value of each variant and the sub-section that describes it.
  var variants: [(value: String, section: Section)]

  static func find(in page: PageStructure) -> [UnionSection] {
    page.root.allSections.compactMap { candidate(for: $0, conventions: page.conventions) }
  }

  private static func candidate(for section: Section, conventions: DocsConventions) -> UnionSection? {
    let described = section.children.compactMap { child -> (Section, [String: JSON])? in
      // A group label's sub-labels are kinds by their form; sub-headings need a field list too.
      guard let example = JSONSamples(child.blocks).objects.first?.value,
        section.isGroup || child.blocks.contains(where: { if case .list = $0.kind { true } else { false } })
      else { return nil }
      return (child, example)
    }
    guard described.count >= 2, described.count == section.children.count else { return nil }
    // An action's response whose kinds the docs define one by one is a union only where a
    // sentence names it ("where <track_info> is either <regular>, … or <cluster>:").
    let named = conventions.unionNamed(by: section.blocks.compactMap(\.paragraphText))
    if conventions.actionSubsections.contains(section.normalizedTitle), named == nil { return nil }
    // The discriminator: a key every example has, with a different string in each.
    let keys = described.map { Set($0.1.keys) }.reduce(Set(described[0].1.keys)) { $0.intersection($1) }
    for key in keys.sorted() {
      let values = described.compactMap { $0.1[key]?.string }
      guard values.count == described.count, Set(values).count == values.count,
        values.allSatisfy(DescriptionWording.isToken),
        // Each variant's heading names its value (`#### circle:` for `"type": "circle"`).
        zip(values, described).allSatisfy({ $1.0.normalizedTitle.contains($0.lowercased()) })
      else { continue }
      return UnionSection(
        section: section, name: named.map(TypeNamer.upperCamel) ?? unionName(section, conventions: conventions),
        discriminator: key,
        variants: zip(values, described.map(\.0)).map { ($0, $1) })
    }
    return nil
  }

  /// The object the section's prose names in bold (`**zone** is JSON object with one of
  /// types…`), else the section title.
  private static func unionName(_ section: Section, conventions: DocsConventions) -> String {
    for block in section.blocks {
      guard case .paragraph(let inlines) = block.kind else { continue }
      for inline in inlines {
        if case .strong(let content) = inline.kind { return TypeNamer.upperCamel(content.plainText) }
      }
    }
    var title = section.normalizedTitle
    // "Settings object structures by type": the object is what comes before the kinds.
    for suffix in conventions.unionTitleSuffixes where title.hasSuffix(suffix) {
      title = String(title.dropLast(suffix.count))
      break
    }
    return ObjectReader.typeName(title, conventions: conventions) ?? TypeNamer.upperCamel(title)
  }
}
