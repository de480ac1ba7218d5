import ArgumentParser

struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Counts what apigen reads from the docs, per page and in total.")

  @OptionGroup var docsOptions: DocsOptions

  func run() throws {
    throw ValidationError("not written yet")
  }
}
