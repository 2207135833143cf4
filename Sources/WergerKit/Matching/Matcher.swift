/// Fetches whole units for matches.
public protocol UnitSource: AnyObject {
    func unit(_ id: Int64) throws -> TranslationUnit?
}

/// A segment to look up, with its neighbours in the article (for in-context matches).
public struct MatchQuery: Sendable {
    public var text: String
    public var previous: String?
    public var next: String?

    public init(_ text: String, previous: String? = nil, next: String? = nil) {
        self.text = text
        self.previous = previous
        self.next = next
    }
}

/// Lookup from one language into another: the fuzzy search, then what a translator sees — the
/// match kind, the target (adapted to the query's numbers where it can be), what differs.
public final class Matcher {
    public let from: LanguageTag
    public let to: LanguageTag
    private let search: FuzzySearch
    private let units: UnitSource
    private let tokenizer = MatchTokenizer()
    private let source: MatchingLanguage
    private let target: MatchingLanguage

    public init(index: FuzzyIndexReading & UnitSource, from: LanguageTag, to: LanguageTag) {
        self.from = from
        self.to = to
        search = FuzzySearch(index: index)
        units = index
        source = MatchingLanguage(from)
        target = MatchingLanguage(to)
    }

    /// The best matches for `query`, at least `threshold`, best first (in-context before exact).
    public func lookup(_ query: MatchQuery, threshold: Int, limit: Int) throws -> [Match] {
        let tokens = tokenizer.tokens(of: query.text, language: source)
        var found = try search.search(tokens: tokens, text: query.text, language: source, target: target.key,
                                      threshold: threshold, limit: limit)
        var matches = try found.compactMap { try match($0, tokens: tokens, query: query) }
        // Among several exact matches the in-context one comes first, even past the limit.
        if query.previous != nil || query.next != nil, matches.contains(where: { $0.kind == .exact }),
           !matches.contains(where: { $0.kind == .inContext }) {
            found = try search.search(tokens: tokens, text: query.text, language: source, target: target.key,
                                      threshold: 100, limit: Int.max)
            if let inContext = try found.lazy.compactMap({ try self.match($0, tokens: tokens, query: query) })
                .first(where: { $0.kind == .inContext }) {
                matches.insert(inContext, at: 0)
                matches = Array(matches.prefix(limit))
            }
        }
        return matches.sorted { a, b in
            if a.quality != b.quality { return a.quality > b.quality }
            return a.kind == .inContext && b.kind != .inContext
        }
    }

    private func match(_ scored: ScoredVariant, tokens: MatchTokens, query: MatchQuery) throws -> Match? {
        guard let unit = try units.unit(scored.unit), scored.position < unit.variants.count,
              let targetVariant = unit.variant(in: target) else { return nil }
        let stored = unit.variants[scored.position]
        var kind: MatchKind = scored.quality.value == 100 ? .exact : .fuzzy
        if kind == .exact, inContext(unit, query) { kind = .inContext }
        var text = targetVariant.text
        var adapted = false
        if kind == .fuzzy, scored.quality.wordDistance == 0, !scored.quality.numberChanges.isEmpty,
           let adaptation = NumberAdaptation.adapt(targetVariant.text, changes: scored.quality.numberChanges) {
            text = adaptation
            adapted = true
        }
        let storedTokens = tokenizer.tokens(of: stored.text, language: source)
        return Match(quality: scored.quality.value, kind: kind, source: stored.text, target: text,
                     storedTarget: targetVariant.text, adapted: adapted, unit: unit,
                     edits: Self.edits(query: tokens, stored: storedTokens))
    }

    /// Both neighbours agree (a missing neighbour agrees with a missing one), and the unit knows at
    /// least one of them.
    private func inContext(_ unit: TranslationUnit, _ query: MatchQuery) -> Bool {
        guard unit.previous != nil || unit.next != nil else { return false }
        func same(_ a: String?, _ b: String?) -> Bool {
            let x = a.map { MatchingForm.of($0, language: source) } ?? ""
            let y = b.map { MatchingForm.of($0, language: source) } ?? ""
            return x == y
        }
        return same(unit.previous, query.previous) && same(unit.next, query.next)
    }

    /// The word edits that turn the stored source into the query.
    static func edits(query: MatchTokens, stored: MatchTokens) -> [MatchEdit] {
        let q = query.tokens.filter { $0.kind != .punctuation }
        let s = stored.tokens.filter { $0.kind != .punctuation }
        return WordAlignment(query: q, stored: s).steps.compactMap { step in
            switch step {
            case .keep: return nil
            case .substitute(let i, let j): return MatchEdit(op: .replace, query: query.text(of: q[i]), stored: stored.text(of: s[j]))
            case .insert(let j): return MatchEdit(op: .insert, query: nil, stored: stored.text(of: s[j]))
            case .delete(let i): return MatchEdit(op: .delete, query: query.text(of: q[i]), stored: nil)
            }
        }
    }
}
