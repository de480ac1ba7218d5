/// Everything apigen read from one docs folder: the intermediate model between the Markdown
/// reader and the emitters.
///
/// Its JSON form (`api.json`) is a contract read by tests and outside tools: top-level
/// `endpoints` and `types`, keys as named here, every element with its `source`.
public struct APIDescription: Hashable, Sendable, Codable {
  public var info: Info
  public var resources: [Resource]
  /// All endpoints, ordered by path.
  public var endpoints: [Endpoint]
  /// Named objects and enums, ordered by name.
  public var types: [NamedType]
  /// The global error-code table, when the docs have one.
  public var errorCodes: [ErrorCode]

  public init(
    info: Info, resources: [Resource] = [], endpoints: [Endpoint] = [], types: [NamedType] = [],
    errorCodes: [ErrorCode] = []
  ) {
    self.info = info
    self.resources = resources
    self.endpoints = endpoints
    self.types = types
    self.errorCodes = errorCodes
  }

  public struct Info: Hashable, Sendable, Codable {
    public var title: String
    /// Where the examples send their requests, e.g. `https://api.navixy.com/v2`.
    public var baseURL: String

    public init(title: String, baseURL: String) {
      self.title = title
      self.baseURL = baseURL
    }
  }

  public func type(named name: String) -> NamedType? {
    types.first { $0.name == name }
  }
}

/// One documentation page that declares an API path, such as `/user/session/push_token`.
public struct Resource: Hashable, Sendable, Codable {
  public var path: String
  public var title: String
  public var description: String
  public var source: SourceLocation

  public init(path: String, title: String, description: String, source: SourceLocation) {
    self.path = path
    self.title = title
    self.description = description
    self.source = source
  }
}

/// One API action: a `POST` to `path` with a JSON body.
public struct Endpoint: Hashable, Sendable, Codable {
  /// The full path, with a leading and no trailing slash: `/user/session/push_token/bind`.
  public var path: String
  /// The path of the resource that declares it: `/user/session/push_token`.
  public var resource: String
  /// The action heading as written: `bind`.
  public var action: String
  /// The first paragraph of the description.
  public var summary: String
  /// The paragraphs after the summary, as Markdown.
  public var description: String
  /// Which sub-user rights the call needs, as the docs word it.
  public var requiredRights: String?
  /// Whether the call needs a session hash (all but a few, such as `user/auth`, do).
  public var requiresSession: Bool
  public var parameters: [Parameter]
  public var response: Response
  public var errors: ErrorList
  public var examples: [Example]
  /// The action heading.
  public var source: SourceLocation

  public init(
    path: String, resource: String, action: String, summary: String = "", description: String = "",
    requiredRights: String? = nil, requiresSession: Bool = true, parameters: [Parameter] = [],
    response: Response = Response(), errors: ErrorList = ErrorList(), examples: [Example] = [],
    source: SourceLocation
  ) {
    self.path = path
    self.resource = resource
    self.action = action
    self.summary = summary
    self.description = description
    self.requiredRights = requiredRights
    self.requiresSession = requiresSession
    self.parameters = parameters
    self.response = response
    self.errors = errors
    self.examples = examples
    self.source = source
  }
}

/// One request parameter (the session `hash` is never listed: it travels in a header).
public struct Parameter: Hashable, Sendable, Codable {
  /// The name on the wire: `category_filter`.
  public var name: String
  public var type: TypeRef
  public var required: Bool
  /// The server-side default, as the docs write it, when the parameter is optional.
  public var `default`: String?
  /// The description with the optional/default wording left in.
  public var description: String
  /// An example value (the `format` column), when given.
  public var example: String?
  /// An enum that documents the values this parameter accepts without being its type (a
  /// filter string made of those values, for example).
  public var documentedValues: String?
  public var source: SourceLocation

  public init(
    name: String, type: TypeRef, required: Bool, default: String? = nil, description: String,
    example: String? = nil, documentedValues: String? = nil, source: SourceLocation
  ) {
    self.name = name
    self.type = type
    self.required = required
    self.default = `default`
    self.description = description
    self.example = example
    self.documentedValues = documentedValues
    self.source = source
  }

  private enum CodingKeys: String, CodingKey {
    case name, type, required, `default`, description, example, documentedValues, source
  }

