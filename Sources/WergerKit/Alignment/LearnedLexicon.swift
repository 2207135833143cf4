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
    /// Per side, the paired stems (sorted) and their pair numbers; each stem in one pair. Sorted
    /// lists, not dictionaries: a unit's stems are sorted too, and one merge finds its pairs.
    private var sourcePairs: (stems: [UInt64], pairs: [UInt32]) = ([], [])
    private var targetPairs: (stems: [UInt64], pairs: [UInt32]) = ([], [])
    private var sourceFilter: [UInt64] = []
    private var targetFilter: [UInt64] = []

    /// The word translation models learned from the same evidence: one per fold of the batch's
    /// documents, learned from the other folds and scoring that fold's documents (`wordModel(for:)`);
    /// one when all the evidence comes from a memory; none when `wordModel` is 0; nil for a fold whose
    /// model learned nothing.
    private var wordModels: [WordModels?] = []

    public var isEmpty: Bool { sourcePairs.stems.isEmpty }
    public var count: Int { sourcePairs.stems.count }

    /// How many sure beads a pair must share, and how exclusively (Dice: 2·both / (source + target)).
    struct Thresholds {
        var count = 2
        var dice: Float = 0.6
    }

    init() {}

    /// Fewer sure beads than this (about a dozen articles) teach chance more than translation: two
    /// words that happen to share two sentences look like a pair. Then nothing is learned…
    public static let minimumBeads = 300
    /// …unless this many of them are a batch's own drafts (about six articles). The drafts of
    /// separate articles do not repeat their chance pairs the way a small memory of near-variant
    /// units does: the starter memory's 175 units a language pair taught single pairs a lexicon
    /// that lowered them (held-out seed 2 without re-cuts 96.30 → 95.78), while batches of 20 and
    /// 10 of the same articles gained 96.40 → 97.29 and 96.27 → 96.94 (of the fresh draw of seed
    /// 8: 96.96 → 97.63, 96.83 → 97.15). One article alone taught chance (dev 94.7–95.2).
    static let minimumDraftedBeads = 100

    /// One lexicon from the sure beads of many drafted document pairs (a batch) and the memory's
    /// pairs; empty below `minimumBeads` (`minimumDraftedBeads` of drafts).
    public init(evidence: [LexiconEvidence], weights: AlignmentWeights) {
        let beads = evidence.flatMap(\.beads)
        let drafted = evidence.reduce(0) { $0 + ($1.isMemory ? 0 : $1.count) }
        guard beads.count >= Self.minimumBeads || drafted >= Self.minimumDraftedBeads else { self.init(); return }
        self.init(beads: beads, thresholds: Thresholds(count: Int(weights.lexiconCount), dice: weights.lexiconDice))
        // The word model weighs every word, not only the pairs competitive linking keeps: it needs
        // the full minimum however the evidence came.
        guard weights.wordModel > 0, beads.count >= Self.minimumBeads else { return }
        // A model scoring the very sentences it learned from has learned them by heart: their words
        // look explained far better than any other bead's (a 1-1 bead of the evidence gained 2.8 nats
        // a word, a merge the evidence never held −1). Each fold's documents are scored by the models
        // of the other folds' documents (and the memory's pairs), which have not seen them.
        let folds = evidence.flatMap { item in Array(repeating: item.fold, count: item.beads.count) }
        // A fold whose model learned nothing (every document of the batch in that fold) scores nothing.
        wordModels = WordModels.learn(beads, folds: folds, count: folds.allSatisfy { $0 == nil } ? 0 : LexiconEvidence.folds)
            .map { $0.isEmpty ? nil : $0 }
    }

    /// Whether a word model was learned (`wordModel` on and enough evidence).
    public var hasWordModel: Bool { wordModels.contains { $0 != nil } }

    /// The word model that may score a document (one that did not learn from it).
    func wordModel(for document: String) -> WordModels? {
        if wordModels.count <= 1 { return wordModels.first ?? nil }
        return wordModels[LexiconEvidence.fold(of: document)]
    }

    /// Learns from beads given as their two sides' stems (each side's stems unique). Competitive
    /// linking: the pairs are taken best first (Dice, then shared beads), each stem in one pair
    /// only, so a frequent word does not pair with everything around it. (Learning is the one step
    /// of a batch that runs on one core, so it counts with flat arrays and a small hash table.)
    init(beads: [(source: [UInt64], target: [UInt64])], thresholds: Thresholds = Thresholds()) {
        // Every stem numbered, with the beads that hold it.
        var sourceTable = StemTable(capacity: beads.count * 16), targetTable = StemTable(capacity: beads.count * 16)
        for bead in beads {
            for w in bead.source { sourceTable.count(w) }
            for t in bead.target { targetTable.count(t) }
        }
        let sourceSeen = sourceTable.seen.map(Float.init), targetSeen = targetTable.seen.map(Float.init)
        let minimum = Int32(thresholds.count)
        // Each bead's target numbers, rarest first (flat, `targetStart` per bead), leaving out stems
        // seen in fewer beads than a pair needs; and for each source stem the beads that hold it
        // (flat, `postingStart` per source number, filled by counting first).
        var targetNumbers: [Int32] = [], targetStart: [Int32] = [0]
        var sourceNumbers: [Int32] = [], sourceStart: [Int32] = [0]
        targetStart.reserveCapacity(beads.count + 1)
        sourceStart.reserveCapacity(beads.count + 1)
        var postingStart = [Int32](repeating: 0, count: sourceSeen.count + 1)
        for bead in beads {
            let before = targetNumbers.count
            for t in bead.target { let n = targetTable.number(t); if targetTable.seen[Int(n)] >= minimum { targetNumbers.append(n) } }
            // Rarest first, by insertion (a sentence has a few dozen words at most).
            var k = before + 1
            while k < targetNumbers.count {
                let n = targetNumbers[k], seen = targetSeen[Int(n)]
                var q = k - 1
                while q >= before, targetSeen[Int(targetNumbers[q])] > seen { targetNumbers[q + 1] = targetNumbers[q]; q -= 1 }
                targetNumbers[q + 1] = n
                k += 1
            }
            targetStart.append(Int32(targetNumbers.count))
            if targetNumbers.count > before {
                for w in bead.source {
                    let n = sourceTable.number(w)
                    if sourceTable.seen[Int(n)] >= minimum { sourceNumbers.append(n); postingStart[Int(n) + 1] += 1 }
                }
            }
            sourceStart.append(Int32(sourceNumbers.count))
        }
        for n in 0..<sourceSeen.count { postingStart[n + 1] += postingStart[n] }
        var fill = postingStart
        var postings = [Int32](repeating: 0, count: sourceNumbers.count)
        for b in 0..<beads.count {
            for k in Int(sourceStart[b])..<Int(sourceStart[b + 1]) {
                let n = Int(sourceNumbers[k])
                postings[Int(fill[n])] = Int32(b)
                fill[n] += 1
            }
        }
        // The beads two stems share, counted per source stem over its beads' targets. A pair seen in
        // every bead of its rarer word has Dice 2·min/(sum) — so for a source stem seen `cw` times
        // only targets seen between cw·d/(2−d) and cw·(2−d)/d times can reach Dice d: each bead's
        // targets are sorted by that count, and only the window is read.
        var candidates: [(source: UInt64, target: UInt64, dice: Float, count: Int32)] = []
        var shared = [Int32](repeating: 0, count: targetSeen.count)
        var touched: [Int32] = []
        let d = thresholds.dice
        for n in 0..<sourceSeen.count where Int(postingStart[n + 1] - postingStart[n]) >= thresholds.count {
            let cw = sourceSeen[n]
            // (The window a little wide, and the exact test inside: no pair is lost to rounding.)
            let lowest = cw * d / (2 - d) * 0.999, highest = cw * (2 - d) / d * 1.001
            for p in Int(postingStart[n])..<Int(postingStart[n + 1]) {
                let b = Int(postings[p])
                var k = Int(targetStart[b])
                let end = Int(targetStart[b + 1])
                while k < end, targetSeen[Int(targetNumbers[k])] < lowest { k += 1 }
                while k < end {
                    let t = Int(targetNumbers[k])
                    let ct = targetSeen[t]
                    if ct > highest { break }
                    k += 1
                    guard 2 * min(cw, ct) >= d * (cw + ct) else { continue }
                    if shared[t] == 0 { touched.append(Int32(t)) }
                    shared[t] += 1
                }
            }
            for t in touched {
                let count = shared[Int(t)]
                shared[Int(t)] = 0
                guard count >= thresholds.count else { continue }
                let dice = 2 * Float(count) / (cw + targetSeen[Int(t)])
                if dice >= d { candidates.append((sourceTable.stems[n], targetTable.stems[Int(t)], dice, count)) }
            }
            touched.removeAll(keepingCapacity: true)
        }
        // Ties broken by the stems themselves, so the lexicon does not depend on the order of the beads.
        candidates.sort { ($0.dice, $0.count, $1.source, $1.target) > ($1.dice, $1.count, $0.source, $0.target) }
        var sourceTaken = Set<UInt64>(), targetTaken = Set<UInt64>()
        var source: [(stem: UInt64, pair: UInt32)] = [], target: [(stem: UInt64, pair: UInt32)] = []
        for candidate in candidates where !sourceTaken.contains(candidate.source) && !targetTaken.contains(candidate.target) {
            sourceTaken.insert(candidate.source)
            targetTaken.insert(candidate.target)
            source.append((candidate.source, UInt32(source.count)))
            target.append((candidate.target, UInt32(target.count)))
        }
        source.sort { $0.stem < $1.stem }
        target.sort { $0.stem < $1.stem }
        sourcePairs = (source.map(\.stem), source.map(\.pair))
        targetPairs = (target.map(\.stem), target.map(\.pair))
        sourceFilter = Self.filter(sourcePairs.stems)
        targetFilter = Self.filter(targetPairs.stems)
    }

    /// The anchor tokens of a unit's stems on one side: one per stem the lexicon pairs.
    func tokens(_ stems: [UInt64], source: Bool) -> [UInt64] {
        let paired = source ? sourcePairs : targetPairs
        let filter = source ? sourceFilter : targetFilter
        var tokens: [UInt64] = []
        for stem in stems where filter[Int(stem & 0xFFFF) >> 6] & (1 << (stem & 63)) != 0 {
            if let k = paired.stems.sortedIndex(of: stem) { tokens.append(AnchorClass.lexicon.token(UInt64(paired.pairs[k]))) }
        }
        return tokens
    }

    /// A bit per value of a stem's low 16 bits, set for the paired stems: most of a sentence's
    /// stems are in no pair, and one bit tells.
    private static func filter(_ stems: [UInt64]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 1024)
        for stem in stems { bits[Int(stem & 0xFFFF) >> 6] |= 1 << (stem & 63) }
        return bits
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
        // Scalars, not UTF-16 units: the text is UTF-8, and its UTF-16 view transcodes as it goes.
        // A scalar outside the Basic Multilingual Plane is no letter the folds know.
        var scalars = text.unicodeScalars.makeIterator()
        while true {
            let next = scalars.next()
            var letter: UInt16 = 0
            if let scalar = next, scalar.value <= 0xFFFF {
                let unit = UInt16(scalar.value)
                if unit < 0x80 {
                    if unit >= 0x41 && unit <= 0x5A { letter = unit + 0x20 } else if unit >= 0x61 && unit <= 0x7A { letter = unit }
                } else if unit == 0x200C || unit == 0x200D || unit == 0xAD {
                    continue  // ZWNJ, ZWJ and soft hyphen inside a word
                } else {
                    let folded = MatchingForm.fold(unit)
                    if folded == 0 { continue }  // harakat, tatweel
                    if AnchorTokenizer.isLatinLetter(UInt32(folded)) {
                        letter = UInt16(truncatingIfNeeded: AnchorTokenizer.lowercase(UInt32(folded)))
                    } else if let scalar = Unicode.Scalar(folded), AnchorTokenizer.isLetter(scalar) {
                        letter = folded
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

/// The sure 1-1 beads of a drafted document pair, as their two sides' stems — or the sentence pairs
/// a memory holds, which are sure by definition.
public struct LexiconEvidence: Sendable {
    let beads: [(source: [UInt64], target: [UInt64])]
    /// The fold of the document the beads come from (`fold(of:)`); nil for a memory's pairs.
    let fold: Int?
    public var count: Int { beads.count }
    /// Whether these are a memory's sentence pairs rather than a draft's sure beads.
    var isMemory: Bool { fold == nil }

    init(beads: [(source: [UInt64], target: [UInt64])], document: String) {
        self.beads = beads
        fold = Self.fold(of: document)
    }

    /// Folds of a batch's documents for the word models: each model learns from two thirds of them
    /// (dev set: 2 folds 96.09, 3 folds 96.18, 4 folds 96.15; each fold costs an EM run a direction).
    static let folds = 3
    /// A document's fold, by a hash of its file name (not the folder it is read from: the same
    /// articles give the same alignment wherever they lie).
    static func fold(of document: String) -> Int {
        var hash = StableHash()
        for unit in document.utf16.split(separator: 0x2F).last ?? [] { hash.mix(UInt32(unit)) }
        return Int((hash.value >> 17) % UInt64(folds))
    }

    /// Sentence pairs (a memory's units) as evidence.
    public init(pairs: [(source: String, target: String)], weights: AlignmentWeights) {
        let length = Int(weights.lexiconStem)
        beads = pairs.map { (LearnedLexicon.stems(of: $0.source, length: length), LearnedLexicon.stems(of: $0.target, length: length)) }
        fold = nil
    }
}

/// Stems numbered in the order first seen, with how many beads hold each: open addressing on the
/// stem's own bits (stems are hashes already), no `Hasher`.
struct StemTable {
    private var slots: [Int32]
    private var mask: Int
    private(set) var stems: [UInt64] = []
    private(set) var seen: [Int32] = []

    init(capacity: Int) {
        var size = 1024
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The stem's number, numbering it if new.
    mutating func number(_ stem: UInt64) -> Int32 {
        var k = Int(truncatingIfNeeded: ((stem ^ (stem >> 29)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
        while true {
            let n = slots[k]
            if n < 0 {
                if stems.count * 2 >= slots.count { grow(); return number(stem) }
                let new = Int32(stems.count)
                slots[k] = new
                stems.append(stem)
                seen.append(0)
                return new
            }
            if stems[Int(n)] == stem { return n }
            k = (k + 1) & mask
        }
    }

    mutating func count(_ stem: UInt64) { seen[Int(number(stem))] += 1 }

    private mutating func grow() {
        let old = stems
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        stems = []
        let counts = seen
        seen = []
        for (k, stem) in old.enumerated() { seen[Int(number(stem))] = counts[k] }
    }
}
