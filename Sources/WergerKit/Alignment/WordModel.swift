import Foundation

/// How likely each target word is as a translation of each source word (IBM Model 1, learned by
/// expectation–maximisation from the sure beads a lexicon learns from). It scores a bead by how
/// much better its source explains its target words than chance does: a sentence glued to a bead
/// it does not translate brings words nothing explains, and a re-cut that moves a clause from one
/// sentence to the next leaves that clause's words unexplained in the wrong bead. Unlike the
/// lexicon's one-to-one word pairs, every word the evidence holds twice takes part, with a weight.
struct WordModel: Sendable {
    /// Source stems (sorted) and their rows: the target words each translates to, by number, sorted.
    private let sourceStems: [UInt64]
    private let rowStart: [Int32]
    private let rowTarget: [Int32]
    private let rowProbability: [Float]
    /// Target stems (sorted) and their numbers.
    private let targetStems: [UInt64]
    private let targetNumber: [Int32]
    /// Per target number: `weight` over its probability by chance (its share of the evidence's target
    /// words), its probability from no source word, and the most any bead can gain from it (a bound).
    private let overChance: [Float]
    private let fromNothing: [Float]
    private let mostGain: [Float]

    /// Words seen in fewer beads than this take no part (a word seen once explains only itself).
    static let minimumCount: Int32 = 2
    /// EM rounds (mean link F1 of four development draws, 4 folds: 2 rounds 96.07, 3 → 96.14, 5 → 96.19).
    static let rounds = 5
    /// Row entries below this probability are dropped (they change no decision, and cost lookups).
    static let smallest: Float = 0.005
    /// The model's share against chance: P(f | source) = weight · IBM-1 + (1 − weight) · chance, so
    /// a word the few beads of evidence never paired costs log(1 − weight) at most, not its rarity.
    static let weight: Float = 0.5

    var isEmpty: Bool { sourceStems.isEmpty }

    /// The model one EM run left: `probability[k]` is t(f|e) of pair k (e = `pairs.source[k]`,
    /// f = `pairs.target[k]`, the other way round in reverse), `nothing` t(f|∅).
    fileprivate init(_ words: WordNumbers, _ pairs: PairNumbers, direction: Direction, probability: [Float], nothing: [Float],
                     share: [Float], total: Float) {
        let (from, to) = direction == .forward ? (words.source, words.target) : (words.target, words.source)
        let pairFrom = direction == .forward ? pairs.source : pairs.target
        let pairTo = direction == .forward ? pairs.target : pairs.source
        // Rows per source word, sorted by target number, small entries dropped.
        var rows = [[(Int32, Float)]](repeating: [], count: from.count)
        for k in probability.indices where probability[k] >= Self.smallest { rows[Int(pairFrom[k])].append((pairTo[k], probability[k])) }
        var most = [Float](repeating: 0, count: to.count)
        var start: [Int32] = [0], target: [Int32] = [], values: [Float] = []
        let order = from.indices.filter { !rows[$0].isEmpty }.sorted { from[$0] < from[$1] }
        for e in order {
            for (f, p) in rows[e].sorted(by: { $0.0 < $1.0 }) {
                target.append(f)
                values.append(p)
                most[Int(f)] = max(most[Int(f)], p)
            }
            start.append(Int32(target.count))
        }
        sourceStems = order.map { from[$0] }
        rowStart = start
        rowTarget = target
        rowProbability = values
        let over = share.map { Self.weight * total / max($0, 0.5) }
        overChance = over
        fromNothing = nothing
        mostGain = (0..<to.count).map { Self.term(max(most[$0], nothing[$0]), overChance: over[$0]) }
        let targetOrder = to.indices.filter { share[$0] > 0 }.sorted { to[$0] < to[$1] }
        targetStems = targetOrder.map { to[$0] }
        targetNumber = targetOrder.map { Int32($0) }
    }

