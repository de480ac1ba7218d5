import APIModel
import DocsMarkdown

/// The sections of every page: headings, and bold labels where the dialect has them, with an
/// action's sub-sections that stand at its own level moved under it.
struct PageStructurePass: ExtractionPass {
  let summary = "page structure: each page's sections (headings, and bold labels in GitBook), its resource and actions"

  func run(_ context: inout ExtractionContext) {
    context.structures = context.pages.map {
      PageStructure(page: $0, conventions: context.conventions, dialect: context.dialect)
    }
  }
}

/// Value lists given under a label rather than under their field, per page, every page's lists
/// the fallback of each.
struct ValueListPass: ExtractionPass {
  let summary = "value lists: lists of values under a label, for enums that list none of their own"

  func run(_ context: inout ExtractionContext) {
    context.valueLists = ValueListIndex.joined(context.structures.map(ValueListIndex.init))
  }
}

/// Object sections, their names reserved before any field is read, so that a field on any
/// page can refer to an object on any other.
struct ObjectSectionPass: ExtractionPass {
  let summary = "object sections: `## X object` sections, named before any field is read so fields can refer to them"

  func run(_ context: inout ExtractionContext) {
    let found = context.structures.map(ObjectReader.sections(of:))
    // A name several sections share is qualified by their parents in all of them.
    let shared = Dictionary(grouping: found.joined(), by: \.name).filter { $0.value.count > 1 }.keys
    for (index, page) in context.structures.enumerated() {
      for object in found[index] {
        let name = context.types.reserveObject(
          name: object.name, qualifier: shared.contains(object.name) ? object.qualifier : "",
          source: page.page.location(object.section.position))
        context.objects.add(page: page.page.path, anchor: object.anchor, name: name, calledBy: object.name)
        context.objectSections.append((index, ObjectSection(section: object.section, name: name, anchor: object.anchor)))
      }
    }
  }
}

/// Sections whose sub-sections each describe one kind of an object, told apart by a field of
/// their examples: discriminated unions, their variants' names reserved.
struct UnionSectionPass: ExtractionPass {
  let summary = "unions: sections whose sub-sections are kinds of one object, told apart by a field of their examples"

  func run(_ context: inout ExtractionContext) {
    for (index, page) in context.structures.enumerated() {
      for union in UnionSection.find(in: page) {
        let variantNames = union.variants.map { variant in
          // A kind the docs define as an object of its own ("`regular` object:") keeps its name.
          context.objectSections.first { $0.page == index && $0.section.section.position == variant.section.position }?
            .section.name
            ?? context.types.reserveObject(
              name: union.name + TypeNamer.upperCamel(variant.value), source: page.page.location(variant.section.position))
        }
        let name = context.types.addUnion(
          name: union.name, description: union.section.firstParagraph, discriminator: union.discriminator,
          variants: zip(union.variants, variantNames).map { UnionVariant(value: $0.value, type: $1) },
          source: page.page.location(union.section.position))
        context.objects.add(
          page: page.page.path, anchor: context.dialect.anchor(for: union.section.title), name: name,
          calledBy: union.name)
        context.unionSections.append((index, union, variantNames))
      }
    }
  }
}

/// The fields of every union variant and object section, checked against their JSON examples.
struct ObjectFieldPass: ExtractionPass {
  let summary = "object fields: the field bullets of every object and union variant, checked against its JSON example"

  func run(_ context: inout ExtractionContext) {
    for (index, union, variantNames) in context.unionSections {
      let scope = context.scope(index)
      for (variant, name) in zip(union.variants, variantNames) {
        var fields = ObjectReader.fields(
          of: ObjectSection(section: variant.section, name: name, anchor: ""), known: [union.discriminator],
          scope: scope)
        if !fields.contains(where: { $0.name == union.discriminator }) {
          fields.insert(
            Field(
              name: union.discriminator, type: .primitive(.string), description: "Always `\(variant.value)`.",
              source: scope.location(variant.section.position)), at: 0)
        }
        context.types.setFields(fields, of: name)
        context.types.setDescription(variant.section.firstParagraph, of: name)
      }
    }
    for (index, object) in context.objectSections {
      let fields = ObjectReader.fields(of: object, scope: context.scope(index))
      context.types.setFields(fields, of: object.name)
      context.types.setDescription(object.section.firstParagraph, of: object.name)
    }
  }
}

/// What the Markdown reader noticed on each page, and its links that lead nowhere.
struct PageIssuePass: ExtractionPass {
  let summary = "page issues: what the Markdown reader noticed, and links to pages or anchors that are not there"

  func run(_ context: inout ExtractionContext) {
    let links = LinkChecker(pages: context.pages, dialect: context.dialect)
    for page in context.pages {
      context.log.add(page.document.issues.map { .warning($0.kind, $0.message, at: page.location($0.position)) })
      context.log.add(links.check(page))
    }
  }
}

extension Section {
  /// The first paragraph: an object's or a union's description.
  var firstParagraph: String {
    blocks.lazy.compactMap(\.paragraphText).first ?? ""
  }
}
