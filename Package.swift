// swift-tools-version: 6.2
import PackageDescription

/// Warnings are errors in every target of ours, the generated client included.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
  name: "apigen",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "apigen", targets: ["apigen"]),
    // The mock server: its own product, so that building `apigen` does not build Hummingbird.
    .executable(name: "apigen-mock", targets: ["apigen-mock"]),
    .library(name: "APIGenRuntime", targets: ["APIGenRuntime"]),
    .library(name: "NavixyAPI", targets: ["NavixyAPI"]),
    // A consumer's target generates its client in every build (`apigen.json` says from which
    // docs), or, with the command plugin, writes it into its folder to be committed.
    .plugin(name: "APIGenPlugin", targets: ["APIGenPlugin"]),
    .plugin(name: "APIGenCommandPlugin", targets: ["APIGenCommandPlugin"]),
    // For the fuzz driver in Fuzz/, a package of its own (see `make fuzz`).
    .library(name: "APIGenPipeline", targets: ["Pipeline"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // The default trait pulls in external reference loading, which we do not use and which
    // slows the build down.
    .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0", traits: []),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
  ],
  targets: [
    // Stage 0: the C library.
    .systemLibrary(
      name: "Ccmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),

    // Stage 1: Markdown text → a Swift tree with source locations.
    .target(name: "DocsMarkdown", dependencies: ["Ccmark"], swiftSettings: strict),

    // The intermediate model every later stage reads.
    .target(name: "APIModel", swiftSettings: strict),

    // Stage 2: Markdown tree → a draft of the model.
    .target(name: "DocsExtractor", dependencies: ["DocsMarkdown", "APIModel"], swiftSettings: strict),

    // Stage 3: the draft → the model, judged against the docs' own examples.
    .target(name: "ModelRefiner", dependencies: ["APIModel"], swiftSettings: strict),

    // Stage 4: model → files.
    .target(name: "SwiftEmitter", dependencies: ["APIModel"], swiftSettings: strict),
    .target(
      name: "OpenAPIEmitter",
      dependencies: ["APIModel", .product(name: "OpenAPIKit", package: "OpenAPIKit")],
      swiftSettings: strict),

    // Stage 4: two models → what changed in the API, judged for the generated Swift.
    .target(name: "ModelDiff", dependencies: ["APIModel"], swiftSettings: strict),

    // The stages put together: docs folder in, output folder out.
    .target(
      name: "Pipeline",
      dependencies: [
        "DocsMarkdown", "DocsExtractor", "ModelRefiner", "APIModel", "SwiftEmitter", "OpenAPIEmitter",
        "ModelDiff",
      ],
      swiftSettings: strict),
    // A server made from the model: answers every endpoint with the docs' examples.
    .target(
      name: "MockServer",
      dependencies: ["APIModel", .product(name: "Hummingbird", package: "hummingbird")],
      swiftSettings: strict),
    // What both executables share: the docs options, reports, exit statuses.
    .target(
      name: "CommandSupport",
      dependencies: [
        "Pipeline", "APIModel", "DocsMarkdown", "SwiftEmitter", "ModelDiff",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    // The generator; it must not depend on MockServer (see `make generate`).
    .executableTarget(
      name: "apigen",
      dependencies: [
        "Pipeline", "APIModel", "SwiftEmitter", "ModelDiff", "CommandSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    .executableTarget(
      name: "apigen-mock",
      dependencies: [
        "Pipeline", "APIModel", "MockServer", "CommandSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),

    // SwiftPM plugins around `apigen generate`; Plugins/Shared holds the code both use (each
    // plugin's folder links to it, since a plugin cannot depend on a library).
    .plugin(name: "APIGenPlugin", capability: .buildTool(), dependencies: ["apigen"]),
    .plugin(
      name: "APIGenCommandPlugin",
      capability: .command(
        intent: .custom(
          verb: "apigen-generate",
          description: "Writes a target's client, generated from the docs its apigen.json names, into the target's Generated/ folder."),
        permissions: [
          .writeToPackageDirectory(reason: "To write the generated client into the target's Generated/ folder.")
        ]),
      dependencies: ["apigen"]),

    // Hand-written support that generated clients import.
    .target(name: "APIGenRuntime", swiftSettings: strict),
    // The client generated from docs/ (`make generate`).
    .target(
      name: "NavixyAPI", dependencies: ["APIGenRuntime"], path: "Generated/Swift",
      swiftSettings: strict),

    // Shared by the test targets: building generated Swift in a temporary package, running
    // apigen, finding the corpus.
    .target(
      name: "TestSupport", dependencies: ["Pipeline", "APIModel"], path: "Tests/TestSupport",
      swiftSettings: strict),
    .testTarget(name: "DocsMarkdownTests", dependencies: ["DocsMarkdown"], swiftSettings: strict),
    .testTarget(name: "APIModelTests", dependencies: ["APIModel"], swiftSettings: strict),
    .testTarget(
      name: "DocsExtractorTests", dependencies: ["DocsExtractor", "ModelRefiner", "DocsMarkdown", "APIModel"],
      swiftSettings: strict),
    .testTarget(
      name: "SwiftEmitterTests", dependencies: ["SwiftEmitter", "APIModel", "TestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "OpenAPIEmitterTests",
      dependencies: ["OpenAPIEmitter", "APIModel", .product(name: "OpenAPIKit", package: "OpenAPIKit")],
      swiftSettings: strict),
    .testTarget(name: "APIGenRuntimeTests", dependencies: ["APIGenRuntime"], swiftSettings: strict),
    .testTarget(
      name: "PipelineTests", dependencies: ["Pipeline", "APIModel"], swiftSettings: strict),
    .testTarget(
      name: "ModelDiffTests",
      dependencies: ["ModelDiff", "APIModel", "SwiftEmitter", "Pipeline", "TestSupport"],
      // Docs pages and recorded reports the tests read by path.
      exclude: ["Fixtures"], swiftSettings: strict),
    .testTarget(
      name: "NavixyAPITests", dependencies: ["NavixyAPI", "APIGenRuntime"],
      swiftSettings: strict),
    .testTarget(
      name: "MockServerTests", dependencies: ["MockServer", "APIModel", "TestSupport"],
      swiftSettings: strict),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "MockServer", "Pipeline", "SwiftEmitter", "APIModel", "NavixyAPI", "APIGenRuntime",
        "TestSupport",
      ],
      // Compiled into a generated package by the corpus run, not into this target.
      exclude: ["Harness"],
      swiftSettings: strict),
    .testTarget(
      name: "RobustnessTests", dependencies: ["Pipeline", "DocsMarkdown", "APIModel", "TestSupport"],
      // Pages the tests read by path (regressions found by fuzzing).
      exclude: ["Fixtures"], swiftSettings: strict),
    .testTarget(
      name: "CorpusTests", dependencies: ["Pipeline", "APIModel", "SwiftEmitter", "TestSupport"],
      swiftSettings: strict),
  ]
)