    /// A source unit as the model sees it: how many words it has, and per target word it can
    /// explain, the sum of t(f|e) over its words (sorted by target number).
    struct SourceUnit {
        var words: Int
        var targets: [Int32]
        var mass: [Float]
    }

    /// A target unit: the model's numbers of its words (those the model knows).
    struct TargetUnit {
        var words: [Int32]
    }

    /// `scratch`: zeros, one per target word of the model (`targetCount`), left zero again.
    func sourceUnit(_ stems: [UInt64], scratch: inout [Float]) -> SourceUnit {
        var unit = SourceUnit(words: stems.count, targets: [], mass: [])
        for stem in stems {
            guard let k = sourceStems.sortedIndex(of: stem) else { continue }
            for x in Int(rowStart[k])..<Int(rowStart[k + 1]) {
                let f = rowTarget[x]
                if scratch[Int(f)] == 0 { unit.targets.append(f) }
                scratch[Int(f)] += rowProbability[x]
            }
        }
        unit.targets.sort()
        unit.mass = unit.targets.map { scratch[Int($0)] }
        for f in unit.targets { scratch[Int(f)] = 0 }
        return unit
    }

    var targetCount: Int { fromNothing.count }

    func targetUnit(_ stems: [UInt64]) -> TargetUnit {
        TargetUnit(words: stems.compactMap { stem in targetStems.sortedIndex(of: stem).map { targetNumber[$0] } })
    }

    /// The most `unit` can gain in any bead (the scorer's bound): P_IBM1(f | source) is an average
    /// of probabilities, never above the largest.
    func bound(_ unit: TargetUnit) -> Float { unit.words.reduce(0) { $0 + mostGain[Int($1)] } }

    /// Σ_e t(f|e) over a source unit's words (0 when none of them translates to f).
    @inline(__always)
    func mass(of f: Int32, in source: SourceUnit) -> Float {
        source.targets.sortedIndex(of: f).map { source.mass[$0] } ?? 0
    }

    /// A target word's part of a bead's gain: log(weight · P_IBM1(f | S) / P_chance(f) + 1 − weight),
    /// with P_IBM1(f | S) = (t(f|∅) + Σ_e t(f|e)) / (|S| + 1) and `mass` = Σ_e t(f|e), `perWord` = 1 / (|S| + 1).
    @inline(__always)
    func term(_ f: Int32, mass: Float, perWord: Float) -> Float {
        Self.term((fromNothing[Int(f)] + mass) * perWord, overChance: overChance[Int(f)])
    }

    @inline(__always)
    private static func term(_ probability: Float, overChance: Float) -> Float {
        fastLog(probability * overChance + (1 - weight))
    }

    /// The natural logarithm within about 0.005 (exponent plus a quadratic on the mantissa, which
    /// gives log2 + 1 on [1, 2), hence the exponent bias of 128): the
    /// scorer takes one per word of every bead it weighs.
    @inline(__always)
    static func fastLog(_ x: Float) -> Float {
        let bits = x.bitPattern
        let exponent = Float(Int32(bitPattern: (bits >> 23) & 0xFF) - 128)
        let m = Float(bitPattern: (bits & 0x7F_FFFF) | 0x3F80_0000)
        return (exponent + (-0.344_848_43 * m + 2.024_665_78) * m - 0.674_877_59) * 0.693_147_18
    }

    fileprivate enum Direction { case forward, reverse }
}

/// The word model in both directions — target words given source words, and source given target —
/// per fold of the evidence.
struct WordModels: Sendable {
    let forward: WordModel
    let reverse: WordModel

    var isEmpty: Bool { forward.isEmpty || reverse.isEmpty }

