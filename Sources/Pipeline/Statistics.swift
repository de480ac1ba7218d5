import APIModel
import Foundation
import ModelRefiner

/// What apigen read from a docs folder, counted per page and in total (`apigen stats`).
///
/// Everything is attributed to the page of its `source`: an endpoint and its parameters to the
/// page of its heading, a type to the page that defines it, an example to the page it is written
/// on, a diagnostic to the page it points at.
public struct Statistics: Hashable, Sendable {
  /// The counts of one page, or of all of them.
  public struct Counts: Hashable, Sendable {
    public var endpoints = 0
    public var parameters = 0
    /// Named types of every kind (objects, unions and enums), as `lint` counts them.
    public var types = 0
    /// The enums among `types`.
    public var enums = 0
    /// Request examples (cURL, HTTP GET) plus response JSON examples.
    public var examples = 0
    public var errors = 0
    /// Warnings by kind.
    public var warnings: [String: Int] = [:]

    public init() {}

    public var warningCount: Int { warnings.values.reduce(0, +) }

    /// `kind count` pairs, most frequent first, ties by kind: the order never depends on
    /// dictionary order.
    public var warningsByKind: [(kind: String, count: Int)] {
      warnings.map { (kind: $0.key, count: $0.value) }
        .sorted { $0.count != $1.count ? $0.count > $1.count : $0.kind < $1.kind }
    }

    mutating func add(_ other: Counts) {
      endpoints += other.endpoints
      parameters += other.parameters
      types += other.types
      enums += other.enums
      examples += other.examples
      errors += other.errors
      warnings.merge(other.warnings, uniquingKeysWith: +)
    }
  }

  /// The page a diagnostic without a location is filed under.
  public static let noPage = "(no page)"

  /// Every page, sorted by path; a page where nothing was found is listed with zeros.
  public var pages: [(path: String, counts: Counts)] {
    byPage.keys.sorted().map { (path: $0, counts: byPage[$0] ?? Counts()) }
  }
  public private(set) var total = Counts()
  private var byPage: [String: Counts] = [:]
  /// How much of the examples' JSON lands in typed members (`TypedCoverage`).
  public private(set) var coverage: TypedCoverage

  /// - Parameter pages: the paths of every page read, so that empty pages are listed too.
  public init(api: APIDescription, diagnostics: [Diagnostic], pages: [String] = []) {
    coverage = TypedCoverage(api)
    for page in pages { byPage[page] = Counts() }
    for endpoint in api.endpoints {
      count(endpoint.source.file) {
        $0.endpoints += 1
        $0.parameters += endpoint.parameters.count
      }
      for example in endpoint.examples { count(example.sample.source.file) { $0.examples += 1 } }
      for example in endpoint.response.examples { count(example.source.file) { $0.examples += 1 } }
    }
    for type in api.types {
      count(type.source.file) {
        $0.types += 1
        if type.kind == .enum { $0.enums += 1 }
      }
    }
    for diagnostic in diagnostics {
      let page = diagnostic.location?.file ?? Self.noPage
      switch diagnostic.severity {
      case .error: count(page) { $0.errors += 1 }
      case .warning: count(page) { $0.warnings[diagnostic.kind, default: 0] += 1 }
      case .note: break
      }
    }
    for counts in byPage.values { total.add(counts) }
  }

  private mutating func count(_ page: String, _ update: (inout Counts) -> Void) {
    update(&byPage[page, default: Counts()])
  }

  /// A plain table with aligned columns: a header, a line per page, the totals line last.
  public func table() -> String {
    let header = ["page", "endpoints", "parameters", "types", "enums", "examples", "errors", "warnings"]
    var rows = pages.map { Self.row($0.path, $0.counts) }
    rows.append(Self.row("total (\(byPage.keys.count(where: { $0 != Self.noPage })) pages)", total))
    let all = [header] + rows
    // The last column (warning kinds) is left ragged; the others are padded to their widest cell.
    let widths = (0..<header.count).map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { cells in
      cells.enumerated().map { column, cell in
        if column == 0 { return cell.padding(toLength: widths[0], withPad: " ", startingAt: 0) }
        if column == header.count - 1 { return cell }
        return String(repeating: " ", count: widths[column] - cell.count) + cell
      }.joined(separator: "  ")
    }.joined(separator: "\n") + "\n"
  }

  private static func row(_ name: String, _ counts: Counts) -> [String] {
    let kinds = counts.warningsByKind.map { "\($0.kind) \($0.count)" }.joined(separator: ", ")
    return [
      name, "\(counts.endpoints)", "\(counts.parameters)", "\(counts.types)", "\(counts.enums)",
      "\(counts.examples)", "\(counts.errors)",
      counts.warningCount == 0 ? "0" : "\(counts.warningCount) (\(kinds))",
    ]
  }
}

extension Generator {
  /// Reads the docs and counts what was found, listing every page of the folder.
  public func statistics() throws(GeneratorError) -> Statistics {
    let (api, diagnostics) = try read()
    let pages = try DocsFolder(root: options.docs).pages().map(\.path)
    return Statistics(api: api, diagnostics: diagnostics, pages: pages)
  }
}
