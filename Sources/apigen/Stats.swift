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
      the examples' JSON lands in typed members, and how much of that contradicts the \
      member's type. Diagnostics themselves are not printed: `apigen lint` does that.
      """)

  @OptionGroup var docsOptions: DocsOptions

  @Flag(help: "After the table, list where the examples' values are untyped or mistyped, most first.")
  var places = false

  func run() throws {
    let generator = try docsOptions.generator()
    do {
      let statistics = try generator.statistics()
      FileHandle.standardOutput.write(Data(statistics.table().utf8))
      let coverage = statistics.coverage
      let line = String(
        format: "typed: %.1f %% of the examples' %d JSON values land in typed members (%d do not); "
          + "%.1f %% decode into them (%d contradict the member's type)\n",
        coverage.share * 100, coverage.total, coverage.untyped, coverage.fittingShare * 100, coverage.mistyped)
      FileHandle.standardOutput.write(Data(line.utf8))
      if places {
        for (title, counts) in [("untyped", coverage.untypedPlaces), ("mistyped", coverage.mistypedPlaces)] {
          FileHandle.standardOutput.write(Data("\(title):\n".utf8))
          for (place, count) in counts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            FileHandle.standardOutput.write(Data("  \(count) \(place)\n".utf8))
          }
        }
      }
    } catch {
      throw Report.fail(error)
    }
  }
}
