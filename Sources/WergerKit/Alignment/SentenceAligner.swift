import Foundation

/// How the aligner weighs its signals. Costs are in nats-like units: a bead's cost is its prior plus
/// its length cost plus its anchor evidence; the dynamic program finds the cheapest sequence of beads.
/// The defaults were tuned on the ntrex128 development set (docs/alignment.md).
public struct AlignmentWeights: Sendable, Equatable {
    /// Variance of the log length ratio of a bead's two sides, for long sentences…
    public var lengthVariance: Float = 0.017
    /// …plus this many characters over the bead's length, so short sentences may vary more.
    public var shortLengthVariance: Float = 2.8
    /// Prior cost of a 1-2 or 2-1 bead, of a 2-2 bead, of a null bead (1-0, 0-1); a 1-1 costs nothing.
    public var merge: Float = 3
    /// (2-2: mean link F1 over eight draws of the development and held-out sets 95.75 at 3.15, 95.87
    /// at 3.5, 95.88 at 3.8, 95.88 at 4.2, 95.75 at 5 — a lower prior turns two 1-1 beads of
    /// similar lengths into a 2-2 on length alone; `learningWords` keeps 3.15.)
    public var mergeBoth: Float = 3.8
    /// The share of a batch's beads that are 2-2 at which `mergeBoth` holds: where the drafts show
    /// fewer re-cuts, the 2-2 prior rises with the log of the ratio (`BeadShares.mergeBoth`).
    public var recutShare: Float = 0.012
    /// How much higher the 2-2 prior is where no batch counted its re-cuts (a single pair, a batch of
    /// fewer than 300 beads; `BeadShares.mergeBoth`).
    public var uncountedRecutRise: Float = 0.7
    public var null: Float = 4
    /// The share of a batch's beads that are merges, splits and drops (1-2, 2-1, 1-0, 0-1) at which
    /// `merge` and `null` hold; a batch whose drafts show more or fewer moves both
    /// (`BeadShares.editShift`), beyond `editTolerance` in log, by `editSlope` times the rest of the
    /// log where it edits more and at most by `largestEditShift`. (Five draws of the development
    /// documents at 0.05–0.40 edits a sentence: 95.738 with the tuned priors, slope 1 95.918, 2
    /// 96.178, 3 96.282, 4 96.252.)
    public var editShare: Float = 0.146
    public var editTolerance: Float = 0.15
    public var editSlope: Float = 3
    public var largestEditShift: Float = 1.5
    /// How many 1-1 beads at the batch's (or the memory's) length ratio a document's own ratio is
    /// drawn towards, against its own 1-1 beads (`PairedLengths.drawn`): a short article's ratio is
    /// moved far by one dropped sentence. (Eight draws 96.829 → 96.858 at 1, 96.909 at 2, 96.922 at
    /// 3, 96.885 at 8; four without re-cuts 97.847 → 97.922, 97.952, 97.940, 97.953.)
    public var ratioPrior: Float = 2
    /// Prior cost of a 1-3 or 3-1 bead.
    public var mergeThree: Float = 7
    /// Prior cost of a 1-4 or 4-1 bead (a sentence a translator gave as four; eight draws: 96.408
    /// without them, 96.434 at 8, 10 and 12).
    public var mergeFour: Float = 10
    /// Cost of a bead whose sides lie in paragraphs that do not correspond. Below a null pair's (8):
    /// a translator who moves a paragraph break by a sentence gets a 1-1 across it, not a 1-0 and a
    /// 0-1 (a quarter of the breaks moved: 90.16 at 12, 95.57 at 3.5; dev and held-out the same or
    /// better from 12 down to 3.5, 2.5 loses 0.07 and 0.1).
    public var paragraph: Float = 3.5
    /// Reward per anchor found on both sides, and cost per anchor found on one side only, by class:
    /// numbers, Latin names, punctuation, glossary terms.
    public var numberMatch: Float = 1.5
    public var numberMiss: Float = 0.8
    public var nameMatch: Float = 1.4
    public var nameMiss: Float = 0
    public var punctuationMatch: Float = 0.35
    public var punctuationMiss: Float = 0.8
    public var soundMatch: Float = 1.5
    /// Cost per sound key of a Latin-script name that the bead's Arabic-script side does not hold:
    /// the name was dropped with its sentence, or the sentence is not this one's translation.
    /// Arabic-script words have sound keys whether they are names or not, so theirs cost nothing
    /// on one side only. (Eleventh session: 4 draws without re-cuts 98.067 → 98.105, fresh held-out
    /// seeds 7–9 97.787 → 97.880, 8 draws 96.991 either way; 0.1 / 0.2: 98.067 / 98.125, 97.873 /
    /// 97.880, 96.993 / 96.981.)
    public var soundMiss: Float = 0.15
    public var glossaryMatch: Float = 2
    public var glossaryMiss: Float = 0.3
    /// Reward per learned word pair (`LearnedLexicon`: a batch's first alignment teaches it) found on
    /// both sides of a bead, and cost per one found on one side only; 0 turns the lexicon off.
    public var lexiconMatch: Float = 0.5
    /// (Eight draws: 95.88 at 0.2, 95.98 at 0.3, 96.04 at 0.4, 96.06 at 0.5 and 0.6, 95.87 at 0.8 —
    /// a sentence whose learned words find nothing on the other side is likely not its translation;
    /// `learningWords` keeps 0.2, where the word model weighs that already.)
    public var lexiconMiss: Float = 0.4
    /// The lexicon's letters per stem; beads a word pair must share, and its Dice at least; and how
    /// well a first-alignment 1-1 bead must fit on its own (`3 − length − anchors − paragraph − cut`,
    /// the log-odds of its confidence until the fourteenth session) to teach. (Also asking it to
    /// have won by a margin of 1, 2 or 3 nats, `BeadScorer.margin`: thirteen draws en–ckb 98.372 →
    /// 98.404, 98.312, 98.317; en–ar 97.872, 97.828, 97.804; en–kmr 97.766, 97.754, 97.636.)
    public var lexiconStem: Float = 5
    public var lexiconCount: Float = 2
    public var lexiconDice: Float = 0.6
    public var lexiconSure: Float = 2
    /// Reward per shared word beginning between two Latin-script sides (`AnchorTokenizer.cognates`).
    public var cognateMatch: Float = 0.5
    /// Reward per word and translation of a bilingual dictionary found in a bead's two sides
    /// (`BilingualDictionary`); nothing is charged for one found on one side only — most words of a
    /// sentence are not in it, or are translated otherwise.
    public var dictionaryMatch: Float = 0.3
    /// How much more the dictionary's and the word beginnings' rewards count where no lexicon was
    /// learned (`withoutLexicon`).
    public var unlearnedWordMatch: Float = 1.6
    /// Per source unit of a bead, the log-likelihood ratio of its dictionary hits in the bead's
    /// target, chance against translation, where chance is the likelier (`DictionaryDoubt`), times
    /// this: a sentence the translator dropped is a 1-0 bead, not glued to a neighbour whose
    /// translation holds one of its words by chance. It replaces a flat 3 for a unit with three
    /// dictionary tokens or more and no hit (thirteenth session, en–ar over thirteen draws without
    /// re-cuts: batch 97.700 → 97.792, each pair alone 97.157 → 97.336; seven with re-cuts and the
    /// busy draw 96.764 → 96.892 and 96.332 → 96.559; 0.4: 97.752 and 97.295, 0.5: 97.758 and 97.341).
    public var dictionaryDoubt: Float = 0.6
    /// The doubt's weight with a Latin-script dictionary (`BilingualDictionary.reversed`: en–kmr),
    /// whose keys are word beginnings, looser than the Arabic letter runs. Thirteenth session, en–kmr
    /// over thirteen draws without re-cuts, no dictionary → with it: batch 97.579 → 97.715, each pair
    /// alone 96.833 → 97.332 (0.2: 97.652 / 97.258; 0.3: 97.687 / 97.291; 0.5: 97.669 / 97.284; 0.6:
    /// 97.594 / 97.251). Not with `--learn-words`, as the Arabic doubt (its thirteen draws' en–kmr:
    /// 97.025 with no dictionary, 97.075 with the dictionary's reward alone, 96.965 with the doubt too).
    public var dictionaryDoubtLatin: Float = 0.4
    /// The shares of a unit's dictionary tokens (those the other document holds) that its
    /// translation holds (79% measured) and that another sentence holds by chance (13% for a
    /// neighbour, 18% for a dropped sentence's neighbour; 0.15 and 0.25 lose 0.003 to 0.03), and the
    /// most one unit's doubt counts, in nats (4: −0.02, alone −0.06; 9: the same).
    public var dictionaryTranslatedShare: Float = 0.75
    public var dictionaryChanceShare: Float = 0.2
    public var dictionaryDoubtCap: Float = 6
    /// Per target unit of a bead of several, the log-likelihood ratio of its share of the source's
    /// dictionary hits, chance (`dictionarySplitChance` of them) against its share of the bead's
    /// length, where chance is the likelier, times this (`DictionaryDoubt.splitDoubt`): a sentence
    /// the translator added is a 0-1 bead, not glued to its neighbour's translation. Only where the
    /// source has `dictionarySplitMinimum` hits or more in the bead. Thirteenth session, thirteen
    /// draws without re-cuts: en–ar batch 97.792 → 97.827, alone 97.336 → 97.408; en–kmr 97.715 →
    /// 97.766, alone 97.332 → 97.365; seven draws with re-cuts and the busy draw en–ar 96.892 →
    /// 96.973, en–kmr 96.741 → 96.822; five fresh draws en–ar 97.644 either way, en–kmr 97.062 →
    /// 97.152 (0.15 and 0.2: 97.809 and 97.809 en–ar batch; 0.6: 97.660; 1: 97.500; from three hits:
    /// 97.811).
    public var dictionarySplitDoubt: Float = 0.3
    public var dictionarySplitChance: Float = 0.15
    public var dictionarySplitMinimum: Float = 4
    /// Per source unit of a 1-0 bead, the log-likelihood ratio of how many of its dictionary tokens
    /// the target document holds (anywhere in an article; near the diagonal or path in a long pair,
    /// as `Side.dropUnmatchable` keeps them), translation against a dropped sentence, times this,
    /// capped at `dictionaryDoubtCap` either way (`Side.presence(of:kept:weights:)`). A dropped sentence's words
    /// are found in the translation by chance only, elsewhere: at `dictionaryPresenceChance` of the
    /// document's rate (measured over thirteen draws, en–ar: 36% of a dropped sentence's dictionary
    /// tokens against 55% of a translated one's). The doubt cannot tell this: it counts only the
    /// tokens the target holds somewhere, and a dropped sentence may have none left.
    public var dictionaryPresence: Float = 0.6
    public var dictionaryPresenceChance: Float = 0.66
    /// How much the word model's gain (`WordModel`: log-likelihood of a bead's target words given its
    /// source words against chance, in nats, both directions) takes off a bead's cost; 0 (the
    /// default: a batch runs at about a third of the speed with it) turns it off, `learnedWords` is what `--learn-words` sets.
    public var wordModel: Float = 0
    /// The word model's weight when it is on (mean link F1 over four draws of the development set:
    /// off 95.51, 0.15 → 96.12, 0.2 → 96.18, 0.25 → 96.20).
    public static let learnedWords: Float = 0.2

