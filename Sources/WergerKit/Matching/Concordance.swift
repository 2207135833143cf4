/// A stored unit whose variant contains the searched words.
public struct ConcordanceHit: Sendable {
    public let unit: TranslationUnit
    /// The position of the variant that contains the words.
    public let position: Int
}

/// Concordance search: stored variants that contain a word or phrase — whole words, in order,
/// after the matching folds (so `كردستان` finds `کردستان`, never `کوردستان`), punctuation between
/// them ignored. Runs on the fuzzy index's word lists, so a two-letter Sorani word is found like
/// any other (SQLite's trigram index cannot find patterns under three characters).
public enum Concordance {
    /// Newest first, at most `limit`. `languages`: the language keys to search (all when empty).
    public static func search(_ phrase: String, languages: [MatchingLanguage], index: FuzzyIndexReading & UnitSource,
                              limit: Int) throws -> [ConcordanceHit] {
        let tokenizer = MatchTokenizer()
        var hits: [ConcordanceHit] = []
        for language in languages {
            let wanted = tokenizer.tokens(of: phrase, language: language).tokens.filter { $0.kind != .punctuation }.map(\.hash)
            guard !wanted.isEmpty else { continue }
            let seed = MatchFeatures.seed(language: language.key)
            // The rarest word's list holds every candidate (a word's first occurrence is keyed "#1").
            let words = tokenizer.tokens(of: phrase, language: language).words
            var rarest: (feature: Int64, count: Int)?
            for word in Set(words) {
                let feature = MatchFeatures.key(seed, .word, word, 0, 1)
                let count = try index.postingCount(feature)
                if rarest == nil || count < rarest!.count { rarest = (feature, count) }
            }
            guard let rarest, rarest.count > 0 else { continue }
            var units: [Int64] = []
            units.reserveCapacity(rarest.count)
            try index.forEachPosting(rarest.feature) { units.append($0) }
            for unit in units.reversed() {
                for shape in try index.shapes(of: unit) where shape.language == language.key {
                    let stored = tokenizer.tokens(of: shape.text, language: language).tokens.filter { $0.kind != .punctuation }.map(\.hash)
                    guard contains(stored, wanted), let found = try index.unit(unit) else { continue }
                    hits.append(ConcordanceHit(unit: found, position: shape.position))
                    break
                }
                if hits.count >= limit { return hits }
            }
        }
        return hits
    }

    static func contains(_ text: [UInt64], _ phrase: [UInt64]) -> Bool {
        guard phrase.count <= text.count else { return false }
        for start in 0...(text.count - phrase.count) where text[start] == phrase[0] {
            if Array(text[start..<(start + phrase.count)]) == phrase { return true }
        }
        return false
    }
}