    /// One pair of models per fold, each learned from the beads of the other folds (`fold` nil: a
    /// memory's pairs, learned by every fold); with `folds` 0, one pair from all the beads. The
    /// stems and pairs are numbered once, and the EM runs — a fold and a direction each — share the
    /// cores.
    static func learn(_ beads: [(source: [UInt64], target: [UInt64])], folds beadFolds: [Int?], count folds: Int) -> [WordModels] {
        let words = WordNumbers(beads, folds: beadFolds)
        let pairs = PairNumbers(words)
        let runs = max(folds, 1) * 2
        let models = ResultSlots<WordModel>(count: runs)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, runs))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for run in stride(from: worker, to: runs, by: workers) {
                let fold = folds == 0 ? nil : run / 2
                let direction: WordModel.Direction = run % 2 == 0 ? .forward : .reverse
                let include = words.beadFold.map { beadFold in fold == nil || beadFold < 0 || Int(beadFold) != fold }
                models.set(run, em(words, pairs, direction: direction, include: include))
            }
        }
        return (0..<max(folds, 1)).map { WordModels(forward: models.get(2 * $0), reverse: models.get(2 * $0 + 1)) }
    }

    /// IBM Model 1 by EM over the included beads: t(f|e) from uniform, the null word's t(f|∅) beside it.
    private static func em(_ words: WordNumbers, _ pairs: PairNumbers, direction: WordModel.Direction, include: [Bool]) -> WordModel {
        let forward = direction == .forward
        let fromCount = forward ? words.source.count : words.target.count
        let toCount = forward ? words.target.count : words.source.count
        let (fromWords, fromStart) = forward ? (words.sourceWords, words.sourceStart) : (words.targetWords, words.targetStart)
        let (toWords, toStart) = forward ? (words.targetWords, words.targetStart) : (words.sourceWords, words.sourceStart)
        let pairFrom = forward ? pairs.source : pairs.target
        var probability = [Float](repeating: 1, count: pairFrom.count)
        var nothing = [Float](repeating: 1 / Float(max(toCount, 1)), count: toCount)
        var counts = [Float](repeating: 0, count: pairFrom.count)
        var totals = [Float](repeating: 0, count: fromCount)
        var nothingCounts = [Float](repeating: 0, count: toCount)
        var column = [Float](repeating: 0, count: 256)
        // Per bead its pairs are source-major in `pairs.index` (pair of source word p and target
        // word q at `start + p * tn + q`) and target-major in `pairs.transposed`: each direction
        // reads its own source-major table.
        let table = forward ? pairs.index : pairs.transposed
        for _ in 0..<WordModel.rounds {
            for k in counts.indices { counts[k] = 0 }
            for k in totals.indices { totals[k] = 0 }
            for k in nothingCounts.indices { nothingCounts[k] = 0 }
            var nothingTotal: Float = 0
            // The E-step: each included bead's expected pair counts (through raw buffers: this loop is
            // the learning's whole cost).
            table.withUnsafeBufferPointer { table in
                probability.withUnsafeBufferPointer { probability in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for b in include.indices where include[b] {
                            let at = Int(pairs.start[b])
                            let (f0, fn) = (Int(fromStart[b]), Int(fromStart[b + 1] - fromStart[b]))
                            let (o0, on) = (Int(toStart[b]), Int(toStart[b + 1] - toStart[b]))
                            if column.count < on { column = [Float](repeating: 0, count: on) }
                            for q in 0..<on {
                                var z = nothing[Int(toWords[o0 + q])]
                                for p in 0..<fn { z += probability[Int(table[at + p * on + q])] }
                                column[q] = 1 / z
                            }
                            for p in 0..<fn {
                                var sum: Float = 0
                                let row = at + p * on
                                for q in 0..<on {
                                    let k = Int(table[row + q])
                                    let c = probability[k] * column[q]
                                    counts[k] += c
                                    sum += c
                                }
                                totals[Int(fromWords[f0 + p])] += sum
                            }
                            for q in 0..<on {
                                let f = Int(toWords[o0 + q])
                                let c = nothing[f] * column[q]
                                nothingCounts[f] += c
                                nothingTotal += c
                            }
                        }
                    }
                }
            }
            // The M-step.
            for k in probability.indices { probability[k] = counts[k] / max(totals[Int(pairFrom[k])], 1e-9) }
            for f in nothing.indices { nothing[f] = nothingCounts[f] / max(nothingTotal, 1e-9) }
        }
        // Chance: each target word's share of the included beads' target words.
        var share = [Float](repeating: 0, count: toCount)
        var total: Float = 0
        for b in include.indices where include[b] {
            for q in Int(toStart[b])..<Int(toStart[b + 1]) { share[Int(toWords[q])] += 1; total += 1 }
        }
        return WordModel(words, pairs, direction: direction, probability: probability, nothing: nothing, share: share, total: max(total, 1))
    }
}

