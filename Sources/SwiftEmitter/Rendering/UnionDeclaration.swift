extension Declarations {
  /// An enum with a case per variant holding the variant's object, decoded by the
  /// discriminator field, and `unknown` keeping the whole object of any other variant.
  static func union(_ decl: UnionDecl, into writer: inout SwiftWriter) {
    var doc = DocComment()
    doc.paragraph(decl.doc)
    doc.paragraph("Told apart by the `\(decl.discriminator)` field.")
    doc.paragraph("Source: \(location(decl.source))")
    writer.doc(doc)
    // Not `Hashable`: its variants are not (see `Declarations.object`).
    writer.block("\(writer.access) enum \(decl.name): Sendable, Codable") { writer in
      for unionCase in decl.cases {
        var doc = DocComment()
        doc.paragraph("`\"\(decl.discriminator)\": \"\(unionCase.value)\"`.")
        writer.doc(doc)
        writer.line("case \(SwiftNaming.escaped(unionCase.name))(\(unionCase.type))")
      }
      var unknownDoc = DocComment()
      unknownDoc.paragraph(
        "A variant the docs do not list (or an object without the field), as the server sent it.")
      writer.doc(unknownDoc)
      writer.line("case unknown(JSONObject)")
      writer.blank()
      let discriminator = stringLiteral(decl.discriminator)
      writer.block("\(writer.access) init(from decoder: any Decoder) throws") { writer in
        writer.line("switch try Discriminator.value(of: \(discriminator), in: decoder) {")
        for unionCase in decl.cases {
          writer.write(
            .breakable(
              head: "case \(stringLiteral(unionCase.value)):",
              tail: "self = .\(unionCase.name)(try \(unionCase.type)(from: decoder))"))
        }
        writer.line("default: self = .unknown(try JSONObject(from: decoder))")
        writer.line("}")
      }
      writer.blank()
      writer.block("\(writer.access) func encode(to encoder: any Encoder) throws") { writer in
        writer.line("switch self {")
        for unionCase in decl.cases {
          writer.write(
            .breakable(
              head: "case .\(unionCase.name)(let value):", tail: "try value.encode(to: encoder)"))
        }
        writer.line("case .unknown(let object): try object.encode(to: encoder)")
        writer.line("}")
      }
    }
  }
}
