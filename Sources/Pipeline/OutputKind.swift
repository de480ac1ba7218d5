import APIModel
import OpenAPIEmitter

/// The outputs apigen writes (`--emit swift,openapi,model`), each with the paths it owns in
/// the output folder.
public enum OutputKind: String, CaseIterable, Hashable, Sendable, Comparable {
  /// `Swift/*.swift`, the client.
  case swift
  /// `openapi.json`.
  case openapi
  /// `api.json`, the model (which the change report of the next run compares with).
  case model

  /// Whether a path of the output folder is this output's: a file of a kind that is not
  /// emitted is neither written nor removed as stale.
  public func owns(_ path: String) -> Bool {
    switch self {
    case .swift: path.hasPrefix("Swift/")
    case .openapi: path == OpenAPIEmitter.fileName
    case .model: path == ModelJSON.fileName
    }
  }

  public static func < (lhs: OutputKind, rhs: OutputKind) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
