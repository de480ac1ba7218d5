import APIModel

/// The global error-code table as Swift: a case name per code, taken from the error's wording.
enum ErrorCodeTable {
  /// Members of the generated enum that a case must not take.
  static let members = ["unknown", "code", "httpStatus", "description", "hashValue"]

  /// The enum and its cases; `nil` when the docs have no table. A code listed twice keeps its
  /// first row.
  static func decl(_ codes: [ErrorCode], name: String, property: String) -> ErrorCodesDecl? {
    guard let first = codes.first else { return nil }
    var names = NameScope(reserving: members)
    var seen: Set<Int> = []
    let cases = codes.filter { seen.insert($0.code).inserted }.map { code in
      ErrorCodesDecl.Case(
        name: names.claim(
          SwiftNaming.lowerCamel(code.headline, fallback: "code\(code.code)")),
        code: code.code, description: code.description, httpStatus: code.httpStatus)
    }
    return ErrorCodesDecl(name: name, property: property, source: first.source, cases: cases)
  }

  /// The wording's headline (`ErrorCode.headline`), which names the case.
  static func headline(_ description: String) -> String {
    ErrorCode.headline(of: description)
  }

  /// `NavixyClient` → `Navixy`, the prefix of the enum's and the property's names.
  static func prefix(ofClient clientName: String) -> String {
    let prefix = clientName.hasSuffix("Client") ? String(clientName.dropLast(6)) : clientName
    return prefix.isEmpty ? "API" : prefix
  }
}
