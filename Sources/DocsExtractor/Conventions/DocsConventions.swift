/// How the docs word what apigen reads: the names of an action's sections, the cue phrases of
/// its lines and descriptions, the columns of its tables and its type vocabulary.
///
/// This is the one place that knows the phrasing of the Navixy docs (`DocsConventions.navixy`);
/// the readers are given it and hold no phrase of their own. Every phrase is lower case and
/// compared with lower-cased text unless its comment says otherwise.
public struct DocsConventions: Sendable {
  // MARK: - Sections

  /// The titles of an action's sub-sections, by what they hold.
  public var parameterSections: Set<String> = ["parameters", "parameter"]
  public var exampleSections: Set<String> = ["example", "examples"]
  public var responseSections: Set<String> = ["response", "responses"]
  public var errorSections: Set<String> = ["errors"]

  /// Every sub-section title of an action.
  public var actionSubsections: Set<String> {
    parameterSections.union(exampleSections).union(responseSections).union(errorSections)
  }

  /// Suffixes of a heading that describes an object's structure (`## Bill object`,
  /// `## User object structure`, `## History entry`), longest first.
  public var objectSectionSuffixes = [" object structure", " object", " entry", " structure"]

  /// A sentence that defines an object by the JSON example after it, where no heading does:
  /// "where `contact` object is:", "where period_object is:". The name stands between an
  /// opening and an ending (the opening may be left out).
  public var definitionOpenings = ["where "]
  public var definitionEndings = [" object is:", " is:"]

  /// Whether a description says its object is a map ("A map containing state objects…").
  func describesMap(_ description: String) -> Bool {
    let lower = description.lowercased().trimmed()
    return mapDescriptionPrefixes.contains(where: lower.hasPrefix)
  }

  /// How a sentence names the kinds that follow it as one object: "where <track_info> is
  /// either <regular>, <single_report>, <merged> or <cluster>:".
  public var unionNamingCue = " is either "

  /// The object one of `sentences` names as the kinds after it (`track_info`), if any.
  func unionNamed(by sentences: [String]) -> String? {
    for sentence in sentences {
      let text = sentence.trimmed().lowercased()
      guard let opening = definitionOpenings.first(where: text.hasPrefix), let cue = text.range(of: unionNamingCue)
      else { continue }
      let name = text[text.index(text.startIndex, offsetBy: opening.count)..<cue.lowerBound]
        .trimmingCharacters(in: ["<", ">", "`", " "])
      if DescriptionWording.isToken(name) { return name }
    }
    return nil
  }

  /// The object a sentence defines: `contact` in "where `contact` object is:", `period` in
  /// "where period_object is:", `merged` in "`merged` object. Only returned if …:"; nil for any
  /// other sentence.
  func definedObject(_ sentence: String) -> String? {
    var text = sentence.trimmed().lowercased()
    let words = text.split(separator: " ")
    if text.hasSuffix(":"), words.count >= 2, words[1].trimmingCharacters(in: [".", ":", ","]) == "object",
      DescriptionWording.isToken(String(words[0]))
    {
      return String(words[0])
    }
    guard let ending = definitionEndings.first(where: text.hasSuffix) else { return nil }
    text = String(text.dropLast(ending.count))
    let opening = definitionOpenings.first(where: text.hasPrefix)
    text = String(text.dropFirst(opening?.count ?? 0))
    for suffix in ["_object", " object"] where text.hasSuffix(suffix) { text = String(text.dropLast(suffix.count)) }
    // Without "where", only a name written as an identifier ("tracker_retranslator_binding
    // is:"), not a word of prose ("Result is:").
    guard DescriptionWording.isToken(text), opening != nil || text.contains("_") else { return nil }
    return text
  }

  /// What a union's title says after the object it describes the kinds of ("Settings object
  /// structures by type").
  public var unionTitleSuffixes = [" structures by type", " structure by type", " by type", " types"]

  /// Words a heading starts with before the subject of a value list (`Possible categories:`).
  public var valueListPrefixes = ["possible ", "available ", "list of "]

  /// Heading words of the section that lists the API's servers (`API base URL`).
  public var serverSectionCue = "base url"

  /// The admonition type that holds an example rather than prose (`??? example`).
  public var exampleAdmonition = "example"

