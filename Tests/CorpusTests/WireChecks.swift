import APIModel
import Foundation
import SwiftEmitter

/// Named endpoints of the 2021 corpus through the compiled client, in the cases the docs' own
/// examples do not show: a parameter left out or sent alone, a field absent or `null`, fields
/// that travel inside an object. Each is an `ExampleCase` for the generated package (a request
/// whose body the stub transport keeps, or an answer to decode through the method), built from
/// values of our own or from the docs' examples, altered, read at test time; then what came back
/// is checked here.
///
/// A decoding check proves something only when the call returns the documented type: a list of
/// `JSONObject` decodes anything. So each also names the type the call must return.
struct WireCheck: Sendable {
  /// What the check is about, for the report: `/zone/create with a circle sends no points`.
  var name: String
  var path: String
  var kind: ExampleCase.Kind
  /// The request's parameters or the answer, as JSON; nil when the docs lack what it is made
  /// from (reported as a failure).
  var json: String?
  /// For a request: what the stub answers, and its content type; the call must then succeed.
  var answer: (body: String, contentType: String)?
  /// The Swift type the call must return, or a part of it (`Garage` for `[Garage]?`).
  var returns: String?
  /// For a request: the problems with the body the client sent.
  var checkSent: @Sendable ([String: Any]) -> [String] = { _ in [] }
  /// Why `json` could not be made.
  var missing: String?

  /// The corpus these checks are written for: the endpoints and types they name are its own.
  static let corpus = Corpus.navixy2021.name

  /// The checks of `corpus`, none for another.
  static func checks(for corpus: Corpus, api: APIDescription) -> [WireCheck] {
    corpus.name == Self.corpus ? all(api, docs: corpus.docs) : []
  }

