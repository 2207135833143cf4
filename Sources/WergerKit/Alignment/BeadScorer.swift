import Foundation

/// Where row `i` of `n` meets the diagonal of an `n`×`m` table: the column the banded dynamic program
/// centres its band on, and what a long pair's windows are measured from.
@inline(__always)
func diagonal(_ i: Int, _ n: Int, _ m: Int) -> Int { n == 0 ? 0 : Int((Double(i) * Double(m) / Double(n)).rounded()) }

/// A step of the best path: a bead of `a` source and `b` target units.
struct Move: Equatable {
    var a: Int
    var b: Int
    /// Up to four pieces a side, as long as they make at most two segments a side or one against three or four.
    static let all: [Move] = {
        var moves: [Move] = []
        for a in 0...4 { for b in 0...4 where a + b > 0 { moves.append(Move(a: a, b: b)) } }
        return moves.sorted { ($0.a + $0.b, $0.a) < ($1.a + $1.b, $1.a) }
    }()
}

/// Bead costs and the banded dynamic program.
struct BeadScorer {
    let s: Side
    let t: Side
    let ratio: Float
    let w: AlignmentWeights
    let known: Set<Int>
    /// The word model's view of the two sides, when a lexicon brought one.
    var words: WordScoring?
    /// Whether paragraph k of one side is paragraph k of the other (as many on both sides).
    let correspond: Bool
    private let matchWeight: [Float]
    /// Per class, what an anchor found on one side only costs: the source's, the target's.
    private let sourceMissWeight: [Float]
    private let targetMissWeight: [Float]
    /// Per side, prefix sums over units of their tokens' match weights: the anchors of a bead can
    /// take off at most the smaller of its two sides' sums (a miss only adds).
    private let sourceMatchPrefix: [Float]
    private let targetMatchPrefix: [Float]
    /// Per unit k and run length r (0...4, at `k * 5 + r`): the run's length in characters (the
    /// source's times the ratio) and the log of that plus 4 — the length cost's parts, computed
    /// once instead of for every move of every cell.
    private let sourceLength: [Float], sourceLog: [Float]
    private let targetLength: [Float], targetLog: [Float]
    private let doubt: DictionaryDoubt?

    init(s: Side, t: Side, ratio: Float, w: AlignmentWeights, known: Set<Int>) {
        doubt = DictionaryDoubt(s, t, weights: w)
        self.s = s
        self.t = t
        self.ratio = ratio
        self.w = w
        self.known = known
        correspond = Self.paragraphsCorrespond(s, t, ratio: ratio)
        matchWeight = [w.numberMatch, w.nameMatch, w.punctuationMatch, w.glossaryMatch, w.soundMatch, w.lexiconMatch, w.cognateMatch, w.dictionaryMatch]
        func miss(_ side: Side) -> [Float] {
            [w.numberMiss, w.nameMiss, w.punctuationMiss, w.glossaryMiss, side.soundMiss(w), w.lexiconMiss, 0, 0].map { max(0, $0) }
        }
        sourceMissWeight = miss(s)
        targetMissWeight = miss(t)
        let match = matchWeight.map { max(0, $0) }
        func prefix(_ side: Side) -> [Float] {
            var sums: [Float] = [0]
            sums.reserveCapacity(side.count + 1)
            for k in 0..<side.count {
                var sum = sums[k]
                for x in side.tokenStart[k]..<side.tokenStart[k + 1] { sum += match[Int(side.tokens[x] >> 60)] }
                sums.append(sum)
            }
            return sums
        }
        sourceMatchPrefix = prefix(s)
        targetMatchPrefix = prefix(t)
        func runs(_ side: Side, _ scale: Float) -> (lengths: [Float], logs: [Float]) {
            var lengths = [Float](repeating: 0, count: (side.count + 1) * 5), logs = lengths
            for k in 0...side.count {
                for r in 0...4 where k + r <= side.count {
                    let length = Float(side.prefix[k + r] - side.prefix[k]) * scale
                    lengths[k * 5 + r] = length
                    logs[k * 5 + r] = logf(length + 4)
                }
            }
            return (lengths, logs)
        }
        (sourceLength, sourceLog) = runs(s, ratio)
        (targetLength, targetLog) = runs(t, 1)
    }

