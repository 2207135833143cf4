import Foundation
import Testing
@testable import WergerKit

@Suite("PairedLengths: a short article's length ratio drawn towards its batch's")
struct PairedLengthsTests {
    typealias S = Sample

    @Test("a document's ratio is drawn towards the batch's by the weight against its own 1-1 beads, once the batch has 150")
    func drawn() throws {
        let batch = PairedLengths(source: 100_000, target: 100_000, beads: 1_000)
        let half = try #require(batch.drawn(0.5, beads: 2, weight: 2))
        #expect(abs(half - 0.5.squareRoot()) < 1e-9)  // equal weights: the geometric mean of 0.5 and 1
        let long = try #require(batch.drawn(0.5, beads: 198, weight: 2))
        #expect(abs(long - exp(0.99 * log(0.5))) < 1e-9)  // an article's own 198 beads outweigh the batch
        #expect(batch.drawn(0.5, beads: 2, weight: 0) == nil)
        #expect(PairedLengths(source: 1_000, target: 1_000, beads: 149).drawn(0.5, beads: 2, weight: 2) == nil)
        #expect(PairedLengths(source: 10, target: 30, beads: 1) + PairedLengths(source: 20, target: 30, beads: 2)
                    == PairedLengths(source: 30, target: 60, beads: 3))
    }

    @Test("a memory's pairs are counted as the aligner counts: characters but spaces")
    func memoryPairs() {
        let lengths = PairedLengths(pairs: [("a b", "ئە ب"), ("c\u{00A0}d ", "دێ")])
        #expect(lengths == PairedLengths(source: 4, target: 5, beads: 2))
        #expect(PairedLengths(pairs: []).ratio == nil)
    }

    /// A short article whose translator left out its longest sentence: its own ratio (about half)
    /// fits each sentence to its neighbour's translation; the batch's (one to one) does not.
    @Test("a short article missing its longest sentence is aligned with the batch's ratio")
    func shortArticle() throws {
        let long = "The agency recorded 1,140 cases of acute diarrhea in the province in October alone, and the provincial council "
            + "will vote on an emergency tanker budget next week, while opposition lawmakers have asked for a full audit before "
            + "any new money is released and aid groups warn that the shortage falls hardest on the displaced families in the camps."
        let english = SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: [[S.s3], [S.s1, long, S.s4]])
        let sorani = SegmentedText(name: "ckb", language: try LanguageTag("ckb"), paragraphs: [[S.t3], [S.t1, S.t4]])
        let aligner = SentenceAligner()
        let draft = try aligner.draft(english, sorani)
        func beads(_ lengths: PairedLengths?) -> [String] {
            aligner.finish(draft, lexicon: nil, lengths: lengths).beads.map { "\($0.source.count)-\($0.target.count)@\($0.source.lowerBound)" }
        }
        let batch = PairedLengths(source: 100_000, target: 103_000, beads: 1_000)
        #expect(beads(batch) == ["1-1@0", "1-1@1", "1-0@2", "1-1@3"])
        #expect(beads(nil) == ["2-1@0", "2-2@2"])  // its own ratio: the headline glued to the first sentence
        // With no batch and no memory (`werger align A B` on a fresh machine), en–ckb's typical ratio mends it as well.
        #expect(beads(PairedLengths().withTypical(from: try LanguageTag("en"), to: try LanguageTag("ckb"))) == ["1-1@0", "1-1@1", "1-0@2", "1-1@3"])
    }

    @Test("the typical ratio of a pair of Werger's languages counts as a thousand beads beside a memory's or a batch's")
    func typical() throws {
        let en = try LanguageTag("en"), ckb = try LanguageTag("ckb"), kmr = try LanguageTag("kmr"), ar = try LanguageTag("ar")
        func ratio(_ lengths: PairedLengths) throws -> Double { try #require(lengths.ratio) }
        #expect(abs(try ratio(PairedLengths().withTypical(from: en, to: ckb)) - 1.03) < 1e-12)
        #expect(abs(try ratio(PairedLengths().withTypical(from: ckb, to: en)) - 1 / 1.03) < 1e-12)
        #expect(abs(try ratio(PairedLengths().withTypical(from: kmr, to: ar)) - 0.95 / 1.01) < 1e-12)
        #expect(abs(try ratio(PairedLengths().withTypical(from: en, to: try LanguageTag("ku-Arab"))) - 1.03) < 1e-12)  // Sorani by its script
        #expect(PairedLengths().withTypical(from: en, to: try LanguageTag("ar")).beads == 1_000)
        // Other language pairs: the memory's or batch's lengths alone (none: the document's own ratio).
        let memory = PairedLengths(source: 17_500, target: 19_600, beads: 175)
        #expect(memory.withTypical(from: en, to: try LanguageTag("de")) == memory)
        #expect(PairedLengths().withTypical(from: en, to: try LanguageTag("de")).ratio == nil)
        // A starter memory of 175 units at 1.12 moves en–ckb's 1.03 by a seventh of the way; 20,000 units outweigh it.
        #expect(abs(try ratio(memory.withTypical(from: en, to: ckb)) - (19_600 + 103_000) / 117_500) < 1e-12)
        let large = PairedLengths(source: 2_000_000, target: 2_240_000, beads: 20_000)
        #expect(try ratio(large.withTypical(from: en, to: ckb)) > 1.115)
    }

    /// A file of several articles whose translation lacks the first ones: the documents' ratio is
    /// half the translators', a 2-1 bead fits it exactly and costs less than a null bead, and every
    /// two English sentences become one bead with an Arabic one. The memory's ratio mends it.
    @Test("a translation that leaves out the first half of its source: 1-0 beads, then 1-1, with the memory's ratio")
    func firstHalfMissing() throws {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let names: [String] = (0..<60).map { (k: Int) -> String in "Q\(letters[k / 26])\(letters[k % 26])ova" }
        let english = SegmentedText(name: "en", language: try LanguageTag("en"),
                                    paragraphs: [names.map { "The council met \($0) again." }])
        let arabic = SegmentedText(name: "ar", language: try LanguageTag("ar"),
                                   paragraphs: [names.suffix(30).map { "التقى المجلس \($0) مجددا." }])
        let aligner = SentenceAligner()
        let draft = try aligner.draft(english, arabic)
        func kinds(_ lengths: PairedLengths?) -> [String] { aligner.finish(draft, lexicon: nil, lengths: lengths).beads.map(\.kind.rawValue) }
        #expect(kinds(nil) == Array(repeating: "2-1", count: 30))
        let memory = PairedLengths(source: 10_000, target: 9_000, beads: 200)
        #expect(kinds(memory) == Array(repeating: "1-0", count: 30) + Array(repeating: "1-1", count: 30))
        // So does en–ar's typical ratio, with no memory at all.
        let typical = PairedLengths().withTypical(from: try LanguageTag("en"), to: try LanguageTag("ar"))
        #expect(kinds(typical) == Array(repeating: "1-0", count: 30) + Array(repeating: "1-1", count: 30))
    }
}
