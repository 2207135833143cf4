/// How a match relates to the query. In-context is a kind, not a quality above 100.
public enum MatchKind: String, Sendable, Codable {
    /// Exact, and the article's neighbouring segments are the stored unit's neighbours.
    case inContext = "in-context"
    /// Quality 100: the same text as written.
    case exact
    /// Below 100 (99 is "exact text only": the words agree, case, punctuation or spelling variants differ).
    case fuzzy
}

/// One difference between the query and the stored source, word by word.
public struct MatchEdit: Sendable, Equatable, Codable {
    public enum Operation: String, Sendable, Codable {
        /// A query word stands where the stored source has another.
        case replace
        /// The stored source has a word the query has not.
        case insert
        /// The query has a word the stored source has not.
        case delete
    }
    public let op: Operation
    public let query: String?
    public let stored: String?
}

/// A stored translation unit offered for a query.
public struct Match: Sendable {
    public let quality: Int
    public let kind: MatchKind
    /// The stored variant in the query's language, as written.
    public let source: String
    /// The translation to offer: the stored target, or with `adapted`, the stored target with the
    /// query's numbers put in place of the stored ones.
    public let target: String
    /// The stored target as written.
    public let storedTarget: String
    public let adapted: Bool
    public let unit: TranslationUnit
    /// What differs between the query and `source`.
    public let edits: [MatchEdit]
}
