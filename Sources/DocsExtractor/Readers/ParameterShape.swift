import APIModel

/// Checks and reshapes a parameter list after it is read.
enum ParameterShape {
  /// `zone.color` and `zone.radius` become fields of the object parameter `zone` (created
  /// when the table lists only the dotted names).
  static func nestingDottedNames(_ parameters: [Parameter], owner: String, scope: PageScope) -> [Parameter] {
    // `parent.field`, both parts present; a name such as `.` or `x.` is left as written.
    let isDotted = { (name: String) -> Bool in
      let parts = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
      return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
    }
    let dotted = parameters.filter { isDotted($0.name) }
    guard !dotted.isEmpty else { return parameters }
    var result = parameters.filter { !isDotted($0.name) }
    let groups = Dictionary(grouping: dotted) { String($0.name.split(separator: ".", maxSplits: 1)[0]) }
    for (parent, members) in groups.sorted(by: { $0.key < $1.key }) {
      let fields = members.map {
        Field(
          name: String($0.name.split(separator: ".", maxSplits: 1)[1]), type: $0.type, required: $0.required,
          description: $0.description, source: $0.source)
      }
      if let index = result.firstIndex(where: { $0.name == parent }) {
        guard result[index].type == .object else {
          // The parent names its own type; the dotted rows only repeat part of it.
          continue
        }
        let name = scope.types.addObject(
          name: TypeNamer.name(resource: owner, member: parent), description: result[index].description,
          fields: fields, source: result[index].source)
        result[index].type = .named(name)
      } else {
        let name = scope.types.addObject(
          name: TypeNamer.name(resource: owner, member: parent), description: "", fields: fields,
          source: members[0].source)
        result.append(
          Parameter(
            name: parent, type: .named(name), required: members.contains(where: \.required), description: "",
            source: members[0].source))
      }
    }
    return result
  }

  /// A name listed twice: the second is reported with a note at the first.
  static func duplicates(_ parameters: [Parameter]) -> [Diagnostic] {
    var seen: [String: SourceLocation] = [:]
    var diagnostics: [Diagnostic] = []
    for parameter in parameters {
      if let first = seen[parameter.name] {
        diagnostics.append(
          .warning(
            "duplicate-parameter", "parameter '\(parameter.name)' is listed twice; the first is used",
            at: parameter.source, notes: [.init("first listed here", at: first)]))
      } else {
        seen[parameter.name] = parameter.source
      }
    }
    return diagnostics
  }
}