  private static func all(_ api: APIDescription, docs: URL?) -> [WireCheck] {
    let examples = DocsExamples(api: api, docs: docs)
    return [
      WireCheck(
        name: "/zone/create with a circle sends no points", path: "/zone/create", kind: .request,
        json: #"""
          {"zone": {"type": "circle", "label": "Depot", "address": "Main street 1", "radius": 150,
           "center": {"lat": 56.8, "lng": 60.6}, "tags": []}}
          """#,
        checkSent: { body in
          var problems: [String] = []
          if body["points"] != nil { problems.append("'points' sent: \(text(body["points"]))") }
          if (body["zone"] as? [String: Any])?["points"] != nil { problems.append("'zone.points' sent") }
          return problems
        }),
      WireCheck(
        name: "/employee/batch_convert with file_id alone sends no batch",
        path: "/employee/batch_convert", kind: .request,
        json: #"{"file_id": "4f3a9c", "geocoder": "google"}"#,
        checkSent: { body in
          (body["batch"] != nil ? ["'batch' sent as \(text(body["batch"]))"] : [])
            + (body["file_id"] as? String == "4f3a9c" ? [] : ["'file_id' not sent as given"])
        }),
      WireCheck(
        name: "/track/download without format and split sends neither and answers a FileDownload",
        path: "/track/download", kind: .request,
        json: #"{"tracker_id": 123456, "from": "2020-09-23 03:24:00", "to": "2020-09-23 06:24:00"}"#,
        answer: ("<kml xmlns=\"http://www.opengis.net/kml/2.2\"/>", "application/vnd.google-earth.kml+xml"),
        returns: "FileDownload",
        checkSent: { body in
          ["format", "split"].filter { body[$0] != nil }.map { "'\($0)' sent as \(text(body[$0]))" }
        }),
      WireCheck(
        name: "/tracker/get_states decodes an answer without blocked and not_exist",
        path: "/tracker/get_states", kind: .response,
        // `states` as the field list says ("a map containing state object for requested
        // trackers"), keyed by the tracker id, where the example shows a list.
        json: examples.answer(of: "/tracker/get_states") { answer in
          answer["blocked"] = nil
          answer["not_exist"] = nil
          if let states = answer["states"] as? [[String: Any]] {
            answer["states"] = Dictionary(
              states.enumerated().map { index, state in ("\(state["source_id"] ?? index)", state) },
              uniquingKeysWith: { first, _ in first })
          }
        }),
      WireCheck(
        name: "Garage.location decodes null", path: "/garage/list", kind: .response,
        json: examples.answer(of: "/garage/list") { answer in
          answer.editFirst(of: "list") { $0["location"] = NSNull() }
        }, returns: "Garage"),
      WireCheck(
        name: "TrackerSource.status_listing_id decodes null", path: "/tracker/list",
        kind: .response,
        json: examples.answer(of: "/tracker/list") { answer in
          answer.editFirst(of: "list") { tracker in
            var source = tracker["source"] as? [String: Any] ?? [:]
            source["status_listing_id"] = NSNull()
            tracker["source"] = source
          }
        }, returns: "Tracker"),
      WireCheck(
        name: "/report/schedule/create sends period, emails, email_format, sending_time inside parameters",
        path: "/report/schedule/create", kind: .request,
        // "Schedule object without fields "id", "fire_time", "last_result"": the object's own
        // example so (the request example is not JSON, and names the parameter `shedule`).
        json: examples.objectExample(of: "ScheduleEntry").map { entry in
          Self.text(["schedule": entry.filter { !["id", "fire_time", "last_result"].contains($0.key) }])
        },
        checkSent: { body in
          let schedule = body["schedule"] as? [String: Any] ?? [:]
          let parameters = schedule["parameters"] as? [String: Any] ?? [:]
          let nested = ["period", "emails", "email_format", "sending_time"]
          return nested.filter { parameters[$0] == nil }.map { "'schedule.parameters.\($0)' not sent" }
            + nested.filter { schedule[$0] != nil }.map { "'schedule.\($0)' sent outside parameters" }
        }),
      WireCheck(
        name: "ScheduleEntry decodes its own example", path: "/report/schedule/list",
        kind: .response,
        json: examples.objectExample(of: "ScheduleEntry").map { Self.text(["success": true, "list": [$0]]) },
        returns: "ScheduleEntry"),
      WireCheck(
        name: "/tracker/rule/create sends its fields inside rule", path: "/tracker/rule/create",
        // "rule object without `id`": the object's own example so (the request example sends
        // `""` for the int `param`).
        kind: .request,
        json: examples.objectExample(of: "Rule").map { Self.text(["rule": $0.filter { $0.key != "id" }]) },
        checkSent: { body in
          let rule = body["rule"] as? [String: Any] ?? [:]
          var problems = body.keys.filter { $0 != "rule" }.sorted().map { "'\($0)' sent outside rule" }
          if rule.isEmpty { problems.append("'rule' not sent") }
          for key in ["type", "primary_text"] where !rule.isEmpty && rule[key] == nil {
            problems.append("'rule.\(key)' not sent")
          }
          return problems
        }),
    ].map { check in
      var check = check
      if check.json == nil { check.missing = "the docs' example it is made from was not found" }
      return check
    }
  }

  /// The problems of this check given the package's outcome and the emitter's call site.
  func problems(_ outcome: ExampleOutcome?, site: SwiftCallSite?) -> [String] {
    if let missing { return [missing] }
    guard let site else { return ["no generated method for \(path)"] }
    var problems: [String] = []
    if let returns, !(site.returnType ?? "").contains(returns) {
      problems.append("returns \(site.returnType ?? "nothing"), not \(returns)")
    }
    guard let outcome else { return problems + ["no outcome reported"] }
    if let failure = outcome.failure { return problems + [failure] }
    if kind == .request {
      guard let sent = outcome.sent.flatMap(ExampleConformance.jsonObject) else {
        return problems + ["the client sent no JSON object"]
      }
      problems += checkSent(sent)
    }
    return problems
  }

  static func text(_ value: Any?) -> String {
    guard let value,
      let data = try? JSONSerialization.data(
        withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes])
    else { return "nothing" }
    return String(decoding: data, as: UTF8.self)
  }
}

private func text(_ value: Any?) -> String { WireCheck.text(value) }

/// The docs' examples the checks start from, read from the model (and, for an object's own
/// example, from its page).
private struct DocsExamples {
  let api: APIDescription
  let docs: URL?

  /// The first success answer of `path`'s response section, edited.
  func answer(of path: String, _ edit: (inout [String: Any]) -> Void) -> String? {
    guard let endpoint = api.endpoints.first(where: { $0.path == path }) else { return nil }
    for example in endpoint.response.examples {
      guard var object = ExampleConformance.jsonObject(example.code), object["success"] as? Bool != false
      else { continue }
      edit(&object)
      return WireCheck.text(object)
    }
    return nil
  }

  /// The JSON example of the type's own section: the first JSON code block after its heading.
  func objectExample(of type: String) -> [String: Any]? {
    guard let source = api.type(named: type)?.source, let docs,
      let page = try? String(contentsOf: docs.appendingPathComponent(source.file), encoding: .utf8)
    else { return nil }
    let lines = page.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(source.line)
    guard let open = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("```json") }),
      let close = lines[(open + 1)...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "```" })
    else { return nil }
    return ExampleConformance.jsonObject(lines[(open + 1)..<close].joined(separator: "\n"))
  }
}

extension Dictionary where Key == String, Value == Any {
  /// Edits the first object of the array at `key`.
  fileprivate mutating func editFirst(of key: String, _ edit: (inout [String: Any]) -> Void) {
    guard var items = self[key] as? [Any], var first = items.first as? [String: Any] else { return }
    edit(&first)
    items[0] = first
    self[key] = items
  }
}
