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
    /// similar lengths into a 2-2 on length alone.)
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
    /// a sentence whose learned words find nothing on the other side is likely not its translation.)
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
    /// 97.594 / 97.251). With `--learn-words` too since the nineteenth session (`learnedWords`).
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
    /// The word model's weight when it is on. On top of the default weights and doubts (nineteenth
    /// session, batch, own segmentation, the issue's edits): eleven development draws 98.453 → 98.520
    /// at 0.05 and 0.1, 98.499 at 0.2; held-out seeds 45–62 97.826 → 97.902 and seeds 63–74 97.826 →
    /// 97.868 at 0.1 (en–ckb +0.04 to +0.17, en–kmr +0.08, en–ar −0.02 and +0.01; null 0-1 beads
    /// +0.7); development draws with re-cuts (seeds 2–7) 97.255 → 97.328.
    public static let learnedWords: Float = 0.1

    /// The weights `werger align --learn-words` starts from: the defaults with the word model on.
    /// Until the nineteenth session it also took the 2-2 prior (3.15) and the lexicon's miss cost
    /// (0.2) it had been tuned with in the fourth, and left out the dictionary's doubts and a Latin
    /// name's missing sound, all added to the defaults since; by then that was 0.6 below the defaults
    /// on held-out seeds 45–62 (97.240 against 97.826) and 0.25 on eleven development draws.
    public static var learningWords: AlignmentWeights {
        var weights = AlignmentWeights()
        weights.wordModel = learnedWords
        return weights
    }

    /// These weights without the word model: `--learn-words` with too little evidence for a model
    /// (a batch of a few articles, a single pair) aligns as without the option.
    public var withoutWordModel: AlignmentWeights {
        var weights = self
        weights.wordModel = 0
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
