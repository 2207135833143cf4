/// Which source units of a bead the bilingual dictionary finds nothing for on the other side.
///
/// A sentence and its translation share at least one dictionary word pair far more often than not:
/// over the development and held-out draws (en–ar), a source sentence of a 1-1 or 2-1 link with
/// three words the dictionary knows or more shares none in 2% of cases — but a sentence the
/// translator dropped shares none with the neighbour it would be glued to in half of them. Matches
/// alone cannot say this (a glued sentence only adds nothing), so a source unit with
/// `minimumTokens` dictionary tokens or more, none of which the bead's target holds, costs
/// `AlignmentWeights.dictionarySilent`: the 1-0 bead it would otherwise be costs nothing of the kind.
///
/// Only the source side, whose tokens are its words' translations: a target unit's tokens are
/// letter runs of its Arabic words (`BilingualDictionary.tokens(of:source:)`), which short halves
/// of a split sentence miss by chance.
///
/// Each unit's dictionary tokens are the tail of its sorted token run (the class with the highest
/// bits), after `Side.dropUnmatchable` left only those the other document holds (near it, in a long
/// pair). Whether two units share one is asked many times by the dynamic program, so the answers
/// are kept.
final class DictionarySilence {
    /// Source units with fewer dictionary tokens are not judged: a fragment, a line of names.
    static let minimumTokens = 3

    private let s: Side
    private let t: Side
    private let sourceTail: [Int]
    private let targetTail: [Int]
    /// Whether source unit k is judged (enough dictionary tokens).
    private let judged: [Bool]
    /// Per unit pair, source k and target l within `window` of k's place on the diagonal (at
    /// `k * (2 * window + 1) + l - diagonal(k) + window`): 0 not asked yet, 1 none shared, 2 shared.
    /// A raw buffer: this is asked in the dynamic program's inner loop, where an array in a class
    /// pays an exclusivity check and a uniqueness check per write.
    private let shared: UnsafeMutableBufferPointer<UInt8>
    /// Every target unit for an article; for a long pair (thousands of units a side) the band the
    /// dynamic program searches lies within it, and a pair outside is asked directly.
    private let window: Int

    /// Nil when the source holds no unit with enough dictionary tokens (no dictionary for the pair).
    init?(_ s: Side, _ t: Side) {
        func tails(_ side: Side) -> [Int] {
            (0..<side.count).map { k in
                var x = side.tokenStart[k + 1]
                while x > side.tokenStart[k], AnchorClass.of(side.tokens[x - 1]) == .dictionary { x -= 1 }
                return x
            }
        }
        let sourceTail = tails(s)
        self.sourceTail = sourceTail
        judged = (0..<s.count).map { s.tokenStart[$0 + 1] - sourceTail[$0] >= Self.minimumTokens }
        guard judged.contains(true) else { return nil }
        targetTail = tails(t)
        self.s = s
        self.t = t
        window = s.count * t.count <= 1 << 22 ? t.count : 512
        shared = .allocate(capacity: s.count * (2 * window + 1))
        shared.initialize(repeating: 0)
    }

    deinit { shared.deallocate() }

    /// How many of the bead's source units (`i..<i+a`) have dictionary words of which the target
    /// units `j..<j+b` hold none.
    @inline(__always)
    func silentUnits(_ i: Int, _ a: Int, _ j: Int, _ b: Int) -> Int {
        var silent = 0
        for k in i..<(i + a) where judged[k] {
            var found = false
            for l in j..<(j + b) where share(k, l) {
                found = true
                break
            }
            if !found { silent += 1 }
        }
        return silent
    }

    @inline(__always)
    private func share(_ k: Int, _ l: Int) -> Bool {
        let offset = l - diagonal(k, s.count, t.count) + window
        guard offset >= 0, offset <= 2 * window else { return walk(k, l) }
        let cell = k * (2 * window + 1) + offset
        if shared[cell] == 0 { shared[cell] = walk(k, l) ? 2 : 1 }
        return shared[cell] == 2
    }

    /// Whether the two units' sorted dictionary tails hold a token in common.
    private func walk(_ k: Int, _ l: Int) -> Bool {
        var x = sourceTail[k], y = targetTail[l]
        let xEnd = s.tokenStart[k + 1], yEnd = t.tokenStart[l + 1]
        while x < xEnd && y < yEnd {
            let u = s.tokens[x], v = t.tokens[y]
            if u == v { return true }
            if u < v { x += 1 } else { y += 1 }
        }
        return false
    }
}
