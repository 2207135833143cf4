import Foundation

/// How unlikely the dictionary's hits in a bead are for a translation: for each source unit of the
/// bead, how many of its dictionary tokens the bead's target holds, against what a translation and
/// what chance would hold.
///
/// Over the development and held-out draws (en–ar), counting only the tokens the other document
/// holds somewhere (`Side.dropUnmatchable`), a sentence's translation holds 79% of its dictionary
/// tokens and a neighbouring sentence 13%; a sentence the translator dropped finds 18% in the
/// neighbour it would be glued to. Matches alone cannot say this: a glued sentence only adds its
/// chance hits, each a reward. So each source unit with dictionary tokens costs the log-likelihood
/// ratio of its hits, chance against translation, where chance is the likelier (capped; nothing
/// where translation is the likelier), times `AlignmentWeights.dictionaryDoubt`. The 1-0 bead it
/// would otherwise be costs nothing of the kind. Chance grows with the bead's target units (a 2-2
/// pools two targets' words): `1 - (1 - chance)^b`.
///
/// Only the source side, whose tokens are its words' translations: a target unit's tokens are
/// letter runs of its Arabic words (`BilingualDictionary.tokens(of:source:)`); judged the same way
/// they lost (thirteen draws: −0.02 to −0.1).
///
/// A bead of several target units is also asked where the source's hits fall (`splitDoubt`): a
/// sentence the translator added holds few of them.
///
/// Each unit's dictionary tokens are the tail of its sorted token run (the class with the highest
/// bits). Which of a source unit's tokens a target unit holds is asked many times by the dynamic
/// program, so the answers are kept.
final class DictionaryDoubt {
    private let s: Side
    private let t: Side
    private let sourceTail: [Int]
    private let targetTail: [Int]
    /// Per source unit, its dictionary tokens (at most 63: a bit each in `shared`).
    private let tokenCount: [Int]
    /// Per count of target units (index 1...4): the nats a hit and a miss weigh, for translation.
    private let hitNats: [Float]
    private let missNats: [Float]
    private let cap: Float
    /// The weights: of a source unit's doubt (`dictionaryDoubt`, or `dictionaryDoubtLatin` with a
    /// Latin-script dictionary) and of a target unit's split doubt.
    private let doubtWeight: Float
    private let splitWeight: Float
    private let splitChance: Float
    private let splitMinimum: Float
    /// Per unit pair, source k and target l within `window` of k's place on the diagonal (at
    /// `k * (2 * window + 1) + l - diagonal(k) + window`): which of k's tokens l holds, a bit each,
    /// and the top bit once asked. A raw buffer: this is asked in the dynamic program's inner loop,
    /// where an array in a class pays an exclusivity check and a uniqueness check per write.
    private let shared: UnsafeMutableBufferPointer<UInt64>
    /// Every target unit for an article; for a long pair (thousands of units a side) the band the
    /// dynamic program searches lies within it, and a pair outside is asked directly.
    private let window: Int

    private static let asked: UInt64 = 1 << 63

    /// Nil when no source unit has a dictionary token (no dictionary for the pair), or both weights
    /// are 0.
    init?(_ s: Side, _ t: Side, weights w: AlignmentWeights) {
        guard (t.latinDictionary ? w.dictionaryDoubtLatin : w.dictionaryDoubt) > 0 || w.dictionarySplitDoubt > 0 else { return nil }
        func tails(_ side: Side) -> [Int] {
            (0..<side.count).map { k in
                var x = side.tokenStart[k + 1]
                while x > side.tokenStart[k], AnchorClass.of(side.tokens[x - 1]) == .dictionary { x -= 1 }
                return x
            }
        }
        let sourceTail = tails(s)
        tokenCount = (0..<s.count).map { min(63, s.tokenStart[$0 + 1] - sourceTail[$0]) }
        guard tokenCount.contains(where: { $0 > 0 }) else { return nil }
        self.sourceTail = sourceTail
        targetTail = tails(t)
        let chance = (0...4).map { 1 - pow(1 - w.dictionaryChanceShare, Float(max(1, $0))) }
        hitNats = chance.map { log(w.dictionaryTranslatedShare / $0) }
        missNats = chance.map { log((1 - $0) / (1 - w.dictionaryTranslatedShare)) }
        cap = w.dictionaryDoubtCap
        doubtWeight = t.latinDictionary ? w.dictionaryDoubtLatin : w.dictionaryDoubt
        splitWeight = w.dictionarySplitDoubt
        splitChance = w.dictionarySplitChance
        splitMinimum = w.dictionarySplitMinimum
        self.s = s
        self.t = t
        window = s.count * t.count <= 1 << 22 ? t.count : 512
        shared = .allocate(capacity: s.count * (2 * window + 1))
        shared.initialize(repeating: 0)
    }