/// The evidence's stems numbered per side, and per bead the numbers of the stems seen in at least
/// `WordModel.minimumCount` beads (flat, with starts), and the bead's fold (−1: every fold's).
private struct WordNumbers {
    var source: [UInt64] = [], target: [UInt64] = []
    var sourceWords: [Int32] = [], targetWords: [Int32] = []
    var sourceStart: [Int32] = [0], targetStart: [Int32] = [0]
    var beadFold: [Int8] = []

    init(_ beads: [(source: [UInt64], target: [UInt64])], folds: [Int?]) {
        var sourceTable = StemTable(capacity: beads.count * 16), targetTable = StemTable(capacity: beads.count * 16)
        for bead in beads {
            for w in bead.source { sourceTable.count(w) }
            for t in bead.target { targetTable.count(t) }
        }
        for (b, bead) in beads.enumerated() {
            let s0 = sourceWords.count, t0 = targetWords.count
            for w in bead.source { let n = sourceTable.number(w); if sourceTable.seen[Int(n)] >= WordModel.minimumCount { sourceWords.append(n) } }
            for t in bead.target { let n = targetTable.number(t); if targetTable.seen[Int(n)] >= WordModel.minimumCount { targetWords.append(n) } }
            // A bead with no kept word on a side teaches nothing.
            if sourceWords.count == s0 || targetWords.count == t0 {
                sourceWords.removeSubrange(s0...)
                targetWords.removeSubrange(t0...)
                continue
            }
            sourceStart.append(Int32(sourceWords.count))
            targetStart.append(Int32(targetWords.count))
            beadFold.append(Int8(folds[b] ?? -1))
        }
        source = sourceTable.stems
        target = targetTable.stems
    }
}

/// Every (source word, target word) pair that shares a bead, numbered once for all EM runs.
private struct PairNumbers {
    /// Per bead, where its pairs start in `index` (source-major) and `transposed` (target-major).
    var start: [Int32] = []
    var index: [Int32] = []
    var transposed: [Int32] = []
    /// Per pair number, its source and target word numbers.
    var source: [Int32] = [], target: [Int32] = []

    init(_ words: WordNumbers) {
        var table = StemTable(capacity: words.sourceWords.count * 8)
        index.reserveCapacity(words.sourceWords.count * 12)
        for b in 0..<words.beadFold.count {
            start.append(Int32(index.count))
            for p in Int(words.sourceStart[b])..<Int(words.sourceStart[b + 1]) {
                let e = words.sourceWords[p]
                for q in Int(words.targetStart[b])..<Int(words.targetStart[b + 1]) {
                    let f = words.targetWords[q]
                    let before = table.stems.count
                    let n = table.number(UInt64(UInt32(e)) << 32 | UInt64(UInt32(f)))
                    if table.stems.count > before { source.append(e); target.append(f) }
                    index.append(n)
                }
            }
        }
        transposed = index
        for b in 0..<words.beadFold.count {
            let at = Int(start[b])
            let sn = Int(words.sourceStart[b + 1] - words.sourceStart[b]), tn = Int(words.targetStart[b + 1] - words.targetStart[b])
            for p in 0..<sn { for q in 0..<tn { transposed[at + q * sn + p] = index[at + p * tn + q] } }
        }
    }
}
