import APIModel
import Testing

@testable import SwiftEmitter

/// Doc comments read as a person wrote them (no lead-in left dangling, requirements as a list,
/// a type's own summary), and names changed to stay unique are reported.
@Suite struct DocTextAndNamingTests {
  private static func at(_ line: Int) -> APIModel.SourceLocation {
    APIModel.SourceLocation(file: "api/demo.md", line: line, column: 3)
  }

  private static func api(endpoints: [Endpoint] = [], types: [NamedType] = []) -> APIDescription {
    APIDescription(
      info: .init(title: "Demo API", baseURL: "https://demo.example/v1"), endpoints: endpoints,
      types: types)
  }

  private static func code(_ api: APIDescription) -> String {
    SwiftEmitter().emit(api).map(\.contents).joined()
  }

  // MARK: Lead-ins

  @Test(arguments: [
    ("Bill order status. Can be one of:", ["Bill order status."]),
    ("`regular` object:", []),
    ("Returns a track.\n\nList of counter types:", ["Returns a track."]),
    ("(Malformed parameters) – Contains info about error:", ["(Malformed parameters)"]),
    ("A report (e.g. M7 tracker in interval mode):", []),
    ("Kinds:\n\n* `a` - first.\n* `b` - second.", ["Kinds:", "", "* `a` - first.", "* `b` - second."]),
    ("Format is:\n\n```json\n{}\n```", ["Format is:", "", "```json", "{}", "```"]),
    ("* `a` - first.\n* `status` - enum. Can be one of:", ["* `a` - first.", "* `status` - enum."]),
    ("If present:\n\nIf omitted:\n\nDone.", ["Done."]),
  ])
  func aLeadInWhoseBlockIsNotThereIsDropped(_ text: String, _ expected: [String]) {
    #expect(LeadIns.droppingDangling(DocText.cleanLines(text)) == expected)
  }

