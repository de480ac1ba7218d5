import APIModel

/// How the generated client calls one endpoint, as Swift source spells it: for tools and tests
/// that write code against the client (the end-to-end tests call every endpoint this way).
///
/// `client.\(accessors.joined(separator: ".")).\(method)(label: value, …)`.
public struct SwiftCallSite: Hashable, Sendable {
  public struct Argument: Hashable, Sendable {
    /// The argument label, escaped where Swift needs it: `trackerID`.
    public var label: String
    /// The parameter's name on the wire: `tracker_id`.
    public var wireName: String
    /// The Swift type without the `?` of an optional: `Int`, `[PushTokenCategory]`.
    public var type: String
    /// Optional arguments default to `nil` and may be left out.
    public var isOptional: Bool
  }

  /// The endpoint's path: `/user/session/push_token/bind`.
  public var path: String
  /// The properties that lead from the client to the endpoint's namespace, escaped:
  /// `["user", "session", "pushToken"]`.
  public var accessors: [String]
  /// The method's name, escaped: `bind`.
  public var method: String
  /// In the method's order.
  public var arguments: [Argument]
  /// The type the call returns: `nil` for nothing, `FileDownload` for a file, the type of the
  /// answer's only field (`[Tracker]`, `String`, `Zone?` when it may be absent), otherwise the
  /// answer's struct.
  public var returnType: String?
  /// The wire name of the answer's only field when the call returns its value (`list`): the
  /// answer is decoded with `APIClient.call(_:_:encoding:field:returning:)`, or with
  /// `optionalField:` when `returnType` is an optional.
  public var answerField: String?
}

extension SwiftEmitter {
  /// Every endpoint's call site, ordered by path.
  public func callSites(_ api: APIDescription) -> [SwiftCallSite] {
    let plan = Translator.plan(api, clientName: options.clientName)
    var properties: [String: String] = [:]
    for namespace in [plan.root] + plan.namespaces {
      for accessor in namespace.accessors {
        properties[accessor.path] = SwiftNaming.escaped(accessor.property)
      }
    }
    let sites = ([plan.root] + plan.namespaces).flatMap { namespace in
      namespace.methods.map { method in
        SwiftCallSite(
          path: method.endpoint.path,
          accessors: Self.prefixes(of: namespace.path).compactMap { properties[$0] },
          method: SwiftNaming.escaped(method.name),
          arguments: method.parameters.map {
            SwiftCallSite.Argument(
              label: SwiftNaming.escaped($0.name), wireName: $0.wireName, type: $0.type,
              isOptional: $0.isOptional)
          },
          returnType: method.returnType, answerField: Self.answerField(method.result))
      }
    }
    return sites.sorted { $0.path < $1.path }
  }

  /// `/user/session` → `/user`, `/user/session`.
  private static func prefixes(of path: String) -> [String] {
    let segments = path.split(separator: "/")
    return segments.indices.map { "/" + segments[...$0].joined(separator: "/") }
  }

  private static func answerField(_ result: Method.Result) -> String? {
    if case .field(let field) = result { field.wireName } else { nil }
  }
}
