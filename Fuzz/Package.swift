// swift-tools-version: 6.2
import PackageDescription

// The libFuzzer driver over apigen's whole path: Markdown → model → Swift and OpenAPI emitters.
// A package of its own, because it only links with `-sanitize=fuzzer` (which provides
// `LLVMFuzzerRunDriver`) and `swift test` of the main package must not build it. Run it with
// `make fuzz` from the repository root.
let package = Package(
  name: "apigen-fuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "apigen", path: "..")
  ],
  targets: [
    // libFuzzer's entry point, declared for Swift; the symbol comes with -sanitize=fuzzer.
    .systemLibrary(name: "CFuzzer", path: "Sources/CFuzzer"),
    .executableTarget(
      name: "fuzz-pipeline",
      dependencies: ["CFuzzer", .product(name: "APIGenPipeline", package: "apigen")],
      path: "Sources/FuzzPipeline",
      swiftSettings: [.treatAllWarnings(as: .error)]),
  ]
)