  @Test func anEntryWithoutTextHasNoColonAndACalloutKeepsItsOwn() {
    var doc = DocComment()
    doc.item("Throws", "``APIError``; the codes this call documents:", leadsIn: true)
    doc.item("`218`", "Contains info about error:", level: 1)
    #expect(
      doc.rendered(indent: 0) == ["/// - Throws: ``APIError``; the codes this call documents:", "///   - `218`"])
  }

  // MARK: Requirements

  private static func endpoint(rights: String?, description: String = "") -> Endpoint {
    Endpoint(
      path: "/tracker/employee/assign", resource: "/tracker/employee", action: "assign",
      summary: "Assigns a driver.", description: description, requiredRights: rights, source: at(10))
  }

  @Test func rightsAndTariffFeaturesRunTogetherBecomeAList() {
    let code = Self.code(Self.api(endpoints: [Self.endpoint(rights: "employee_update required tariff feature: app_fleet")]))
    #expect(
      code.contains(
        """
          /// - Requires:
          ///   - Sub-user rights: `employee_update`
          ///   - Tariff features: `app_fleet`
        """))
    #expect(!code.contains("required tariff"))
  }

  @Test func requirementLinesOfTheDescriptionJoinTheList() {
    let requirements = AccessRequirements(
      Self.endpoint(
        rights: nil,
        description:
          "**required tariff features:** `multilevel_access` – for ALL trackers. **required sub-user rights:** `admin` (masters only).\nMore text."
      ))
    #expect(requirements.tariffFeatures == "`multilevel_access` – for ALL trackers.")
    #expect(requirements.rights == "`admin` (masters only).")
    #expect(requirements.description == "More text.")
  }

  @Test(arguments: [
    ("tracker_configure, tracker_set_output", "`tracker_configure`, `tracker_set_output`"),
    ("admin (available only to master users)", "`admin` (available only to master users)"),
    ("places_custom_fields_update for entities with type place", "`places_custom_fields_update` for entities with type place"),
    ("none", "none"),
  ])
  func rightsNamesAreCode(_ line: String, _ expected: String) {
    #expect(AccessRequirements(Self.endpoint(rights: line)).rights == expected)
  }

  // MARK: Type summaries

  /// An enum listed in a parameter's text is not summed up by what is said of the parameter.
  @Test func aTypeDefinedInAMembersTextHasASummaryOfItsOwn() {
    let format = NamedType(
      name: "CheckinFormat", kind: .enum,
      description: "Optional. If empty, JSON will be returned. Can be \"pdf\" or \"xls\".",
      values: [EnumValue(value: "pdf", source: Self.at(5)), EnumValue(value: "xls", source: Self.at(5))],
      source: Self.at(5))
    let status = NamedType(
      name: "BillStatus", kind: .enum, description: "Bill order status. Can be one of:",
      values: [EnumValue(value: "created", source: Self.at(8))], source: Self.at(8))
    let list = Endpoint(
      path: "/checkin/list", resource: "/checkin", action: "list",
      parameters: [
        Parameter(
          name: "format", type: .named("CheckinFormat"), required: false,
          description: format.description, source: Self.at(5))
      ], source: Self.at(1))
    let bill = NamedType(
      name: "Bill", kind: .object, description: "A bill.",
      fields: [
        Field(name: "status", type: .named("BillStatus"), description: status.description, source: Self.at(8))
      ], source: Self.at(7))
    let code = Self.code(Self.api(endpoints: [list], types: [bill, status, format]))
    #expect(code.contains("/// The values of `format`, a parameter of `/checkin/list`.\n///\n/// Source:"))
    #expect(code.contains("/// Bill order status.\n///\n/// Source:"))
    #expect(!code.contains("/// Optional. If empty"))
  }

  @Test(arguments: [
    ("New state: \"on\" | \"off\".", "New state."),
    ("Application ID, for now it's \"on\" or \"off\".", "Application ID."),
    ("Device status, possible values: \"on\", \"off\".", "Device status."),
    ("Group log by \"on\" or \"off\".", "The values of `state`, a parameter of `/lamp/switch`."),
    ("Either \"on\" or \"off\".", "The values of `state`, a parameter of `/lamp/switch`."),
    ("Sort option. Possible values listed below.", "Sort option."),
  ])
  func aSentenceListingTheValuesKeepsTheNameBeforeThem(_ description: String, _ summary: String) {
    let state = NamedType(
      name: "LampState", kind: .enum, description: description,
      values: ["on", "off"].map { EnumValue(value: $0, source: Self.at(4)) }, source: Self.at(4))
    let lamp = Endpoint(
      path: "/lamp/switch", resource: "/lamp", action: "switch",
      parameters: [
        Parameter(name: "state", type: .named("LampState"), required: true, description: description, source: Self.at(4))
      ], source: Self.at(1))
    #expect(TypeSummary(Self.api(endpoints: [lamp], types: [state])).doc(of: state) { $0 } == summary)
  }

  // MARK: Names changed

  @Test func namesChangedToStayUniqueAreWarningsAtTheElement() {
    let link = NamedType(
      name: "Link", kind: .object, description: "A link.",
      fields: [
        Field(name: "user_id", type: .primitive(.int), description: "", source: Self.at(21)),
        Field(name: "userID", type: .primitive(.int), description: "", source: Self.at(22)),
        Field(name: "self", type: .primitive(.string), description: "", source: Self.at(23)),
      ], source: Self.at(20))
    let task = NamedType(name: "Task", kind: .object, description: "A task.", fields: [], source: Self.at(30))
    let output = SwiftEmitter().generate(Self.api(types: [link, task]))
    let messages = output.diagnostics.map { "\($0.location?.line ?? 0) \($0.severity.rawValue) \($0.kind): \($0.message)" }
    #expect(
      messages == [
        "22 warning swift-name-changed: the Swift name of field 'userID' of 'Link' is 'userID2', not 'userID': 'user_id' has that name",
        "23 warning swift-name-changed: the Swift name of field 'self' of 'Link' is 'self2', not 'self': Swift or the generated code reserves that name",
        "30 warning swift-name-changed: the Swift name of type 'Task' is 'NavixyTask', not 'Task': a type of Swift, Foundation or the runtime has that name, and would be shadowed",
      ])
    #expect(SwiftEmitter().diagnostics(Self.api(types: [link, task])) == output.diagnostics)
  }

  @Test func namesThatOnlyChangeCaseAreNotReported() {
    let link = NamedType(
      name: "Link", kind: .object, description: "",
      fields: [Field(name: "tracker_id", type: .primitive(.int), description: "", source: Self.at(2))],
      source: Self.at(1))
    #expect(SwiftEmitter().generate(Self.api(types: [link])).diagnostics.isEmpty)
  }
}
