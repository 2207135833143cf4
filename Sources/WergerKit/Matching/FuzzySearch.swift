/// What the fuzzy search reads from a store: posting lists by index key, and per unit the word
/// hashes of its variants ("shapes") and their texts.
public protocol FuzzyIndexReading: AnyObject {
    /// The largest unit id (sizes the search's counters).
    var maximumUnit: Int64 { get }
    /// How many units a key's posting list holds.
    func postingCount(_ feature: Int64) throws -> Int
    /// Calls `body` with each stored block of a key's posting list: ascending unit ids as delta
    /// varints (`PostingList`), valid during the call.
    func forEachPostingBlock(_ feature: Int64, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws
    /// The variants of a unit, with their word hashes.
    func shapes(of unit: Int64) throws -> [VariantShape]
}

extension FuzzyIndexReading {
    /// Calls `body` with every unit id in a key's posting list.
    public func forEachPosting(_ feature: Int64, _ body: (Int64) -> Void) throws {
        try forEachPostingBlock(feature) { PostingList.decode($0, body) }
    }
}

/// One stored variant as the search sees it: where it is, its language key, its word hashes
/// (16 bits each), its text as written and whether it has inline codes.
public struct VariantShape: Sendable {
    public let position: Int
    public let language: String
    public let words: [UInt16]
    public let text: String
    public let hasTags: Bool

    public init(position: Int, language: String, words: [UInt16], text: String, hasTags: Bool) {
        self.position = position
        self.language = language
        self.words = words
        self.text = text
        self.hasTags = hasTags
    }

    /// The 16 bits of a word hash the index keeps: two words that share them only make a distance
    /// look smaller (one more candidate scored on its text), never larger.
    @inline(__always) public static func pack(_ hash: UInt64) -> UInt16 {
        UInt16(truncatingIfNeeded: hash ^ (hash >> 16) ^ (hash >> 32) ^ (hash >> 48))
    }
}

/// A scored variant: the unit, which of its variants matched, and how well.
public struct ScoredVariant: Sendable {
    public let unit: Int64
    public let position: Int
    public let quality: MatchQuality
    public let text: String
    public let hasTags: Bool

    public init(unit: Int64, position: Int, quality: MatchQuality, text: String, hasTags: Bool) {
        self.unit = unit
        self.position = position
        self.quality = quality
        self.text = text
        self.hasTags = hasTags
    }

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

    /// A posting costs far less to count than a candidate to check (a row read and a distance):
    /// one more list is read when the candidates it could rule out cost more than this many
    /// postings each.
    static let postingsPerCheck = 2_000

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
        var settled = Set<Int64>()                 // scored, or bound below the threshold
        var deferred: [Int64: [VariantShape]] = [:] // bound below the current level, not yet scored
        let trimmedQuery = query.trimmingSpaces
        defer { clearCounters() }

        // The qualities of the results, best first. A candidate must be able to reach the threshold,
        // or once `limit` results are in hand, the lowest of them (below it, it cannot enter the answer).
        var best: [Int] = []
        var cutoff: Int { best.count < limit ? threshold : max(threshold, best[limit - 1]) }
        var level = max(90, threshold)
        var phase: (pairs: Bool, lists: [(feature: Int64, count: Int)], read: Int)?
        while true {
            let (usePairs, features, need) = Self.filter(words: words, level: level, seed: seed)
            if phase == nil || phase!.pairs != usePairs {
                clearCounters()
                phase = (usePairs, try sortedLists(features), 0)
            }
            // Read the rarest lists until a variant that reaches the level must be counted.
            let lists = phase!.lists
            var read = phase!.read
            while read < lists.count, read < lists.count - need + 1 { try count(lists[read]); read += 1 }
            // Then more, while ruling out candidates is worth a list.
            while read < lists.count {
                let required = max(1, need - (lists.count - read))
                let candidates = touched.reduce(0) { $0 + (Int(counters[Int($1)]) >= required ? 1 : 0) }
                guard candidates * Self.postingsPerCheck > lists[read].count else { break }
                try count(lists[read])
                read += 1
            }
            phase!.read = read
            let required = max(1, need - (lists.count - read))
            var candidates: [(Int64, [VariantShape]?)] = touched.lazy
                .filter { Int(self.counters[Int($0)]) >= required && !settled.contains($0) && deferred[$0] == nil }
                .map { ($0, nil) }
            candidates.append(contentsOf: deferred.map { ($0.key, $0.value) })
            deferred.removeAll()
            for (unit, known) in candidates {
                let shapes = try known ?? index.shapes(of: unit)
                if let target, !shapes.contains(where: { $0.language == target }) {
                    settled.insert(unit)
                    continue
                }
                let floor = cutoff
                var bound = -1
                for shape in shapes where shape.language == language.key {
                    let distance = Self.distance(packed, shape.words, limit: (100 - floor) * max(n, shape.words.count) / 100)
                    guard let distance else { continue }
                    bound = max(bound, MatchQuality.bound(distance: distance, queryWords: n, storedWords: shape.words.count))
                }
                if bound < floor {
                    settled.insert(unit)
                } else if bound < level {
                    deferred[unit] = shapes
                } else {
                    settled.insert(unit)
                    if let scored = score(unit: unit, shapes: shapes, language: language.key, tokens: tokens,
                                          query: trimmedQuery, threshold: threshold) {
                        results[unit] = scored
                        let at = best.firstIndex { $0 < scored.quality.value } ?? best.count
                        best.insert(scored.quality.value, at: at)
                    }
                }
            }
            // Everything at or above this level has been seen.
            if level <= threshold || best.prefix(while: { $0 >= level }).count >= limit { break }
            var next = max(threshold, level - 10)
            if best.count >= limit { next = max(next, best[limit - 1]) }
            level = min(next, level - 1)
        }
        return Array(results.values.sorted(by: ScoredVariant.precedes).prefix(limit))
    }

