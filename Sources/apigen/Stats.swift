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
      and the warnings by kind. The totals line is last. Diagnostics themselves are not \
      printed: `apigen lint` does that.
      """)

  @OptionGroup var docsOptions: DocsOptions

  func run() throws {
    let generator = try docsOptions.generator()
    do {
      let statistics = try generator.statistics()
      FileHandle.standardOutput.write(Data(statistics.table().utf8))
    } catch {
      throw Report.fail(error)
    }
  }
}
