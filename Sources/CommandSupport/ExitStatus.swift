/// Exit codes, as documented in the README (sysexits.h values for usage and I/O).
package enum ExitStatus {
  package static let docsHaveErrors: Int32 = 1
  /// `generate --check`: the output folder is not what the docs generate.
  package static let outputDiffers: Int32 = 1
  /// `--fail-on`: the API changed in a way the option forbids.
  package static let forbiddenChange: Int32 = 2
  /// swift-argument-parser exits with it (EX_USAGE) on a validation error.
  package static let usage: Int32 = 64
  /// EX_IOERR.
  package static let ioError: Int32 = 74
}
