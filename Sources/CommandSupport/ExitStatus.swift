/// Exit codes, as documented in the README (sysexits.h values for usage and I/O).
package enum ExitStatus {
  package static let docsHaveErrors: Int32 = 1
  /// swift-argument-parser exits with it (EX_USAGE) on a validation error.
  package static let usage: Int32 = 64
  /// EX_IOERR.
  package static let ioError: Int32 = 74
}
