import ArgumentParser

struct Mock: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serves every endpoint of the docs on 127.0.0.1 with the docs' examples.")

  @OptionGroup var docsOptions: DocsOptions

  func run() throws {
    throw ValidationError("not written yet")
  }
}
