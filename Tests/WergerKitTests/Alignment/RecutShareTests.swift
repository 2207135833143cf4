import Foundation
import Testing
@testable import WergerKit

@Suite("RecutShare: a batch's 2-2 prior from its drafts")
struct RecutShareTests {
    typealias S = Sample

    @Test("the prior rises where the drafts show few re-cuts, by at most 1.5, and never falls")
    func prior() {
        let weights = AlignmentWeights()
        #expect(RecutShare(beads: 200, recuts: 0).mergeBoth(weights) == weights.mergeBoth)  // too few beads to tell
        #expect(RecutShare(beads: 1_000, recuts: 12).mergeBoth(weights) == weights.mergeBoth)
        #expect(RecutShare(beads: 1_000, recuts: 60).mergeBoth(weights) == weights.mergeBoth)
        let few = RecutShare(beads: 1_000, recuts: 8).mergeBoth(weights)
        #expect(few > weights.mergeBoth + 0.65 && few < weights.mergeBoth + 0.8)  // 2 ln(0.012 / 0.0084)
        #expect(RecutShare(beads: 100_000, recuts: 0).mergeBoth(weights) == weights.mergeBoth + 1.5)
        #expect(RecutShare(beads: 600, recuts: 1) + RecutShare(beads: 400, recuts: 2) == RecutShare(beads: 1_000, recuts: 3))
    }

    @Test("a first alignment counts its beads and its 2-2 beads")
    func counted() throws {
        let first = String(S.t1.dropLast()) + "، وەزارەتەکە گوتی پارەدان ڕاگیراوە، چونکە حکوومەتی هەرێمی کوردستان ژمێریاریی وردبینیکراوی دوو قۆناغی یەکەمی"
        let draft = try SentenceAligner().draft(
            SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: [[S.s3, S.s1, S.s2, S.s4]]),
            SegmentedText(name: "ckb", language: try LanguageTag("ckb"), paragraphs: [[S.t3, first, "پێشکەش نەکردووە.", S.t4]]))
        #expect(draft.recutShare == RecutShare(beads: 3, recuts: 1))
    }

    /// Three words of the second Sorani sentence moved to the start of the third: a re-cut, or two
    /// 1-1 beads a little off in length — which one the batch's habits decide.
    @Test("with no re-cuts in the batch, two sentences a little off in length stay two 1-1 beads")
    func borderline() throws {
        let words = S.t2.dropLast().split(separator: " ")
        let second = words.dropLast(3).joined(separator: " ") + "."
        let third = words.suffix(3).joined(separator: " ") + " " + S.t3
        let english = SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: [[S.s1, S.s2, S.s3, S.s4]])
        let sorani = SegmentedText(name: "ckb", language: try LanguageTag("ckb"), paragraphs: [[S.t1, second, third, S.t4]])
        let aligner = SentenceAligner()
        let draft = try aligner.draft(english, sorani)
        func kinds(_ share: RecutShare?) -> [String] { aligner.finish(draft, lexicon: nil, recuts: share).beads.map(\.kind.rawValue) }
        #expect(kinds(nil) == ["1-1", "2-2", "1-1"])
        #expect(kinds(RecutShare(beads: 1_000, recuts: 15)) == ["1-1", "2-2", "1-1"])
        #expect(kinds(RecutShare(beads: 5_000, recuts: 0)) == ["1-1", "1-1", "1-1", "1-1"])
        // The bead-kind tests' re-cut stays a 2-2 bead at the largest rise: the prior stays below a
        // null bead's and a merge's together, which would take it otherwise (a 1-0 and a 1-2 at 5.8).
        let first = String(S.t1.dropLast()) + "، وەزارەتەکە گوتی پارەدان ڕاگیراوە، چونکە حکوومەتی هەرێمی کوردستان ژمێریاریی وردبینیکراوی دوو قۆناغی یەکەمی"
        let recut = try aligner.draft(SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: [[S.s3, S.s1, S.s2, S.s4]]),
                                      SegmentedText(name: "ckb", language: try LanguageTag("ckb"), paragraphs: [[S.t3, first, "پێشکەش نەکردووە.", S.t4]]))
        #expect(aligner.finish(recut, lexicon: nil, recuts: RecutShare(beads: 5_000, recuts: 0)).beads.map(\.kind.rawValue) == ["1-1", "2-2", "1-1"])
    }
}