    /// Whether paragraph k of the source is paragraph k of the target: as many on both sides, and
    /// each pair of paragraphs as long as the length ratio says, give or take `paragraphShift` of an
    /// average paragraph (a dropped or added sentence changes a paragraph's length by a sentence; a
    /// translator who merged two paragraphs and split another changes two by a paragraph). Paragraph
    /// by paragraph, not boundary by boundary: over a long document the boundaries drift apart by
    /// the ratio's small changes alone.
    /// Dev and held-out keep their figures from 0.75 up (0.5 loses 0.08 on held-out); articles whose
    /// paragraphs were merged and split to the same count (169 of the 246 dev articles) 42.44 → 94.06 at
    /// 0.75, 91.79 at 1.
    static let paragraphShift = 0.75

    static func paragraphsCorrespond(_ s: Side, _ t: Side, ratio: Float) -> Bool {
        let count = s.paragraphCount
        guard count == t.paragraphCount else { return false }
        guard count > 1 else { return true }
        func lengths(_ side: Side) -> [Double] {
            var found = [Double](repeating: 0, count: count)
            for k in 0..<side.count { found[Int(side.groups[k])] += side.prefix[k + 1] - side.prefix[k] }
            return found
        }
        let sourceLengths = lengths(s), targetLengths = lengths(t)
        let limit = paragraphShift * t.totalLength / Double(count)
        for (a, b) in zip(sourceLengths, targetLengths) where abs(b - Double(ratio) * a) > limit { return false }
        return true
    }

    /// The parts of a bead's cost: source units `i..<i+a`, target units `j..<j+b`.
    struct Parts {
        var prior: Float = 0
        var length: Float = 0
        var anchors: Float = 0
        var paragraph: Float = 0
        var cut: Float = 0
        var words: Float = 0
        var known = false
        var total: Float { prior + length + anchors + paragraph + cut + words }
    }

    @inline(__always)
    func cost(_ i: Int, _ a: Int, _ j: Int, _ b: Int, anchors: Bool = true) -> Float { parts(i, a, j, b, anchors: anchors).total }

    /// The anchor part alone (what `cost(…, anchors: false)` leaves out), but for the dictionary's
    /// doubt, which only adds: the dynamic program asks it only of a move that would be best.
    @inline(__always)
    func anchors(_ i: Int, _ a: Int, _ j: Int, _ b: Int) -> Float {
        if a == 0 || b == 0 { return 0 }
        let sa = s.segments(i, a), sb = t.segments(j, b)
        if !Self.allowed(sa, sb) { return 0 }
        var cost = anchorCost(i, a, j, b)
        if sa == 1, sb == 1, isKnown(i, a, j, b) { cost -= w.knownPair }
        if let words { cost -= w.wordModel * words.gain(i, a, j, b) }
        return cost
    }

    /// The most the anchors can take off a bead's cost.
    @inline(__always)
    func anchorBound(_ i: Int, _ a: Int, _ j: Int, _ b: Int) -> Float {
        if a == 0 || b == 0 { return 0 }
        let bound = min(sourceMatchPrefix[i + a] - sourceMatchPrefix[i], targetMatchPrefix[j + b] - targetMatchPrefix[j])
        return bound + (known.isEmpty ? 0 : w.knownPair) + (words.map { w.wordModel * $0.bound(i, a, j, b) } ?? 0) + 1e-3
    }

    @inline(__always)
    private func isKnown(_ i: Int, _ a: Int, _ j: Int, _ b: Int) -> Bool {
        !known.isEmpty && !s.soft[i] && !t.soft[j] && s.joined(i, a) == 0 && t.joined(j, b) == 0 && (i + a == s.count || !s.soft[i + a])
            && (j + b == t.count || !t.soft[j + b]) && known.contains(i * (t.count + 1) + j)
    }

    /// The bead shapes in segments: up to two a side, or one against three or four (a sentence the
    /// other side's segmenter cut twice, or a translator's cuts).
    @inline(__always)
    static func allowed(_ sa: Int, _ sb: Int) -> Bool { (sa <= 2 && sb <= 2) || (sa == 1 && sb >= 3) || (sa >= 3 && sb == 1) }