    /// The weights `werger align --learn-words` starts from: the word model on, and the 2-2 prior
    /// and the lexicon's miss cost where they were tuned with the model — its word evidence tells a
    /// re-cut pair from two 1-1 beads and a sentence from one that does not translate it, which the
    /// stricter settings stand in for without it (eight draws: 96.34 with these, 96.25 with a 2-2
    /// prior of 3.8, 96.28 with a miss cost of 0.4). Nor does it charge the dictionary's doubt (the
    /// model weighs words without a translation; with both, dev seed 1's en–ar 97.46 → 97.34 with the
    /// flat silence the doubt replaced; the doubt at 0.3 gives thirteen draws' en–ar 97.06 → 97.17,
    /// left for a change of `--learn-words` that measures all three pairs), nor a
    /// Latin name's sound missing across scripts (the model weighs a dropped sentence's words too;
    /// with both, eight draws 96.915 → 96.880, four without re-cuts 97.608 → 97.562).
    public static var learningWords: AlignmentWeights {
        var weights = AlignmentWeights()
        weights.wordModel = learnedWords
        weights.mergeBoth = 3.15
        weights.lexiconMiss = 0.2
        weights.dictionaryDoubt = 0
        weights.dictionaryDoubtLatin = 0
        weights.dictionarySplitDoubt = 0
        weights.soundMiss = 0
        return weights
    }

    /// These weights as they are without the word model: `--learn-words` with too little evidence
    /// for a model (a batch of a few articles, a single pair) aligns as without the option, not
    /// with the settings tuned to go with the model (batches of ten articles, held-out seed 2
    /// without re-cuts: 96.37 with them, 97.02 without; development seed 1 97.94 and 98.18).
    public var withoutWordModel: AlignmentWeights {
        guard wordModel > 0 else { return self }
        let plain = AlignmentWeights()
        var weights = self
        weights.wordModel = 0
        weights.mergeBoth = plain.mergeBoth
        weights.lexiconMiss = plain.lexiconMiss
        weights.dictionaryDoubt = plain.dictionaryDoubt
        weights.dictionaryDoubtLatin = plain.dictionaryDoubtLatin
        weights.dictionarySplitDoubt = plain.dictionarySplitDoubt
        weights.soundMiss = plain.soundMiss
        return weights
    }

    /// These weights where no lexicon was learned (a single pair, a batch of a few articles, a memory
    /// without enough pairs of the language pair): the dictionary's and the word beginnings' rewards
    /// at `unlearnedWordMatch` times theirs — the only word evidence left, worth more than beside the
    /// lexicon's pairs, which tell much of what they tell.
    public var withoutLexicon: AlignmentWeights {
        var weights = self
        weights.dictionaryMatch *= unlearnedWordMatch
        weights.cognateMatch *= unlearnedWordMatch
        return weights
    }

    /// Whether a batch learns from its drafts (a lexicon, a word model, or both).
    public var learns: Bool { lexiconMatch > 0 || wordModel > 0 }
    /// Reward for a 1-1 bead the memory already holds.
    public var knownPair: Float = 8
    /// Cost of cutting a segment at a soft boundary: after a likely abbreviation, before a word in
    /// lower case, elsewhere.
    public var cutAbbreviation: Float = 4
    public var cutLowercase: Float = 1
    public var cutAttribution: Float = 2.5
    public var cut: Float = 0.75
    /// Cost of holding two segments as one across a doubtful segmenter boundary. (Eight draws: 96.35
    /// at 1.5, 96.38 at 2.5 and 3, 96.22 at 4 — but 1-2 and 2-1 beads lose what 1-1 beads gain, and
    /// development seed 1 drops 97.12 → 97.08: kept at 1.5.)
    public var join: Float = 1.5
    /// …after a quoted question or exclamation (`PieceCutter.endsQuotedQuestion`), where the
    /// segmenter is more often right (eight draws: 96.15 not joinable, 96.19 at 1.5, 96.20 at 2 and
    /// 2.5, 96.17 at 3).
    public var joinQuotation: Float = 2.25
    /// Taken off when both sides are cut at the same place.
    public var cutBoth: Float = 5.5
    /// Added when one bead joins segments on both sides: both segmenters cut at the same place, and
    /// both wrong at once is rarer than the lengths of one bead against two make it look (`… also
    /// achieved an A. This demonstrates …` against `… على A. يبين هذا …`). Eight draws 96.720 →
    /// 96.757, four without re-cuts 97.705 → 97.763, the same from 0.5 to 6.
    public var joinBoth: Float = 2

    public init() {}

    /// `base` (the defaults unless given) with some weights changed by name: `"merge=2.5,null=3"`
    /// (for tuning on a dev set).
    public init(overrides: String, base: AlignmentWeights = AlignmentWeights()) throws(AlignmentWeightsError) {
        self = base
        let paths: [String: WritableKeyPath<AlignmentWeights, Float>] = [
            "lengthVariance": \.lengthVariance, "shortLengthVariance": \.shortLengthVariance, "merge": \.merge,
            "mergeBoth": \.mergeBoth, "recutShare": \.recutShare, "uncountedRecutRise": \.uncountedRecutRise, "editShare": \.editShare, "editTolerance": \.editTolerance, "editSlope": \.editSlope, "largestEditShift": \.largestEditShift, "mergeThree": \.mergeThree, "mergeFour": \.mergeFour, "null": \.null, "ratioPrior": \.ratioPrior, "paragraph": \.paragraph, "numberMatch": \.numberMatch,
            "numberMiss": \.numberMiss, "nameMatch": \.nameMatch, "nameMiss": \.nameMiss,
            "punctuationMatch": \.punctuationMatch, "punctuationMiss": \.punctuationMiss,
            "glossaryMatch": \.glossaryMatch, "lexiconMatch": \.lexiconMatch, "cognateMatch": \.cognateMatch, "dictionaryMatch": \.dictionaryMatch, "unlearnedWordMatch": \.unlearnedWordMatch, "dictionaryDoubt": \.dictionaryDoubt, "dictionaryDoubtLatin": \.dictionaryDoubtLatin, "dictionaryTranslatedShare": \.dictionaryTranslatedShare, "dictionaryChanceShare": \.dictionaryChanceShare, "dictionaryDoubtCap": \.dictionaryDoubtCap, "dictionarySplitDoubt": \.dictionarySplitDoubt, "dictionarySplitChance": \.dictionarySplitChance, "dictionarySplitMinimum": \.dictionarySplitMinimum, "dictionaryPresence": \.dictionaryPresence, "dictionaryPresenceChance": \.dictionaryPresenceChance, "wordModel": \.wordModel, "lexiconMiss": \.lexiconMiss,
            "lexiconStem": \.lexiconStem, "lexiconCount": \.lexiconCount, "lexiconDice": \.lexiconDice, "lexiconSure": \.lexiconSure, "soundMatch": \.soundMatch, "soundMiss": \.soundMiss, "glossaryMiss": \.glossaryMiss, "knownPair": \.knownPair,
            "cutAbbreviation": \.cutAbbreviation, "cutLowercase": \.cutLowercase, "cutAttribution": \.cutAttribution, "cut": \.cut, "cutBoth": \.cutBoth, "join": \.join, "joinBoth": \.joinBoth, "joinQuotation": \.joinQuotation,
        ]
        for item in overrides.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let path = paths[parts[0]], let value = Float(parts[1]) else {
                throw AlignmentWeightsError(item: String(item), names: paths.keys.sorted())
            }
            self[keyPath: path] = value
        }
    }
}

