import Foundation

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
