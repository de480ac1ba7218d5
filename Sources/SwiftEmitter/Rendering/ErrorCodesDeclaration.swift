extension Declarations {
  /// The error-code enum, and the property of `APIError.ServerError` that reads a server's
  /// error as one of its cases. The runtime cannot name a generated type, so the generated
  /// module adds the property.
  static func errorCodes(_ decl: ErrorCodesDecl, into writer: inout SwiftWriter) {
    var doc = DocComment()
    doc.paragraph(
      "The error codes of the docs' global table; a code it does not list is kept as `unknown`.")
    doc.paragraph(
      "Read a server's error as one with ``APIGenRuntime/APIError/ServerError/\(decl.property)``.")
    doc.paragraph("Source: \(location(decl.source))")
    writer.doc(doc)
    writer.block("\(writer.access) enum \(decl.name): Hashable, Sendable, CustomStringConvertible") {
      writer in
      for errorCase in decl.cases {
        var doc = DocComment()
        let status = errorCase.httpStatus.map { " (HTTP \($0))" } ?? ""
        doc.paragraph("`\(errorCase.code)`\(status): \(errorCase.description)")
        writer.doc(doc)
        writer.line("case \(SwiftNaming.escaped(errorCase.name))")
      }
      var unknownDoc = DocComment()
      unknownDoc.paragraph("A code the table does not list, as the server sent it.")
      writer.doc(unknownDoc)
      writer.line("case unknown(Int)")
      writer.blank()
      writer.block("\(writer.access) init(code: Int)") { writer in
        writer.line("switch code {")
        for errorCase in decl.cases {
          writer.write(
            .breakable(head: "case \(errorCase.code):", tail: "self = .\(errorCase.name)"))
        }
        writer.line("default: self = .unknown(code)")
        writer.line("}")
      }
      writer.blank()
      writer.doc(comment("The code on the wire."))
      switchProperty("code: Int", decl, unknown: "case .unknown(let code): code", into: &writer) {
        "\($0.code)"
      }
      writer.blank()
      writer.doc(comment("The HTTP status the docs give for the code, when they give one."))
      let withStatus = ErrorCodesDecl(
        name: decl.name, property: decl.property, source: decl.source,
        cases: decl.cases.filter { $0.httpStatus != nil })
      switchProperty("httpStatus: Int?", withStatus, unknown: "default: nil", into: &writer) {
        "\($0.httpStatus ?? 0)"
      }
      writer.blank()
      writer.doc(comment("The docs' wording of the error."))
      switchProperty(
        "description: String", decl, unknown: #"case .unknown(let code): "error \(code)""#,
        into: &writer
      ) { stringLiteral($0.description) }
    }
    writer.blank()
    writer.block("extension APIError.ServerError") { writer in
      writer.doc(comment("The error's code as a case of the docs' table."))
      writer.block("\(writer.access) var \(decl.property): \(decl.name)") {
        $0.line("\(decl.name)(code: code)")
      }
    }
  }

  /// `var name: Type { switch self { case .x: value … unknown } }`.
  private static func switchProperty(
    _ declaration: String, _ decl: ErrorCodesDecl, unknown: String,
    into writer: inout SwiftWriter, value: (ErrorCodesDecl.Case) -> String
  ) {
    writer.block("\(writer.access) var \(declaration)") { writer in
      writer.line("switch self {")
      for errorCase in decl.cases {
        writer.write(.breakable(head: "case .\(errorCase.name):", tail: value(errorCase)))
      }
      writer.line(unknown)
      writer.line("}")
    }
  }

  private static func comment(_ text: String) -> DocComment {
    var doc = DocComment()
    doc.paragraph(text)
    return doc
  }
}
