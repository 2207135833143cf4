/// What the fuzzy search reads from a store: posting lists by index key, and per unit the word
/// hashes of its variants ("shapes") and their texts.
public protocol FuzzyIndexReading: AnyObject {
    /// The largest unit id (sizes the search's counters).
    var maximumUnit: Int64 { get }
    /// How many units a key's posting list holds.
    func postingCount(_ feature: Int64) throws -> Int
    /// Calls `body` with every unit id in a key's posting list.
    func forEachPosting(_ feature: Int64, _ body: (Int64) -> Void) throws
    /// The indexed variants of a unit.
    func shapes(of unit: Int64) throws -> [VariantShape]
    /// A variant's text as written, and whether it has inline codes.
    func variantText(unit: Int64, position: Int) throws -> (text: String, hasTags: Bool)?
}

/// One indexed variant: where it is, its language key, and its word hashes (32 bits each).
public struct VariantShape: Sendable {
    public let position: Int
    public let language: String
    public let words: [UInt32]

    public init(position: Int, language: String, words: [UInt32]) {
        self.position = position
        self.language = language
        self.words = words
    }

    /// The 32 bits of a word hash the index keeps.
    @inline(__always) public static func pack(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash ^ (hash >> 32)) }
}

/// A scored variant: the unit, which of its variants matched, and how well.
public struct ScoredVariant: Sendable {
    public let unit: Int64
    public let position: Int
    public let quality: MatchQuality
    public let text: String
    public let hasTags: Bool

    /// Best first; among equals the newest unit (highest id) first, so results are deterministic.
    static func precedes(_ a: ScoredVariant, _ b: ScoredVariant) -> Bool {
        a.quality.value != b.quality.value ? a.quality.value > b.quality.value : a.unit > b.unit
    }
}

/// Finds the stored variants most like a query, never missing one a brute-force comparison with
/// every stored variant would rank higher (docs/matching.md, "Why nothing is missed").
///
/// Retrieve, then rescore: the filter works on word hashes only and is lossless because a
/// quality of at least ℓ bounds the word-level distance `D ≤ ⌊(100 − ℓ)·M / 100⌋` (`M` the longer
/// word count). Such a variant shares at least `M − D` words with the query and at least
/// `M − 1 − 2D` word pairs (Ukkonen's q-gram lemma). The search walks down levels (90, 80, …, the
/// threshold): at each it reads the rarest posting lists until any variant that could reach the
/// level must have been counted often enough, checks the candidates' exact word distance on their
/// stored shapes, scores the survivors on their text, and stops as soon as `limit` results are at
/// or above the level — everything above a level has been seen by then.
public final class FuzzySearch {
    private let index: FuzzyIndexReading
    private let tokenizer: MatchTokenizer
    private var counters: [UInt8]
    private var postingCounts: [Int64: Int] = [:]

    /// Posting lists read beyond the minimum while their total stays under this: a longer scan
    /// raises the count a candidate needs, and reading a posting costs far less than checking one.
    static let scanBudget = 150_000

    public init(index: FuzzyIndexReading, tokenizer: MatchTokenizer = MatchTokenizer()) {
        self.index = index
        self.tokenizer = tokenizer
        counters = [UInt8](repeating: 0, count: Int(max(0, index.maximumUnit)) + 1)
    }

    /// The best `limit` variants in `language` with a quality of at least `threshold` whose unit
    /// also has a variant in `target` (any unit when nil), best first.
    public func search(_ query: String, language: MatchingLanguage, target: String?, threshold: Int,
                       limit: Int) throws -> [ScoredVariant] {
        let tokens = tokenizer.tokens(of: query, language: language)
        return try search(tokens: tokens, text: query, language: language, target: target, threshold: threshold, limit: limit)
    }

