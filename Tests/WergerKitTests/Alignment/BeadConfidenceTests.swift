import Foundation
import Testing
@testable import WergerKit

@Suite("BeadConfidence: the chance that a bead is right")
struct BeadConfidenceTests {
    @Test("a bead that won by more is surer; at the same margin a 1-1 bead is surer than a merge, and a null bead's margin counts for less")
    func ordering() {
        let narrow = BeadConfidence.of(margin: 0, source: 1, target: 1), clear = BeadConfidence.of(margin: 5, source: 1, target: 1)
        #expect(narrow < 0.9 && clear > 0.99)
        #expect(BeadConfidence.of(margin: 2, source: 1, target: 2) < BeadConfidence.of(margin: 2, source: 1, target: 1))
        func logOdds(_ p: Double) -> Double { log(p / (1 - p)) }
        let nullSlope = logOdds(BeadConfidence.of(margin: 3, source: 1, target: 0)) - logOdds(BeadConfidence.of(margin: 1, source: 1, target: 0))
        let mergeSlope = logOdds(BeadConfidence.of(margin: 3, source: 2, target: 1)) - logOdds(BeadConfidence.of(margin: 1, source: 2, target: 1))
        #expect(nullSlope > 0 && nullSlope < mergeSlope)
        // Past the largest margin a bead is no surer; a margin below 0 (rounding) counts as 0.
        #expect(BeadConfidence.of(margin: 50, source: 1, target: 1) == BeadConfidence.of(margin: BeadConfidence.largestMargin, source: 1, target: 1))
        #expect(BeadConfidence.of(margin: -1e-6, source: 2, target: 1) == BeadConfidence.of(margin: 0, source: 2, target: 1))
    }

    /// A pairing bead's anchors: below zero where the two sides share numbers, names, marks, words.
    @Test("a document whose sentence pairs share anchors is believed, one whose pairs share almost none is not; under six pairing beads say nothing")
    func translation() {
        #expect(BeadConfidence.translation(anchors: [-3, -1.5, 0.4, -2, -0.8, 0.2]) > 0.99)
        #expect(BeadConfidence.translation(anchors: [0.5, 1.2, -0.7, 0.3, 0.9, 2]) < 0.25)
        #expect(BeadConfidence.translation(anchors: [1, 2, 0.5, 0.4, 3]) == 1)
    }

    /// A sentence the translator added, which the lengths alone glue to its neighbour's translation
    /// (the split doubt off): the 1-2 bead fits well on its own — its old confidence was 1.0 — but it
    /// only narrowly beat a 1-1 and a 0-1.
    @Test("a glued added sentence's bead is less sure than the clear 1-1 beads, and below the default threshold")
    func gluedBeadIsDoubtful() throws {
        let english = ["The farmers and the drivers planted wheat near the river and crossed the bridges on Monday.",
                       "Later the doctor treated the patient."]
        let arabic = ["زرع المزارعون والسائقون القمح قرب النهر وعبروا الجسور.", "وكان الطقس جيدا في ذلك اليوم.", "ولاحقا عالج الطبيب المريض."]
        var options = AlignmentOptions(weights: try AlignmentWeights(overrides: "dictionarySplitDoubt=0"))
        options.dictionary = try BilingualDictionaryTests.dictionary()
        let alignment = try SentenceAligner(options: options).align(
            SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: [english]),
            SegmentedText(name: "ar", language: try LanguageTag("ar"), paragraphs: [arabic]))
        let beads = alignment.beads
        #expect(beads.map(\.kind) == [.oneToTwo, .oneToOne])
        #expect(beads[0].confidence < 0.9 && beads[1].confidence >= 0.9 && beads[0].confidence < beads[1].confidence)
    }
}
