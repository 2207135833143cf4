/// The keys of the fuzzy index: for a variant's word sequence (numbers as one symbol), its words
/// and its word pairs (bigrams), each numbered by occurrence ("the", "the#2"), so that counting
/// shared keys counts the multiset overlap exactly. Keys are 64-bit hashes that include the
/// language; two features that collide share a posting list, which can only add candidates —
/// every candidate is scored exactly — never lose one.
public enum MatchFeatures {
    public enum Kind: UInt64 { case word = 1, pair = 2, noWords = 3 }

    public static func seed(language key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash
    }

    /// The word keys of `words`.
    public static func words(_ words: [UInt64], seed: UInt64) -> [Int64] {
        if words.isEmpty { return [key(seed, .noWords, 0, 0, 0)] }
        let occurrences = numbered(words.map { ($0, UInt64(0)) })
        return words.indices.map { key(seed, .word, words[$0], 0, occurrences[$0]) }
    }

    /// The word-pair keys of `words` (none for fewer than two words).
    public static func pairs(_ words: [UInt64], seed: UInt64) -> [Int64] {
        guard words.count >= 2 else { return [] }
        let pairs = (0..<(words.count - 1)).map { (words[$0], words[$0 + 1]) }
        let occurrences = numbered(pairs)
        return pairs.indices.map { key(seed, .pair, pairs[$0].0, pairs[$0].1, occurrences[$0]) }
    }

    /// 1 for the first occurrence of an item, 2 for the second, …
    private static func numbered(_ items: [(UInt64, UInt64)]) -> [UInt64] {
        var result = [UInt64](repeating: 1, count: items.count)
        if items.count <= 48 {
            for i in items.indices {
                var n: UInt64 = 1
                for j in 0..<i where items[j] == items[i] { n += 1 }
                result[i] = n
            }
        } else {
            var seen: [Int64: UInt64] = [:]
            for i in items.indices {
                let k = key(0, .pair, items[i].0, items[i].1, 0)
                let n = (seen[k] ?? 0) + 1
                seen[k] = n
                result[i] = n
            }
        }
        return result
    }

    @inline(__always) static func key(_ seed: UInt64, _ kind: Kind, _ a: UInt64, _ b: UInt64, _ occurrence: UInt64) -> Int64 {
        var h = mix(seed ^ kind.rawValue)
        h = mix(h ^ a)
        h = mix(h ^ (b &* 0x9E3779B97F4A7C15))
        h = mix(h ^ occurrence)
        return Int64(bitPattern: h)
    }

    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E3779B97F4A7C15
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
