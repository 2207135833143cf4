import Foundation

/// How often a batch's translators re-cut two sentences as two others (a 2-2 bead), as the first
/// alignments of its documents show. Newsrooms differ: one re-cuts freely, another keeps the
/// source's sentences and only merges, splits or drops. The 2-2 prior was tuned where about one bead
/// in eighty is a re-cut (`AlignmentWeights.recutShare`); where the drafts show fewer, two 1-1
/// beads of similar lengths are likelier than a 2-2 and the prior rises with the log of the ratio
/// (an estimate of the bead kind's probability from the batch itself, as hunalign and Moore's
/// aligner estimate theirs). It never falls below the tuned prior: more 2-2 beads in the drafts
/// than that are as likely wrong 2-2 beads as re-cuts.
public struct RecutShare: Sendable, Equatable {
    public private(set) var beads = 0
    public private(set) var recuts = 0

    /// Below this many beads (about a dozen articles) a share is chance: the prior stays.
    static let minimumBeads = 300
    /// The most the prior rises (a share 4.5 times below the tuned one): a 2-2 prior near a null
    /// bead's plus a merge's (7) would turn a re-cut the lengths are unsure of into a 1-0 and a 1-2.
    static let largestRise: Float = 1.5

    public init() {}

    init(beads: Int, recuts: Int) {
        self.beads = beads
        self.recuts = recuts
    }

    /// Counts a first alignment's path: every move is a bead; a 2-2 holds two segments a side.
    init(_ path: [Move], _ s: Side, _ t: Side) {
        beads = path.count
        var i = 0, j = 0
        for move in path {
            if s.segments(i, move.a) == 2, t.segments(j, move.b) == 2 { recuts += 1 }
            i += move.a
            j += move.b
        }
    }

    public static func + (a: RecutShare, b: RecutShare) -> RecutShare {
        var sum = a
        sum.beads += b.beads
        sum.recuts += b.recuts
        return sum
    }

    /// The 2-2 prior for this share: `weights.mergeBoth`, raised by `2 ln(tuned share / share)` where
    /// the share is smaller (counted with a hundred beads at the tuned share, so a batch without a
    /// single 2-2 does not look infinitely sure). Twice the log, because the drafts' count holds
    /// their own wrong 2-2 beads too — a batch without re-cuts still shows about one in two hundred
    /// — which pulls the share towards the tuned one (seven draws with re-cuts and four without:
    /// once 96.454 / 97.533, twice 96.476 / 97.580, three times 96.449 / 97.580).
    public func mergeBoth(_ weights: AlignmentWeights) -> Float {
        guard beads >= Self.minimumBeads, weights.recutShare > 0 else { return weights.mergeBoth }
        let share = (Float(recuts) + 100 * weights.recutShare) / Float(beads + 100)
        return weights.mergeBoth + min(Self.largestRise, max(0, 2 * log(weights.recutShare / share)))
    }
}