/// A `--weights` item that is not `name=number` with a known name.
public struct AlignmentWeightsError: Error, Sendable, CustomStringConvertible {
    public let item: String
    public let names: [String]
    public var description: String { "--weights: '\(item)' is not name=number; names: \(names.joined(separator: ", "))" }
}

/// What the aligner needs besides the two documents.
public struct AlignmentOptions: Sendable {
    public var weights = AlignmentWeights()
    /// Extra anchors: terms and their translations.
    public var glossary: Glossary?
    /// Weaker anchors: words and their dictionary translations.
    public var dictionary: BilingualDictionary?
    /// Half the width of the first band of the dynamic program (in segments); it doubles when the
    /// best path touches its edge.
    public var band = 32
    /// Past this ratio of the two sides' lengths (either way) the documents are refused.
    public var maximumLengthRatio = 5.0

    public init(weights: AlignmentWeights = AlignmentWeights(), glossary: Glossary? = nil, band: Int = 32) {
        self.weights = weights
        self.glossary = glossary
        self.band = band
    }
}

/// Two documents aligned: their segments and the beads that pair them.
public struct Alignment: Sendable {
    public let source: SegmentedText
    public let target: SegmentedText
    /// In document order; together they cover every segment of both sides once.
    public let beads: [Bead]
    /// Target characters per source character, estimated from the two documents.
    public let lengthRatio: Double
    /// How much the two texts read as a document and its translation, 0–1, from how many of their
    /// sentence pairs share anchors (`BeadConfidence.translation(anchors:)`): under 0.5, two texts
    /// that do not belong together. Every bead's confidence is scaled by it, but a pair the memory
    /// already holds (0.99).
    public var translationFit: Double = 1
}

/// Aligns a document and its translation into beads (1-1, 1-0, 0-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-4, 4-1) with one banded
/// dynamic program over segment lengths, paragraph boundaries, numbers, names, punctuation,
/// glossary terms and pairs the memory knows.
public struct SentenceAligner: Sendable {
    public var options: AlignmentOptions
    public var knownPairs: KnownPairSource?

    public init(options: AlignmentOptions = AlignmentOptions(), knownPairs: KnownPairSource? = nil) {
        self.options = options
        self.knownPairs = knownPairs
    }

    /// Aligns a document pair on its own: a first alignment, then a second one with the ratio over its
    /// 1-1 beads and the weights of a pair with no batch and no lexicon (`finish`). The documents'
    /// ratio alone: `werger align` also draws it towards the language pair's typical one
    /// (`PairedLengths.withTypical`).
    public func align(_ source: SegmentedText, _ target: SegmentedText) throws -> Alignment {
        finish(try draft(source, target, learning: false), lexicon: nil)
    }

    /// The first alignment of a document pair. A batch drafts many pairs, learns one lexicon from
    /// their sure beads (`LearnedLexicon(evidence:weights:)`) and finishes each pair with it.
    /// `learning`: whether the draft keeps what a lexicon needs (its stems and sure beads).
    public func draft(_ source: SegmentedText, _ target: SegmentedText, learning: Bool = true) throws -> AlignmentDraft {
        guard !source.segments.isEmpty else { throw AlignmentError.empty(document: source.name) }
        guard !target.segments.isEmpty else { throw AlignmentError.empty(document: target.name) }
        let sourcePieces = PieceCutter.pieces(of: source, weights: options.weights)
        let targetPieces = PieceCutter.pieces(of: target, weights: options.weights)
        let crossScript = source.language.usesArabicScript != target.language.usesArabicScript
        let cognates = !source.language.usesArabicScript && !target.language.usesArabicScript && options.weights.cognateMatch > 0
        let dictionary = options.weights.dictionaryMatch > 0 ? options.dictionary : nil
        var s = Side(sourcePieces, language: source.language, soundsLike: crossScript, cognates: cognates, glossary: options.glossary, side: \.sources,
                     dictionary: dictionary, dictionarySource: true)
        var t = Side(targetPieces, language: target.language, soundsLike: crossScript, cognates: cognates, glossary: options.glossary, side: \.targets,
                     dictionary: dictionary, dictionarySource: false)
        let ratio = t.totalLength / max(s.totalLength, 1)
        guard ratio <= options.maximumLengthRatio, ratio >= 1 / options.maximumLengthRatio else {
            throw AlignmentError.lengthMismatch(source: source.name, target: target.name, ratio: ratio)
        }
        let (allSource, allTarget) = (s, t)
        // The tokens that can match (near `path`, in a long pair aligned again), and what they say of a 1-0 bead.
        func keepMatchable(around path: [Move]?) {
            (s, t) = (allSource, allTarget)
            Side.dropUnmatchable(&s, &t, weights: options.weights, around: path)
            // Without a dictionary there is nothing to count (en–ckb): not every document's tokens walked twice for nothing.
            if dictionary != nil { s.presence = Side.presence(of: allSource, kept: s, weights: options.weights) }
        }
        keepMatchable(around: nil)
        let known = try knownCells(source, target, sourcePieces, targetPieces)
        var scorer = BeadScorer(s: s, t: t, ratio: Float(ratio), w: options.weights, known: known)
        // A long pair is aligned once in the first band; an article's band widens until its path
        // keeps off the edge (`bestPath`).
        let long = Side.windowed(s, t)
        var path: [Move]
        var touched = false
        if long { (path, touched) = scorer.bandedPath(band: options.band, around: nil) } else { path = scorer.bestPath(band: options.band) }
        // A long pair whose path strays from the diagonal (a translation that left out a stretch of
        // the source) would lose the free tokens held only beyond the reach, and one that ran to the
        // band's edge is not yet the best: aligned again with the free tokens the other side holds
        // near that path, in a band around it that widens where the new path reaches its edge.
        if long, touched || Self.drift(path, s.count, t.count) > Side.reach / 2 {
            keepMatchable(around: path)
            scorer = BeadScorer(s: s, t: t, ratio: Float(ratio), w: options.weights, known: known)
            path = scorer.bestPath(band: Self.realignBand, around: path)
        }
        var draft = AlignmentDraft(source: source, target: target, sourcePieces: sourcePieces, targetPieces: targetPieces,
                                   s: s, t: t, known: known, documentRatio: ratio, path: path)
        draft.pairedLengths = PairedLengths(path, s, t)
        draft.beadShares = BeadShares(path, s, t)
        if learning, options.weights.learns {
            let length = Int(options.weights.lexiconStem)
            draft.sourceStems = sourcePieces.map { LearnedLexicon.stems(of: $0.text, length: length) }
            draft.targetStems = targetPieces.map { LearnedLexicon.stems(of: $0.text, length: length) }
            draft.sureBeads = scorer.sureBeads(path, draft.sourceStems, draft.targetStems)
        }
        return draft
    }

