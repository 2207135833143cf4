/// How good a stored variant is for a query, 0–100 (docs/matching.md has the worked rules).
///
/// - Word-level edit distance `D` over word and number tokens (insert, delete, substitute: 1 each;
///   one number for another: 0, because numbers are placeables) and `P`, the edit distance over the
///   punctuation tokens, which count a quarter of a word. Quality is
///   `⌊100 × (1 − (D + P/4) / max(n, m))⌋` for `n` and `m` word tokens,
/// - then penalties: 2 per number that differs, 1 when the stored variant has inline codes (tags)
///   the plain-text query cannot have.
/// - When the words and numbers are the same, the quality is 100 if the texts are identical as
///   written and 99 ("exact text only") if they differ only in case, punctuation, white space or
///   Arabic-script variants. Any word difference caps the quality at 98.
///
/// Every penalty only lowers the quality, so `100 × (1 − D / max(n, m))` bounds it from above:
/// that is what makes the candidate filter in `FuzzySearch` lossless.
public struct MatchQuality: Sendable, Equatable {
    public let value: Int
    /// Word-level distance `D` (numbers as placeables).
    public let wordDistance: Int
    /// Pairs of numbers (query, stored) that the best alignment substitutes.
    public let numberChanges: [NumberChange]
    /// The query's and the stored variant's word and number token counts.
    public let queryWords: Int
    public let storedWords: Int

    public struct NumberChange: Sendable, Equatable {
        public let query: String
        public let stored: String
    }

    public static let numberPenalty = 2
    public static let tagPenalty = 1
    public static let punctuationWeight = 0.25

    /// The upper bound of the quality for a word distance; the candidate filter keeps everything
    /// whose bound reaches the threshold.
    public static func bound(distance: Int, queryWords n: Int, storedWords m: Int) -> Int {
        let length = max(n, m)
        if length == 0 { return 100 }
        // Integers: in floating point 100 × (1 − 17/50) is 65.999…, and a bound one too low loses
        // every variant of exactly that quality at that threshold.
        return 100 * (length - distance) / length
    }

    /// Scores `stored` against `query`. `identicalText`: the two texts are equal as written;
    /// `storedHasTags`: the stored variant carries inline codes.
    public static func score(query: MatchTokens, stored: MatchTokens, identicalText: Bool, storedHasTags: Bool) -> MatchQuality {
        let q = query.tokens.filter { $0.kind != .punctuation }
        let s = stored.tokens.filter { $0.kind != .punctuation }
        let alignment = WordAlignment(query: q, stored: s)
        let changes = alignment.numberSubstitutions.map {
            NumberChange(query: query.text(of: $0.0), stored: stored.text(of: $0.1))
        }
        let punctuation = editDistance(query.tokens.filter { $0.kind == .punctuation }.map(\.hash),
                                       stored.tokens.filter { $0.kind == .punctuation }.map(\.hash))
        let tag = storedHasTags ? tagPenalty : 0
        var value: Int
        if alignment.distance == 0 && changes.isEmpty {
            value = (identicalText && punctuation == 0 ? 100 : 99) - tag
        } else {
            let length = Double(max(q.count, s.count))
            let raw = 100.0 * (1.0 - (Double(alignment.distance) + punctuationWeight * Double(punctuation)) / length)
            // The cap keeps 99 for "exact text only"; the tag point comes off after it, as it does there.
            value = min(98, Int((raw + 1e-9).rounded(.down)) - numberPenalty * changes.count) - tag
        }
        return MatchQuality(value: max(0, value), wordDistance: alignment.distance, numberChanges: changes,
                            queryWords: q.count, storedWords: s.count)
    }
}

/// The word-level alignment of a query with a stored variant: the least edits, and among those the
/// fewest number substitutions; kept as a script for showing what differs.
public struct WordAlignment {
    public enum Step: Equatable {
        case keep(query: Int, stored: Int)
        case substitute(query: Int, stored: Int)
        case insert(stored: Int)     // in the stored variant, not in the query
        case delete(query: Int)      // in the query, not in the stored variant
    }

    public let distance: Int
    public let steps: [Step]
    let numberSubstitutions: [(MatchToken, MatchToken)]

    init(query q: [MatchToken], stored s: [MatchToken]) {
        let n = q.count, m = s.count
        // Cost = edits × 4096 + number substitutions: edits first, then the fewest placeables.
        let width = m + 1
        var cost = [Int](repeating: 0, count: (n + 1) * width)
        for j in 0...m { cost[j] = j * 4096 }
        if n > 0 {
            for i in 1...n {
                cost[i * width] = i * 4096
                if m == 0 { continue }
                for j in 1...m {
                    let a = q[i - 1], b = s[j - 1]
                    let diagonal: Int
                    if a.hash == b.hash && a.kind == b.kind { diagonal = 0 }
                    else if a.kind == .number && b.kind == .number { diagonal = 1 }
                    else { diagonal = 4096 }
                    cost[i * width + j] = min(cost[(i - 1) * width + j - 1] + diagonal,
                                              cost[(i - 1) * width + j] + 4096,
                                              cost[i * width + j - 1] + 4096)
                }
            }
        }
        distance = cost[n * width + m] / 4096
        var steps: [Step] = []
        var numbers: [(MatchToken, MatchToken)] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let here = cost[i * width + j]
            if i > 0 && j > 0 {
                let a = q[i - 1], b = s[j - 1]
                let same = a.hash == b.hash && a.kind == b.kind
                let diagonal = same ? 0 : (a.kind == .number && b.kind == .number ? 1 : 4096)
                if here == cost[(i - 1) * width + j - 1] + diagonal {
                    if same { steps.append(.keep(query: i - 1, stored: j - 1)) }
                    else {
                        steps.append(.substitute(query: i - 1, stored: j - 1))
                        if diagonal == 1 { numbers.append((a, b)) }
                    }
                    i -= 1; j -= 1
                    continue
                }
            }
            if i > 0 && here == cost[(i - 1) * width + j] + 4096 {
                steps.append(.delete(query: i - 1))
                i -= 1
            } else {
                steps.append(.insert(stored: j - 1))
                j -= 1
            }
        }
        self.steps = steps.reversed()
        numberSubstitutions = numbers.reversed()
    }
}
