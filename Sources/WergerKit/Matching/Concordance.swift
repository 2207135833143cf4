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
    /// Newest first, at most `limit`, each unit once. `languages`: the language keys to search;
    /// within a unit, the first of them whose variant contains the phrase is the one shown.
    public static func search(_ phrase: String, languages: [MatchingLanguage], index: FuzzyIndexReading & UnitSource,
                              limit: Int) throws -> [ConcordanceHit] {
        let tokenizer = MatchTokenizer()
        // Per language: the phrase's tokens and the candidates, ascending unit ids.
        var searches: [(language: MatchingLanguage, wanted: [UInt64], units: [Int64])] = []
        for language in languages {
            let tokens = tokenizer.tokens(of: phrase, language: language)
            let wanted = tokens.tokens.filter { $0.kind != .punctuation }.map(\.hash)
            guard !wanted.isEmpty else { continue }
            let seed = MatchFeatures.seed(language: language.key)
            // The rarest word's list holds every candidate (a word's first occurrence is keyed "#1").
            var rarest: (feature: Int64, count: Int)?
            for word in Set(tokens.words) {
                let feature = MatchFeatures.key(seed, .word, word, 0, 1)
                let count = try index.postingCount(feature)
                if rarest == nil || count < rarest!.count { rarest = (feature, count) }
            }
            guard let rarest, rarest.count > 0 else { continue }
            var units: [Int64] = []
            units.reserveCapacity(rarest.count)
            try index.forEachPosting(rarest.feature) { units.append($0) }
            searches.append((language, wanted, units))
        }
        // Walk the languages' lists together from their ends: newest first across languages, and a
        // unit whose variants in two languages both contain the phrase (a number, a name) once.
        var hits: [ConcordanceHit] = []
        var cursors = searches.map { $0.units.count - 1 }
        while hits.count < limit {
            var unit: Int64 = -1
            for (i, search) in searches.enumerated() where cursors[i] >= 0 { unit = max(unit, search.units[cursors[i]]) }
            guard unit >= 0 else { break }
            var shapes: [VariantShape]?
            var found = false
            for (i, search) in searches.enumerated() where cursors[i] >= 0 && search.units[cursors[i]] == unit {
                while cursors[i] >= 0 && search.units[cursors[i]] == unit { cursors[i] -= 1 }
                if found { continue }
                if shapes == nil { shapes = try index.shapes(of: unit) }
                for shape in shapes! where shape.language == search.language.key {
                    let stored = tokenizer.tokens(of: shape.text, language: search.language).tokens
                        .filter { $0.kind != .punctuation }.map(\.hash)
                    guard contains(stored, search.wanted), let whole = try index.unit(unit) else { continue }
                    hits.append(ConcordanceHit(unit: whole, position: shape.position))
                    found = true
                    break
                }
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
