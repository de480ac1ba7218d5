/// Why a run stopped. Each case maps to a documented exit code.
public enum GeneratorError: Error, Equatable, CustomStringConvertible {
  /// The docs have errors; nothing was written.
  case input(String)
  /// A file or folder could not be read or written.
  case io(String)

  public var description: String {
    switch self {
    case .input(let message), .io(let message): message
    }
  }
}
