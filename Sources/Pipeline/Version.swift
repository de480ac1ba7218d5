/// apigen's version, which `apigen --version` prints: the one place it is written.
public enum APIGenVersion {
  public static let current = "0.1.0"
}
