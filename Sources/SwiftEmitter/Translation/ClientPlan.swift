import APIModel

/// The generated client as Swift declarations with every name decided; the renderers only
/// print it.
struct ClientPlan {
  var clientName: String
  var info: APIDescription.Info
  /// The client itself: the namespace of path `/`, whose accessors lead to the others.
  var root: Namespace
  /// The namespaces below the root, ordered by path.
  var namespaces: [Namespace]
  var enums: [EnumDecl]
  var objects: [ObjectDecl]
}

/// A struct that groups the calls under one API path, such as `/user/session/push_token`.
struct Namespace {
  var path: String
  var typeName: String
  /// The docs page that declares the path, when there is one.
  var resource: Resource?
  var accessors: [Accessor]
  var methods: [Method]
}

/// A property leading from a namespace to the one below it: `session` → `/user/session`.
struct Accessor {
  var property: String
  var typeName: String
  var path: String
  var title: String?
}

/// One endpoint as an `async` method.
struct Method {
  var endpoint: Endpoint
  var name: String
  var parameters: [Property]
  /// The public struct the answer decodes into; `nil` when the answer has no fields.
  var response: ObjectDecl?
}

/// A stored property of a generated struct, or a method parameter.
struct Property {
  var name: String
  var wireName: String
  /// The Swift type, without the `?` of an optional.
  var type: String
  var isOptional: Bool
  /// Markdown.
  var doc: String

  var declaredType: String { isOptional ? type + "?" : type }
}

/// A struct with coded properties: a named object of the docs or an endpoint's answer.
struct ObjectDecl {
  var name: String
  /// Markdown.
  var doc: String
  var source: SourceLocation
  var properties: [Property]
}

/// A named enum of the docs, open to values it does not list.
struct EnumDecl {
  struct Case {
    var name: String
    var value: String
    /// Markdown.
    var doc: String
  }

  var name: String
  /// Markdown.
  var doc: String
  var source: SourceLocation
  var cases: [Case]
}
