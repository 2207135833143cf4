/// The word model over one document pair's units, for the scorer, in both directions. A bead's
/// gain sums, per target word, what each of its source units explains of it; those masses are
/// computed once per (source unit, target unit) near the first alignment's path — where the second
/// one searches — and looked up by binary search elsewhere; this is the gain's one implementation.
/// A class: the scorer holds it by one reference, which its closures copy cheaply (as a struct its
/// dozen arrays cost a batch 27% more CPU, model off).
final class WordScoring {
    struct Direction {
        let model: WordModel
        let sources: [WordModel.SourceUnit]
        let targets: [WordModel.TargetUnit]
        let boundPrefix: [Float]
        /// Per target unit: the source units whose masses are precomputed, and where they start in
        /// `masses` (one float per word of the target unit, per source unit of its window).
        let window: [Range<Int>]
        let massStart: [Int]
        let masses: [Float]

        init(model: WordModel, sourceStems: [[UInt64]], targetStems: [[UInt64]], window: [Range<Int>]) {
            self.model = model
            var scratch = [Float](repeating: 0, count: model.targetCount)
            sources = sourceStems.map { model.sourceUnit($0, scratch: &scratch) }
            targets = targetStems.map(model.targetUnit)
            var prefix: [Float] = [0]
            for unit in targets { prefix.append(prefix[prefix.count - 1] + model.bound(unit)) }
            boundPrefix = prefix
            self.window = window
            var starts: [Int] = [], masses: [Float] = []
            for (j, unit) in targets.enumerated() {
                starts.append(masses.count)
                for k in window[j] { for f in unit.words { masses.append(model.mass(of: f, in: sources[k])) } }
            }
            massStart = starts
            self.masses = masses
        }

        @inline(__always)
        func gain(_ i: Int, _ a: Int, _ j: Int, _ b: Int) -> Float {
            var words = 1
            for k in i..<(i + a) { words += sources[k].words }
            let perWord = 1 / Float(words)
            var total: Float = 0
            for jj in j..<(j + b) {
                let unit = targets[jj].words
                let n = unit.count
                if n == 0 { continue }
                let near = window[jj]
                for q in 0..<n {
                    var mass: Float = 0
                    for k in i..<(i + a) {
                        mass += near.contains(k) ? masses[massStart[jj] + (k - near.lowerBound) * n + q] : model.mass(of: unit[q], in: sources[k])
                    }
                    total += model.term(unit[q], mass: mass, perWord: perWord)
                }
            }
            return total
        }
    }
    let forward: Direction
    let reverse: Direction

    /// `path`: the first alignment's, around which the masses are precomputed.
    init(models: WordModels, sourceStems: [[UInt64]], targetStems: [[UInt64]], path: [Move]) {
        // Per unit of each side, the other side's units within reach of the path: its own span,
        // widened by the band (2) and a bead's largest side (4).
        let margin = 6
        var sourceReach = [(Int, Int)](repeating: (Int.max, Int.min), count: targetStems.count)
        var targetReach = [(Int, Int)](repeating: (Int.max, Int.min), count: sourceStems.count)
        var i = 0, j = 0
        for move in path {
            for jj in j...(j + move.b) where jj < targetStems.count { sourceReach[jj] = (min(sourceReach[jj].0, i), max(sourceReach[jj].1, i + move.a)) }
            for ii in i...(i + move.a) where ii < sourceStems.count { targetReach[ii] = (min(targetReach[ii].0, j), max(targetReach[ii].1, j + move.b)) }
            i += move.a
            j += move.b
        }
        func ranges(_ reach: [(Int, Int)], limit: Int) -> [Range<Int>] {
            reach.map { $0.0 > $0.1 ? 0..<0 : max(0, $0.0 - margin)..<min(limit, $0.1 + margin) }
        }
        forward = Direction(model: models.forward, sourceStems: sourceStems, targetStems: targetStems,
                            window: ranges(sourceReach, limit: sourceStems.count))
        reverse = Direction(model: models.reverse, sourceStems: targetStems, targetStems: sourceStems,
                            window: ranges(targetReach, limit: targetStems.count))
    }

    @inline(__always)
    func gain(_ i: Int, _ a: Int, _ j: Int, _ b: Int) -> Float {
        if a == 0 || b == 0 { return 0 }
        return forward.gain(i, a, j, b) + reverse.gain(j, b, i, a)
    }

    @inline(__always)
    func bound(_ i: Int, _ a: Int, _ j: Int, _ b: Int) -> Float {
        forward.boundPrefix[j + b] - forward.boundPrefix[j] + reverse.boundPrefix[i + a] - reverse.boundPrefix[i]
    }
}
