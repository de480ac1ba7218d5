import ArgumentParser
import CommandSupport
import Foundation
import Pipeline

struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Counts what apigen reads from the docs, per page and in total.",
    discussion: """
      Prints a table to standard output: per page the endpoints, their parameters, the named \
      types (enums included) and the enums, the request and response examples, the errors \
      and the warnings by kind. The totals line comes last but one; the last says how much of \
      the examples' JSON lands in typed members. Diagnostics themselves are not printed: \
      `apigen lint` does that.
      """)

  @OptionGroup var docsOptions: DocsOptions

  func run() throws {
    let generator = try docsOptions.generator()
    do {
      let statistics = try generator.statistics()
      FileHandle.standardOutput.write(Data(statistics.table().utf8))
      let coverage = statistics.coverage
      let line = String(
        format: "typed: %.1f %% of the examples' %d JSON values land in typed members (%d do not)\n",
        coverage.share * 100, coverage.typed + coverage.untyped, coverage.untyped)
      FileHandle.standardOutput.write(Data(line.utf8))
      if ProcessInfo.processInfo.environment["APIGEN_UNTYPED"] != nil {
        for (place, count) in coverage.untypedPlaces.sorted(by: { $0.value > $1.value }) {
          FileHandle.standardOutput.write(Data("  \(count) \(place)\n".utf8))
        }
      }
    } catch {
      throw Report.fail(error)
    }
  }
}
