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
        let n = words.count
        var keys = [Int64](repeating: 0, count: n)
        var seen: [UInt64: UInt64] = [:]
        for i in 0..<n {
            let w = words[i]
            var occurrence: UInt64 = 1
            if n <= 48 {
                for j in 0..<i where words[j] == w { occurrence += 1 }
            } else {
                occurrence = (seen[w] ?? 0) + 1
                seen[w] = occurrence
            }
            keys[i] = key(seed, .word, w, 0, occurrence)
        }
        return keys
    }

    /// The word-pair keys of `words` (none for fewer than two words).
    public static func pairs(_ words: [UInt64], seed: UInt64) -> [Int64] {
        guard words.count >= 2 else { return [] }
        let n = words.count - 1
        var keys = [Int64](repeating: 0, count: n)
        var seen: [Int64: UInt64] = [:]
        for i in 0..<n {
            let a = words[i], b = words[i + 1]
            var occurrence: UInt64 = 1
            if n <= 48 {
                for j in 0..<i where words[j] == a && words[j + 1] == b { occurrence += 1 }
            } else {
                let pair = key(0, .pair, a, b, 0)
                occurrence = (seen[pair] ?? 0) + 1
                seen[pair] = occurrence
            }
            keys[i] = key(seed, .pair, a, b, occurrence)
        }
        return keys
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