    /// The alignment of a drafted pair: with the lexicon's word pairs as extra anchors (and its word
    /// model's gain, when `wordModel` is on), with the batch's priors (`shares`; none, or too few
    /// beads: those of a newsroom that seldom re-cuts), with the dictionary and word beginnings
    /// weighed more where no lexicon was learned (`AlignmentWeights.withoutLexicon`), or with the
    /// paired ratio — drawn towards `lengths`, the batch's or the memory's 1-1 beads — aligned again;
    /// otherwise (nothing of that changes the first alignment's weights) the draft's beads as they are.
    public func finish(_ draft: AlignmentDraft, lexicon: LearnedLexicon?, shares: BeadShares? = nil, lengths: PairedLengths? = nil) -> Alignment {
        var s = draft.s, t = draft.t
        var weights = options.weights
        // `--learn-words` with no model learned: aligned again as without the option.
        let unmodelled = !(lexicon?.hasWordModel ?? false) && weights.wordModel > 0
        if unmodelled { weights = weights.withoutWordModel }
        let learned = lexicon.map { !$0.isEmpty } ?? false && options.weights.learns && !draft.sourceStems.isEmpty
        var batchWeights = (shares ?? BeadShares()).priors(weights)
        if !learned { batchWeights = batchWeights.withoutLexicon }
        let reweighed = batchWeights != weights || unmodelled
        weights = batchWeights
        if learned, options.weights.lexiconMatch > 0, let lexicon {
            s.addTokens(draft.sourceStems.map { lexicon.tokens($0, source: true) })
            t.addTokens(draft.targetStems.map { lexicon.tokens($0, source: false) })
        }
        let own = draft.pairedRatio ?? draft.documentRatio
        let drawn = lengths?.drawn(own, beads: draft.pairedLengths.beads, weight: weights.ratioPrior)
        let ratio = drawn ?? own
        var scorer = BeadScorer(s: s, t: t, ratio: Float(ratio), w: weights, known: draft.known)
        if learned, options.weights.wordModel > 0, let model = lexicon?.wordModel(for: draft.source.name) {
            scorer.words = WordScoring(models: model, sourceStems: draft.sourceStems, targetStems: draft.targetStems, path: draft.path)
        }
        // The second alignment searches near the first one's path, widening where it runs to the edge;
        // a ratio within 2% of the one the first path was found with leaves it as it is.
        let moved = abs(ratio / draft.documentRatio - 1) > 0.02
        let path = learned || reweighed || moved ? scorer.bestPath(band: 2, around: draft.path) : draft.path
        let (beads, sourceCuts, targetCuts, fit) = scorer.beads(path)
        return Alignment(source: Self.resegmented(draft.source, draft.sourcePieces, cuts: sourceCuts),
                         target: Self.resegmented(draft.target, draft.targetPieces, cuts: targetCuts),
                         beads: beads, lengthRatio: draft.documentRatio, translationFit: fit)
    }

    /// The band around a long pair's first path in which it is aligned again: the new path keeps
    /// close to the first (NTREX's Arabic five times over, four lines a paragraph: the same beads at
    /// 4, 8, 16 and 32; 2.47, 2.55, 2.67 and 3.04 s), and the band widens where it does not.
    static let realignBand = 8

    /// How far, in units, a path strays from the diagonal at most.
    static func drift(_ path: [Move], _ n: Int, _ m: Int) -> Int {
        var i = 0, j = 0, most = 0
        for move in path {
            i += move.a
            j += move.b
            most = max(most, abs(j - diagonal(i, n, m)))
        }
        return most
    }

    /// The document's segments as the alignment used them: a soft boundary where a bead starts
    /// becomes a segment boundary, a doubtful one inside a bead is dropped.
    static func resegmented(_ text: SegmentedText, _ pieces: [Piece], cuts starts: [Bool]) -> SegmentedText {
        guard pieces.contains(where: { $0.soft || $0.joinable }) else { return text }
        var segments: [Segment] = []
        for (k, piece) in pieces.enumerated() {
            if k > 0, piece.soft || piece.joinable, !starts[k] {
                segments[segments.count - 1].range = segments[segments.count - 1].range.lowerBound..<piece.range.upperBound
            } else {
                segments.append(Segment(range: piece.range, paragraph: piece.paragraph))
            }
        }
        return text.resegmented(segments)
    }

    /// The (source, target) piece pairs that start two segments the memory knows as a pair, as
    /// `i * (m + 1) + j`.
    private func knownCells(_ source: SegmentedText, _ target: SegmentedText, _ sp: [Piece], _ tp: [Piece]) throws -> Set<Int> {
        guard let knownPairs else { return [] }
        // Compared with the stored matching forms, so folded as the store folds each language.
        let sourceLanguage = MatchingLanguage(source.language), targetLanguage = MatchingLanguage(target.language)
        let sourceForms = source.texts.map { MatchingForm.of($0, language: sourceLanguage) }
        let found = try knownPairs.knownTargets(forSources: Array(Set(sourceForms)))
        guard !found.isEmpty else { return [] }
        let sourceFirst = sp.indices.filter { !sp[$0].soft }, targetFirst = tp.indices.filter { !tp[$0].soft }
        var targetIndexes: [String: [Int]] = [:]
        for (j, text) in target.texts.enumerated() {
            targetIndexes[MatchingForm.of(text, language: targetLanguage), default: []].append(targetFirst[j])
        }
        var cells = Set<Int>()
        let width = tp.count + 1
        for (i, form) in sourceForms.enumerated() {
            guard let targets = found[form] else { continue }
            for form in targets { for j in targetIndexes[form] ?? [] { cells.insert(sourceFirst[i] * width + j) } }
        }
        return cells
    }
}

/// A document pair after its first alignment: everything the second one needs, and the sure beads
/// a lexicon learns from.
public struct AlignmentDraft: Sendable {
    let source: SegmentedText
    let target: SegmentedText
    let sourcePieces: [Piece]
    let targetPieces: [Piece]
    let s: Side
    let t: Side
    let known: Set<Int>
    /// Target characters per source character over the whole documents.
    let documentRatio: Double
    /// The first alignment's 1-1 beads' lengths (a glued orphan hides in the other beads), which the
    /// batch adds up.
    public internal(set) var pairedLengths = PairedLengths()
    /// The ratio over the first alignment's 1-1 beads, when it differs from the documents' by more
    /// than 2%: the documents' counts the sentences a translator dropped or added, this one does not,
    /// and the pair is aligned again with it.
    var pairedRatio: Double? {
        guard let paired = pairedLengths.ratio, abs(paired / documentRatio - 1) > 0.02 else { return nil }
        return paired
    }
    let path: [Move]
    /// The first alignment's beads by kind, which the batch adds up.
    public internal(set) var beadShares = BeadShares()
    var sourceStems: [[UInt64]] = []
    var targetStems: [[UInt64]] = []
    /// The first alignment's sure 1-1 beads, as their stems.
    var sureBeads: [(source: [UInt64], target: [UInt64])] = []

    /// What the draft teaches a batch's lexicon.
    public var evidence: LexiconEvidence { LexiconEvidence(beads: sureBeads, document: source.name) }
}

/// One side as the dynamic program sees it: per unit (a piece of a segment, or a paragraph) its
/// length, its anchor tokens (one contiguous run per unit in `tokens`), its paragraph group, and
/// whether the boundary before it is soft (inside a segment) and what cutting there costs.
struct Side {
    /// Length prefix sums: unit k has length `prefix[k + 1] - prefix[k]`, in non-space characters.
    var prefix: [Double]
    var tokenStart: [Int]
    var tokens: [UInt64]
    var groups: [Int32]
    var soft: [Bool]
    var cutCost: [Float]
    var pairable: [Bool]
    /// What holding the segments across doubtful segmenter boundaries costs, summed over the
    /// boundaries before units 1...k (0 where none is doubtful).
    var joins: [Float]
    /// Hard boundaries before units 1...k: a run of units i..<i+a holds `1 + hard[i+a-1] - hard[i]` segments.
    var hard: [Int32]
    /// Whether this side's sound keys are Latin-script names' (a few a sentence, each a name the
    /// other side should show) rather than every Arabic-script word's.
    var latinSounds: Bool
    /// Whether this side's dictionary tokens are a Latin-script dictionary's word beginnings.
    var latinDictionary: Bool
    /// Per source unit, what a 1-0 bead of it costs more (or less) for how many of its dictionary
    /// tokens the target document holds (`presence(of:kept:weights:)`); empty without an Arabic-script dictionary.
    var presence: [Float] = []

    /// What one of this side's sound keys costs where the other side of a bead does not hold it:
    /// `soundMiss` for a Latin name's, nothing for an Arabic-script word's (most are not names).
    func soundMiss(_ weights: AlignmentWeights) -> Float { latinSounds ? max(0, weights.soundMiss) : 0 }

    var count: Int { groups.count }
    var totalLength: Double { prefix.last ?? 0 }

    /// A unit's length as the length cost weighs it: its characters but spaces.
    static func length(of text: String) -> Double {
        var length = 0
        for scalar in text.unicodeScalars where !AnchorTokenizer.isSpace(scalar.value) { length += 1 }
        return Double(length)
    }
    var paragraphCount: Int { Int(groups.last ?? -1) + 1 }

