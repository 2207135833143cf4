import Foundation
import Testing
@testable import WergerKit

/// The word translation model (IBM Model 1) `--learn-words` adds: what it learns, how it scores a
/// bead, that a document is never scored by a model that learned from it, and what it changes.
@Suite("WordModel")
struct WordModelTests {
    private func stems(_ text: String) -> [UInt64] { LearnedLexicon.stems(of: text, length: 5) }

    /// Sentence pairs built from word pairs: pair k with its two neighbours, so that every word
    /// shares beads with several others and only its translation follows it everywhere.
    private func pairs(_ words: [(String, String)], times: Int) -> [(source: String, target: String)] {
        var out: [(source: String, target: String)] = []
        for n in 0..<times {
            for k in words.indices {
                let picked = [words[k], words[(k + 1 + n) % words.count], words[(k + 3 + 2 * n) % words.count]]
                out.append((picked.map(\.0).joined(separator: " "), picked.map(\.1).joined(separator: " ")))
            }
        }
        return out
    }

    private let vocabulary = Sample.lookAlikeWords + [("teachers", "mamoste"), ("schools", "dibistan"), ("storm", "bahozê")]

    private func model(times: Int = 4) -> WordModels {
        let beads = pairs(vocabulary, times: times).map { (stems($0.source), stems($0.target)) }
        return WordModels.learn(beads, folds: Array(repeating: nil, count: beads.count), count: 0)[0]
    }

    /// IBM Model 1's gain as the model defines it, term by term: the reference the scorer is held to.
    private func reference(_ model: WordModel, _ sources: ArraySlice<WordModel.SourceUnit>, _ targets: ArraySlice<WordModel.TargetUnit>) -> Float {
        let perWord = 1 / Float(sources.reduce(1) { $0 + $1.words })
        var total: Float = 0
        for unit in targets {
            for f in unit.words {
                let mass = sources.reduce(Float(0)) { $0 + model.mass(of: f, in: $1) }
                total += model.term(f, mass: mass, perWord: perWord)
            }
        }
        return total
    }

    private func gain(_ model: WordModel, _ sources: [String], _ targets: [String]) -> Float {
        var scratch = [Float](repeating: 0, count: model.targetCount)
        let s = sources.map { model.sourceUnit(stems($0), scratch: &scratch) }
        return reference(model, s[...], targets.map { model.targetUnit(stems($0)) }[...])
    }

    @Test("a translation explains its words better than chance; another sentence does not")
    func translationGains() {
        let forward = model().forward
        #expect(gain(forward, ["doctors patients"], ["bijîşkan nexweş"]) > 1)
        #expect(gain(forward, ["doctors patients"], ["genim lehiyê"]) < 0)
        #expect(gain(forward, ["doctors patients"], ["bijîşkan nexweş"]) > gain(forward, ["doctors patients"], ["bijîşkan lehiyê"]))
    }

