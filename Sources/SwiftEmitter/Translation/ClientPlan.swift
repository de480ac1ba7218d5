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
  var unions: [UnionDecl]
  /// The global error-code table as an enumeration, when the docs have one.
  var errorCodes: ErrorCodesDecl?
  /// The servers the docs name, as values to create the client with.
  var servers: [ServerDecl]
  /// Swift type name → the path of the area (`/tracker`) whose file declares it; types not
  /// listed are shared.
  var typeAreas: [String: String]
  /// `swift-name-changed` warnings: names that had to change to stay unique.
  var nameChanges: [Diagnostic]
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
  /// What the method returns.
  enum Result {
    /// Nothing: the answer is `{ "success": true }` alone.
    case none
    /// The value of the answer's only field, returned as it is: `-> [Tracker]` rather than a
    /// struct with one property. A second field documented later changes the return type.
    case field(Property)
    /// The public struct the answer's fields (two or more) decode into.
    case object(ObjectDecl)
    /// The file the server answers with (`FileDownload`).
    case file
  }

  var endpoint: Endpoint
  var name: String
  var parameters: [Property]
  var result: Result
  /// Sent as `multipart/form-data`: the docs say so, or a parameter is a file, which only a
  /// multipart request can carry.
  var isMultipart: Bool
  /// The codes of `endpoint.errors` that the global table lists, with the symbols of their
  /// cases (`NavixyErrorCode/databaseError`).
  var errorCases: [Int: String]

  /// The answer's struct, which the namespace's file declares.
  var response: ObjectDecl? {
    if case .object(let decl) = result { decl } else { nil }
  }

  /// The Swift type the method returns; nil for nothing.
  var returnType: String? {
    switch result {
    case .none: nil
    case .field(let field): field.declaredType
    case .object(let decl): decl.name
    case .file: "FileDownload"
    }
  }
}

/// A stored property of a generated struct, or a method parameter.
struct Property {
  var name: String
  var wireName: String
  /// The Swift type, without the `?` of an optional.
  var type: String
  var isOptional: Bool
  /// A field that may be `null`: `nil` is sent as `null` rather than left out.
  var sendsNull = false
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
  /// An answer is only ever decoded; a named object may also be sent.
  var isAnswer = false
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

/// A union of the docs: an enum with a case per variant, told apart by a discriminator field.
struct UnionDecl {
  struct Case {
    var name: String
    /// The discriminator's value on the wire.
    var value: String
    /// The Swift type of the variant's object.
    var type: String
  }

  var name: String
  /// Markdown.
  var doc: String
  var source: SourceLocation
  /// The discriminator field's wire name.
  var discriminator: String
  var cases: [Case]
}

/// The global error-code table: an enum with a case per code and `unknown` for the rest, and
/// the property of `APIError.ServerError` that gives it.
struct ErrorCodesDecl {
  struct Case {
    var name: String
    var code: Int
    var description: String
    var httpStatus: Int?
  }

  var name: String
  /// The property added to `APIError.ServerError`: `navixyCode`.
  var property: String
  var source: SourceLocation
  var cases: [Case]
}

/// A server of the docs: a fixed URL, or a URL template with one placeholder (the domain of a
/// self-hosted installation).
struct ServerDecl {
  enum Address {
    case fixed(String)
    /// The URL's text before and after the placeholder, and the parameter that fills it.
    case template(prefix: String, parameter: String, suffix: String)
  }

  var name: String
  /// Markdown.
  var doc: String
  var url: String
  var address: Address
}
