import APIModel

/// Printing of the generated declarations, one kind per function.
enum Declarations {
  private static let throwsClause = "async throws(APIError)"

  // MARK: Namespaces

  /// The namespace struct: the client it calls through, its accessors and its methods.
  static func namespace(_ namespace: Namespace, into writer: inout SwiftWriter) {
    writer.doc(namespaceDoc(namespace))
    writer.block("\(writer.access) struct \(namespace.typeName): Sendable") { writer in
      writer.line("let client: APIClient")
      members(of: namespace, into: &writer)
    }
  }

  /// The accessors to the namespaces below, then the methods.
  static func members(of namespace: Namespace, into writer: inout SwiftWriter) {
    for accessor in namespace.accessors {
      writer.blank()
      var doc = DocComment()
      doc.paragraph(
        accessor.title.map { "\($0): the calls under `\(accessor.path)`." }
          ?? "The calls under `\(accessor.path)`.")
      writer.doc(doc)
      writer.block("\(writer.access) var \(SwiftNaming.escaped(accessor.property)): \(accessor.typeName)") {
        $0.line("\(accessor.typeName)(client: client)")
      }
    }
    for method in namespace.methods {
      writer.blank()
      self.method(method, into: &writer)
    }
  }

  static func namespaceDoc(_ namespace: Namespace) -> DocComment {
    var doc = DocComment()
    guard let resource = namespace.resource else {
      doc.paragraph("The calls under `\(namespace.path)`.")
      return doc
    }
    doc.paragraph("\(resource.title): the calls under `\(namespace.path)`.")
    doc.paragraph(resource.description)
    doc.paragraph("Source: \(location(resource.source))")
    return doc
  }

  // MARK: Methods

  static func method(_ method: Method, into writer: inout SwiftWriter) {
    writer.doc(methodDoc(method))
    let parameters = method.parameters.map(parameterDeclaration)
    let signature = Layout.list(
      head: "\(writer.access) func \(SwiftNaming.escaped(method.name))(", items: parameters,
      tail: ") \(throwsClause)\(resultClause(method))")
    writer.block(signature) { writer in
      var arguments: [Layout] = [.text(stringLiteral(method.endpoint.path))]
      if !method.parameters.isEmpty {
        arguments.append(
          .collection(
            method.parameters.map {
              .breakable(
                head: "\(stringLiteral($0.wireName)):", tail: SwiftNaming.escaped($0.name))
            }))
      }
      if method.isMultipart {
        arguments.append(.text("encoding: .multipart"))
      }
      switch method.result {
      case .field(let field):
        let label = field.isOptional ? "optionalField" : "field"
        arguments.append(.text("\(label): \(stringLiteral(field.wireName))"))
        arguments.append(.text("returning: \(field.type).self"))
      case .object(let response):
        arguments.append(.text("returning: \(response.name).self"))
      case .none, .file:
        break
      }
      let function = if case .file = method.result { "download" } else { "call" }
      writer.write(
        .list(head: "try await self.client.\(function)(", items: arguments, tail: ")"))
    }
  }

  private static func resultClause(_ method: Method) -> String {
    method.returnType.map { " -> \($0)" } ?? ""
  }

  static func methodDoc(_ method: Method) -> DocComment {
    let endpoint = method.endpoint
    let requirements = AccessRequirements(endpoint)
    var doc = DocComment()
    doc.paragraph(requirements.summary.isEmpty ? "Calls `\(endpoint.path)`." : requirements.summary)
    doc.paragraph(requirements.description)
    if !endpoint.requiresSession {
      doc.paragraph("Works without a session.")
    }
    if method.isMultipart {
      doc.paragraph("Sends its parameters as `multipart/form-data`, the files as file parts.")
    }
    doc.paragraph("API path: `\(endpoint.path)`.")
    doc.paragraph("Source: \(location(endpoint.source))")
    if !requirements.isEmpty {
      doc.item("Requires")
      if let rights = requirements.rights {
        doc.item("Sub-user rights", rights, level: 1)
      }
      if let features = requirements.tariffFeatures {
        doc.item("Tariff features", features, level: 1)
      }
    }
    if !method.parameters.isEmpty {
      doc.item("Parameters")
      for parameter in method.parameters {
        doc.item(parameter.name, parameter.doc, level: 1)
      }
    }
    switch method.result {
    case .file:
      doc.item("Returns", "The file the server answers with.")
    case .field(let field):
      let absent = field.isOptional ? " `nil` when the answer leaves it out." : ""
      let text = field.doc.isEmpty ? "The answer's `\(field.wireName)`." : field.doc
      doc.item("Returns", text + absent)
    case .none, .object:
      break
    }
    let codes = endpoint.errors.codes
    if codes.isEmpty {
      doc.item("Throws", "``APIError``.")
    } else {
      let besides = endpoint.errors.includesGeneral ? " besides the general ones" : ""
      doc.item("Throws", "``APIError``; the codes this call documents\(besides):", leadsIn: true)
      for code in codes {
        let status = code.httpStatus.map { " (HTTP \($0))" } ?? ""
        let symbol = method.errorCases[code.code].map { ", ``\($0)``" } ?? ""
        doc.item("`\(code.code)`\(status)\(symbol)", code.description, level: 1)
      }
    }
    return doc
  }

