import Foundation

/// How often a batch's translators re-cut, merge, split and drop sentences, as the first alignments
/// of its documents show. Newsrooms differ: one re-cuts freely, another keeps the source's sentences
/// and only merges, splits or drops now and then; a third rewrites as much as it translates. The
/// priors of the 2-2, 1-2/2-1 and null beads were tuned where the drafts show about one bead in
/// eighty a 2-2 (`AlignmentWeights.recutShare`) and one in seven a merge, split or drop
/// (`AlignmentWeights.editShare`); a batch whose drafts show other shares moves those priors by the
/// log of the ratio — an estimate of the bead kinds' probabilities from the batch itself, as hunalign
/// and Moore's aligner estimate theirs.
public struct BeadShares: Sendable, Equatable {
    public private(set) var beads = 0
    /// 2-2 beads: two segments a side.
    public private(set) var recuts = 0
    /// 1-2, 2-1, 1-0 and 0-1 beads: a translator's merge, split or drop.
    public private(set) var edits = 0

    /// Below this many beads (about a dozen articles) a share is chance: the priors stay.
    static let minimumBeads = 300
    /// The most the 2-2 prior rises (a share 4.5 times below the tuned one): a 2-2 prior near a null
    /// bead's plus a merge's (7) would turn a re-cut the lengths are unsure of into a 1-0 and a 1-2.
    static let largestRecutRise: Float = 1.5

    public init() {}

    init(beads: Int, recuts: Int, edits: Int = 0) {
        self.beads = beads
        self.recuts = recuts
        self.edits = edits
    }

    /// Counts a first alignment's path: every move is a bead, counted by its segments a side.
    init(_ path: [Move], _ s: Side, _ t: Side) {
        beads = path.count
        var i = 0, j = 0
        for move in path {
            let sa = s.segments(i, move.a), sb = t.segments(j, move.b)
            if sa == 2, sb == 2 { recuts += 1 }
            if sa + sb == 1 || (sa + sb == 3 && sa > 0 && sb > 0) { edits += 1 }
            i += move.a
            j += move.b
        }
    }

    public static func + (a: BeadShares, b: BeadShares) -> BeadShares {
        BeadShares(beads: a.beads + b.beads, recuts: a.recuts + b.recuts, edits: a.edits + b.edits)
    }

    /// The 2-2 prior for this share: `weights.mergeBoth`, raised by `2 ln(tuned share / share)` where
    /// the share is smaller (counted with a hundred beads at the tuned share, so a batch without a
    /// single 2-2 does not look infinitely sure). Twice the log, because the drafts' count holds
    /// their own wrong 2-2 beads too — a batch without re-cuts still shows about one in two hundred
    /// — which pulls the share towards the tuned one (seven draws with re-cuts and four without:
    /// once 96.454 / 97.533, twice 96.476 / 97.580, three times 96.449 / 97.580). It never falls
    /// below the tuned prior: more 2-2 beads in the drafts than that are as likely wrong 2-2 beads
    /// as re-cuts. Fewer than `minimumBeads` (a single pair, a few articles) tell nothing: the prior
    /// is `uncountedRecutRise` above the tuned one, a newsroom that seldom re-cuts (the tuned share is
    /// the development set's own invention, one re-cut in 35 links; the edits make none).
    public func mergeBoth(_ weights: AlignmentWeights) -> Float {
        guard weights.recutShare > 0 else { return weights.mergeBoth }
        guard beads >= Self.minimumBeads else { return weights.mergeBoth + max(0, weights.uncountedRecutRise) }
        let share = (Float(recuts) + 100 * weights.recutShare) / Float(beads + 100)
        return weights.mergeBoth + min(Self.largestRecutRise, max(0, 2 * log(weights.recutShare / share)))
    }

    /// How much lower the null and merge priors are for this batch (negative: higher). Within
    /// `editTolerance` of the tuned share in log (draws of the same documents and edits differ by
    /// that much) nothing moves; beyond it, `editSlope` (3) times the rest of the log where the batch
    /// edits more — the drafts under-count edits where they come close together, gluing a dropped
    /// sentence to its neighbour as a merge — and once the rest where it edits less (a dearer edit
    /// gains little there: +0.04 on draws with a third and two thirds of the usual edits).
    public func editShift(_ weights: AlignmentWeights) -> Float {
        guard beads >= Self.minimumBeads, weights.editShare > 0 else { return 0 }
        let share = (Float(edits) + 100 * weights.editShare) / Float(beads + 100)
        let excess = log(share / weights.editShare)
        let tolerance = weights.editTolerance
        if excess > tolerance { return min(weights.largestEditShift, weights.editSlope * (excess - tolerance)) }
        if excess < -tolerance { return max(-weights.largestEditShift, excess + tolerance) }
        return 0
    }

    /// `weights` with this batch's priors: the 2-2 prior from its re-cut share, the null and merge
    /// priors moved by its edit share.
    public func priors(_ weights: AlignmentWeights) -> AlignmentWeights {
        var moved = weights
        moved.mergeBoth = mergeBoth(weights)
        let shift = editShift(weights)
        moved.merge -= shift
        moved.null -= shift
        return moved
    }
}