    init(_ pieces: [Piece], language: LanguageTag, soundsLike: Bool, cognates: Bool = false, glossary: Glossary?, side: KeyPath<Glossary, [String]>,
         dictionary: BilingualDictionary? = nil, dictionarySource: Bool = true) {
        let tokenizer = AnchorTokenizer(arabicScript: language.usesArabicScript, soundsLike: soundsLike, cognates: cognates)
        latinSounds = soundsLike && !language.usesArabicScript
        latinDictionary = dictionary?.targetScript == .latin
        prefix = [0]
        prefix.reserveCapacity(pieces.count + 1)
        tokenStart = [0]
        tokens = []
        groups = []
        soft = []
        cutCost = []
        pairable = []
        hard = []
        joins = []
        var lastParagraph = Int.min
        var group: Int32 = -1
        var hardCount: Int32 = 0
        var joinCost: Float = 0
        for (k, piece) in pieces.enumerated() {
            prefix.append(prefix[k] + Self.length(of: piece.text))
            let terms = glossary.map { $0.terms(in: MatchingForm.of(piece.text), side: side) } ?? []
            if let dictionary {
                tokens += (tokenizer.tokens(of: piece.text, glossaryTerms: terms) + dictionary.tokens(of: piece.text, source: dictionarySource)).sorted()
            } else {
                tokens += tokenizer.tokens(of: piece.text, glossaryTerms: terms)
            }
            tokenStart.append(tokens.count)
            // Paragraph numbers as dense ranks: a paragraph without segments leaves no gap.
            if piece.paragraph != lastParagraph { group += 1; lastParagraph = piece.paragraph }
            groups.append(group)
            soft.append(piece.soft)
            cutCost.append(piece.cutCost)
            pairable.append(piece.pairable)
            if k > 0, !piece.soft, !piece.joinable { hardCount += 1 }
            if k > 0 { joinCost += piece.joinCost }
            hard.append(hardCount)
            joins.append(joinCost)
        }
    }

    /// Drops the tokens of free classes (names, sounds: nothing is charged for one found on one side
    /// only) that the other side never holds (in a long pair: not near them, `keeping(_:heldBy:near:)`):
    /// they can never match, so the costs are unchanged and the token lists the dynamic program walks
    /// are much shorter (every Arabic-script word has a sound key).
    ///
    /// With `path` (a long pair's first alignment), the reach is measured from that path instead of
    /// the diagonal.
    static func dropUnmatchable(_ s: inout Side, _ t: inout Side, weights: AlignmentWeights, around path: [Move]? = nil) {
        // The free classes as a bit mask, each side's free tokens as a sorted list (no hashing:
        // this runs on every token of every document).
        var free: UInt64 = 1 << AnchorClass.cognate.rawValue | 1 << AnchorClass.dictionary.rawValue
        if weights.nameMiss == 0 { free |= 1 << AnchorClass.name.rawValue }
        // Sound keys that cost nothing on one side only (`Side.soundMiss`) are free too.
        func isFree(_ side: Side) -> (UInt64) -> Bool {
            let mask = side.soundMiss(weights) > 0 ? free : free | 1 << AnchorClass.sound.rawValue
            return { token in mask & (1 << (token >> 60)) != 0 }
        }
        var sourcePlaces: [Int]?, targetPlaces: [Int]?
        if Self.windowed(s, t) {
            if let path {
                (sourcePlaces, targetPlaces) = Self.places(path, s.count, t.count)
            } else {
                sourcePlaces = (0...s.count).map { diagonal($0, s.count, t.count) }
                targetPlaces = (0...t.count).map { diagonal($0, t.count, s.count) }
            }
        }
        let (sourceKeep, targetKeep) = (s.keeping(isFree(s), heldBy: t, near: sourcePlaces), t.keeping(isFree(t), heldBy: s, near: targetPlaces))
        s.keepTokens(sourceKeep)
        t.keepTokens(targetKeep)
    }

    /// Each source unit's `presence`: the log-likelihood ratio, translation against a dropped
    /// sentence, of how many of its dictionary tokens the target document holds (those
    /// `dropUnmatchable` kept of `all`'s), weighted and capped. A translated sentence's tokens are
    /// held at the document's rate (all units' kept tokens over all their tokens), a dropped
    /// sentence's at `dictionaryPresenceChance` of it.
    ///
    /// Not with a Latin-script dictionary (en–kmr), whose word beginnings the target holds by chance
    /// too often: five fresh draws 97.152 → 97.044, the same for the target's units (97.090); nor for
    /// the target's Arabic letter runs (thirteen draws, en–ar: 97.827 → 97.786 at 0.3, 97.754 at 1).
    static func presence(of all: Side, kept: Side, weights w: AlignmentWeights) -> [Float] {
        guard w.dictionaryPresence > 0, !kept.latinDictionary else { return [] }
        func dictionaryTokens(_ side: Side, _ k: Int) -> Float {
            var n: Float = 0
            for x in side.tokenStart[k]..<side.tokenStart[k + 1] where AnchorClass.of(side.tokens[x]) == .dictionary { n += 1 }
            return n
        }
        let tokens = (0..<all.count).map { dictionaryTokens(all, $0) }
        let held = (0..<kept.count).map { dictionaryTokens(kept, $0) }
        let rate = held.reduce(0, +) / max(1, tokens.reduce(0, +))
        let chance = rate * w.dictionaryPresenceChance
        guard rate > 0, rate < 1, chance > 0, chance < 1 else { return [] }
        let hit = log(rate / chance), miss = log((1 - rate) / (1 - chance))
        return zip(tokens, held).map { tokens, held in
            max(-w.dictionaryDoubtCap, min(w.dictionaryDoubtCap, w.dictionaryPresence * (held * hit + (tokens - held) * miss)))
        }
    }

    /// How far from the diagonal, in units, a long pair's free tokens are looked for on the other side:
    /// twice the band the dynamic program starts with (`AlignmentOptions.band`, which doubles only
    /// where the path runs to its edge).
    static let reach = 64

    /// Which of this side's tokens to keep: every token of a class that is not free, and a free one
    /// the other side holds too — anywhere in an article; in a long pair (the articles of a year in one
    /// file a side), within `reach` units of this unit's place on the diagonal, where its beads lie.
    /// An en–ar pair of 6,390 lines otherwise kept nearly every Arabic letter run the dictionary has
    /// (some English word somewhere translates it): 278,000 target tokens against 151,000, the
    /// dynamic program 0.89 s against 0.56, the same beads. A path that runs to the band's edge or
    /// strays more than half the reach from the diagonal is aligned again with the free tokens near
    /// that path (`SentenceAligner.draft`; with every free token anywhere, as until the thirteenth
    /// session, NTREX's Arabic five times over, four lines a paragraph, took 4.7 s against 1.5).
    ///
    /// `places[k]` is unit k's place on the other side (and `places[count]` the end's): the diagonal,
    /// or a first alignment's path; nil keeps a free token wherever the other side holds it.
    func keeping(_ isFree: @escaping (UInt64) -> Bool, heldBy other: Side, near places: [Int]?) -> (Int, UInt64) -> Bool {
        guard let places else {
            let held = other.tokens.filter(isFree).sorted()
            return { _, token in !isFree(token) || held.sortedIndex(of: token) != nil }
        }
        // Per block of `reach` units, the other side's free tokens within `reach` of the block.
        var blocks: [[UInt64]] = []
        for start in stride(from: 0, to: count, by: Self.reach) {
            let end = min(start + Self.reach, count)
            let block = places[start...end]
            let low = max(0, block.min()! - Self.reach)
            let high = min(other.count, block.max()! + Self.reach)
            blocks.append(other.tokens[other.tokenStart[low]..<other.tokenStart[high]].filter(isFree).sorted())
        }
        return { k, token in !isFree(token) || blocks[k / Self.reach].sortedIndex(of: token) != nil }
    }

    /// Each unit's place on the other side along a path (a bead's units all at its start), for
    /// each side, with the end's place last.
    static func places(_ path: [Move], _ n: Int, _ m: Int) -> (source: [Int], target: [Int]) {
        var source = [Int](repeating: m, count: n + 1), target = [Int](repeating: n, count: m + 1)
        var i = 0, j = 0
        for move in path {
            for k in i..<(i + move.a) { source[k] = j }
            for l in j..<(j + move.b) { target[l] = i }
            i += move.a
            j += move.b
        }
        return (source, target)
    }

    /// Whether a pair is long enough to keep free tokens only near the diagonal (over 256 pieces).
    static func windowed(_ s: Side, _ t: Side) -> Bool { s.count + t.count > 4 * reach }

    mutating func keepTokens(_ keep: (Int, UInt64) -> Bool) {
        var kept: [UInt64] = []
        kept.reserveCapacity(tokens.count)
        var starts = [0]
        starts.reserveCapacity(tokenStart.count)
        for k in 0..<count {
            for x in tokenStart[k]..<tokenStart[k + 1] where keep(k, tokens[x]) { kept.append(tokens[x]) }
            starts.append(kept.count)
        }
        tokens = kept
        tokenStart = starts
    }

    /// Adds tokens to each unit (`extra[k]` to unit k), keeping each unit's run sorted.
    mutating func addTokens(_ extra: [[UInt64]]) {
        var merged: [UInt64] = []
        merged.reserveCapacity(tokens.count + extra.reduce(0) { $0 + $1.count })
        var starts = [0]
        starts.reserveCapacity(tokenStart.count)
        for k in 0..<count {
            let first = merged.count
            merged += tokens[tokenStart[k]..<tokenStart[k + 1]]
            merged += extra[k]
            if !extra[k].isEmpty { merged[first...].sort() }
            starts.append(merged.count)
        }
        tokens = merged
        tokenStart = starts
    }

