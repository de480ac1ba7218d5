import APIModel

/// What changed in the API between two models, grouped by endpoint and by type, each change
/// judged by what it does to the generated Swift client.
public struct ChangeReport: Hashable, Sendable {
  /// Endpoints added, removed or changed, ordered by path.
  public var endpoints: [ChangeGroup]
  /// Named types added, removed or changed, ordered by name.
  public var types: [ChangeGroup]
  /// Changes to the global error-code table, in code order.
  public var errorCodes: [Change]

  public init(endpoints: [ChangeGroup] = [], types: [ChangeGroup] = [], errorCodes: [Change] = []) {
    self.endpoints = endpoints
    self.types = types
    self.errorCodes = errorCodes
  }

  /// Every change, endpoints first, then types, then error codes.
  public var changes: [Change] {
    endpoints.flatMap(\.changes) + types.flatMap(\.changes) + errorCodes
  }

  public var isEmpty: Bool { changes.isEmpty }
  public var breakingCount: Int { changes.count(where: \.breaking) }
  public var compatibleCount: Int { changes.count { !$0.breaking } }
}

/// The changes of one endpoint (named by its path) or one type (by its name).
public struct ChangeGroup: Hashable, Sendable {
  public var name: String
  public var changes: [Change]

  public init(name: String, changes: [Change]) {
    self.name = name
    self.changes = changes
  }
}

/// One difference a user of the generated client can see.
public struct Change: Hashable, Sendable {
  /// Which docs a location is in: the new ones, or, for what was removed, the old ones.
  public enum Side: String, Hashable, Sendable, Encodable {
    case old, new
  }

  public var kind: ChangeKind
  /// Whether code that compiled against the client generated from the old docs may fail to
  /// compile against the one generated from the new docs.
  public var breaking: Bool
  /// What changed: `parameter 'token' added, required`.
  public var message: String
  /// What it does to code that uses the client: `every call must pass it`. Always given for a
  /// breaking change; for a compatible one only when there is something worth knowing.
  public var effect: String?
  /// The new element's place in the docs, or the old one's for a removal.
  public var source: SourceLocation
  public var side: Side

  public init(
    _ kind: ChangeKind, breaking: Bool, _ message: String, effect: String? = nil,
    at source: SourceLocation, side: Side = .new
  ) {
    self.kind = kind
    self.breaking = breaking
    self.message = message
    self.effect = effect
    self.source = source
    self.side = side
  }
}

/// The kinds of change, with the stable identifiers reports print (`[parameter-added]`).
public enum ChangeKind: String, Hashable, Sendable, CaseIterable, Encodable {
  case endpointAdded = "endpoint-added"
  case endpointRemoved = "endpoint-removed"
  case parameterAdded = "parameter-added"
  case parameterRemoved = "parameter-removed"
  case parameterMadeOptional = "parameter-made-optional"
  case parameterMadeRequired = "parameter-made-required"
  case parameterRetyped = "parameter-retyped"
  case parameterDefaultChanged = "parameter-default-changed"
  case parametersReordered = "parameters-reordered"
  case answerAdded = "answer-added"
  case answerRemoved = "answer-removed"
  case answerKindChanged = "answer-kind-changed"
  case answerShapeChanged = "answer-shape-changed"
  case answerFieldRenamed = "answer-field-renamed"
  case fieldAdded = "field-added"
  case fieldRemoved = "field-removed"
  case fieldMadeOptional = "field-made-optional"
  case fieldMadeRequired = "field-made-required"
  case fieldRetyped = "field-retyped"
  case fieldsReordered = "fields-reordered"
  case endpointErrorAdded = "endpoint-error-added"
  case endpointErrorRemoved = "endpoint-error-removed"
  case typeAdded = "type-added"
  case typeRemoved = "type-removed"
  case typeKindChanged = "type-kind-changed"
  case enumValueAdded = "enum-value-added"
  case enumValueRemoved = "enum-value-removed"
  case unionVariantAdded = "union-variant-added"
  case unionVariantRemoved = "union-variant-removed"
  case unionVariantRetyped = "union-variant-retyped"
  case unionDiscriminatorChanged = "union-discriminator-changed"
  case errorCodeAdded = "error-code-added"
  case errorCodeRemoved = "error-code-removed"
  case errorCodeRenamed = "error-code-renamed"
}
