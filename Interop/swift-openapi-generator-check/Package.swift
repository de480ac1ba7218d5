// swift-tools-version: 6.2
import PackageDescription

/// apple/swift-openapi-generator as a consumer of apigen's `openapi.json`, in a package of its
/// own so that apigen does not depend on it (`make interop`, `make bench`).
///
/// The generator's command-line tool writes `Types.swift` and `Client.swift` into
/// `Sources/PeerClient/` (not committed); `PeerClient` compiles them against the runtime the
/// generator's output needs.
let package = Package(
  name: "SwiftOpenAPIGeneratorInterop",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
  ],
  targets: [
    // Holds the generator's command-line tool in the build graph, so that
    // `swift build --product swift-openapi-generator` builds it; nothing links it.
    .target(
      name: "GeneratorTool",
      dependencies: [.product(name: "swift-openapi-generator", package: "swift-openapi-generator")]),
    .target(
      name: "PeerClient",
      dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")])
  ]
)
