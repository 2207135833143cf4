import Foundation
import Testing
@testable import WergerKit

@Suite("BeadShares: a batch's bead priors from its drafts")
struct BeadSharesTests {
    typealias S = Sample

    @Test("the prior rises where the drafts show few re-cuts, by at most 1.5, and never falls")
    func prior() {
        let weights = AlignmentWeights()
        // Too few beads to tell (a single pair, a few articles): the prior of a newsroom that seldom re-cuts.
        #expect(BeadShares(beads: 200, recuts: 0).mergeBoth(weights) == weights.mergeBoth + weights.uncountedRecutRise)
        #expect(BeadShares().priors(weights) == { var w = weights; w.mergeBoth += w.uncountedRecutRise; return w }())
        var counting = weights
        counting.recutShare = 0  // the batch's count off: the prior as given
        #expect(BeadShares().mergeBoth(counting) == weights.mergeBoth)
        #expect(BeadShares(beads: 1_000, recuts: 12).mergeBoth(weights) == weights.mergeBoth)
        #expect(BeadShares(beads: 1_000, recuts: 60).mergeBoth(weights) == weights.mergeBoth)
        let few = BeadShares(beads: 1_000, recuts: 8).mergeBoth(weights)
        #expect(few > weights.mergeBoth + 0.65 && few < weights.mergeBoth + 0.8)  // 2 ln(0.012 / 0.0084)
        #expect(BeadShares(beads: 100_000, recuts: 0).mergeBoth(weights) == weights.mergeBoth + 1.5)
        #expect(BeadShares(beads: 600, recuts: 1, edits: 90) + BeadShares(beads: 400, recuts: 2, edits: 50) == BeadShares(beads: 1_000, recuts: 3, edits: 140))
    }

    @Test("the null and merge priors fall where the drafts show more edits than the tuned share, rise where fewer, and hold near it")
    func editShift() {
        let weights = AlignmentWeights()
        #expect(BeadShares(beads: 200, recuts: 2, edits: 100).editShift(weights) == 0)  // too few beads to tell
        #expect(BeadShares(beads: 1_000, recuts: 12, edits: 146).editShift(weights) == 0)
        #expect(BeadShares(beads: 1_000, recuts: 12, edits: 130).editShift(weights) == 0)  // within the tolerance
        #expect(BeadShares(beads: 1_000, recuts: 12, edits: 170).editShift(weights) == 0)
        let more = BeadShares(beads: 1_000, recuts: 12, edits: 250).editShift(weights)
        #expect(more > 1.0 && more < 1.15)  // 3 (ln(0.241 / 0.146) − 0.15)
        #expect(BeadShares(beads: 1_000, recuts: 12, edits: 500).editShift(weights) == 1.5)
        let fewer = BeadShares(beads: 1_000, recuts: 12, edits: 60).editShift(weights)
        #expect(fewer < -0.5 && fewer > -0.65)  // ln(0.068 / 0.146) + 0.15
        #expect(BeadShares(beads: 100_000, recuts: 12, edits: 0).editShift(weights) == -1.5)
        // The batch's weights: the 2-2 prior from the re-cut share, the null and merge priors moved together.
        let busy = BeadShares(beads: 1_000, recuts: 4, edits: 250), moved = busy.priors(weights)
        #expect(moved.mergeBoth == busy.mergeBoth(weights) && moved.mergeBoth > weights.mergeBoth)
        #expect(moved.null == weights.null - busy.editShift(weights) && moved.merge == weights.merge - busy.editShift(weights))
        #expect(BeadShares(beads: 1_000, recuts: 12, edits: 146).priors(weights) == weights)
    }