    /// How many segments units `i..<i+a` hold (a cut at a soft boundary inside them is not made).
    @inline(__always)
    func segments(_ i: Int, _ a: Int) -> Int { a == 0 ? 0 : 1 + Int(hard[i + a - 1] - hard[i]) }

    /// What holding units `i..<i+a` in one bead costs across doubtful segmenter boundaries.
    @inline(__always)
    func joined(_ i: Int, _ a: Int) -> Float { a == 0 ? 0 : joins[i + a - 1] - joins[i] }
}

/// Where row `i` of `n` meets the diagonal of an `n`×`m` table: the column the banded dynamic program
/// centres its band on, and what a long pair's windows are measured from.
@inline(__always)
func diagonal(_ i: Int, _ n: Int, _ m: Int) -> Int { n == 0 ? 0 : Int((Double(i) * Double(m) / Double(n)).rounded()) }

/// A step of the best path: a bead of `a` source and `b` target units.
struct Move: Equatable {
    var a: Int
    var b: Int
    /// Up to four pieces a side, as long as they make at most two segments a side or one against three or four.
    static let all: [Move] = {
        var moves: [Move] = []
        for a in 0...4 { for b in 0...4 where a + b > 0 { moves.append(Move(a: a, b: b)) } }
        return moves.sorted { ($0.a + $0.b, $0.a) < ($1.a + $1.b, $1.a) }
    }()
}

/// Bead costs and the banded dynamic program.
struct BeadScorer {
    let s: Side
    let t: Side
    let ratio: Float
    let w: AlignmentWeights
    let known: Set<Int>
    /// The word model's view of the two sides, when a lexicon brought one.
    var words: WordScoring?
    /// Whether paragraph k of one side is paragraph k of the other (as many on both sides).
    let correspond: Bool
    private let matchWeight: [Float]
    /// Per class, what an anchor found on one side only costs: the source's, the target's.
    private let sourceMissWeight: [Float]
    private let targetMissWeight: [Float]
    /// Per side, prefix sums over units of their tokens' match weights: the anchors of a bead can
    /// take off at most the smaller of its two sides' sums (a miss only adds).
    private let sourceMatchPrefix: [Float]
    private let targetMatchPrefix: [Float]
    /// Per unit k and run length r (0...4, at `k * 5 + r`): the run's length in characters (the
    /// source's times the ratio) and the log of that plus 4 — the length cost's parts, computed
    /// once instead of for every move of every cell.
    private let sourceLength: [Float], sourceLog: [Float]
    private let targetLength: [Float], targetLog: [Float]
    private let doubt: DictionaryDoubt?

    init(s: Side, t: Side, ratio: Float, w: AlignmentWeights, known: Set<Int>) {
        doubt = DictionaryDoubt(s, t, weights: w)
        self.s = s
        self.t = t
        self.ratio = ratio
        self.w = w
        self.known = known
        correspond = Self.paragraphsCorrespond(s, t, ratio: ratio)
        matchWeight = [w.numberMatch, w.nameMatch, w.punctuationMatch, w.glossaryMatch, w.soundMatch, w.lexiconMatch, w.cognateMatch, w.dictionaryMatch]
        func miss(_ side: Side) -> [Float] {
            [w.numberMiss, w.nameMiss, w.punctuationMiss, w.glossaryMiss, side.soundMiss(w), w.lexiconMiss, 0, 0].map { max(0, $0) }
        }
        sourceMissWeight = miss(s)
        targetMissWeight = miss(t)
        let match = matchWeight.map { max(0, $0) }
        func prefix(_ side: Side) -> [Float] {
            var sums: [Float] = [0]
            sums.reserveCapacity(side.count + 1)
            for k in 0..<side.count {
                var sum = sums[k]
                for x in side.tokenStart[k]..<side.tokenStart[k + 1] { sum += match[Int(side.tokens[x] >> 60)] }
                sums.append(sum)
            }
            return sums
        }
        sourceMatchPrefix = prefix(s)
        targetMatchPrefix = prefix(t)
        func runs(_ side: Side, _ scale: Float) -> (lengths: [Float], logs: [Float]) {
            var lengths = [Float](repeating: 0, count: (side.count + 1) * 5), logs = lengths
            for k in 0...side.count {
                for r in 0...4 where k + r <= side.count {
                    let length = Float(side.prefix[k + r] - side.prefix[k]) * scale
                    lengths[k * 5 + r] = length
                    logs[k * 5 + r] = logf(length + 4)
                }
            }
            return (lengths, logs)
        }
        (sourceLength, sourceLog) = runs(s, ratio)
        (targetLength, targetLog) = runs(t, 1)
    }

    /// Whether paragraph k of the source is paragraph k of the target: as many on both sides, and
    /// each pair of paragraphs as long as the length ratio says, give or take `paragraphShift` of an
    /// average paragraph (a dropped or added sentence changes a paragraph's length by a sentence; a
    /// translator who merged two paragraphs and split another changes two by a paragraph). Paragraph
    /// by paragraph, not boundary by boundary: over a long document the boundaries drift apart by
    /// the ratio's small changes alone.
    /// Dev and held-out keep their figures from 0.75 up (0.5 loses 0.08 on held-out); articles whose
    /// paragraphs were merged and split to the same count (169 of the 246 dev articles) 42.44 → 94.06 at
    /// 0.75, 91.79 at 1.
    static let paragraphShift = 0.75

    static func paragraphsCorrespond(_ s: Side, _ t: Side, ratio: Float) -> Bool {
        let count = s.paragraphCount
        guard count == t.paragraphCount else { return false }
        guard count > 1 else { return true }
        func lengths(_ side: Side) -> [Double] {
            var found = [Double](repeating: 0, count: count)
            for k in 0..<side.count { found[Int(side.groups[k])] += side.prefix[k + 1] - side.prefix[k] }
            return found
        }
        let sourceLengths = lengths(s), targetLengths = lengths(t)
        let limit = paragraphShift * t.totalLength / Double(count)
        for (a, b) in zip(sourceLengths, targetLengths) where abs(b - Double(ratio) * a) > limit { return false }
        return true
    }

    /// The parts of a bead's cost: source units `i..<i+a`, target units `j..<j+b`.
    struct Parts {
        var prior: Float = 0
        var length: Float = 0
        var anchors: Float = 0
        var paragraph: Float = 0
        var cut: Float = 0
        var words: Float = 0
        var known = false
        var total: Float { prior + length + anchors + paragraph + cut + words }
    }

    @inline(__always)
    func cost(_ i: Int, _ a: Int, _ j: Int, _ b: Int, anchors: Bool = true) -> Float { parts(i, a, j, b, anchors: anchors).total }

    /// The anchor part alone (what `cost(…, anchors: false)` leaves out), but for the dictionary's
    /// doubt, which only adds: the dynamic program asks it only of a move that would be best.
    @inline(__always)
    func anchors(_ i: Int, _ a: Int, _ j: Int, _ b: Int) -> Float {
        if a == 0 || b == 0 { return 0 }
        let sa = s.segments(i, a), sb = t.segments(j, b)
        if !Self.allowed(sa, sb) { return 0 }
        var cost = anchorCost(i, a, j, b)
        if sa == 1, sb == 1, isKnown(i, a, j, b) { cost -= w.knownPair }
        if let words { cost -= w.wordModel * words.gain(i, a, j, b) }
        return cost
    }

    /// The most the anchors can take off a bead's cost.
    @inline(__always)
    func anchorBound(_ i: Int, _ a: Int, _ j: Int, _ b: Int) -> Float {
        if a == 0 || b == 0 { return 0 }
        let bound = min(sourceMatchPrefix[i + a] - sourceMatchPrefix[i], targetMatchPrefix[j + b] - targetMatchPrefix[j])
        return bound + (known.isEmpty ? 0 : w.knownPair) + (words.map { w.wordModel * $0.bound(i, a, j, b) } ?? 0) + 1e-3
    }

    @inline(__always)
    private func isKnown(_ i: Int, _ a: Int, _ j: Int, _ b: Int) -> Bool {
        !known.isEmpty && !s.soft[i] && !t.soft[j] && s.joined(i, a) == 0 && t.joined(j, b) == 0 && (i + a == s.count || !s.soft[i + a])
            && (j + b == t.count || !t.soft[j + b]) && known.contains(i * (t.count + 1) + j)
    }

    /// The bead shapes in segments: up to two a side, or one against three or four (a sentence the
    /// other side's segmenter cut twice, or a translator's cuts).
    @inline(__always)
    static func allowed(_ sa: Int, _ sb: Int) -> Bool { (sa <= 2 && sb <= 2) || (sa == 1 && sb >= 3) || (sa >= 3 && sb == 1) }

