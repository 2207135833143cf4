/// Where the aligner learns which sentence pairs are already known translations (the memory): a
/// source segment and a target segment whose matching forms equal a stored unit's two variants
/// are an anchor. A protocol, so the aligner does not depend on the store.
public protocol KnownPairSource: Sendable {
    /// For each of `sources` (matching forms) that the store knows, the matching forms of its
    /// known translations in the target language.
    func knownTargets(forSources sources: [String]) throws -> [String: Set<String>]
}

/// Known pairs held in memory (tests, a glossary of whole sentences).
public struct KnownPairList: KnownPairSource, Sendable {
    private var targets: [String: Set<String>] = [:]

    /// `pairs` are texts as written in `from` and `to`; they are compared in matching form.
    public init(_ pairs: [(source: String, target: String)], from: MatchingLanguage = .neutral, to: MatchingLanguage = .neutral) {
        for pair in pairs {
            targets[MatchingForm.of(pair.source, language: from), default: []].insert(MatchingForm.of(pair.target, language: to))
        }
    }

    public func knownTargets(forSources sources: [String]) -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        for source in sources { if let known = targets[source] { found[source] = known } }
        return found
    }
}