  // MARK: - Page lines

  /// How the line that gives a page's API path starts: `API path: `/tracker/led`.`.
  public var apiPathCues = ["api path", "api base path"]

  /// How the line that names the rights an action needs starts.
  public var rightsCues = ["required sub-user rights", "required subuser rights"]

  /// Words of an action's description that say it needs no session: a verb and what is not
  /// needed (`It does not need authentication/hash`), or the access level.
  public var sessionFree = SessionFreeWording(
    verbs: ["does not need", "does not require"], objects: ["hash", "session", "authentication"],
    accessLevels: ["unauthorized"])

  /// What the general error codes line starts with and holds: "General types only.",
  /// "[General](…) types only".
  public var generalErrorsStart = "general"
  public var generalErrorsHolds = "types"

  /// The prose of an error table's section that sets the HTTP status of rows that give none.
  public var defaultHTTPStatusCue = "default http code is"

  /// A paragraph before bullets that describe a nested object (`where `x` object is:`).
  public var nestedFieldsCue = "where"

  /// Words of the paragraph that opens a response section, as whole words, that make the
  /// answer a file ("KML/KMZ file or JSON response if …", "A docx file with the waybill",
  /// "Layer body with content-type: …"); a JSON example there is the answer of other cases.
  public var fileAnswerWords: Set<String> = ["file", "content-type", "kml", "kmz", "docx", "xlsx", "xls", "pdf", "csv"]

  // MARK: - Tables

  /// Header titles of a parameter table's columns; the first match of each is used.
  public var parameterColumns = ParameterColumns(
    name: ["name", "parameter"], description: ["description", "comment"], type: ["type"],
    format: ["format", "example"], restrictions: ["restrictions"])

  /// The global error-code table: its first two header titles, and a word of the HTTP column.
  public var errorTableColumns = ["code", "description"]
  public var errorTableHTTPColumnCue = "http"

  // MARK: - Descriptions

  /// How a description says a parameter or field is optional: how it starts, or a marker
  /// anywhere in it.
  public var optionalPrefixes = ["optional", "an optional", "(optional)"]
  public var optionalMarkers = ["(optional)"]

  /// Markers in a field bullet's type words that make it optional (`optional, int`,
  /// `int, optional`, `(optional) int`).
  public var optionalTypePrefixes = ["optional, ", "optional ", "(optional) "]
  public var optionalTypeSuffixes = [", optional", " (optional)"]
  /// How a description that follows the type words opens when it says the member is optional:
  /// `**int[]**. (optional) ids of …`, `(optional. default all) list of …`.
  public var optionalDescriptionOpenings = ["(optional)", "(optional.", "(optional,"]

  /// Words of a description that say the value may be `null` ("…, or null", "May be null.",
  /// "null if there are no updates", "not null only if …").
  public var nullableCues = [
    "nullable", "can be null", "can be `null`", " or null", " or `null`", "may be null", "null if",
    "not null only if", "not null only when",
  ]

  /// Words of a field's description that say it may be absent from an answer ("Returned only
  /// if list_blocked=`true`", "This field omitted if …").
  public var fieldAbsenceCues = [
    "returned only if", "returned only when", "returned if", "returned when", "only returned", "is omitted",
    "field omitted", "omitted if", "present only", "only if", "only when",
  ]

  /// Words of a parameter's description that say it may be left out, for one case or another
  /// ("MUST be omitted if zone does not support points", "Required only if …"). Narrower than a
  /// field's: "works only if" says nothing of whether to send a parameter.
  public var parameterAbsenceCues = [
    "must be omitted", "can be omitted", "may be omitted", "omit it", "omitted if", "required only if",
    "required only when", "only required if", "only required when",
  ]

  /// Prose beside a parameter table that makes the parameters it names alternatives, each of them
  /// optional ("Exactly one of these parameters must be specified", "If `file_id` is set –
  /// `batch` parameter will be ignored", "Either `a` or `b`"). "These parameters" without names
  /// means the required ones of the table.
  public var alternativeParameterCues = [
    "exactly one of", "one of the following", "only one of", "either", "will be ignored", "is ignored", "instead of",
  ]
  public var allParametersWords = ["these parameters", "the parameters above"]