    deinit { shared.deallocate() }

    /// What the dictionary's evidence adds to a bead of source units `i..<i+a` and target units
    /// `j..<j+b` (both sides non-empty): the doubt of its source units and, with several target
    /// units, the split doubt of each, weighted. One walk of the bead's unit pairs serves both.
    @inline(__always)
    func cost(_ i: Int, _ a: Int, _ j: Int, _ b: Int) -> Float {
        let hit = hitNats[min(b, 4)], miss = missNats[min(b, 4)]
        var doubt: Float = 0
        // Per target unit, the source's hits it holds (up to four units); all the source's hits.
        var perUnit = InlineArray<4, Float>(repeating: 0)
        var all: Float = 0
        for k in i..<(i + a) where tokenCount[k] > 0 {
            var found: UInt64 = 0
            for l in j..<(j + b) {
                let held = share(k, l)
                if b >= 2 { perUnit[min(l - j, 3)] += Float(held.nonzeroBitCount) }
                found |= held
            }
            let hits = Float(found.nonzeroBitCount)
            all += hits
            let ratio = hits * hit - (Float(tokenCount[k]) - hits) * miss
            if ratio < 0 { doubt += min(cap, -ratio) }
        }
        guard b >= 2, splitWeight > 0 else { return doubtWeight * doubt }
        return doubtWeight * doubt + splitWeight * splitDoubt(j, b, perUnit: perUnit, all: all)
    }

    /// For each target unit of a bead of several (`j..<j+b`): how much likelier chance
    /// (`splitChance` of the source's hits) makes its share of the source's dictionary hits than its
    /// share of the bead's length does, in nats, capped; nothing under `splitMinimum` hits in all. A
    /// sentence the translator added and the aligner glued to its neighbour's translation holds few of
    /// the source's hits: over seventeen draws (en–ar, each pair alone), with three hits or more, none
    /// fall in an added sentence glued to its neighbour in 42% of cases, in half of a true split in 3%
    /// (a hit's share: 16% against 52%). Counted from the source's tokens, which are its words'
    /// translations, not from the target's letter runs, which short halves miss by chance.
    @inline(__always)
    private func splitDoubt(_ j: Int, _ b: Int, perUnit: InlineArray<4, Float>, all: Float) -> Float {
        guard all >= splitMinimum else { return 0 }
        let length = Float(t.prefix[j + b] - t.prefix[j])
        guard length > 0 else { return 0 }
        var cost: Float = 0
        for l in j..<(j + b) {
            // A unit's share of the length, kept from the extremes: a short half still holds some.
            let expected = max(0.15, min(0.85, Float(t.prefix[l + 1] - t.prefix[l]) / length))
            let held = min(perUnit[min(l - j, 3)], all)
            let ratio = held * log(expected / splitChance) + (all - held) * log((1 - expected) / (1 - splitChance))
            if ratio < 0 { cost += min(cap, -ratio) }
        }
        return cost
    }

    /// Which of source unit k's dictionary tokens target unit l holds, a bit each.
    @inline(__always)
    private func share(_ k: Int, _ l: Int) -> UInt64 {
        let offset = l - diagonal(k, s.count, t.count) + window
        guard offset >= 0, offset <= 2 * window else { return walk(k, l) }
        let cell = k * (2 * window + 1) + offset
        if shared[cell] == 0 { shared[cell] = walk(k, l) | Self.asked }
        return shared[cell] & ~Self.asked
    }

    /// The two units' sorted dictionary tails walked together: a bit for each of k's tokens l holds.
    private func walk(_ k: Int, _ l: Int) -> UInt64 {
        let first = sourceTail[k]
        var x = first, y = targetTail[l]
        let xEnd = first + tokenCount[k], yEnd = t.tokenStart[l + 1]
        var found: UInt64 = 0
        while x < xEnd && y < yEnd {
            let u = s.tokens[x], v = t.tokens[y]
            if u == v {
                found |= 1 << UInt64(x - first)
                x += 1
                y += 1
            } else if u < v {
                x += 1
            } else {
                y += 1
            }
        }
        return found
    }
}