  // Written by hand so that absent values appear as `null` rather than vanish: the
  // contract promises `default` on every parameter.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(type, forKey: .type)
    try container.encode(required, forKey: .required)
    try container.encode(`default`, forKey: .default)
    try container.encode(description, forKey: .description)
    try container.encode(example, forKey: .example)
    try container.encode(documentedValues, forKey: .documentedValues)
    try container.encode(source, forKey: .source)
  }
}

/// A field of an object or of a response payload.
public struct Field: Hashable, Sendable, Codable {
  public var name: String
  public var type: TypeRef
  /// False when the docs say the field may be absent.
  public var required: Bool
  /// True when the docs say the field may be `null`.
  public var nullable: Bool
  public var description: String
  public var source: SourceLocation

  public init(
    name: String, type: TypeRef, required: Bool = true, nullable: Bool = false,
    description: String, source: SourceLocation
  ) {
    self.name = name
    self.type = type
    self.required = required
    self.nullable = nullable
    self.description = description
    self.source = source
  }
}

/// What an endpoint answers on success, besides `"success": true`.
public struct Response: Hashable, Sendable, Codable {
  /// The payload fields; empty when the answer is `{ "success": true }` alone.
  public var fields: [Field]
  /// The JSON examples of the response section, as written.
  public var examples: [CodeSample]

  public init(fields: [Field] = [], examples: [CodeSample] = []) {
    self.fields = fields
    self.examples = examples
  }
}

/// The errors an endpoint documents.
public struct ErrorList: Hashable, Sendable, Codable {
  /// The docs refer to the general error codes (it is said for every endpoint but rarely).
  public var includesGeneral: Bool
  /// The endpoint's own error codes.
  public var codes: [ErrorCode]

  public init(includesGeneral: Bool = true, codes: [ErrorCode] = []) {
    self.includesGeneral = includesGeneral
    self.codes = codes
  }
}

public struct ErrorCode: Hashable, Sendable, Codable {
  public var code: Int
  public var description: String
  /// The HTTP status the server answers with, when the docs say.
  public var httpStatus: Int?
  public var source: SourceLocation

  public init(code: Int, description: String, httpStatus: Int? = nil, source: SourceLocation) {
    self.code = code
    self.description = description
    self.httpStatus = httpStatus
    self.source = source
  }
}

/// A fenced code block, kept as written.
public struct CodeSample: Hashable, Sendable, Codable {
  public var language: String
  public var code: String
  public var source: SourceLocation

  public init(language: String, code: String, source: SourceLocation) {
    self.language = language
    self.code = code
    self.source = source
  }
}

/// A request example (a content tab such as `cURL` or `HTTP GET`), with what it sends.
public struct Example: Hashable, Sendable, Codable {
  public enum Kind: String, Hashable, Sendable, Codable {
    case curl
    case httpGet
  }

  public var kind: Kind
  /// The tab title as written.
  public var title: String
  /// The URL with macros expanded and without the query.
  public var url: String
  /// The request parameters the example sends, as JSON text: the cURL body, or the query of an
  /// HTTP GET example turned into a JSON object. The session `hash` stays in.
  public var body: String?
  public var sample: CodeSample

  public init(kind: Kind, title: String, url: String, body: String?, sample: CodeSample) {
    self.kind = kind
    self.title = title
    self.url = url
    self.body = body
    self.sample = sample
  }
}

/// A type the docs define: an object with fields or an enumeration of string values.
public struct NamedType: Hashable, Sendable, Codable {
  public enum Kind: String, Hashable, Sendable, Codable {
    case object
    case `enum`
  }

  /// A type name in UpperCamelCase, unique in the model: `PushTokenApplication`.
  public var name: String
  public var kind: Kind
  public var description: String
  /// The values of an enum, in the docs' order.
  public var values: [EnumValue]?
  /// The fields of an object, in the docs' order.
  public var fields: [Field]?
  public var source: SourceLocation

  public init(
    name: String, kind: Kind, description: String, values: [EnumValue]? = nil,
    fields: [Field]? = nil, source: SourceLocation
  ) {
    self.name = name
    self.kind = kind
    self.description = description
    self.values = values
    self.fields = fields
    self.source = source
  }
}

public struct EnumValue: Hashable, Sendable, Codable {
  /// The value on the wire: `navixy_iphone_viewer`.
  public var value: String
  public var description: String
  public var source: SourceLocation

  public init(value: String, description: String = "", source: SourceLocation) {
    self.value = value
    self.description = description
    self.source = source
  }
}