    @Test("a sentence glued to a bead it does not translate lowers the bead's gain, on either side")
    func gluedSentenceCosts() {
        let words = model()
        let alone = gain(words.forward, ["doctors patients tent"], ["bijîşkan nexweş kona"])
        #expect(gain(words.forward, ["doctors patients tent"], ["bijîşkan nexweş kona", "genim çem lehiyê"]) < alone)
        #expect(gain(words.forward, ["doctors patients tent", "wheat river flood"], ["bijîşkan nexweş kona"]) < alone)
        #expect(gain(words.reverse, ["bijîşkan nexweş kona"], ["doctors patients tent", "wheat river flood"])
            < gain(words.reverse, ["bijîşkan nexweş kona"], ["doctors patients tent"]))
    }

    @Test("the fast logarithm stays within 0.01 of the true one")
    func fastLogarithm() {
        for x: Float in [1e-6, 0.003, 0.5, 0.5001, 1, 1.7, 2, 3.3, 40, 1e5] {
            #expect(abs(WordModel.fastLog(x) - logf(x)) < 0.01, "log(\(x))")
        }
    }

    @Test("a batch document is scored by a model that never learned from its own beads")
    func foldsKeepDocumentsOut() throws {
        var weights = AlignmentWeights()
        weights.wordModel = AlignmentWeights.learnedWords
        // Two documents in different folds; only the first holds `zebra`/`zêbra`.
        let names = (0..<20).map { "article-\($0).txt" }
        let first = names[0]
        let second = try #require(names.first { LexiconEvidence.fold(of: $0) != LexiconEvidence.fold(of: first) })
        let common = pairs(vocabulary, times: 30).map { (stems($0.source), stems($0.target)) }
        let zebra = (0..<3).map { _ in (stems("zebra doctors"), stems("zêbra bijîşkan")) }
        let lexicon = LearnedLexicon(evidence: [LexiconEvidence(beads: common + zebra, document: first),
                                                LexiconEvidence(beads: common, document: second)], weights: weights)
        let own = try #require(lexicon.wordModel(for: first)), other = try #require(lexicon.wordModel(for: second))
        #expect(own.forward.targetUnit(stems("zêbra")).words.isEmpty)
        #expect(other.forward.targetUnit(stems("zêbra")).words.count == 1)
        #expect(own.forward.targetUnit(stems("bijîşkan")).words.count == 1)
        // A batch whose documents all fall in one fold: that fold's model learned nothing and scores
        // nothing, the others' still stand.
        let alone = LearnedLexicon(evidence: [LexiconEvidence(beads: common, document: first)], weights: weights)
        #expect(alone.wordModel(for: first) == nil)
        #expect(alone.wordModel(for: second)?.forward.targetUnit(stems("bijîşkan")).words.count == 1)
        // The fold follows the file name, not the folder: the same articles align the same anywhere.
        #expect(LexiconEvidence.fold(of: "/tmp/run-1/src/" + first) == LexiconEvidence.fold(of: first))
    }

    @Test("with the word model, a dropped sentence among look-alikes comes out as a 1-0 in its place")
    func wordModelPlacesANullBead() throws {
        // Without the lexicon's one-to-one pairs, what places the bead is the model.
        var weights = AlignmentWeights()
        weights.lexiconMatch = 0
        weights.wordModel = AlignmentWeights.learnedWords
        let evidence = LexiconEvidence(pairs: pairs(vocabulary, times: 30), weights: weights)
        let english = SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: Sample.lookAlikes)
        let kurmanji = SegmentedText(name: "kmr", language: try LanguageTag("kmr"), paragraphs: Sample.lookAlikesTranslated)
        func kinds(_ weights: AlignmentWeights) throws -> [String] {
            let aligner = SentenceAligner(options: AlignmentOptions(weights: weights))
            let lexicon = LearnedLexicon(evidence: [evidence], weights: weights)
            return aligner.finish(try aligner.draft(english, kurmanji), lexicon: lexicon).beads.map(\.kind.rawValue)
        }
        #expect(try kinds(weights) == ["1-1", "1-0", "1-1", "1-1"])
        var off = weights
        off.wordModel = 0
        let without = try kinds(off)
        #expect(without == ["1-1", "1-1", "1-1", "1-0"])
    }
}

extension WordModelTests {
    @Test("the scorer's kept masses give the model's own gain, near the path and away from it")
    func scoringMatchesModel() {
        let words = model()
        let source = ["doctors patients tent", "wheat river", "drivers bridges flood", "teachers schools"].map(stems)
        let target = ["bijîşkan nexweş kona", "genim çem", "ajokaran piran lehiyê", "mamoste dibistan"].map(stems)
        // A path of 1-1 beads: every unit pair within reach.
        let scoring = WordScoring(models: words, sourceStems: source, targetStems: target, path: Array(repeating: Move(a: 1, b: 1), count: 4))
        var scratch = [Float](repeating: 0, count: words.forward.targetCount)
        let s = source.map { words.forward.sourceUnit($0, scratch: &scratch) }, t = target.map(words.forward.targetUnit)
        var back = [Float](repeating: 0, count: words.reverse.targetCount)
        let rs = target.map { words.reverse.sourceUnit($0, scratch: &back) }, rt = source.map(words.reverse.targetUnit)
        for (i, a, j, b) in [(0, 1, 0, 1), (1, 2, 1, 1), (0, 2, 0, 2), (2, 1, 1, 3)] {
            let expected = reference(words.forward, s[i..<(i + a)], t[j..<(j + b)]) + reference(words.reverse, rs[j..<(j + b)], rt[i..<(i + a)])
            #expect(abs(scoring.gain(i, a, j, b) - expected) < 1e-3)
        }
        // Far from a path that runs elsewhere, the masses are looked up instead: the same gain.
        let skewed = WordScoring(models: words, sourceStems: source, targetStems: target,
                                 path: [Move(a: 4, b: 0), Move(a: 0, b: 4)])
        #expect(abs(skewed.gain(0, 1, 0, 1) - scoring.gain(0, 1, 0, 1)) < 1e-3)
    }
}
