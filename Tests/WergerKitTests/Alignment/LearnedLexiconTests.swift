import Foundation
import Testing
@testable import WergerKit

/// The lexicon a batch learns from its own sure beads, and what it changes in an alignment.
@Suite("LearnedLexicon")
struct LearnedLexiconTests {
    private func stems(_ text: String) -> [UInt64] { LearnedLexicon.stems(of: text, length: 5) }

    @Test("stems fold case and Arabic letter variants, drop the article and cut suffixes")
    func stemFolds() {
        #expect(stems("Governments") == stems("government"))
        #expect(stems("Ewropayê") == stems("Ewropa"))              // the suffix is past the fifth letter
        #expect(stems("الحكومة") == stems("حكومة"))
        #expect(stems("كتاب") == stems("کتاب"))                  // Arabic kaf and Persian/Kurdish keheh
        #expect(stems("دەوڵەت\u{200C}ەکان") == stems("دەوڵەتەکان"))  // ZWNJ inside a word
        #expect(stems("2018 a") == [])                           // numbers and one-letter words are not stems
        #expect(stems("the the The").count == 1)
        #expect(stems("river bank") != stems("river"))
    }

    /// Beads in which `pairs[k].0` and `pairs[k].1` occur together, each `times` times, with a
    /// word found once on each side (chance company that must not be learned).
    private func evidence(_ pairs: [(String, String)], times: Int) -> [(source: [UInt64], target: [UInt64])] {
        var beads: [(source: [UInt64], target: [UInt64])] = []
        for (k, (source, target)) in pairs.enumerated() {
            for n in 0..<times {
                // Distinct within a stem's five letters: `ab…`, `ac…`.
                let once = String(UnicodeScalar(UInt8(97 + k))) + String(UnicodeScalar(UInt8(97 + n)))
                beads.append(((stems(source) + stems(once + "sword")).sorted(), (stems(target) + stems(once + "tword")).sorted()))
            }
        }
        return beads
    }

    @Test("a pair seen together in sure beads is learned; words seen once are not")
    func learnsRecurringPairs() {
        let lexicon = LearnedLexicon(beads: evidence([("doctors", "bijîşkan"), ("storm", "bahozê")], times: 3))
        #expect(lexicon.count == 2)
        #expect(lexicon.tokens(stems("doctors"), source: true) == lexicon.tokens(stems("bijîşkan"), source: false))
        #expect(lexicon.tokens(stems("doctors"), source: true) != lexicon.tokens(stems("bahozê"), source: false))
        #expect(lexicon.tokens(stems("aasword"), source: true).isEmpty)
    }

    @Test("competitive linking: a word pairs with its most faithful partner only")
    func competitiveLinking() {
        // `said` appears with `got` in every bead, with `wî` in most of them too.
        var beads = evidence([("said", "got")], times: 6)
        for k in 0..<5 { beads[k].target = (beads[k].target + stems("wî")).sorted() }
        let lexicon = LearnedLexicon(beads: beads)
        #expect(lexicon.tokens(stems("said"), source: true) == lexicon.tokens(stems("got"), source: false))
        #expect(lexicon.tokens(stems("wî"), source: false).isEmpty)
    }

    @Test("a small batch teaches nothing: fewer sure beads than the minimum give an empty lexicon")
    func minimumEvidence() throws {
        let source = SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: [[Sample.s1, Sample.s2]])
        let target = SegmentedText(name: "ckb", language: try LanguageTag("ckb"), paragraphs: [[Sample.t1, Sample.t2]])
        let draft = try SentenceAligner().draft(source, target)
        #expect(draft.evidence.count == 2)
        let weights = AlignmentWeights()
        #expect(LearnedLexicon(evidence: Array(repeating: draft.evidence, count: 10), weights: weights).isEmpty)
        #expect(LearnedLexicon(evidence: Array(repeating: draft.evidence, count: 49), weights: weights).isEmpty)
        // A batch's own drafts teach from 100 sure beads; a memory's pairs need 300.
        #expect(!LearnedLexicon(evidence: Array(repeating: draft.evidence, count: 50), weights: weights).isEmpty)
        let pair = (source: Sample.s1, target: Sample.t1), other = (source: Sample.s2, target: Sample.t2)
        let small = LexiconEvidence(pairs: Array(repeating: [pair, other], count: 87).flatMap { $0 }, weights: weights)
        #expect(small.count == 174)
        #expect(LearnedLexicon(evidence: [small], weights: weights).isEmpty)
        #expect(LearnedLexicon(evidence: [small] + Array(repeating: draft.evidence, count: 40), weights: weights).isEmpty)
        #expect(!LearnedLexicon(evidence: [small] + Array(repeating: draft.evidence, count: 63), weights: weights).isEmpty)
        let large = LexiconEvidence(pairs: Array(repeating: [pair, other], count: 150).flatMap { $0 }, weights: weights)
        #expect(!LearnedLexicon(evidence: [large], weights: weights).isEmpty)
    }

    @Test("with the lexicon, a dropped sentence among look-alikes comes out as a 1-0 in its place")
    func lexiconPlacesANullBead() throws {
        let learned = LearnedLexicon(beads: evidence(Sample.lookAlikeWords, times: 3))
        let aligner = SentenceAligner()
        let english = SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: Sample.lookAlikes)
        let kurmanji = SegmentedText(name: "kmr", language: try LanguageTag("kmr"), paragraphs: Sample.lookAlikesTranslated)
        let alignment = aligner.finish(try aligner.draft(english, kurmanji), lexicon: learned)
        #expect(alignment.beads.map(\.kind.rawValue) == ["1-1", "1-0", "1-1", "1-1"])
        #expect(alignment.beads[1].source == 1..<2)
        // Lengths alone cannot tell which sentence was dropped: without the lexicon the 1-0 lands last.
        #expect(try aligner.align(english, kurmanji).beads.map(\.kind.rawValue) == ["1-1", "1-1", "1-1", "1-0"])
    }
}
