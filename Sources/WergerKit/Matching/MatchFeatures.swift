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
        var keys = [Int64](repeating: 0, count: words.count)
        numbered(words.count, same: { words[$0] == words[$1] }, hash: { words[$0] }) { i, occurrence in
            keys[i] = key(seed, .word, words[i], 0, occurrence)
        }
        return keys
    }

    /// The word-pair keys of `words` (none for fewer than two words).
    public static func pairs(_ words: [UInt64], seed: UInt64) -> [Int64] {
        guard words.count >= 2 else { return [] }
        var keys = [Int64](repeating: 0, count: words.count - 1)
        numbered(words.count - 1, same: { words[$0] == words[$1] && words[$0 + 1] == words[$1 + 1] },
                 hash: { words[$0] &* 31 &+ words[$0 + 1] }) { i, occurrence in
            keys[i] = key(seed, .pair, words[i], words[i + 1], occurrence)
        }
        return keys
    }

    /// Calls `body` with each item's index and occurrence number (1 for its first occurrence, 2
    /// for its second, …): pairwise for a sentence, through a dictionary for a long text.
    private static func numbered(_ count: Int, same: (Int, Int) -> Bool, hash: (Int) -> UInt64,
                                 _ body: (Int, UInt64) -> Void) {
        if count <= 48 {
            for i in 0..<count {
                var n: UInt64 = 1
                for j in 0..<i where same(j, i) { n += 1 }
                body(i, n)
            }
        } else {
            var seen: [UInt64: [Int]] = [:]
            for i in 0..<count {
                let h = hash(i)
                let earlier = seen[h, default: []]
                body(i, UInt64(earlier.filter { same($0, i) }.count + 1))
                seen[h, default: []].append(i)
            }
        }
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