  /// What introduces a default value, longest first. `bareDefaultCue` counts only when a
  /// literal follows it (`default 10`, `` default `x` ``).
  public var defaultCues = ["default value is", "default is:", "default is", "default:", "default=", "default =", "default"]
  public var bareDefaultCue = "default"

  /// Words that offer the values a string may take (`Can be "a" or "b"`).
  public var valueCues = ["can be", "can bed", "one of", "either", "possible values", "may be", "must be"]
  /// Words by which a string's description points at a list of its values elsewhere on the
  /// page ("A set of rights granted to security group (see below)").
  public var valueListReferenceCues = ["see below", "listed below", "described below", "see the list"]
  /// The cues after which a list whose quotes do not pair up is split at commas and "or".
  public var looseValueListCues = ["can be", "one of", "either", "possible values"]
  /// The words that join the last alternatives of such a list.
  public var alternativeJoiners = [" or ", " and "]

  /// How a description says its parameter is an array although the type says object.
  public var arrayDescriptionPrefixes = ["array of", "an array of"]

  /// How a description says an object is a map: its keys are ids or names, its values all of one
  /// kind ("A map containing state objects for requested trackers", "map of additional states,
  /// keys depends on tracker model"). The values' type comes from the examples.
  public var mapDescriptionPrefixes = ["map of", "a map of", "map containing", "a map containing", "map where", "a map where"]

  /// The words after which a description names the object it sends or holds
  /// ("`schedule_entry` object").
  public var objectWords: Set<String> = ["object", "objects", "json-object"]

  /// How a list's description names the objects it holds, which may be described on another
  /// page ("List of place objects."): the opening, and the plural word after the name.
  public var listedObjectPrefixes = ["list of ", "array of ", "an array of "]
  public var pluralObjectWord = "objects"

  /// A parameter sent as an object minus some fields: "… object without `id` field",
  /// "without fields which are *IGNORED*" (then each field says "*IGNORED* in create, update").
  public var omission = OmissionWording(
    cue: "without ", fieldWord: "field", ignoredMarker: "IGNORED", actionListPrefixes: ["in ", "on "])

  /// How a description without a type column states one: "Id of the tag", "Ids of trackers",
  /// "Image file.".
  public var idDescriptionOpenings: [[String]] = [["id"], ["an", "id"]]
  public var idListDescriptionOpenings: [[String]] = [["ids"], ["list", "of", "ids"], ["array", "of", "ids"]]
  public var fileDescriptionWords = ["file", "file upload"]

  // MARK: - Types

  /// The data-type words of the docs.
  public var vocabulary = TypeVocabulary()

  public init() {}

  /// The Navixy docs' phrasing, of both their mkdocs and their GitBook generation.
  public static let navixy = DocsConventions()
}

/// The words of a description that say an action needs no session.
public struct SessionFreeWording: Sendable {
  public var verbs: [String]
  public var objects: [String]
  public var accessLevels: [String]

  public init(verbs: [String], objects: [String], accessLevels: [String]) {
    self.verbs = verbs
    self.objects = objects
    self.accessLevels = accessLevels
  }

  /// Whether a lower-cased description says so.
  func matches(_ lower: String) -> Bool {
    verbs.contains { lower.contains($0) } && objects.contains { lower.contains($0) }
      || accessLevels.contains { lower.contains($0) }
  }
}

/// Header titles of a parameter table's columns.
public struct ParameterColumns: Sendable {
  public var name: [String]
  public var description: [String]
  public var type: [String]
  public var format: [String]
  public var restrictions: [String]

  public init(name: [String], description: [String], type: [String], format: [String], restrictions: [String]) {
    self.name = name
    self.description = description
    self.type = type
    self.format = format
    self.restrictions = restrictions
  }
}

/// How a description says a parameter is sent without some of its object's fields.
public struct OmissionWording: Sendable {
  public var cue: String
  public var fieldWord: String
  /// Compared as written (upper case): the docs set it apart that way.
  public var ignoredMarker: String
  public var actionListPrefixes: [String]

  public init(cue: String, fieldWord: String, ignoredMarker: String, actionListPrefixes: [String]) {
    self.cue = cue
    self.fieldWord = fieldWord
    self.ignoredMarker = ignoredMarker
    self.actionListPrefixes = actionListPrefixes
  }
}
