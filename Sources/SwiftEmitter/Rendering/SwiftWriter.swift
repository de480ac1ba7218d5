/// Code that is laid out on one line when it fits and otherwise broken around its bracketed
/// list, one item per line: the layouts swift-format keeps.
indirect enum Layout {
  case text(String)
  /// `head` + the items separated by commas + `tail`, where `head` ends with `(` and `tail`
  /// starts with `)`.
  case list(head: String, items: [Layout], tail: String)
  /// `[` + the items + `]`; broken, every item ends with a comma.
  case collection([Layout])
  /// `head tail`; broken, `tail` goes one level in on the next line.
  case breakable(head: String, tail: String)
  /// A call laid out as swift-format does: `head` (ending with `(`) + the arguments + `)`;
  /// broken, the arguments go one level in, together on one line when they fit and one per
  /// line otherwise, the `)` staying on the last of them.
  case call(head: String, arguments: [String])

  var flat: String {
    switch self {
    case .text(let text): text
    case .list(let head, let items, let tail):
      head + items.map(\.flat).joined(separator: ", ") + tail
    case .collection(let items): "[" + items.map(\.flat).joined(separator: ", ") + "]"
    case .breakable(let head, let tail): head + " " + tail
    case .call(let head, let arguments): head + arguments.joined(separator: ", ") + ")"
    }
  }

  var containsCollection: Bool {
    switch self {
    case .text, .breakable, .call: false
    case .list(_, let items, _): items.contains(where: \.containsCollection)
    case .collection: true
    }
  }
}

/// Builds Swift source text line by line, two spaces per indentation level.
struct SwiftWriter {
  static let lineLength = 100

  /// The access level every declaration is written with.
  let access: AccessModifier
  private(set) var text = ""
  private var level = 0

  init(access: AccessModifier) {
    self.access = access
  }

  mutating func line(_ line: String) {
    text += line.isEmpty ? "\n" : String(repeating: "  ", count: level) + line + "\n"
  }

  /// Text another writer made at the same indentation.
  mutating func append(_ written: String) {
    text += written
  }

  /// A blank line, unless the text already ends with one or opens a block.
  mutating func blank() {
    guard !text.isEmpty, !text.hasSuffix("\n\n"), !text.hasSuffix("{\n") else { return }
    text += "\n"
  }

  /// Whether `line` fits at the current indentation; `reserving` columns are kept free.
  private func fits(_ line: String, reserving reserved: Int = 0) -> Bool {
    level * 2 + line.count + reserved <= Self.lineLength
  }

  mutating func doc(_ comment: DocComment) {
    for line in comment.rendered(indent: level, lineLength: Self.lineLength) {
      text += line + "\n"
    }
  }

  /// Writes `layout`, followed by `trailing` (a comma, say), breaking it if it does not fit.
  mutating func write(_ layout: Layout, trailing: String = "") {
    let flat = layout.flat + trailing
    // swift-format counts the trailing comma a collection would get if broken, so a line with
    // a collection literal must leave one column free.
    let fitsFlat = fits(flat, reserving: layout.containsCollection ? 1 : 0)
    switch layout {
    case .list(let head, let items, let tail) where items.isEmpty && !fitsFlat:
      closing(head + tail, trailing)
    case .list(let head, let items, let tail) where !items.isEmpty && !fitsFlat:
      broken(head, items, tail + trailing, commaAfterLast: false)
    case .collection(let items) where !items.isEmpty && !fitsFlat:
      broken("[", items, "]" + trailing, commaAfterLast: true)
    case .breakable(let head, let tail) where !fits(flat):
      line(head)
      indented { $0.line(tail + trailing) }
    case .call(let head, let arguments) where !fitsFlat && !arguments.isEmpty:
      line(head)
      indented { writer in
        let together = arguments.joined(separator: ", ") + ")" + trailing
        if writer.fits(together) {
          writer.line(together)
        } else {
          for (index, argument) in arguments.enumerated() {
            writer.line(argument + (index == arguments.count - 1 ? ")" + trailing : ","))
          }
        }
      }
    default:
      line(flat)
    }
  }

  private mutating func broken(
    _ head: String, _ items: [Layout], _ tail: String, commaAfterLast: Bool
  ) {
    line(head)
    indented {
      for (index, item) in items.enumerated() {
        $0.write(item, trailing: commaAfterLast || index < items.count - 1 ? "," : "")
      }
    }
    if tail.hasSuffix(" {") {
      closing(String(tail.dropLast(2)), " {")
    } else {
      line(tail)
    }
  }

  /// The last line of a signature, `text` then `trailing` (` {`); one too long for the line
  /// breaks before its result type as swift-format does, the brace on a line of its own:
  /// `) async throws(APIError)`, `  -> LongType`, `{`.
  private mutating func closing(_ text: String, _ trailing: String) {
    guard !fits(text + trailing), trailing == " {", let arrow = text.ranges(of: " -> ").last
    else {
      line(text + trailing)
      return
    }
    line(String(text[..<arrow.lowerBound]))
    indented { $0.line("-> " + text[arrow.upperBound...]) }
    line("{")
  }

  /// `header {`, the body one level in, `}`; `header {}` when the body is empty.
  mutating func block(_ header: Layout, _ body: (inout SwiftWriter) -> Void) {
    write(header, trailing: " {")
    let openedLength = text.utf8.count
    indented(body)
    if text.utf8.count == openedLength {
      text.removeLast()
      text += "}\n"
    } else {
      line("}")
    }
  }

  mutating func block(_ header: String, _ body: (inout SwiftWriter) -> Void) {
    block(.text(header), body)
  }

  private mutating func indented(_ body: (inout SwiftWriter) -> Void) {
    level += 1
    body(&self)
    level -= 1
  }
}
