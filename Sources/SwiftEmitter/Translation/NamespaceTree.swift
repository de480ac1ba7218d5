import APIModel

/// The API paths as a tree: every path prefix of an endpoint is a namespace, whether or not a
/// docs page declares it.
struct NamespaceTree {
  struct Node {
    /// `/` for the root, otherwise `/user/session`.
    var path: String
    var segments: [String]
    var children: [(segment: String, path: String)]
    /// The endpoints whose path is this namespace plus one segment.
    var endpoints: [Endpoint]
  }

  /// The root first, then every namespace ordered by path.
  private(set) var nodes: [Node]

  init(endpoints: [Endpoint]) {
    var nodes: [String: Node] = ["/": Node(path: "/", segments: [], children: [], endpoints: [])]
    for endpoint in endpoints {
      let segments = endpoint.path.split(separator: "/").map(String.init)
      // A path without segments names no method; the extractor reports such pages.
      guard !segments.isEmpty else { continue }
      for depth in 0..<segments.count {
        let parentSegments = Array(segments[..<depth])
        let path = Self.path(parentSegments)
        if nodes[path] == nil {
          nodes[path] = Node(path: path, segments: parentSegments, children: [], endpoints: [])
        }
        if depth == segments.count - 1 {
          nodes[path]?.endpoints.append(endpoint)
        } else {
          let child = (segments[depth], Self.path(Array(segments[...depth])))
          if nodes[path]?.children.contains(where: { $0.path == child.1 }) == false {
            nodes[path]?.children.append(child)
          }
        }
      }
    }
    self.nodes = nodes.values.sorted { $0.path < $1.path }.map { node in
      var node = node
      node.children.sort { $0.segment < $1.segment }
      return node
    }
  }

  private static func path(_ segments: [String]) -> String {
    "/" + segments.joined(separator: "/")
  }
}
