import APIModel
import DocsMarkdown

/// One parsed documentation page, the extractor's input.
public struct SourcePage: Sendable {
  /// The page's path relative to the docs folder, with `/` separators.
  public var path: String
  public var document: MarkdownDocument

  public init(path: String, document: MarkdownDocument) {
    self.path = path
    self.document = document
  }

  func location(_ position: TextPosition) -> SourceLocation {
    SourceLocation(file: path, line: position.line, column: position.column)
  }
}

/// A heading and everything under it up to the next heading of the same or a higher level.
struct Section {
  var level: Int
  var title: String
  var titleInlines: [Inline]
  var position: TextPosition
  /// The blocks before the first sub-heading.
  var blocks: [Block]
  var children: [Section]
  /// Opened by a bold label (`**Parameters**`) rather than a heading.
  var isLabel = false
  /// A label that introduces the labels after it (`**Settings object structures by type:**`
  /// over `**electronic_lock_password**`, `**hhd_lock_password**`…), which are its children.
  var isGroup = false
  /// An object a sentence defines by the JSON example after it ("where `contact` object is:"),
  /// taken out of the section it stands in.
  var isDefinition = false

  /// Builds the section tree of a page; the root has level 0 and holds what precedes the
  /// first heading.
  /// - Parameter labels: the section names a paragraph of bold text alone opens a section
  ///   with, one level below the section it stands in (empty: none does). Where labels open
  ///   sections, a bold paragraph that ends on a colon and is followed by another bold paragraph
  ///   is a group label. Under a group (such a label, or a heading that ends on a colon and is
  ///   followed by a bold paragraph), each bold paragraph followed by a code block is a
  ///   sub-label, a section of its own.
  /// - Parameter definedObject: the object a paragraph defines by the code block after it
  ///   ("where `contact` object is:" → `contact`): that block, and a list after it that names its
  ///   keys, become a section of their own, `contact object`, so that they are not read as part
  ///   of the section they stand in (a response's fields).
  static func tree(
    of blocks: [Block], labels: Set<String> = [], definedObject: (Block) -> String? = { _ in nil }
  ) -> Section {
    var stack: [Section] = [
      Section(level: 0, title: "", titleInlines: [], position: TextPosition(line: 1, column: 1), blocks: [], children: [])
    ]
    func closeTop() {
      let finished = stack.removeLast()
      stack[stack.count - 1].children.append(finished)
    }
    var taken = -1
    for (index, block) in blocks.enumerated() where index > taken {
      let next = index + 1 < blocks.count ? blocks[index + 1] : nil
      let inGroup = stack.contains(where: \.isGroup)
      if let name = definedObject(block), let next, case .codeBlock = next.kind {
        var definition = [next]
        taken = index + 1
        if index + 2 < blocks.count, Self.describesKeys(of: next, in: blocks[index + 2]) {
          definition.append(blocks[index + 2])
          taken = index + 2
        }
        stack[stack.count - 1].children.append(
          Section(
            level: stack[stack.count - 1].level + 1, title: name + " object", titleInlines: [.init(.text(name + " object"), at: block.position)],
            position: block.position, blocks: definition, children: [], isDefinition: true))
      } else if case .heading(let level, let content) = block.kind {
        while stack.count > 1, stack[stack.count - 1].level >= level { closeTop() }
        // `###### Settings object structures by type:` over bold kinds is a group as well.
        let opensGroup = content.plainText.trimmed().hasSuffix(":") && next.flatMap(Self.boldText) != nil
        stack.append(
          Section(
            level: level, title: content.plainText.trimmed(), titleInlines: content,
            position: block.position, blocks: [], children: [], isGroup: opensGroup))
      } else if let label = Self.label(block, among: labels) {
        // A label ends the label before it: `**Parameters**` … `**Response**` are siblings.
        while stack.count > 1, stack[stack.count - 1].isLabel { closeTop() }
        stack.append(
          Section(
            level: stack[stack.count - 1].level + 1, title: label.plainText.trimmed(), titleInlines: label,
            position: block.position, blocks: [], children: [], isLabel: true))
      } else if !labels.isEmpty, let group = Self.boldText(block), group.plainText.trimmed().hasSuffix(":"),
        let next, Self.boldText(next) != nil
      {
        while stack.count > 1, stack[stack.count - 1].isLabel { closeTop() }
        stack.append(
          Section(
            level: stack[stack.count - 1].level + 1, title: group.plainText.trimmed(), titleInlines: group,
            position: block.position, blocks: [], children: [], isLabel: true, isGroup: true))
      } else if inGroup, let label = Self.boldText(block), let next, case .codeBlock = next.kind {
        if stack[stack.count - 1].isLabel, !stack[stack.count - 1].isGroup { closeTop() }
        stack.append(
          Section(
            level: stack[stack.count - 1].level + 1, title: label.plainText.trimmed(), titleInlines: label,
            position: block.position, blocks: [], children: [], isLabel: true))
      } else {
        stack[stack.count - 1].blocks.append(block)
      }
    }
    while stack.count > 1 { closeTop() }
    return stack[0]
  }