    @inline(__always)
    func parts(_ i: Int, _ a: Int, _ j: Int, _ b: Int, anchors: Bool = true) -> Parts {
        var p = Parts()
        let sa = s.segments(i, a), sb = t.segments(j, b)
        if !Self.allowed(sa, sb) {
            p.prior = .infinity
            return p
        }
        // A bead that starts inside a segment cuts it there. Cutting both sides at once is what a
        // sentence end the segmenter missed on both sides looks like (a quotation kept whole, when
        // the texts were cut with `QuotationPolicy.whole`; `werger align` cuts quotations itself):
        // it earns the finer alignment back.
        let sourceCut = a > 0 && i > 0 && s.soft[i], targetCut = b > 0 && j > 0 && t.soft[j]
        if sourceCut { p.cut += s.cutCost[i] }
        if targetCut { p.cut += t.cutCost[j] }
        if sourceCut && targetCut && s.pairable[i] && t.pairable[j] { p.cut -= w.cutBoth }
        let sourceJoin = s.joined(i, a), targetJoin = t.joined(j, b)
        p.cut += sourceJoin + targetJoin
        if sourceJoin > 0 && targetJoin > 0 { p.cut += w.joinBoth }
        if sa == 0 || sb == 0 {
            p.prior = sa + sb == 1 ? w.null : .infinity
            // With or without the anchors: the dynamic program's cheap cost of a null bead is its whole cost.
            if a > 0, !s.presence.isEmpty { for k in i..<(i + a) { p.anchors += s.presence[k] } }
            return p
        }
        p.prior = sa == 1 && sb == 1 ? 0 : (sa == 2 && sb == 2 ? w.mergeBoth : (sa == 3 || sb == 3 ? w.mergeThree : (sa == 4 || sb == 4 ? w.mergeFour : w.merge)))
        let ls = sourceLength[i &* 5 &+ a], lt = targetLength[j &* 5 &+ b]
        let x = targetLog[j &* 5 &+ b] - sourceLog[i &* 5 &+ a]
        let variance = w.lengthVariance + w.shortLengthVariance / (ls + lt + 1)
        p.length = x * x / (2 * variance)
        // With as many paragraphs on both sides, paragraph k is paragraph k: a bead stays in one. With
        // a different number (a translator merged or split paragraphs, dropped a headline), which
        // paragraph is which is not known, but a bead still stays within a paragraph of each side.
        let group = s.groups[i]
        if correspond {
            if s.groups[i + a - 1] != group || t.groups[j] != group || t.groups[j + b - 1] != group { p.paragraph = w.paragraph }
        } else if s.groups[i + a - 1] != group || t.groups[j] != t.groups[j + b - 1] {
            p.paragraph = w.paragraph
        }
        guard anchors else { return p }
        p.anchors = anchorCost(i, a, j, b)
        if let doubt { p.anchors += doubt.cost(i, a, j, b) }
        if sa == 1, sb == 1, isKnown(i, a, j, b) {
            p.known = true
            p.anchors -= w.knownPair
        }
        if let words { p.words = -w.wordModel * words.gain(i, a, j, b) }
        return p
    }

