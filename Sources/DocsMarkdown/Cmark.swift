import Ccmark

/// The one place that touches cmark's C API. A tree lives only inside `parse(_:_:)`, so no
/// node can outlive the memory it points into.
enum Cmark {
  static func parse<Result>(_ text: String, _ body: (CmarkNode) -> Result) -> Result {
    var text = text
    return text.withUTF8 { buffer in
      let root = buffer.withMemoryRebound(to: CChar.self) {
        cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT)
      }
      guard let root else { fatalError("cmark_parse_document returned NULL (out of memory)") }
      defer { cmark_node_free(root) }
      return body(CmarkNode(pointer: root))
    }
  }
}

/// A borrowed view of a cmark node, valid only inside `Cmark.parse`.
struct CmarkNode {
  let pointer: OpaquePointer

  var type: cmark_node_type { cmark_node_get_type(pointer) }

  var children: [CmarkNode] {
    var result: [CmarkNode] = []
    var child = cmark_node_first_child(pointer)
    while let node = child {
      result.append(CmarkNode(pointer: node))
      child = cmark_node_next(node)
    }
    return result
  }

  var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
  var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
  var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

  var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
  var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
  var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
  var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
  var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }

  /// The text of every text and code node below this one, breaks as spaces. It walks with
  /// cmark's iterator rather than recursion, because it serves subtrees that are too deep.
  var descendantText: String {
    guard let iterator = cmark_iter_new(pointer) else { return "" }
    defer { cmark_iter_free(iterator) }
    var text = ""
    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
      guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
        let node = cmark_iter_get_node(iterator)
      else { continue }
      switch cmark_node_get_type(node) {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += CmarkNode(pointer: node).literal
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
      default: break
      }
    }
    return text
  }
}