  // MARK: Types

  /// A struct with coded properties and a memberwise initializer.
  ///
  /// It conforms to no more than it needs: `Hashable` and, for an answer, `Encodable` would
  /// each add a synthesized body per struct, and with a few hundred structs in a large API
  /// they make up a third of the client's build time.
  static func object(_ object: ObjectDecl, into writer: inout SwiftWriter) {
    var doc = DocComment()
    doc.paragraph(object.doc)
    doc.paragraph("Source: \(location(object.source))")
    writer.doc(doc)
    let coding = object.isAnswer ? "Decodable" : "Codable"
    writer.block("\(writer.access) struct \(object.name): Sendable, \(coding)") { writer in
      for property in object.properties {
        var doc = DocComment()
        doc.paragraph(property.doc)
        if !doc.isEmpty { writer.blank() }
        writer.doc(doc)
        writer.line("\(writer.access) var \(SwiftNaming.escaped(property.name)): \(property.declaredType)")
      }
      writer.blank()
      initializer(object.properties, into: &writer)
      codingMembers(object, into: &writer)
    }
  }

  static func initializer(_ properties: [Property], into writer: inout SwiftWriter) {
    let parameters = properties.map(parameterDeclaration)
    writer.block(.list(head: "\(writer.access) init(", items: parameters, tail: ")")) { writer in
      for property in properties {
        writer.line("self.\(property.name) = \(SwiftNaming.escaped(property.name))")
      }
    }
  }

  /// `init(from:)`, and `encode(to:)` for an object that may be sent, with the wire names in
  /// plain sight.
  ///
  /// Written out rather than synthesized from a `CodingKeys` enum: such an enum synthesizes a
  /// dozen members of its own, and in a large API they cost a third of the client's build.
  /// A missing or `null` optional decodes as `nil`; keys the struct does not know are ignored.
  /// An optional is left out when `nil`, except a field that may be `null`, which sends it.
  static func codingMembers(_ object: ObjectDecl, into writer: inout SwiftWriter) {
    // Without properties the synthesized conformance is empty and costs nothing.
    guard !object.properties.isEmpty else { return }
    writer.blank()
    writer.block("\(writer.access) init(from decoder: any Decoder) throws") { writer in
      writer.line("let container = try decoder.container(keyedBy: WireKey.self)")
      for property in object.properties {
        let decode = property.isOptional ? "decodeIfPresent" : "decode"
        writer.write(
          .call(
            head: "self.\(property.name) = try container.\(decode)(",
            arguments: ["\(property.type).self", "forKey: \(stringLiteral(property.wireName))"]))
      }
    }
    guard !object.isAnswer else { return }
    writer.blank()
    writer.block("\(writer.access) func encode(to encoder: any Encoder) throws") { writer in
      writer.line("var container = encoder.container(keyedBy: WireKey.self)")
      for property in object.properties {
        let encode = property.isOptional && !property.sendsNull ? "encodeIfPresent" : "encode"
        writer.write(
          .call(
            head: "try container.\(encode)(",
            arguments: ["self.\(property.name)", "forKey: \(stringLiteral(property.wireName))"]))
      }
    }
  }

  /// An enum with a case per documented value and `unknown` for the rest.
  static func openEnum(_ decl: EnumDecl, into writer: inout SwiftWriter) {
    var doc = DocComment()
    doc.paragraph(decl.doc)
    doc.paragraph("Source: \(location(decl.source))")
    writer.doc(doc)
    writer.block("\(writer.access) enum \(decl.name): OpenEnum") { writer in
      for enumCase in decl.cases {
        var doc = DocComment()
        doc.paragraph(enumCase.doc)
        writer.doc(doc)
        writer.line("case \(SwiftNaming.escaped(enumCase.name))")
      }
      var unknownDoc = DocComment()
      unknownDoc.paragraph("A value the docs do not list, as the server sent it.")
      writer.doc(unknownDoc)
      writer.line("case unknown(String)")
      writer.blank()
      writer.block("\(writer.access) init(rawValue: String)") { writer in
        writer.line("switch rawValue {")
        for enumCase in decl.cases {
          writer.write(
            .breakable(
              head: "case \(stringLiteral(enumCase.value)):", tail: "self = .\(enumCase.name)"))
        }
        writer.line("default: self = .unknown(rawValue)")
        writer.line("}")
      }
      writer.blank()
      writer.block("\(writer.access) var rawValue: String") { writer in
        writer.line("switch self {")
        for enumCase in decl.cases {
          writer.write(
            .breakable(head: "case .\(enumCase.name):", tail: stringLiteral(enumCase.value)))
        }
        writer.line("case .unknown(let value): value")
        writer.line("}")
      }
    }
  }

  /// `name: Type`, or `name: Type? = nil` for an optional one, which callers may leave out.
  private static func parameterDeclaration(_ property: Property) -> Layout {
    let declaration = "\(SwiftNaming.escaped(property.name)): \(property.declaredType)"
    return .text(property.isOptional ? declaration + " = nil" : declaration)
  }

  static func location(_ source: SourceLocation) -> String {
    "\(source.file):\(source.line)"
  }
}