    /// Scores every variant of `unit` in the query's language; the best, if it reaches the threshold.
    private func score(unit: Int64, shapes: [VariantShape], language: String, tokens: MatchTokens, query: String,
                       threshold: Int) -> ScoredVariant? {
        var best: ScoredVariant?
        for shape in shapes where shape.language == language {
            let stored = tokenizer.tokens(of: shape.text, language: MatchingLanguage.of(language))
            let quality = MatchQuality.score(query: tokens, stored: stored, identicalText: shape.text.trimmingSpaces == query,
                                             storedHasTags: shape.hasTags)
            guard quality.value >= threshold else { continue }
            let scored = ScoredVariant(unit: unit, position: shape.position, quality: quality, text: shape.text, hasTags: shape.hasTags)
            if best == nil || quality.value > best!.quality.value { best = scored }
        }
        return best
    }

    /// The index keys a level reads — word pairs when the pair bound is positive, else words — and
    /// how many of them a variant that reaches the level shares at least.
    static func filter(words: [UInt64], level: Int, seed: UInt64) -> (pairs: Bool, features: [Int64], need: Int) {
        let n = words.count
        if n == 0 { return (false, MatchFeatures.words([], seed: seed), 1) }
        let longest = 100 * n / level  // m − n ≤ D ≤ (100 − ℓ)·m/100
        if n >= 2 {
            var need = Int.max
            for m in n...max(n, longest) { need = min(need, m - 1 - 2 * ((100 - level) * m / 100)) }
            if need >= 1 { return (true, MatchFeatures.pairs(words, seed: seed), need) }
        }
        // M − ⌊(100 − ℓ)M/100⌋ grows with M, so the query's own length gives the least overlap.
        return (false, MatchFeatures.words(words, seed: seed), max(1, n - (100 - level) * n / 100))
    }

    private var touched: [Int64] = []

    /// The lists of `features`, rarest first.
    private func sortedLists(_ features: [Int64]) throws -> [(feature: Int64, count: Int)] {
        var lists: [(feature: Int64, count: Int)] = []
        for feature in features {
            let count: Int
            if let known = postingCounts[feature] { count = known } else {
                count = try index.postingCount(feature)
                postingCounts[feature] = count
            }
            lists.append((feature, count))
        }
        return lists.sorted { $0.count != $1.count ? $0.count < $1.count : $0.feature < $1.feature }
    }

    /// Adds one to the counter of every unit in a list.
    private func count(_ list: (feature: Int64, count: Int)) throws {
        guard list.count > 0 else { return }
        let limit = counters.count
        try counters.withUnsafeMutableBufferPointer { counters in
            try index.forEachPostingBlock(list.feature) { bytes in
                PostingList.decode(bytes) { unit in
                    guard unit >= 0, unit < limit else { return }
                    let c = counters[Int(unit)]
                    if c == 0 { touched.append(unit) }
                    if c < 255 { counters[Int(unit)] = c + 1 }
                }
            }
        }
    }

    private func clearCounters() {
        for unit in touched { counters[Int(unit)] = 0 }
        touched.removeAll(keepingCapacity: true)
    }

    /// Word-level edit distance on packed hashes, or nil as soon as it must exceed `limit`.
    public static func distance(_ a: [UInt16], _ b: [UInt16], limit: Int) -> Int? {
        editDistance(a, b, limit: limit)
    }
}
