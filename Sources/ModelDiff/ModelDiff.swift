import APIModel
import Foundation

/// Stage 4: two models → what changed in the API, for the users of the generated client.
///
/// Endpoints are matched by path, parameters and fields by wire name, types by name, enum
/// values and union variants by wire value, error codes by number; a rename is a removal and an
/// addition. Each change is judged breaking when code that compiled against the Swift client of
/// the old model may not compile against the client of the new one (see `SwiftSurface` for
/// what the client makes of the model, and the README's table of rules).
public enum ModelDiff {
  public static func compare(old: APIDescription, new: APIDescription) -> ChangeReport {
    let context = Context(old: old, new: new)
    return ChangeReport(
      endpoints: context.endpoints(), types: context.types(), errorCodes: context.errorCodes())
  }
}

/// The two models, and the comparisons of their parts.
private struct Context {
  let old: APIDescription
  let new: APIDescription

  // MARK: Endpoints

  func endpoints() -> [ChangeGroup] {
    let before = Dictionary(old.endpoints.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    let after = Dictionary(new.endpoints.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    return Set(before.keys).union(after.keys).sorted().compactMap { path in
      let changes: [Change]
      switch (before[path], after[path]) {
      case (let was?, let now?): changes = endpoint(was, now)
      case (let was?, nil):
        changes = [
          Change(
            .endpointRemoved, breaking: true, "endpoint removed",
            effect: "code that calls it no longer compiles", at: was.source, side: .old)
        ]
      case (nil, let now?):
        changes = [Change(.endpointAdded, breaking: false, "endpoint added", at: now.source)]
      case (nil, nil): changes = []
      }
      return changes.isEmpty ? nil : ChangeGroup(name: path, changes: changes)
    }
  }

  private func endpoint(_ was: Endpoint, _ now: Endpoint) -> [Change] {
    parameters(was, now) + answer(was, now) + endpointErrors(was, now)
  }

  private func parameters(_ was: Endpoint, _ now: Endpoint) -> [Change] {
    let before = SwiftSurface.unique(was.parameters, name: \.name)
    let after = SwiftSurface.unique(now.parameters, name: \.name)
    var changes: [Change] = []
    for parameter in after {
      guard let previous = before.first(where: { $0.name == parameter.name }) else {
        let required = !SwiftSurface.isOptional(parameter)
        changes.append(
          Change(
            .parameterAdded, breaking: required,
            "parameter '\(parameter.name)' added, \(required ? "required" : "optional")",
            effect: required ? "every call must pass it" : nil, at: parameter.source))
        continue
      }
      changes += self.parameter(previous, parameter)
    }
    for parameter in before where !after.contains(where: { $0.name == parameter.name }) {
      changes.append(
        Change(
          .parameterRemoved, breaking: true, "parameter '\(parameter.name)' removed",
          effect: "calls that pass it no longer compile", at: parameter.source, side: .old))
    }
    if let order = reordered(before.map(\.name), after.map(\.name)) {
      changes.append(
        Change(
          .parametersReordered, breaking: true, "parameters reordered: \(order)",
          effect: "calls must pass the arguments in the new order", at: now.source))
    }
    return changes
  }

  private func parameter(_ was: Parameter, _ now: Parameter) -> [Change] {
    var changes: [Change] = []
    let name = "parameter '\(now.name)'"
    switch (SwiftSurface.isOptional(was), SwiftSurface.isOptional(now)) {
    case (false, true):
      changes.append(
        Change(.parameterMadeOptional, breaking: false, "\(name) made optional", at: now.source))
    case (true, false):
      changes.append(
        Change(
          .parameterMadeRequired, breaking: true, "\(name) made required",
          effect: "calls that leave it out or pass an optional no longer compile", at: now.source))
    default: break
    }
    if let retype = retyped(was.type, now.type, inJSON: false) {
      changes.append(
        Change(
          .parameterRetyped, breaking: retype.breaking, "\(name) retyped: \(retype.text)",
          effect: retype.breaking ? "calls must pass the new type" : nil, at: now.source))
    }
    if was.default != now.default, SwiftSurface.isOptional(was), SwiftSurface.isOptional(now) {
      changes.append(
        Change(
          .parameterDefaultChanged, breaking: false,
          "\(name) default changed: \(Self.quoted(was.default)) → \(Self.quoted(now.default))",
          effect: "calls that leave it out get the server's new default", at: now.source))
    }
    return changes
  }

  /// The answer as a whole (what the call returns), then its fields.
  private func answer(_ was: Endpoint, _ now: Endpoint) -> [Change] {
    // The answer's fields, or else the endpoint's heading.
    let source = now.response.fields.first?.source ?? now.source
    switch (SwiftSurface.answer(was.response), SwiftSurface.answer(now.response)) {
    case (.nothing, .nothing), (.file, .file):
      return []
    case (.value(let before), .value(let after)):
      return answerValue(before, after)
    case (.object(let before), .object(let after)):
      return fields(before, after, owner: "answer field")
    case (.nothing, let answer):
      return [
        Change(
          .answerAdded, breaking: false, "the call now answers with \(Self.describe(answer))",
          effect: "calls that ignore the answer get an unused-result warning", at: source)
      ]
    case (let answer, .nothing):
      return [
        Change(
          .answerRemoved, breaking: true,
          "the call no longer answers with \(Self.describe(answer))",
          effect: "code that uses what the call returned no longer compiles", at: source)
      ]
    case (.file, let answer), (let answer, .file):
      let toFile = now.response.kind == .binary
      return [
        Change(
          .answerKindChanged, breaking: true,
          toFile
            ? "the call answers with a file instead of \(Self.describe(answer))"
            : "the call answers with \(Self.describe(answer)) instead of a file",
          effect: "the call returns \(toFile ? "FileDownload" : "JSON") instead", at: source)
      ]
    case (let before, let after):
      return [answerShapeChanged(from: before, to: after, at: source)]
    }
  }

  /// An answer that goes from one field to several, or back: the call returned the field's
  /// value and now returns a struct, or the other way round.
  private func answerShapeChanged(
    from before: SwiftSurface.Answer, to after: SwiftSurface.Answer, at source: SourceLocation
  ) -> Change {
    Change(
      .answerShapeChanged, breaking: true,
      "the answer has \(Self.describe(after)) instead of \(Self.describe(before))",
      effect: {
        if case .value = after { return "the call returns the field's value instead of a struct" }
        return "the call returns a struct instead of the field's value"
      }(), at: source)
  }

  /// A one-field answer, whose value the call returns: its name is not seen, its type is.
  private func answerValue(_ was: Field, _ now: Field) -> [Change] {
    var changes: [Change] = []
    if was.name != now.name {
      changes.append(
        Change(
          .answerFieldRenamed, breaking: false,
          "answer field '\(was.name)' renamed to '\(now.name)'",
          effect: "the call returns the field's value, which has no name in Swift", at: now.source))
    }
    return changes + field(was, now, owner: "answer field", returned: true)
  }

  private func endpointErrors(_ was: Endpoint, _ now: Endpoint) -> [Change] {
    let before = Set(was.errors.codes.map(\.code))
    let after = Set(now.errors.codes.map(\.code))
    let added = SwiftSurface.unique(now.errors.codes, name: { "\($0.code)" })
      .filter { !before.contains($0.code) }
      .map { code in
        Change(
          .endpointErrorAdded, breaking: false, "error \(code.code) documented",
          effect: "doc comment only", at: code.source)
      }
    let removed = SwiftSurface.unique(was.errors.codes, name: { "\($0.code)" })
      .filter { !after.contains($0.code) }
      .map { code in
        Change(
          .endpointErrorRemoved, breaking: false, "error \(code.code) no longer documented",
          effect: "doc comment only", at: code.source, side: .old)
      }
    return added + removed
  }

  // MARK: Fields (of answers and of named objects)

  /// Both are structs with a property and a memberwise initializer argument per field.
  private func fields(_ was: [Field], _ now: [Field], owner: String) -> [Change] {
    let before = SwiftSurface.unique(was)
    let after = SwiftSurface.unique(now)
    var changes: [Change] = []
    for field in after {
      guard let previous = before.first(where: { $0.name == field.name }) else {
        let required = !SwiftSurface.isOptional(field)
        changes.append(
          Change(
            .fieldAdded, breaking: required,
            "\(owner) '\(field.name)' added, \(required ? "required" : "optional")",
            effect: required ? "code that creates the value with its initializer must pass it" : nil,
            at: field.source))
        continue
      }
      changes += self.field(previous, field, owner: owner, returned: false)
    }
    for field in before where !after.contains(where: { $0.name == field.name }) {
      changes.append(
        Change(
          .fieldRemoved, breaking: true, "\(owner) '\(field.name)' removed",
          effect: "code that reads it or passes it to the initializer no longer compiles",
          at: field.source, side: .old))
    }
    if let order = reordered(before.map(\.name), after.map(\.name)) {
      changes.append(
        Change(
          .fieldsReordered, breaking: true, "\(owner)s reordered: \(order)",
          effect: "code that creates the value with its initializer must pass the arguments in the new order",
          at: after.first?.source ?? before[0].source))
    }
    return changes
  }

  /// `returned`: the field's value is what the call returns (a one-field answer), so there is
  /// no initializer to call.
  private func field(_ was: Field, _ now: Field, owner: String, returned: Bool) -> [Change] {
    var changes: [Change] = []
    let name = "\(owner) '\(now.name)'"
    switch (SwiftSurface.isOptional(was), SwiftSurface.isOptional(now)) {
    case (false, true):
      changes.append(
        Change(
          .fieldMadeOptional, breaking: true, "\(name) made optional",
          effect: "code that reads it must unwrap an optional", at: now.source))
    case (true, false):
      changes.append(
        Change(
          .fieldMadeRequired, breaking: true, "\(name) made required",
          effect: returned
            ? "code that unwraps it (if let, guard let, ?.) no longer compiles"
            : "code that unwraps it (if let, guard let, ?.) no longer compiles, and the initializer needs it",
          at: now.source))
    default: break
    }
    if let retype = retyped(was.type, now.type, inJSON: true) {
      changes.append(
        Change(
          .fieldRetyped, breaking: retype.breaking, "\(name) retyped: \(retype.text)",
          effect: retype.breaking ? "code that reads or sets it must use the new type" : nil,
          at: now.source))
    }
    return changes
  }

  // MARK: Types

  func types() -> [ChangeGroup] {
    let before = Dictionary(old.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    let after = Dictionary(new.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    return Set(before.keys).union(after.keys).sorted().compactMap { name in
      let changes: [Change]
      switch (before[name], after[name]) {
      case (let was?, let now?): changes = type(was, now)
      case (let was?, nil):
        changes = [
          Change(
            .typeRemoved, breaking: true, "\(was.kind.rawValue) type removed",
            effect: "code that names it no longer compiles", at: was.source, side: .old)
        ]
      case (nil, let now?):
        changes = [Change(.typeAdded, breaking: false, "\(now.kind.rawValue) type added", at: now.source)]
      case (nil, nil): changes = []
      }
      return changes.isEmpty ? nil : ChangeGroup(name: name, changes: changes)
    }
  }

  private func type(_ was: NamedType, _ now: NamedType) -> [Change] {
    guard was.kind == now.kind else {
      return [
        Change(
          .typeKindChanged, breaking: true,
          "\(was.kind.rawValue) type became \(Self.article(now.kind)) \(now.kind.rawValue) type",
          effect: "code that uses its members no longer compiles", at: now.source)
      ]
    }
    switch now.kind {
    case .object: return fields(was.fields ?? [], now.fields ?? [], owner: "field")
    case .enum: return enumValues(was, now)
    case .union: return variants(was, now)
    }
  }

  /// The enums are open (`unknown(String)` takes undocumented values), but still Swift enums:
  /// a `switch` that lists every case and `.unknown` without a `default` stops compiling when
  /// a case is added.
  private func enumValues(_ was: NamedType, _ now: NamedType) -> [Change] {
    let before = SwiftSurface.unique(was.values ?? [], name: \.value)
    let after = SwiftSurface.unique(now.values ?? [], name: \.value)
    let added = after.filter { value in !before.contains { $0.value == value.value } }.map { value in
      Change(
        .enumValueAdded, breaking: true, "value '\(value.value)' added",
        effect: "a switch over the enum without a default must handle the new case; "
          + "the value decoded as .unknown before", at: value.source)
    }
    let removed = before.filter { value in !after.contains { $0.value == value.value } }.map { value in
      Change(
        .enumValueRemoved, breaking: true, "value '\(value.value)' removed",
        effect: "code that names its case no longer compiles", at: value.source, side: .old)
    }
    return added + removed
  }

  private func variants(_ was: NamedType, _ now: NamedType) -> [Change] {
    var changes: [Change] = []
    if was.discriminator != now.discriminator {
      changes.append(
        Change(
          .unionDiscriminatorChanged, breaking: false,
          "discriminator changed: \(Self.quoted(was.discriminator)) → \(Self.quoted(now.discriminator))",
          effect: "decoding tells the variants apart by the new field", at: now.source))
    }
    let before = SwiftSurface.unique(was.variants ?? [], name: \.value)
    let after = SwiftSurface.unique(now.variants ?? [], name: \.value)
    for variant in after {
      guard let previous = before.first(where: { $0.value == variant.value }) else {
        changes.append(
          Change(
            .unionVariantAdded, breaking: true, "variant '\(variant.value)' (\(variant.type)) added",
            effect: "a switch over the union without a default must handle the new case; "
              + "the variant decoded as .unknown before", at: now.source))
        continue
      }
      if previous.type != variant.type {
        changes.append(
          Change(
            .unionVariantRetyped, breaking: true,
            "variant '\(variant.value)' retyped: \(previous.type) → \(variant.type)",
            effect: "the case holds a value of the new type", at: now.source))
      }
    }
    for variant in before where !after.contains(where: { $0.value == variant.value }) {
      changes.append(
        Change(
          .unionVariantRemoved, breaking: true, "variant '\(variant.value)' removed",
          effect: "code that names its case no longer compiles", at: was.source, side: .old))
    }
    return changes
  }

  // MARK: The global error-code table

  /// The table is a Swift enum with a case per code, named after the code's headline, and
  /// `unknown(Int)`: the same holds as for the docs' enums.
  func errorCodes() -> [Change] {
    let before = Dictionary(old.errorCodes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    let after = Dictionary(new.errorCodes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    return Set(before.keys).union(after.keys).sorted().compactMap { number in
      switch (before[number], after[number]) {
      case (let was?, let now?):
        guard Self.nameKey(was.headline) != Self.nameKey(now.headline) else { return nil }
        return Change(
          .errorCodeRenamed, breaking: true,
          "error code \(number) reworded: '\(Self.headline(was))' → '\(Self.headline(now))'",
          effect: "its case is named after the wording: code that names the old case no longer compiles",
          at: now.source)
      case (let was?, nil):
        return Change(
          .errorCodeRemoved, breaking: true, "error code \(number) removed (\(Self.headline(was)))",
          effect: "code that names its case no longer compiles", at: was.source, side: .old)
      case (nil, let now?):
        return Change(
          .errorCodeAdded, breaking: true, "error code \(number) added (\(Self.headline(now)))",
          effect: "a switch over the error-code enum without a default must handle the new case; "
            + "the code was .unknown before", at: now.source)
      case (nil, nil):
        return nil
      }
    }
  }

  private static func headline(_ code: ErrorCode) -> String {
    code.headline.trimmingCharacters(in: .whitespaces)
  }

  /// What decides a case name: the letters and digits, in either case.
  private static func nameKey(_ headline: String) -> String {
    String(headline.lowercased().filter { $0.isLetter || $0.isNumber })
  }

  // MARK: Helpers

  /// A type change, described, and whether the Swift type changed with it; nil when the docs
  /// type did not change.
  private func retyped(_ was: TypeRef, _ now: TypeRef, inJSON: Bool) -> (text: String, breaking: Bool)? {
    let swiftBefore = SwiftSurface.type(was, in: old, inJSON: inJSON)
    let swiftAfter = SwiftSurface.type(now, in: new, inJSON: inJSON)
    if was == now && swiftBefore == swiftAfter { return nil }
    if swiftBefore == swiftAfter {
      return ("\(was) → \(now), both \(swiftAfter) in Swift", false)
    }
    if was == now {
      // The same name, defined on one side only.
      return ("\(was) is \(swiftAfter) in Swift instead of \(swiftBefore)", true)
    }
    return ("\(was) → \(now)", true)
  }

  /// The names both lists hold, when their order differs: `b, a` (their new order).
  private func reordered(_ before: [String], _ after: [String]) -> String? {
    let kept = Set(before).intersection(after)
    let oldOrder = before.filter(kept.contains)
    let newOrder = after.filter(kept.contains)
    guard oldOrder != newOrder else { return nil }
    return newOrder.map { "'\($0)'" }.joined(separator: ", ")
  }

  private static func describe(_ answer: SwiftSurface.Answer) -> String {
    switch answer {
    case .nothing: "nothing"
    case .file: "a file"
    case .value(let field): "one field, '\(field.name)'"
    case .object(let fields):
      "\(fields.count) fields ("
        + (fields.prefix(3).map { "'\($0.name)'" } + (fields.count > 3 ? ["…"] : [])).joined(separator: ", ")
        + ")"
    }
  }

  private static func quoted(_ value: String?) -> String {
    value.map { "'\($0)'" } ?? "none"
  }

  private static func article(_ kind: NamedType.Kind) -> String {
    kind == .enum ? "an" : "a"
  }
}