    /// Anchors found on both sides lower the cost; anchors found on one side only raise it. Each
    /// unit's tokens are sorted, so a bead of one unit a side is a merge walk; a bead of more units
    /// sorts its tokens into a small buffer first.
    @inline(__always)
    private func anchorCost(_ i: Int, _ a: Int, _ j: Int, _ b: Int) -> Float {
        let sr = s.tokenStart[i]..<s.tokenStart[i + a], tr = t.tokenStart[j]..<t.tokenStart[j + b]
        if sr.isEmpty && tr.isEmpty { return 0 }
        return s.tokens.withUnsafeBufferPointer { st in
            t.tokens.withUnsafeBufferPointer { tt in
                if a <= 1 && b <= 1 {
                    return mergeCost(UnsafeBufferPointer(rebasing: st[sr]), UnsafeBufferPointer(rebasing: tt[tr]))
                }
                return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * (sr.count + tr.count)) { buffer in
                    let scratch = UnsafeMutableBufferPointer(rebasing: buffer[(sr.count + tr.count)...])
                    let x = UnsafeMutableBufferPointer(rebasing: buffer[0..<sr.count])
                    let y = UnsafeMutableBufferPointer(rebasing: buffer[sr.count..<(sr.count + tr.count)])
                    Self.sortedRun(st, s.tokenStart[i...(i + a)], into: x, scratch: scratch)
                    Self.sortedRun(tt, t.tokenStart[j...(j + b)], into: y, scratch: scratch)
                    if a > 1 { Self.countMarksAcross(x) }
                    if b > 1 { Self.countMarksAcross(y) }
                    return mergeCost(UnsafeBufferPointer(x), UnsafeBufferPointer(y))
                }
            }
        }
    }

    /// Units' tokens, each unit's sorted (`starts` are the units' first tokens and the end), as one
    /// sorted run in `out`: a few dozen by an insertion sort of the whole, more merged a unit at a
    /// time, each merge linear (an Arabic sentence can hold a hundred sound keys and dictionary runs;
    /// merging every run cost the en–ckb long pair 4%).
    @inline(__always)
    private static func sortedRun(_ tokens: UnsafeBufferPointer<UInt64>, _ starts: ArraySlice<Int>, into out: UnsafeMutableBufferPointer<UInt64>,
                                  scratch: UnsafeMutableBufferPointer<UInt64>) {
        guard out.count > 48 else {
            var n = 0
            for k in starts.first!..<starts.last! { out[n] = tokens[k]; n += 1 }
            insertionSort(out)
            return
        }
        merge(tokens, starts, into: out, scratch: scratch)
    }

    /// A few dozen tokens at most: insertion sort beats the standard library's sort here.
    @inline(__always)
    private static func insertionSort(_ a: UnsafeMutableBufferPointer<UInt64>) {
        var k = 1
        while k < a.count {
            let v = a[k]
            var q = k - 1
            while q >= 0 && a[q] > v { a[q + 1] = a[q]; q -= 1 }
            a[q + 1] = v
            k += 1
        }
    }

    @inline(__always)
    private static func merge(_ tokens: UnsafeBufferPointer<UInt64>, _ starts: ArraySlice<Int>, into out: UnsafeMutableBufferPointer<UInt64>,
                              scratch: UnsafeMutableBufferPointer<UInt64>) {
        var count = 0
        for (start, end) in zip(starts, starts.dropFirst()) {
            if count == 0 {
                for k in start..<end { out[count] = tokens[k]; count += 1 }
                continue
            }
            var x = 0, y = start, n = 0
            while x < count && y < end {
                if out[x] <= tokens[y] { scratch[n] = out[x]; x += 1 } else { scratch[n] = tokens[y]; y += 1 }
                n += 1
            }
            while x < count { scratch[n] = out[x]; x += 1; n += 1 }
            while y < end { scratch[n] = tokens[y]; y += 1; n += 1 }
            for k in 0..<n { out[k] = scratch[k] }
            count = n
        }
    }

    /// A unit's punctuation tokens number its marks of a kind (its first question mark, its second,
    /// …), so that two marks match two; units sorted together hold each kind's numbers once per unit
    /// (two sentences with a question each: the first question mark twice). Numbered again across
    /// the units, two questions merged into one sentence match the two of the other side instead of
    /// one, and a merge is not charged for the marks it keeps.
    @inline(__always)
    static func countMarksAcross(_ a: UnsafeMutableBufferPointer<UInt64>) {
        var k = 0
        while k < a.count {
            let token = a[k]
            guard AnchorClass.of(token) == .punctuation else { k += 1; continue }
            let kind = token & ~0xFF
            var n: UInt64 = 0
            while k < a.count, a[k] & ~0xFF == kind {
                a[k] = kind | min(n, 0xFF)
                n += 1
                k += 1
            }
        }
    }

    /// Matches two sorted token lists, the source's and the target's, as multisets.
    @inline(__always)
    private func mergeCost(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>) -> Float {
        var cost: Float = 0
        var x = 0, y = 0
        while x < a.count && y < b.count {
            let u = a[x], v = b[y]
            if u == v {
                cost -= matchWeight[Int(u >> 60)]
                x += 1
                y += 1
            } else if u < v {
                cost += sourceMissWeight[Int(u >> 60)]
                x += 1
            } else {
                cost += targetMissWeight[Int(v >> 60)]
                y += 1
            }
        }
        while x < a.count { cost += sourceMissWeight[Int(a[x] >> 60)]; x += 1 }
        while y < b.count { cost += targetMissWeight[Int(b[y] >> 60)]; y += 1 }
        return cost
    }

    /// The cheapest sequence of beads from (0, 0) to (n, m), inside a band around the diagonal that
    /// widens until the path no longer touches its edge (the path is then the unbanded optimum in
    /// all but pathological cases, at a fraction of the n×m cost).
    /// With `previous` (a path of an earlier alignment of the same pair), the band follows that
    /// path instead of the diagonal: a second alignment moves few beads far.
    func bestPath(band initial: Int, around previous: [Move]? = nil) -> [Move] {
        let n = s.count, m = t.count
        var band = max(initial, previous == nil ? 4 : 1)
        while true {
            let (path, touched) = bandedPath(band: band, around: previous)
            // Two documents that are not translations of each other would widen the band to the
            // full table; past about 50 million cells (250 MB) the banded path is kept.
            if !touched || band >= max(n, m) || (n + 1) * (4 * band + 1) > 50_000_000 { return path }
            band *= 2
        }
    }

    /// `previous` plus the bead `move` from (pi, pj), when that is less than `best`; nil otherwise,
    /// often without its whole cost: the anchors can lower a bead's cost by at most their bound, so
    /// they are skipped when even that cannot beat `best`, and the dictionary's doubt, which only
    /// adds, is asked only of a move that would be best.
    @inline(__always)
    func improves(_ previous: Float, _ pi: Int, _ move: Move, _ pj: Int, _ best: Float) -> Float? {
        let cheap = previous + cost(pi, move.a, pj, move.b, anchors: false)
        if cheap - anchorBound(pi, move.a, pj, move.b) >= best { return nil }
        var total = cheap + anchors(pi, move.a, pj, move.b)
        if total < best, let doubt, move.a > 0, move.b > 0 { total += doubt.cost(pi, move.a, pj, move.b) }
        return total < best ? total : nil
    }

    func bandedPath(band: Int, around previous: [Move]?) -> (path: [Move], touchedEdge: Bool) {
        let moves = Move.all
        let n = s.count, m = t.count
        var lo = [Int](repeating: 0, count: n + 1), hi = lo, start = lo
        if let previous {
            // Each row's columns on the earlier path (a bead spanning rows covers its columns on each).
            for i in 0...n { lo[i] = m; hi[i] = 0 }
            var i = 0, j = 0
            lo[0] = 0
            for move in previous {
                for row in i...(i + move.a) { lo[row] = min(lo[row], j); hi[row] = max(hi[row], j + move.b) }
                i += move.a
                j += move.b
            }
        } else {
            for i in 0...n {
                lo[i] = diagonal(i, n, m)
                hi[i] = lo[i]
            }
        }
        var cells = 0
        for i in 0...n {
            lo[i] = max(0, lo[i] - band)
            hi[i] = min(m, hi[i] + band)
            start[i] = cells
            cells += hi[i] - lo[i] + 1
        }
        var cost = [Float](repeating: .infinity, count: cells)
        var back = [UInt8](repeating: 255, count: cells)
        cost[0] = 0
        for i in 0...n {
            for j in lo[i]...hi[i] {
                if i == 0 && j == 0 { continue }
                var best = Float.infinity
                var bestMove: UInt8 = 255
                for (k, move) in moves.enumerated() {
                    let pi = i - move.a, pj = j - move.b
                    guard pi >= 0, pj >= 0, pj >= lo[pi], pj <= hi[pi] else { continue }
                    let previous = cost[start[pi] + pj - lo[pi]]
                    if previous == .infinity { continue }
                    if let total = improves(previous, pi, move, pj, best) { best = total; bestMove = UInt8(k) }
                }
                cost[start[i] + j - lo[i]] = best
                back[start[i] + j - lo[i]] = bestMove
            }
        }
        var path: [Move] = []
        var i = n, j = m
        var touched = false
        while i > 0 || j > 0 {
            if (j == lo[i] && lo[i] > 0) || (j == hi[i] && hi[i] < m) { touched = true }
            let move = moves[Int(back[start[i] + j - lo[i]])]
            path.append(move)
            i -= move.a
            j -= move.b
        }
        return (path.reversed(), touched)
    }

    /// The path as beads over segments (pieces glued back, except where a bead starts inside a
    /// segment: `cuts` marks those pieces on each side), each bead with its confidence, and how much
    /// the two texts read as a translation (`Alignment.translationFit`).
    func beads(_ path: [Move]) -> (beads: [Bead], sourceCuts: [Bool], targetCuts: [Bool], translationFit: Double) {
        var starts: [(i: Int, j: Int)] = []
        var sourceCuts = [Bool](repeating: false, count: s.count), targetCuts = [Bool](repeating: false, count: t.count)
        var i = 0, j = 0
        for move in path {
            starts.append((i, j))
            if move.a > 0 { sourceCuts[i] = true }
            if move.b > 0 { targetCuts[j] = true }
            i += move.a
            j += move.b
        }
        // Each bead's margin, and what the anchors of the beads that pair sentences say: over a
        // document, whether the two texts are a translation at all.
        let parts = path.indices.map { self.parts(starts[$0].i, path[$0].a, starts[$0].j, path[$0].b) }
        let costs = parts.map(\.total)
        let margins = path.indices.map { margin($0, path, starts, costs) }
        let pairing = path.indices.filter { path[$0].a > 0 && path[$0].b > 0 }
        let translation = BeadConfidence.translation(anchors: pairing.map { parts[$0].anchors })
        // Segment numbers after the cuts: a piece starts a segment at a hard boundary or a cut.
        var sourceSegment = 0, targetSegment = 0
        var beads: [Bead] = []
        beads.reserveCapacity(path.count)
        for (k, move) in path.enumerated() {
            let (i, j) = starts[k]
            let sa = s.segments(i, move.a), sb = t.segments(j, move.b)
            let confidence = parts[k].known ? 0.99 : BeadConfidence.of(margin: margins[k], source: sa, target: sb) * translation
            beads.append(Bead(source: sourceSegment..<(sourceSegment + sa), target: targetSegment..<(targetSegment + sb),
                              confidence: (confidence * 100).rounded() / 100))
            sourceSegment += sa
            targetSegment += sb
        }
        return (beads, sourceCuts, targetCuts, translation)
    }

    /// The 1-1 beads of `path` sure enough to learn word pairs from, as their two sides' stems.
    func sureBeads(_ path: [Move], _ sourceStems: [[UInt64]], _ targetStems: [[UInt64]]) -> [(source: [UInt64], target: [UInt64])] {
        var sure: [(source: [UInt64], target: [UInt64])] = []
        var i = 0, j = 0
        for move in path {
            defer { i += move.a; j += move.b }
            guard move.a > 0, move.b > 0, s.segments(i, move.a) == 1, t.segments(j, move.b) == 1 else { continue }
            let p = parts(i, move.a, j, move.b)
            guard 3 - p.length - p.anchors - p.paragraph - p.cut >= w.lexiconSure else { continue }
            let source = move.a == 1 ? sourceStems[i] : Array(Set(sourceStems[i..<(i + move.a)].joined())).sorted()
            let target = move.b == 1 ? targetStems[j] : Array(Set(targetStems[j..<(j + move.b)].joined())).sorted()
            sure.append((source, target))
        }
        return sure
    }

    /// How much dearer, in nats, the cheapest other alignment of beads k-1...k+1's pieces is, one
    /// without bead k: a small dynamic program over that stretch alone, the path kept as it is
    /// elsewhere. A bead that only just beat splitting it, gluing it to a neighbour or leaving a
    /// sentence out has a small margin, whatever its own cost (`BeadConfidence`).
    func margin(_ k: Int, _ path: [Move], _ starts: [(i: Int, j: Int)], _ costs: [Float]) -> Float {
        let first = max(0, k - 1), last = min(path.count - 1, k + 1)
        let (i0, j0) = starts[first]
        let i1 = starts[last].i + path[last].a, j1 = starts[last].j + path[last].b
        let width = j1 - j0 + 1
        var current: Float = 0
        for x in first...last { current += costs[x] }
        var best = [Float](repeating: .infinity, count: (i1 - i0 + 1) * width)
        best[0] = 0
        // Bead k, or the same null bead in another order among its neighbours' (a 1-0 beside a 0-1
        // is the same alignment either way round).
        let (ki, kj) = starts[k], bead = path[k]
        func isBead(_ pi: Int, _ pj: Int, _ move: Move) -> Bool {
            move == bead && (bead.b == 0 ? pi == ki : bead.a == 0 ? pj == kj : pi == ki && pj == kj)
        }
        for i in i0...i1 {
            for j in j0...j1 where i > i0 || j > j0 {
                var cell = Float.infinity
                for move in Move.all {
                    let pi = i - move.a, pj = j - move.b
                    guard pi >= i0, pj >= j0, !isBead(pi, pj, move) else { continue }
                    let previous = best[(pi - i0) * width + pj - j0]
                    if previous < .infinity, let total = improves(previous, pi, move, pj, cell) { cell = total }
                }
                best[(i - i0) * width + j - j0] = cell
            }
        }
        // Leaving the stretch's sentences out is always an alternative, so the cheapest is finite; a
        // bead on the best path never loses to it but for rounding.
        let margin = best[best.count - 1] - current
        return margin.isFinite ? max(0, margin) : 0
    }
}
