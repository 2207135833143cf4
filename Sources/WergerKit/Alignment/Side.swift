import Foundation

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
