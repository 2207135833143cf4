/// Word pairs the aligner learns from the documents it aligns: a first alignment on lengths,
/// numbers, names and punctuation gives sure 1-1 beads; words that keep appearing together in them
/// (`vaccine`/`derzî`, `said`/`got`, `government`/`حکومەت`) are likely translations of each other,
/// and a second alignment uses them as anchors. This is how a translator finds her way through a
/// text in a language pair she has no dictionary for — and Werger has none for most pairs.
///
/// Words are compared by *stem*: the matching form's first few letters (`Ewropayê` → `ewrop`,
/// `governments` → `gover`), without the Arabic article (`الحكومة` → `حكومة`), so suffixes —
/// Kurdish and Arabic attach many — do not hide a repeated word.
public struct LearnedLexicon: Sendable {
    /// Source stem → pair number, target stem → pair number; each stem in at most one pair.
    private(set) var sourcePairs: [UInt64: UInt32] = [:]
    private(set) var targetPairs: [UInt64: UInt32] = [:]

    public var isEmpty: Bool { sourcePairs.isEmpty }
    public var count: Int { sourcePairs.count }

    /// How many sure beads a pair must share, and how exclusively (Dice: 2·both / (source + target)).
    struct Thresholds {
        var count = 2
        var dice: Float = 0.5
    }

    init() {}

    /// Fewer sure beads than this (about a dozen articles) teach chance more than translation: two
    /// words that happen to share two sentences look like a pair. Then nothing is learned.
    public static let minimumBeads = 300

    /// One lexicon from the sure beads of many drafted document pairs (a batch); empty below
    /// `minimumBeads`.
    public init(evidence: [LexiconEvidence], weights: AlignmentWeights) {
        let beads = evidence.flatMap(\.beads)
        guard beads.count >= Self.minimumBeads else { self.init(); return }
        self.init(beads: beads, thresholds: Thresholds(count: Int(weights.lexiconCount), dice: weights.lexiconDice))
    }

    /// Learns from beads given as their two sides' stems (each side's stems unique). Competitive
    /// linking: the pairs are taken best first (Dice, then shared beads), each stem in one pair
    /// only, so a frequent word does not pair with everything around it.
    init(beads: [(source: [UInt64], target: [UInt64])], thresholds: Thresholds = Thresholds()) {
        var sourceCount: [UInt64: Int32] = [:], targetCount: [UInt64: Int32] = [:]
        for bead in beads {
            for w in bead.source { sourceCount[w, default: 0] += 1 }
            for t in bead.target { targetCount[t, default: 0] += 1 }
        }
        // Stems seen in fewer beads than a pair needs cannot be in one; the others get dense numbers,
        // and the pairs of each bead are counted by sorting their (source, target) numbers.
        let sourceStems = sourceCount.filter { $0.value >= thresholds.count }.keys.sorted()
        let targetStems = targetCount.filter { $0.value >= thresholds.count }.keys.sorted()
        let sourceNumber = Dictionary(uniqueKeysWithValues: sourceStems.enumerated().map { ($1, UInt64($0)) })
        let targetNumber = Dictionary(uniqueKeysWithValues: targetStems.enumerated().map { ($1, UInt64($0)) })
        // A pair seen in every bead of its rarer word has Dice 2·min/(sum): pairs that cannot reach
        // the threshold even so (a frequent word beside a rare one) are not counted at all.
        let sourceSeen = sourceStems.map { Float(sourceCount[$0]!) }, targetSeen = targetStems.map { Float(targetCount[$0]!) }
        var keys: [UInt64] = []
        var ts: [UInt64] = []
        for bead in beads {
            ts.removeAll(keepingCapacity: true)
            for t in bead.target { if let n = targetNumber[t] { ts.append(n) } }
            guard !ts.isEmpty else { continue }
            for w in bead.source {
                guard let n = sourceNumber[w] else { continue }
                let cw = sourceSeen[Int(n)]
                for t in ts {
                    let ct = targetSeen[Int(t)]
                    if 2 * min(cw, ct) >= thresholds.dice * (cw + ct) { keys.append(n << 32 | t) }
                }
            }
        }
        keys.sort()
        var candidates: [(source: UInt64, target: UInt64, dice: Float, count: Int32)] = []
        var k = 0
        while k < keys.count {
            var end = k + 1
            while end < keys.count, keys[end] == keys[k] { end += 1 }
            let count = Int32(end - k)
            if count >= thresholds.count {
                let w = sourceStems[Int(keys[k] >> 32)], t = targetStems[Int(keys[k] & 0xFFFF_FFFF)]
                let dice = 2 * Float(count) / Float(sourceCount[w]! + targetCount[t]!)
                if dice >= thresholds.dice { candidates.append((w, t, dice, count)) }
            }
            k = end
        }
        // Ties broken by the stems themselves, so a run is reproducible whatever the dictionary order.
        candidates.sort { ($0.dice, $0.count, $1.source, $1.target) > ($1.dice, $1.count, $0.source, $0.target) }
        for candidate in candidates where sourcePairs[candidate.source] == nil && targetPairs[candidate.target] == nil {
            let number = UInt32(sourcePairs.count)
            sourcePairs[candidate.source] = number
            targetPairs[candidate.target] = number
        }
    }

    /// The anchor tokens of a unit's stems on one side: one per stem the lexicon pairs.
    func tokens(_ stems: [UInt64], source: Bool) -> [UInt64] {
        let pairs = source ? sourcePairs : targetPairs
        return stems.compactMap { pairs[$0].map { AnchorClass.lexicon.token(UInt64($0)) } }
    }

    /// The stems of a text: its words in matching form, the Arabic article dropped, cut to `length`
    /// letters; numbers (anchors already) and one-letter words left out; each stem once.
    static func stems(of text: String, language: MatchingLanguage, length: Int) -> [UInt64] {
        var stems: [UInt64] = []
        var word: [UInt32] = []
        func endWord() {
            defer { word.removeAll(keepingCapacity: true) }
            var letters = word[...]
            if letters.count > 4, letters.starts(with: [0x627, 0x644]) { letters = letters.dropFirst(2) }          // ال
            else if letters.count > 5, letters.starts(with: [0x648, 0x627, 0x644]) { letters = letters.dropFirst(3) } // وال
            guard letters.count >= 2 else { return }
            var hash = StableHash()
            for v in letters.prefix(length) { hash.mix(v) }
            stems.append(hash.value)
        }
        for scalar in MatchingForm.of(text, language: language).unicodeScalars {
            let v = scalar.value
            if v == 0x200C { continue }  // ZWNJ inside a Kurdish or Persian word
            if AnchorTokenizer.isLatinLetter(v) || AnchorTokenizer.isLetter(scalar) { word.append(v) } else { endWord() }
        }
        endWord()
        stems.sort()
        var unique = 0
        for k in stems.indices where k == 0 || stems[k] != stems[k - 1] { stems[unique] = stems[k]; unique += 1 }
        return Array(stems[..<unique])
    }
}

/// The sure 1-1 beads of a drafted document pair, as their two sides' stems.
public struct LexiconEvidence: Sendable {
    let beads: [(source: [UInt64], target: [UInt64])]
    public var count: Int { beads.count }
}