    @inline(__always)
    func parts(_ i: Int, _ a: Int, _ j: Int, _ b: Int, anchors: Bool = true) -> Parts {
        var p = Parts()
        let sa = s.segments(i, a), sb = t.segments(j, b)
        if !Self.allowed(sa, sb) {
            p.prior = .infinity
            return p
        }
        // A bead that starts inside a segment cuts it there. Cutting both sides at once is what a
        // sentence end the segmenter missed on both sides looks like (a quotation kept whole, when
        // the texts were cut with `QuotationPolicy.whole`; `werger align` cuts quotations itself):
        // it earns the finer alignment back.
        let sourceCut = a > 0 && i > 0 && s.soft[i], targetCut = b > 0 && j > 0 && t.soft[j]
        if sourceCut { p.cut += s.cutCost[i] }
        if targetCut { p.cut += t.cutCost[j] }
        if sourceCut && targetCut && s.pairable[i] && t.pairable[j] { p.cut -= w.cutBoth }
        let sourceJoin = s.joined(i, a), targetJoin = t.joined(j, b)
        p.cut += sourceJoin + targetJoin
        if sourceJoin > 0 && targetJoin > 0 { p.cut += w.joinBoth }
        if sa == 0 || sb == 0 {
            p.prior = sa + sb == 1 ? w.null : .infinity
            // With or without the anchors: the dynamic program's cheap cost of a null bead is its whole cost.
            if a > 0, !s.presence.isEmpty { for k in i..<(i + a) { p.anchors += s.presence[k] } }
            return p
        }
        p.prior = sa == 1 && sb == 1 ? 0 : (sa == 2 && sb == 2 ? w.mergeBoth : (sa == 3 || sb == 3 ? w.mergeThree : (sa == 4 || sb == 4 ? w.mergeFour : w.merge)))
        let ls = sourceLength[i &* 5 &+ a], lt = targetLength[j &* 5 &+ b]
        let x = targetLog[j &* 5 &+ b] - sourceLog[i &* 5 &+ a]
        let variance = w.lengthVariance + w.shortLengthVariance / (ls + lt + 1)
        p.length = x * x / (2 * variance)
        // With as many paragraphs on both sides, paragraph k is paragraph k: a bead stays in one. With
        // a different number (a translator merged or split paragraphs, dropped a headline), which
        // paragraph is which is not known, but a bead still stays within a paragraph of each side.
        let group = s.groups[i]
        if correspond {
            if s.groups[i + a - 1] != group || t.groups[j] != group || t.groups[j + b - 1] != group { p.paragraph = w.paragraph }
        } else if s.groups[i + a - 1] != group || t.groups[j] != t.groups[j + b - 1] {
            p.paragraph = w.paragraph
        }
        guard anchors else { return p }
        p.anchors = anchorCost(i, a, j, b)
        if let doubt { p.anchors += doubt.cost(i, a, j, b) }
        if sa == 1, sb == 1, isKnown(i, a, j, b) {
            p.known = true
            p.anchors -= w.knownPair
        }
        if let words { p.words = -w.wordModel * words.gain(i, a, j, b) }
        return p
    }