    /// The sample's eight sentences, the third left out of the translation and the seventh out of
    /// the source: one bead's worth of length lost on each side, four sentences apart.
    @Test("a batch that often drops sentences finds one dropped on each side; one at the tuned share, or none, shifts the pairs between")
    func dropsOnBothSides() throws {
        var english = [S.s1, S.s2, S.s3, S.s4, S.s5, S.s6, S.s7, S.s8], sorani = [S.t1, S.t2, S.t3, S.t4, S.t5, S.t6, S.t7, S.t8]
        english.remove(at: 6)
        sorani.remove(at: 2)
        let aligner = SentenceAligner()
        let draft = try aligner.draft(SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: [english]),
                                      SegmentedText(name: "ckb", language: try LanguageTag("ckb"), paragraphs: [sorani]))
        func kinds(_ share: BeadShares?) -> [String] { aligner.finish(draft, lexicon: nil, shares: share).beads.map(\.kind.rawValue) }
        #expect(kinds(BeadShares(beads: 1_000, recuts: 12, edits: 146)) == ["1-1", "1-1", "1-1", "2-2", "1-1", "1-1"])
        #expect(kinds(nil) == Array(repeating: "1-1", count: 7))  // a single pair: the 2-2 prior higher, seven shifted pairs
        #expect(kinds(BeadShares(beads: 1_000, recuts: 12, edits: 300)) == ["1-1", "1-1", "1-0", "1-1", "1-1", "1-1", "0-1", "1-1"])
    }

    @Test("a first alignment counts its beads, its 2-2 beads and its merges, splits and drops")
    func counted() throws {
        let first = String(S.t1.dropLast()) + "، وەزارەتەکە گوتی پارەدان ڕاگیراوە، چونکە حکوومەتی هەرێمی کوردستان ژمێریاریی وردبینیکراوی دوو قۆناغی یەکەمی"
        let draft = try SentenceAligner().draft(
            SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: [[S.s3, S.s1, S.s2, S.s4]]),
            SegmentedText(name: "ckb", language: try LanguageTag("ckb"), paragraphs: [[S.t3, first, "پێشکەش نەکردووە.", S.t4]]))
        #expect(draft.beadShares == BeadShares(beads: 3, recuts: 1))
        // A merge and a drop are edits: the second and third sentences translated as one, the fourth left out.
        let merged = String(S.t2.dropLast()) + "، " + S.t3
        let edited = try SentenceAligner().draft(
            SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: [[S.s1], [S.s2, S.s3], [S.s4, S.s5], [S.s6]]),
            SegmentedText(name: "ckb", language: try LanguageTag("ckb"), paragraphs: [[S.t1], [merged], [S.t5], [S.t6]]))
        #expect(edited.beadShares == BeadShares(beads: 5, recuts: 0, edits: 2))
    }

    /// The sample's first four sentences, the last `count` words of the second Sorani sentence moved to
    /// the start of the third.
    static func recut(movingWords count: Int) throws -> (english: SegmentedText, sorani: SegmentedText) {
        let words = S.t2.dropLast().split(separator: " ")
        let second = words.dropLast(count).joined(separator: " ") + "."
        let third = words.suffix(count).joined(separator: " ") + " " + S.t3
        return (SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: [[S.s1, S.s2, S.s3, S.s4]]),
                SegmentedText(name: "ckb", language: try LanguageTag("ckb"), paragraphs: [[S.t1, second, third, S.t4]]))
    }

    /// Two words of the second Sorani sentence moved to the start of the third: with no batch to count
    /// its translators' re-cuts, a single pair is taken to come from a newsroom that seldom re-cuts.
    @Test("a single pair keeps two sentences two words off as two 1-1 beads; a batch at the tuned share re-cuts them")
    func singlePair() throws {
        let (english, sorani) = try Self.recut(movingWords: 2)
        let aligner = SentenceAligner()
        #expect(try aligner.align(english, sorani).beads.map(\.kind.rawValue) == ["1-1", "1-1", "1-1", "1-1"])
        let draft = try aligner.draft(english, sorani)
        #expect(aligner.finish(draft, lexicon: nil, shares: BeadShares(beads: 1_000, recuts: 12, edits: 146)).beads.map(\.kind.rawValue)
                    == ["1-1", "2-2", "1-1"])
        var options = AlignmentOptions()
        options.weights.uncountedRecutRise = 0
        #expect(try SentenceAligner(options: options).align(english, sorani).beads.map(\.kind.rawValue) == ["1-1", "2-2", "1-1"])
    }

    /// Three words of the second Sorani sentence moved to the start of the third: a re-cut, or two
    /// 1-1 beads a little off in length — which one the batch's habits decide.
    @Test("with no re-cuts in the batch, two sentences a little off in length stay two 1-1 beads")
    func borderline() throws {
        let (english, sorani) = try Self.recut(movingWords: 3)
        let aligner = SentenceAligner()
        let draft = try aligner.draft(english, sorani)
        func kinds(_ share: BeadShares?) -> [String] { aligner.finish(draft, lexicon: nil, shares: share).beads.map(\.kind.rawValue) }
        #expect(kinds(nil) == ["1-1", "2-2", "1-1"])
        #expect(kinds(BeadShares(beads: 1_000, recuts: 15, edits: 146)) == ["1-1", "2-2", "1-1"])
        #expect(kinds(BeadShares(beads: 5_000, recuts: 0, edits: 730)) == ["1-1", "1-1", "1-1", "1-1"])
        // The bead-kind tests' re-cut stays a 2-2 bead at the largest rise: the prior stays below a
        // null bead's and a merge's together, which would take it otherwise (a 1-0 and a 1-2 at 5.8).
        let first = String(S.t1.dropLast()) + "، وەزارەتەکە گوتی پارەدان ڕاگیراوە، چونکە حکوومەتی هەرێمی کوردستان ژمێریاریی وردبینیکراوی دوو قۆناغی یەکەمی"
        let recut = try aligner.draft(SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: [[S.s3, S.s1, S.s2, S.s4]]),
                                      SegmentedText(name: "ckb", language: try LanguageTag("ckb"), paragraphs: [[S.t3, first, "پێشکەش نەکردووە.", S.t4]]))
        #expect(aligner.finish(recut, lexicon: nil, shares: BeadShares(beads: 5_000, recuts: 0, edits: 730)).beads.map(\.kind.rawValue) == ["1-1", "2-2", "1-1"])
    }
}