    public func search(tokens: MatchTokens, text query: String, language: MatchingLanguage, target: String?,
                       threshold: Int, limit: Int) throws -> [ScoredVariant] {
        let threshold = min(100, max(1, threshold))
        let words = tokens.words
        let packed = words.map(VariantShape.pack)
        let n = words.count
        let seed = MatchFeatures.seed(language: language.key)
        var results: [Int64: ScoredVariant] = [:]
        var settled = Set<Int64>()          // units scored, or whose bound is below the threshold
        var deferred: [Int64: Int] = [:]   // unit → best bound, not yet worth scoring
        let trimmedQuery = query.trimmingSpaces

        var levels = [90, 80, 70, 60, 50].filter { $0 > threshold }
        levels.append(threshold)
        for level in levels {
            let (features, need) = Self.filter(words: words, level: level, seed: seed)
            var candidates = try collect(features, need: need)
            candidates.removeAll { settled.contains($0) }
            candidates.append(contentsOf: deferred.keys)
            deferred.removeAll()
            for unit in Set(candidates) {
                let shapes = try index.shapes(of: unit)
                if let target, !shapes.contains(where: { $0.language == target }) {
                    settled.insert(unit)
                    continue
                }
                var best = -1
                var bestPosition = -1
                for shape in shapes where shape.language == language.key {
                    let distance = Self.distance(packed, shape.words, limit: (100 - threshold) * max(n, shape.words.count) / 100)
                    guard let distance else { continue }
                    let bound = MatchQuality.bound(distance: distance, queryWords: n, storedWords: shape.words.count)
                    if bound > best { best = bound; bestPosition = shape.position }
                }
                if best < threshold {
                    settled.insert(unit)
                } else if best < level {
                    deferred[unit] = best
                } else {
                    settled.insert(unit)
                    if let scored = try score(unit: unit, shapes: shapes, language: language.key, tokens: tokens,
                                              query: trimmedQuery, threshold: threshold) {
                        results[unit] = scored
                    }
                    _ = bestPosition
                }
            }
            if results.values.filter({ $0.quality.value >= level }).count >= limit { break }
        }
        return Array(results.values.sorted(by: ScoredVariant.precedes).prefix(limit))
    }

    /// Scores every variant of `unit` in the query's language; the best, if it reaches the threshold.
    private func score(unit: Int64, shapes: [VariantShape], language: String, tokens: MatchTokens, query: String,
                       threshold: Int) throws -> ScoredVariant? {
        var best: ScoredVariant?
        for shape in shapes where shape.language == language {
            guard let (text, hasTags) = try index.variantText(unit: unit, position: shape.position) else { continue }
            let stored = tokenizer.tokens(of: text, language: MatchingLanguage.of(language))
            let quality = MatchQuality.score(query: tokens, stored: stored, identicalText: text.trimmingSpaces == query,
                                             storedHasTags: hasTags)
            guard quality.value >= threshold else { continue }
            let scored = ScoredVariant(unit: unit, position: shape.position, quality: quality, text: text, hasTags: hasTags)
            if best == nil || quality.value > best!.quality.value { best = scored }
        }
        return best
    }

    /// The index keys a level reads and how many of them a variant that reaches it shares at least.
    static func filter(words: [UInt64], level: Int, seed: UInt64) -> (features: [Int64], need: Int) {
        let n = words.count
        if n == 0 { return (MatchFeatures.words([], seed: seed), 1) }
        let longest = 100 * n / level  // m − n ≤ D ≤ (100 − ℓ)·m/100
        if n >= 2 {
            var need = Int.max
            for m in n...max(n, longest) { need = min(need, m - 1 - 2 * ((100 - level) * m / 100)) }
            if need >= 1 { return (MatchFeatures.pairs(words, seed: seed), need) }
        }
        // M − ⌊(100 − ℓ)M/100⌋ grows with M, so the query's own length gives the least overlap.
        return (MatchFeatures.words(words, seed: seed), max(1, n - (100 - level) * n / 100))
    }

    /// Units listed in at least enough of the rarest posting lists: a unit that shares `need` keys
    /// with the query is in at least `need − (unread lists)` of the lists read.
    private func collect(_ features: [Int64], need: Int) throws -> [Int64] {
        var lists: [(feature: Int64, count: Int)] = []
        for feature in features {
            let count: Int
            if let known = postingCounts[feature] { count = known } else {
                count = try index.postingCount(feature)
                postingCounts[feature] = count
            }
            lists.append((feature, count))
        }
        lists.sort { $0.count < $1.count }
        var read = max(1, lists.count - need + 1)
        var total = lists.prefix(read).reduce(0) { $0 + $1.count }
        while read < lists.count, total + lists[read].count <= Self.scanBudget {
            total += lists[read].count
            read += 1
        }
        let required = max(1, need - (lists.count - read))
        var candidates: [Int64] = []
        var touched: [Int64] = []
        try counters.withUnsafeMutableBufferPointer { counters in
            for list in lists.prefix(read) where list.count > 0 {
                try index.forEachPosting(list.feature) { unit in
                    guard unit >= 0, unit < Int64(counters.count) else { return }
                    let i = Int(unit)
                    let c = counters[i]
                    if c == 0 { touched.append(unit) }
                    if c < 255 {
                        counters[i] = c + 1
                        if Int(c) + 1 == required { candidates.append(unit) }
                    }
                }
            }
            for unit in touched { counters[Int(unit)] = 0 }
        }
        return candidates
    }

    /// Word-level edit distance on packed hashes, or nil as soon as it must exceed `limit`.
    static func distance(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            let x = a[i - 1]
            for j in 1...b.count {
                let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x == b[j - 1] ? 0 : 1))
                current[j] = value
                if value < rowMinimum { rowMinimum = value }
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
