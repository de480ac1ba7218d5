import APIModel
import Foundation
import Testing

@testable import Pipeline

/// `Generated/` is the committed output of `make generate` over `docs/`: a commit that changes
/// the docs or the generator without regenerating fails here.
@Suite struct GeneratedFolderTests {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test func generatedMatchesAFreshGeneration() throws {
    let result = try Generator(options: .init(docs: Self.repository.appendingPathComponent("docs")))
      .generate()
    let committed = try FileTree.read(Self.repository.appendingPathComponent("Generated"))
      .filter { OutputWriter.isGenerated(Data($0.value.utf8)) }
    let fresh = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.contents) })
    #expect(committed.keys.sorted() == fresh.keys.sorted(), "run `make generate` and commit Generated/")
    for (path, contents) in fresh.sorted(by: { $0.key < $1.key }) where committed[path] != contents {
      Issue.record(
        Comment(rawValue: "Generated/\(path) is stale; run `make generate`:\n"
          + UnifiedDiff.between(committed[path] ?? "", contents, label: "Generated/\(path)")))
    }
  }

  @Test func pushTokenModelIsComplete() throws {
    let (api, diagnostics) = try Generator(options: .init(docs: Self.repository.appendingPathComponent("docs")))
      .read()
    #expect(api.endpoints.map(\.path) == ["/user/session/push_token/bind", "/user/session/push_token/delete"])
    let bind = api.endpoints[0]
    #expect(bind.parameters.map(\.name) == ["application", "token", "category_filter"])
    #expect(bind.parameters.map(\.required) == [true, true, false])
    #expect(bind.parameters.map(\.type.description) == ["PushTokenApplication", "string", "string"])
    #expect(bind.parameters.map(\.default) == [nil, nil, "*"])
    #expect(bind.parameters[2].documentedValues == "PushTokenCategory")
    #expect(bind.response.fields.isEmpty)
    #expect(api.endpoints[1].parameters.isEmpty)
    #expect(api.endpoints.allSatisfy { $0.errors == ErrorList(includesGeneral: true, codes: []) })
    #expect(api.type(named: "PushTokenApplication")?.values?.map(\.value) == ["navixy_iphone_viewer", "navixy_android_viewer"])
    #expect(
      api.type(named: "PushTokenCategory")?.values?.map(\.value) == [
        "chat_message", "history_rule", "history_task", "history_info", "history_service_task",
        "history_work_status",
      ])
    let page = "backend-api/resources/commons/user/session/push_token.md"
    #expect(
      diagnostics.map(\.description) == [
        "\(page):20:99: warning: link target '../../../../getting-started.md#data-types' not found in the docs folder [broken-link]",
        "\(page):89:1: warning: link target '../../../../getting-started.md#error-codes' not found in the docs folder [broken-link]",
      ])
  }
}
