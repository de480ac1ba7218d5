/// The Markdown a documentation generator reads beyond CommonMark and GFM tables: its block
/// syntax, how it names a heading's anchor, which page a link to a folder opens, its macros
/// and its includes.
///
/// `mkdocs` and `gitbook` are the two apigen knows. A third is a new value of this type (and,
/// for a new block syntax, a `BlockSyntax` of its own): nothing else in the reader changes.
public struct MarkdownDialect: Sendable, Hashable, CustomStringConvertible {
  /// The name `--dialect` takes.
  public var name: String
  /// The blocks written in syntax of the dialect's own, cut out of the text before cmark runs
  /// and parsed on their own.
  public var blockSyntaxes: [BlockSyntax]
  /// How a heading's text becomes the anchor links name.
  public var anchors: AnchorRule
  /// The pages a link to a folder (`dir/`, `../`) opens, tried in order.
  public var folderIndexPages: [String]
  /// Whether `{{ name }}` is a macro to expand (mkdocs-macros), rather than text.
  public var expandsMacros: Bool
  /// Whether a paragraph of bold text alone (`**Parameters**`) is the dialect's way to label a
  /// section, as a heading would.
  public var boldLabelsAreHeadings: Bool

  public init(
    name: String, blockSyntaxes: [BlockSyntax], anchors: AnchorRule, folderIndexPages: [String],
    expandsMacros: Bool, boldLabelsAreHeadings: Bool
  ) {
    self.name = name
    self.blockSyntaxes = blockSyntaxes
    self.anchors = anchors
    self.folderIndexPages = folderIndexPages
    self.expandsMacros = expandsMacros
    self.boldLabelsAreHeadings = boldLabelsAreHeadings
  }

  public var description: String { name }

  /// mkdocs with mkdocs-material and mkdocs-macros: content tabs (`=== "cURL"`), admonitions
  /// (`!!! note`, `??? example`) with bodies indented by four spaces, `{{ extra.x }}` macros,
  /// Python-Markdown's anchors, `index.md` as a folder's page.
  public static let mkdocs = MarkdownDialect(
    name: "mkdocs", blockSyntaxes: [.mkdocsMaterial], anchors: .pythonMarkdown, folderIndexPages: ["index.md"],
    expandsMacros: true, boldLabelsAreHeadings: false)

  /// GitBook: Liquid-style blocks (`{% tabs %}`, `{% tab title="cURL" %}`, `{% code %}`,
  /// `{% hint style="info" %}`, `{% stepper %}`, `{% include "…" %}`), HTML `<details>`
  /// disclosures, bold labels where mkdocs pages had headings, GitBook's anchors (dots kept,
  /// `id-` before a leading digit), `README.md` as a folder's page. `{{ … }}` is text.
  public static let gitbook = MarkdownDialect(
    name: "gitbook", blockSyntaxes: [.liquidTags, .htmlDetails], anchors: .gitbook,
    folderIndexPages: ["README.md", "index.md"], expandsMacros: false, boldLabelsAreHeadings: true)

  /// Every dialect, for `--dialect` and detection.
  public static let all: [MarkdownDialect] = [.mkdocs, .gitbook]

  public static func named(_ name: String) -> MarkdownDialect? {
    all.first { $0.name == name.lowercased() }
  }

  /// The anchor of a heading with this text (its plain text, markup removed).
  public func anchor(for heading: String) -> String {
    anchors.slug(heading)
  }
}

/// How a heading's text becomes its anchor.
public enum AnchorRule: String, Sendable, Hashable {
  /// Python-Markdown's default (mkdocs): lower case, punctuation but `_` and `-` dropped,
  /// runs of spaces and hyphens as one hyphen.
  case pythonMarkdown
  /// GitBook: lower case, punctuation but `_`, `-` and `.` dropped, each space a hyphen, and
  /// `id-` before an anchor that would start with a digit (`1. Setup` → `id-1.-setup`).
  case gitbook

  public func slug(_ heading: String) -> String {
    switch self {
    case .pythonMarkdown:
      let kept = heading.lowercased().unicodeScalars.filter {
        $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == " "
      }
      let words = String(String.UnicodeScalarView(kept)).split { $0 == " " || $0 == "-" }
      return words.joined(separator: "-")
    case .gitbook:
      let kept = heading.lowercased().unicodeScalars.filter {
        $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == "."
          || $0.properties.isWhitespace
      }
      let words = String(String.UnicodeScalarView(kept)).split { $0.isWhitespace }
      let slug = words.joined(separator: "-")
      return slug.first?.isNumber == true ? "id-" + slug : slug
    }
  }
}

/// A block syntax a dialect adds to CommonMark.
public enum BlockSyntax: String, Sendable, Hashable {
  /// mkdocs-material: `=== "Title"` content tabs and `!!!` / `???` admonitions, each with a
  /// body indented by four spaces.
  case mkdocsMaterial
  /// Liquid-style tags on lines of their own, `{% name args %}` … `{% endname %}`.
  case liquidTags
  /// `<details>` … `</details>` with a `<summary>`, whose content is Markdown.
  case htmlDetails

  /// The directive that starts at `lines[index]`, if one does.
  func directive(at index: Int, in lines: [String]) -> DirectiveMatch? {
    switch self {
    case .mkdocsMaterial: MkdocsBlocks.directive(at: index, in: lines)
    case .liquidTags: LiquidTags.directive(at: index, in: lines)
    case .htmlDetails: HTMLDetails.directive(at: index, in: lines)
    }
  }
}

/// A block found in a region's lines: what it is, and the lines it takes.
struct DirectiveMatch {
  enum Kind {
    case tab(title: String)
    case admonition(type: String, title: String?)
    /// A wrapper whose body stands where it is (`{% tabs %}`, `{% code %}`, `<details>`).
    case transparent
    /// `{% include "path" %}`: another file's blocks stand where it is.
    case include(path: String)
    /// A tag that holds nothing to read (`{% embed url="…" %}`), or one apigen does not know
    /// (then `issue` says so).
    case dropped
  }

  var kind: Kind
  /// 0-based indices into the region's lines: the first and last line the directive takes
  /// (all of them are removed from the text cmark sees), and its body when it has one.
  var first: Int
  var last: Int
  var body: ClosedRange<Int>?
  /// Columns of indentation to remove from the body's lines.
  var dedent: Int
  /// Something wrong with it (an unclosed or unknown tag), reported at its first line.
  var issue: (kind: String, message: String)?
}
