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
        // Stems seen in fewer beads than a pair needs cannot be in one; the others get dense numbers.
        let sourceStems = sourceCount.filter { $0.value >= thresholds.count }.keys.sorted()
        let targetStems = targetCount.filter { $0.value >= thresholds.count }.keys.sorted()
        let sourceNumber = Dictionary(uniqueKeysWithValues: sourceStems.enumerated().map { ($1, Int32($0)) })
        let targetNumber = Dictionary(uniqueKeysWithValues: targetStems.enumerated().map { ($1, Int32($0)) })
        let sourceSeen = sourceStems.map { Float(sourceCount[$0]!) }, targetSeen = targetStems.map { Float(targetCount[$0]!) }
        // Each bead's target numbers, and for each source stem the beads that hold it.
        var beadTargets: [[Int32]] = []
        beadTargets.reserveCapacity(beads.count)
        var postings = [[Int32]](repeating: [], count: sourceStems.count)
        for bead in beads {
            let targets = bead.target.compactMap { targetNumber[$0] }
            let b = Int32(beadTargets.count)
            beadTargets.append(targets)
            if targets.isEmpty { continue }
            for w in bead.source { if let n = sourceNumber[w] { postings[Int(n)].append(b) } }
        }
        // The beads two stems share, counted per source stem over its beads' targets. A pair seen in
        // every bead of its rarer word has Dice 2·min/(sum): pairs that cannot reach the threshold
        // even so (a frequent word beside a rare one) are skipped.
        var candidates: [(source: UInt64, target: UInt64, dice: Float, count: Int32)] = []
        var shared = [Int32](repeating: 0, count: targetStems.count)
        var touched: [Int32] = []
        for n in postings.indices where postings[n].count >= thresholds.count {
            let cw = sourceSeen[n]
            for b in postings[n] {
                for t in beadTargets[Int(b)] {
                    let ct = targetSeen[Int(t)]
                    guard 2 * min(cw, ct) >= thresholds.dice * (cw + ct) else { continue }
                    if shared[Int(t)] == 0 { touched.append(t) }
                    shared[Int(t)] += 1
                }
            }
            for t in touched {
                let count = shared[Int(t)]
                shared[Int(t)] = 0
                guard count >= thresholds.count else { continue }
                let dice = 2 * Float(count) / (cw + targetSeen[Int(t)])
                if dice >= thresholds.dice { candidates.append((sourceStems[n], targetStems[Int(t)], dice, count)) }
            }
            touched.removeAll(keepingCapacity: true)
        }
        // Ties broken by the stems themselves, so a run is reproducible whatever the dictionary order.
        candidates.sort { ($0.dice, $0.count, $1.source, $1.target) > ($1.dice, $1.count, $0.source, $0.target) }
        var pairs: UInt32 = 0
        for candidate in candidates where sourcePairs[candidate.source] == nil && targetPairs[candidate.target] == nil {
            sourcePairs[candidate.source] = pairs
            targetPairs[candidate.target] = pairs
            pairs += 1
        }
    }

    /// The anchor tokens of a unit's stems on one side: one per stem the lexicon pairs.
    func tokens(_ stems: [UInt64], source: Bool) -> [UInt64] {
        let pairs = source ? sourcePairs : targetPairs
        return stems.compactMap { pairs[$0].map { AnchorClass.lexicon.token(UInt64($0)) } }
    }

    /// The stems of a text: its words lower-cased and with the Arabic-script folds of the matching
    /// form (`ي ى` → `ی`, `ك` → `ک`, harakat and tatweel dropped), the Arabic article dropped, cut to
    /// `length` letters; numbers (anchors already) and one-letter words left out; each stem once,
    /// sorted. Done unit by unit, without ICU: a batch stems every sentence it reads.
    static func stems(of text: String, length: Int) -> [UInt64] {
        var stems: [UInt64] = []
        // The letters of the word being read (folded); a word ends at anything else, or at the end.
        var word: [UInt16] = []
        word.reserveCapacity(32)
        var units = text.utf16.makeIterator()
        while true {
            let next = units.next()
            var letter: UInt16 = 0
            if let unit = next {
                if unit < 0x80 {
                    if unit >= 0x41 && unit <= 0x5A { letter = unit + 0x20 } else if unit >= 0x61 && unit <= 0x7A { letter = unit }
                } else if unit == 0x200C || unit == 0x200D || unit == 0xAD {
                    continue  // ZWNJ, ZWJ and soft hyphen inside a word
                } else {
                    let folded = MatchingForm.fold(unit)
                    if folded == 0 { continue }  // harakat, tatweel
                    if let scalar = Unicode.Scalar(folded), AnchorTokenizer.isLetter(scalar) {
                        letter = AnchorTokenizer.isLatinLetter(UInt32(folded)) ? UInt16(truncatingIfNeeded: AnchorTokenizer.lowercase(UInt32(folded))) : folded
                    }
                }
            }
            if letter != 0 { word.append(letter); continue }
            if !word.isEmpty {
                var first = 0
                if word.count > 4, word[0] == 0x627, word[1] == 0x644 { first = 2 }                                          // ال
                else if word.count > 5, word[0] == 0x648, word[1] == 0x627, word[2] == 0x644 { first = 3 }                 // وال
                if word.count - first >= 2 {
                    var hash = StableHash()
                    for k in first..<min(word.count, first + length) { hash.mix(UInt32(word[k])) }
                    stems.append(hash.value)
                }
                word.removeAll(keepingCapacity: true)
            }
            if next == nil { break }
        }
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
