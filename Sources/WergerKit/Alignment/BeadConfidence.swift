import Foundation

/// A bead's confidence: the chance that it is right, as the development draws measured it.
///
/// What tells a wrong bead is how narrowly it won (`BeadScorer.margin`: how much dearer the cheapest
/// other alignment of its stretch is without it), not how well it fits on its own: a sentence the
/// translator added, glued to its neighbour's translation, makes a 1-2 bead whose lengths and anchors
/// fit well. Until the fourteenth session the confidence was the bead's own fit, and it ranked wrong
/// beads below right ones with an area under the curve of 0.69 (sixteen held-out draws, batch; 0.69
/// too for pairs aligned alone); the margin ranks them at 0.88 (0.90 alone). So the confidence is a
/// logistic regression of right against wrong on the margin and the bead's kind, fitted on the
/// development draws (dev seed 1 and dev seeds 1, 3, 5, 6 with re-cuts in batch, three of them also
/// pair by pair; a bead is right when its text is a gold link's, or one of the 1-1 beads that
/// together make a gold 1-1 link — an NTREX line of two sentences) and checked on the held-out draws,
/// where its beads at 0.7–0.8 were right 77% of the time, at 0.8–0.9 88%, at 0.9 or above 99.3%
/// (`Scripts/eval_confidence.py`, docs/alignment.md).
///
/// A bead pairing sentences of two texts that are not a translation of each other can still win
/// clearly against leaving them out; over a document, how many of its pairing beads share anchors
/// says whether it is a translation at all (`translation(anchors:)`).
enum BeadConfidence {
    /// The most a margin counts: a bead that won by more is as sure as one that won by this.
    static let largestMargin: Float = 10

    /// The fitted log-odds: intercept, per nat of margin, for a null bead, for a 1-1 bead, and per nat
    /// of a null bead's margin on top.
    static let intercept: Float = 0.11, perNat: Float = 1.04, null: Float = 0.77, oneToOne: Float = 0.38, perNatNull: Float = -0.48

    /// The chance that a bead of `source` against `target` segments that won by `margin` nats is right.
    static func of(margin: Float, source: Int, target: Int) -> Double {
        let margin = max(0, min(margin, largestMargin))
        var odds = intercept + perNat * margin
        if source == 0 || target == 0 { odds += null + perNatNull * margin }
        if source == 1 && target == 1 { odds += oneToOne }
        return Double(1 / (1 + expf(-odds)))
    }

    /// How much a document's beads are to be believed at all, from the anchors of its beads that
    /// pair sentences (each bead's anchor cost: rewards below zero): 1 for an article and its
    /// translation, near 0 for two articles that are not. Over two held-out draws' 246 document pairs
    /// (each alone), at least 38% of the pairing beads of every true pair were rewarded more than
    /// half a nat (the median pair 67–95% a language), and at most 40% of those of every article set
    /// against the next one's translation (the median pair none). `1 / (1 + e^(−20(share − 0.25)))`
    /// leaves a true pair's beads as their margin makes them (the lowest 0.92) and sends a mismatched
    /// pair's to review: 208 of the 232 mismatched pairs fell under 0.5, and 17 kept a bead at 0.9 or
    /// above (with three pairing beads as the least, 220 and 1). Fewer than six pairing beads say too
    /// little — a short article and its translation may share no name, number or mark, as the
    /// three-sentence Kurmanji one of `AlignCommandTests` does: 1.
    static func translation(anchors: [Float]) -> Double {
        guard anchors.count >= 6 else { return 1 }
        let rewarded = Float(anchors.filter { $0 < -0.5 }.count) / Float(anchors.count)
        return Double(1 / (1 + expf(-20 * (rewarded - 0.25))))
    }
}