    /// Anchors found on both sides lower the cost; anchors found on one side only raise it. Each
    /// unit's tokens are sorted, so a bead of one unit a side is a merge walk; a bead of more units
    /// sorts its tokens into a small buffer first.
    @inline(__always)
    private func anchorCost(_ i: Int, _ a: Int, _ j: Int, _ b: Int) -> Float {
        let sr = s.tokenStart[i]..<s.tokenStart[i + a], tr = t.tokenStart[j]..<t.tokenStart[j + b]
        if sr.isEmpty && tr.isEmpty { return 0 }
        return s.tokens.withUnsafeBufferPointer { st in
            t.tokens.withUnsafeBufferPointer { tt in
                if a <= 1 && b <= 1 {
                    return mergeCost(UnsafeBufferPointer(rebasing: st[sr]), UnsafeBufferPointer(rebasing: tt[tr]))
                }
                return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * (sr.count + tr.count)) { buffer in
                    let scratch = UnsafeMutableBufferPointer(rebasing: buffer[(sr.count + tr.count)...])
                    let x = UnsafeMutableBufferPointer(rebasing: buffer[0..<sr.count])
                    let y = UnsafeMutableBufferPointer(rebasing: buffer[sr.count..<(sr.count + tr.count)])
                    Self.sortedRun(st, s.tokenStart[i...(i + a)], into: x, scratch: scratch)
                    Self.sortedRun(tt, t.tokenStart[j...(j + b)], into: y, scratch: scratch)
                    if a > 1 { Self.countMarksAcross(x) }
                    if b > 1 { Self.countMarksAcross(y) }
                    return mergeCost(UnsafeBufferPointer(x), UnsafeBufferPointer(y))
                }
            }
        }
    }

    /// Units' tokens, each unit's sorted (`starts` are the units' first tokens and the end), as one
    /// sorted run in `out`: a few dozen by an insertion sort of the whole, more merged a unit at a
    /// time, each merge linear (an Arabic sentence can hold a hundred sound keys and dictionary runs;
    /// merging every run cost the en–ckb long pair 4%).
    @inline(__always)
    private static func sortedRun(_ tokens: UnsafeBufferPointer<UInt64>, _ starts: ArraySlice<Int>, into out: UnsafeMutableBufferPointer<UInt64>,
                                  scratch: UnsafeMutableBufferPointer<UInt64>) {
        guard out.count > 48 else {
            var n = 0
            for k in starts.first!..<starts.last! { out[n] = tokens[k]; n += 1 }
            insertionSort(out)
            return
        }
        merge(tokens, starts, into: out, scratch: scratch)
    }

    /// A few dozen tokens at most: insertion sort beats the standard library's sort here.
    @inline(__always)
    private static func insertionSort(_ a: UnsafeMutableBufferPointer<UInt64>) {
        var k = 1
        while k < a.count {
            let v = a[k]
            var q = k - 1
            while q >= 0 && a[q] > v { a[q + 1] = a[q]; q -= 1 }
            a[q + 1] = v
            k += 1
        }
    }

    @inline(__always)
    private static func merge(_ tokens: UnsafeBufferPointer<UInt64>, _ starts: ArraySlice<Int>, into out: UnsafeMutableBufferPointer<UInt64>,
                              scratch: UnsafeMutableBufferPointer<UInt64>) {
        var count = 0
        for (start, end) in zip(starts, starts.dropFirst()) {
            if count == 0 {
                for k in start..<end { out[count] = tokens[k]; count += 1 }
                continue
            }
            var x = 0, y = start, n = 0
            while x < count && y < end {
                if out[x] <= tokens[y] { scratch[n] = out[x]; x += 1 } else { scratch[n] = tokens[y]; y += 1 }
                n += 1
            }
            while x < count { scratch[n] = out[x]; x += 1; n += 1 }
            while y < end { scratch[n] = tokens[y]; y += 1; n += 1 }
            for k in 0..<n { out[k] = scratch[k] }
            count = n
        }
    }

    /// A unit's punctuation tokens number its marks of a kind (its first question mark, its second,
    /// …), so that two marks match two; units sorted together hold each kind's numbers once per unit
    /// (two sentences with a question each: the first question mark twice). Numbered again across
    /// the units, two questions merged into one sentence match the two of the other side instead of
    /// one, and a merge is not charged for the marks it keeps.
    @inline(__always)
    static func countMarksAcross(_ a: UnsafeMutableBufferPointer<UInt64>) {
        var k = 0
        while k < a.count {
            let token = a[k]
            guard AnchorClass.of(token) == .punctuation else { k += 1; continue }
            let kind = token & ~0xFF
            var n: UInt64 = 0
            while k < a.count, a[k] & ~0xFF == kind {
                a[k] = kind | min(n, 0xFF)
                n += 1
                k += 1
            }
        }
    }

    /// Matches two sorted token lists, the source's and the target's, as multisets.
    @inline(__always)
    private func mergeCost(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>) -> Float {
        var cost: Float = 0
        var x = 0, y = 0
        while x < a.count && y < b.count {
            let u = a[x], v = b[y]
            if u == v {
                cost -= matchWeight[Int(u >> 60)]
                x += 1
                y += 1
            } else if u < v {
                cost += sourceMissWeight[Int(u >> 60)]
                x += 1
            } else {
                cost += targetMissWeight[Int(v >> 60)]
                y += 1
            }
        }
        while x < a.count { cost += sourceMissWeight[Int(a[x] >> 60)]; x += 1 }
        while y < b.count { cost += targetMissWeight[Int(b[y] >> 60)]; y += 1 }
        return cost
    }

    /// The cheapest sequence of beads from (0, 0) to (n, m), inside a band around the diagonal that
    /// widens until the path no longer touches its edge (the path is then the unbanded optimum in
    /// all but pathological cases, at a fraction of the n×m cost).
    /// With `previous` (a path of an earlier alignment of the same pair), the band follows that
    /// path instead of the diagonal: a second alignment moves few beads far.
    func bestPath(band initial: Int, around previous: [Move]? = nil) -> [Move] {
        let n = s.count, m = t.count
        var band = max(initial, previous == nil ? 4 : 1)
        while true {
            let (path, touched) = bandedPath(band: band, around: previous)
            // Two documents that are not translations of each other would widen the band to the
            // full table; past about 50 million cells (250 MB) the banded path is kept.
            if !touched || band >= max(n, m) || (n + 1) * (4 * band + 1) > 50_000_000 { return path }
            band *= 2
        }
    }

    /// `previous` plus the bead `move` from (pi, pj), when that is less than `best`; nil otherwise,
    /// often without its whole cost: the anchors can lower a bead's cost by at most their bound, so
    /// they are skipped when even that cannot beat `best`, and the dictionary's doubt, which only
    /// adds, is asked only of a move that would be best.
    @inline(__always)
    func improves(_ previous: Float, _ pi: Int, _ move: Move, _ pj: Int, _ best: Float) -> Float? {
        let cheap = previous + cost(pi, move.a, pj, move.b, anchors: false)
        if cheap - anchorBound(pi, move.a, pj, move.b) >= best { return nil }
        var total = cheap + anchors(pi, move.a, pj, move.b)
        if total < best, let doubt, move.a > 0, move.b > 0 { total += doubt.cost(pi, move.a, pj, move.b) }
        return total < best ? total : nil
    }

    func bandedPath(band: Int, around previous: [Move]?) -> (path: [Move], touchedEdge: Bool) {
        let moves = Move.all
        let n = s.count, m = t.count
        var lo = [Int](repeating: 0, count: n + 1), hi = lo, start = lo
        if let previous {
            // Each row's columns on the earlier path (a bead spanning rows covers its columns on each).
            for i in 0...n { lo[i] = m; hi[i] = 0 }
            var i = 0, j = 0
            lo[0] = 0
            for move in previous {
                for row in i...(i + move.a) { lo[row] = min(lo[row], j); hi[row] = max(hi[row], j + move.b) }
                i += move.a
                j += move.b
            }
        } else {
            for i in 0...n {
                lo[i] = diagonal(i, n, m)
                hi[i] = lo[i]
            }
        }
        var cells = 0
        for i in 0...n {
            lo[i] = max(0, lo[i] - band)
            hi[i] = min(m, hi[i] + band)
            start[i] = cells
            cells += hi[i] - lo[i] + 1
        }
        var cost = [Float](repeating: .infinity, count: cells)
        var back = [UInt8](repeating: 255, count: cells)
        cost[0] = 0
        for i in 0...n {
            for j in lo[i]...hi[i] {
                if i == 0 && j == 0 { continue }
                var best = Float.infinity
                var bestMove: UInt8 = 255
                for (k, move) in moves.enumerated() {
                    let pi = i - move.a, pj = j - move.b
                    guard pi >= 0, pj >= 0, pj >= lo[pi], pj <= hi[pi] else { continue }
                    let previous = cost[start[pi] + pj - lo[pi]]
                    if previous == .infinity { continue }
                    if let total = improves(previous, pi, move, pj, best) { best = total; bestMove = UInt8(k) }
                }
                cost[start[i] + j - lo[i]] = best
                back[start[i] + j - lo[i]] = bestMove
            }
        }
        var path: [Move] = []
        var i = n, j = m
        var touched = false
        while i > 0 || j > 0 {
            if (j == lo[i] && lo[i] > 0) || (j == hi[i] && hi[i] < m) { touched = true }
            let move = moves[Int(back[start[i] + j - lo[i]])]
            path.append(move)
            i -= move.a
            j -= move.b
        }
        return (path.reversed(), touched)
    }

    /// The path as beads over segments (pieces glued back, except where a bead starts inside a
    /// segment: `cuts` marks those pieces on each side), each bead with its confidence, and how much
    /// the two texts read as a translation (`Alignment.translationFit`).
    func beads(_ path: [Move]) -> (beads: [Bead], sourceCuts: [Bool], targetCuts: [Bool], translationFit: Double) {
        var starts: [(i: Int, j: Int)] = []
        var sourceCuts = [Bool](repeating: false, count: s.count), targetCuts = [Bool](repeating: false, count: t.count)
        var i = 0, j = 0
        for move in path {
            starts.append((i, j))
            if move.a > 0 { sourceCuts[i] = true }
            if move.b > 0 { targetCuts[j] = true }
            i += move.a
            j += move.b
        }
        // Each bead's margin, and what the anchors of the beads that pair sentences say: over a
        // document, whether the two texts are a translation at all.
        let parts = path.indices.map { self.parts(starts[$0].i, path[$0].a, starts[$0].j, path[$0].b) }
        let costs = parts.map(\.total)
        let margins = path.indices.map { margin($0, path, starts, costs) }
        let pairing = path.indices.filter { path[$0].a > 0 && path[$0].b > 0 }
        let translation = BeadConfidence.translation(anchors: pairing.map { parts[$0].anchors })
        // Segment numbers after the cuts: a piece starts a segment at a hard boundary or a cut.
        var sourceSegment = 0, targetSegment = 0
        var beads: [Bead] = []
        beads.reserveCapacity(path.count)
        for (k, move) in path.enumerated() {
            let (i, j) = starts[k]
            let sa = s.segments(i, move.a), sb = t.segments(j, move.b)
            let confidence = parts[k].known ? 0.99 : BeadConfidence.of(margin: margins[k], source: sa, target: sb) * translation
            beads.append(Bead(source: sourceSegment..<(sourceSegment + sa), target: targetSegment..<(targetSegment + sb),
                              confidence: (confidence * 100).rounded() / 100))
            sourceSegment += sa
            targetSegment += sb
        }
        return (beads, sourceCuts, targetCuts, translation)
    }

    /// The 1-1 beads of `path` sure enough to learn word pairs from, as their two sides' stems.
    func sureBeads(_ path: [Move], _ sourceStems: [[UInt64]], _ targetStems: [[UInt64]]) -> [(source: [UInt64], target: [UInt64])] {
        var sure: [(source: [UInt64], target: [UInt64])] = []
        var i = 0, j = 0
        for move in path {
            defer { i += move.a; j += move.b }
            guard move.a > 0, move.b > 0, s.segments(i, move.a) == 1, t.segments(j, move.b) == 1 else { continue }
            let p = parts(i, move.a, j, move.b)
            guard 3 - p.length - p.anchors - p.paragraph - p.cut >= w.lexiconSure else { continue }
            let source = move.a == 1 ? sourceStems[i] : Array(Set(sourceStems[i..<(i + move.a)].joined())).sorted()
            let target = move.b == 1 ? targetStems[j] : Array(Set(targetStems[j..<(j + move.b)].joined())).sorted()
            sure.append((source, target))
        }
        return sure
    }

    /// How much dearer, in nats, the cheapest other alignment of beads k-1...k+1's pieces is, one
    /// without bead k: a small dynamic program over that stretch alone, the path kept as it is
    /// elsewhere. A bead that only just beat splitting it, gluing it to a neighbour or leaving a
    /// sentence out has a small margin, whatever its own cost (`BeadConfidence`).
    func margin(_ k: Int, _ path: [Move], _ starts: [(i: Int, j: Int)], _ costs: [Float]) -> Float {
        let first = max(0, k - 1), last = min(path.count - 1, k + 1)
        let (i0, j0) = starts[first]
        let i1 = starts[last].i + path[last].a, j1 = starts[last].j + path[last].b
        let width = j1 - j0 + 1
        var current: Float = 0
        for x in first...last { current += costs[x] }
        var best = [Float](repeating: .infinity, count: (i1 - i0 + 1) * width)
        best[0] = 0
        // Bead k, or the same null bead in another order among its neighbours' (a 1-0 beside a 0-1
        // is the same alignment either way round).
        let (ki, kj) = starts[k], bead = path[k]
        func isBead(_ pi: Int, _ pj: Int, _ move: Move) -> Bool {
            move == bead && (bead.b == 0 ? pi == ki : bead.a == 0 ? pj == kj : pi == ki && pj == kj)
        }
        for i in i0...i1 {
            for j in j0...j1 where i > i0 || j > j0 {
                var cell = Float.infinity
                for move in Move.all {
                    let pi = i - move.a, pj = j - move.b
                    guard pi >= i0, pj >= j0, !isBead(pi, pj, move) else { continue }
                    let previous = best[(pi - i0) * width + pj - j0]
                    if previous < .infinity, let total = improves(previous, pi, move, pj, cell) { cell = total }
                }
                best[(i - i0) * width + j - j0] = cell
            }
        }
        // Leaving the stretch's sentences out is always an alternative, so the cheapest is finite; a
        // bead on the best path never loses to it but for rounding.
        let margin = best[best.count - 1] - current
        return margin.isFinite ? max(0, margin) : 0
    }
}
