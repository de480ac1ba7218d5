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
    /// The servers the docs name (regional and self-hosted forms), the default one first.
    public var servers: [Server]

    public init(title: String, baseURL: String, servers: [Server] = []) {
      self.title = title
      self.baseURL = baseURL
      self.servers = servers
    }
  }

  /// A server the API can be reached at.
  public struct Server: Hashable, Sendable, Codable {
    /// The URL as the docs write it (`https://api.your_domain`).
    public var url: String
    public var description: String
    /// The URL read as a template: a fixed URL, or one with a part a self-hosted installation
    /// fills in; nil when the URL cannot serve as a base URL (the refinement reports it). Read
    /// once, here; every emitter takes it from here.
    public var template: ServerURL?
    /// Where the docs state it, when they do.
    public var source: SourceLocation?

    public init(url: String, description: String, source: SourceLocation? = nil) {
      self.url = url
      self.description = description
      self.template = Self.read(url)
      self.source = source
    }

    private enum CodingKeys: String, CodingKey {
      case url, description, template, source
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      url = try container.decode(String.self, forKey: .url)
      description = try container.decode(String.self, forKey: .description)
      template = try container.decodeIfPresent(ServerURL.self, forKey: .template) ?? Self.read(url)
      source = try container.decodeIfPresent(SourceLocation.self, forKey: .source)
    }

    private static func read(_ url: String) -> ServerURL? {
      let template = ServerURL(reading: url)
      return template.problem == nil ? template : nil
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
  /// How the parameters travel: a JSON body, or `multipart/form-data` for file uploads.
  public var requestEncoding: RequestEncoding
  public var parameters: [Parameter]
  public var response: Response
  public var errors: ErrorList
  public var examples: [Example]
  /// The action heading.
  public var source: SourceLocation

  public init(
    path: String, resource: String, action: String, summary: String = "", description: String = "",
    requiredRights: String? = nil, requiresSession: Bool = true,
    requestEncoding: RequestEncoding = .json, parameters: [Parameter] = [],
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
    self.requestEncoding = requestEncoding
    self.parameters = parameters
    self.response = response
    self.errors = errors
    self.examples = examples
    self.source = source
  }
}

public enum RequestEncoding: String, Hashable, Sendable, Codable {
  case json
  /// `multipart/form-data`: parameters of type `file` are file parts.
  case multipart
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
  /// The fields of its object type the docs say it is sent without ("a vehicle object
  /// without `id` field"), by wire name, in the object's order.
  public var sentWithout: [String]
  public var source: SourceLocation

  public init(
    name: String, type: TypeRef, required: Bool, default: String? = nil, description: String,
    example: String? = nil, documentedValues: String? = nil, sentWithout: [String] = [], source: SourceLocation
  ) {
    self.name = name
    self.type = type
    self.required = required
    self.default = `default`
    self.description = description
    self.example = example
    self.documentedValues = documentedValues
    self.sentWithout = sentWithout
    self.source = source
  }

  private enum CodingKeys: String, CodingKey {
    case name, type, required, `default`, description, example, documentedValues, sentWithout, source
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    type = try container.decode(TypeRef.self, forKey: .type)
    required = try container.decode(Bool.self, forKey: .required)
    `default` = try container.decodeIfPresent(String.self, forKey: .default)
    description = try container.decode(String.self, forKey: .description)
    example = try container.decodeIfPresent(String.self, forKey: .example)
    documentedValues = try container.decodeIfPresent(String.self, forKey: .documentedValues)
    sentWithout = try container.decodeIfPresent([String].self, forKey: .sentWithout) ?? []
    source = try container.decode(SourceLocation.self, forKey: .source)
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
    if !sentWithout.isEmpty { try container.encode(sentWithout, forKey: .sentWithout) }
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
  public enum Kind: String, Hashable, Sendable, Codable {
    /// The JSON envelope `{ "success": true, … }`.
    case json
    /// The file itself (a download, a KML body), not JSON.
    case binary
  }

  public var kind: Kind
  /// The payload fields; empty when the answer is `{ "success": true }` alone. When the docs
  /// show several variants of the answer, fields that not all of them have are not required.
  public var fields: [Field]
  /// The JSON examples of the response section, as written.
  public var examples: [CodeSample]

  public init(kind: Kind = .json, fields: [Field] = [], examples: [CodeSample] = []) {
    self.kind = kind
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
  /// The code read as JSON (comments and trailing commas forgiven), when it is a JSON example
  /// that reads; read once, when the docs are.
  public var json: JSON?
  /// The paths in `json` where the docs put a placeholder rather than a value
  /// (`<form_object>`), read as `null` but saying nothing of nullability.
  public var placeholders: [String]
  /// The name each placeholder gives (`track_info` for `[track_info]`), in the order of
  /// `placeholders`; empty where it gives none.
  public var placeholderNames: [String]
  public var source: SourceLocation

  public init(
    language: String, code: String, json: JSON? = nil, placeholders: [String] = [], placeholderNames: [String] = [],
    source: SourceLocation
  ) {
    self.language = language
    self.code = code
    self.json = json
    self.placeholders = placeholders
    self.placeholderNames = placeholderNames
    self.source = source
  }

  /// The name the placeholder at `path` gives, if it gives one.
  public func placeholderName(at path: String) -> String? {
    guard let index = placeholders.firstIndex(of: path), index < placeholderNames.count,
      !placeholderNames[index].isEmpty
    else { return nil }
    return placeholderNames[index]
  }

  private enum CodingKeys: String, CodingKey {
    case language, code, json, placeholders, placeholderNames, source
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    language = try container.decode(String.self, forKey: .language)
    code = try container.decode(String.self, forKey: .code)
    json = try container.decodeIfPresent(JSON.self, forKey: .json)
    placeholders = try container.decodeIfPresent([String].self, forKey: .placeholders) ?? []
    placeholderNames = try container.decodeIfPresent([String].self, forKey: .placeholderNames) ?? []
    source = try container.decode(SourceLocation.self, forKey: .source)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(language, forKey: .language)
    try container.encode(code, forKey: .code)
    try container.encodeIfPresent(json, forKey: .json)
    if !placeholders.isEmpty { try container.encode(placeholders, forKey: .placeholders) }
    if placeholderNames.contains(where: { !$0.isEmpty }) {
      try container.encode(placeholderNames, forKey: .placeholderNames)
    }
    try container.encode(source, forKey: .source)
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
  /// `body` read as JSON; nil when there is no body or it is not JSON.
  public var arguments: JSON?
  public var sample: CodeSample

  public init(kind: Kind, title: String, url: String, body: String?, arguments: JSON? = nil, sample: CodeSample) {
    self.kind = kind
    self.title = title
    self.url = url
    self.body = body
    self.arguments = arguments
    self.sample = sample
  }
}

/// A type the docs define: an object with fields, an enumeration of string values, or a union
/// of objects told apart by a discriminator field (zones: `"type": "circle"`, `"polygon"`, …).
public struct NamedType: Hashable, Sendable, Codable {
  public enum Kind: String, Hashable, Sendable, Codable {
    case object
    case `enum`
    case union
  }

  /// A type name in UpperCamelCase, unique in the model: `PushTokenApplication`.
  public var name: String
  public var kind: Kind
  public var description: String
  /// The values of an enum, in the docs' order.
  public var values: [EnumValue]?
  /// The fields of an object, in the docs' order.
  public var fields: [Field]?
  /// The field of a union whose value tells the variants apart (`type`).
  public var discriminator: String?
  /// The variants of a union: each discriminator value and the object type it selects. Every
  /// variant object has the discriminator among its fields.
  public var variants: [UnionVariant]?
  public var source: SourceLocation

  public init(
    name: String, kind: Kind, description: String, values: [EnumValue]? = nil,
    fields: [Field]? = nil, discriminator: String? = nil, variants: [UnionVariant]? = nil,
    source: SourceLocation
  ) {
    self.name = name
    self.kind = kind
    self.description = description
    self.values = values
    self.fields = fields
    self.discriminator = discriminator
    self.variants = variants
    self.source = source
  }
}

public struct UnionVariant: Hashable, Sendable, Codable {
  /// The discriminator's value on the wire: `circle`.
  public var value: String
  /// The object type of this variant: `ZoneCircle`.
  public var type: String

  public init(value: String, type: String) {
    self.value = value
    self.type = type
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

/// What a union's discriminator says of one of its variant objects: the field that tells the
/// variants apart and the values that name this one (`ZoneCircle`: `type` is `circle`).
public struct VariantTag: Hashable, Sendable {
  public var field: String
  public var values: [String]

  public init(field: String, values: [String]) {
    self.field = field
    self.values = values
  }
}

extension APIDescription {
  /// The tag of every object type that is a variant of a union, by type name.
  public var variantTags: [String: VariantTag] {
    var tags: [String: VariantTag] = [:]
    for union in types where union.kind == .union {
      let field = union.discriminator ?? "type"
      for variant in union.variants ?? [] {
        var tag = tags[variant.type] ?? VariantTag(field: field, values: [])
        if tag.field == field, !tag.values.contains(variant.value) {
          tag.values.append(variant.value)
        }
        tags[variant.type] = tag
      }
    }
    return tags
  }
}