  /// Whether `list` is the field list of the JSON object in `example`: most of its names are
  /// keys of the example.
  private static func describesKeys(of example: Block, in list: Block) -> Bool {
    guard case .codeBlock(_, let code) = example.kind, case .list(_, let items) = list.kind,
      let keys = (try? JSONReader.readExample(code))?.value.object?.keys
    else { return false }
    let names = items.compactMap { item -> String? in
      guard case .paragraph(let inlines)? = item.blocks.first?.kind else { return nil }
      return FieldListReader.leadingNames(inlines).names.first
    }
    return !names.isEmpty && names.filter(keys.contains).count * 2 > names.count
  }

  /// The content of a paragraph of nothing but bold text that names one of `labels`.
  private static func label(_ block: Block, among labels: Set<String>) -> [Inline]? {
    guard !labels.isEmpty, let label = boldText(block) else { return nil }
    return labels.contains(Self.normalized(label.plainText)) ? label : nil
  }

  /// The content of a paragraph of nothing but bold text.
  private static func boldText(_ block: Block) -> [Inline]? {
    guard case .paragraph(let inlines) = block.kind else { return nil }
    let content = inlines.filter {
      if case .text(let text) = $0.kind { return !text.trimmed().isEmpty }
      return true
    }
    guard content.count == 1, case .strong(let label) = content[0].kind else { return nil }
    return label
  }

  /// The section and all sections below it, depth first.
  var allSections: [Section] {
    var sections: [Section] = []
    collectSections(into: &sections)
    return sections
  }

  /// The section and those below it, in document order, appended to one array rather than
  /// joined level by level.
  private func collectSections(into sections: inout [Section]) {
    sections.append(self)
    for child in children { child.collectSections(into: &sections) }
  }

  /// All blocks of the section, its sub-sections' headings and blocks included, in order.
  var allBlocks: [Block] {
    blocks + children.flatMap { child in
      [Block(.heading(level: child.level, content: child.titleInlines), at: child.position)] + child.allBlocks
    }
  }

  /// The title in lower case without a trailing colon: `Possible categories:` → `possible categories`.
  var normalizedTitle: String { Self.normalized(title) }

  private static func normalized(_ title: String) -> String {
    var text = title.lowercased().trimmed()
    while text.hasSuffix(":") { text.removeLast() }
    return text.trimmed()
  }
}

extension StringProtocol {
  func trimmed() -> String {
    if let trimmed = asciiTrimmed() { return trimmed }
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}

extension StringProtocol {
  /// `trimmed()` done on the UTF-8 bytes, when the text left at both ends starts and ends with
  /// ASCII: there each byte is a `Character` (or CR LF, whitespace as a whole), no combining mark
  /// or prefix can join a space to the text, and no wider whitespace (U+00A0, U+3000) is left.
  /// Nil where that cannot be told from the bytes.
  fileprivate func asciiTrimmed() -> String? {
    let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
    return utf8.withContiguousStorageIfAvailable { bytes -> String? in
      var start = 0
      var end = bytes.count
      while start < end, isSpace(bytes[start]) { start += 1 }
      guard start == end || bytes[start] < 0x80 else { return nil }
      while end > start, isSpace(bytes[end - 1]) { end -= 1 }
      guard end == start || bytes[end - 1] < 0x80 else { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    } ?? nil
  }
}
