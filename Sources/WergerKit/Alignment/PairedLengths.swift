import Foundation

/// The lengths of a first alignment's 1-1 beads — target characters against source characters —
/// which a batch adds up into the length ratio its translators keep. A document's own ratio counts
/// the sentences a translator dropped or added: in a short article one long dropped sentence moves
/// it by half (a headline and three sentences against a headline and two: 0.54 where the
/// translation keeps 1.0), and the first alignment, fitted to that ratio, pairs each sentence with
/// its neighbour's translation — and its 1-1 beads keep the wrong ratio. The batch's ratio is not
/// moved by one article's edits.
public struct PairedLengths: Sendable, Equatable {
    public private(set) var source = 0.0
    public private(set) var target = 0.0
    public private(set) var beads = 0

    public init() {}

    init(source: Double, target: Double, beads: Int) {
        self.source = source
        self.target = target
        self.beads = beads
    }

    /// A memory's sentence pairs of the language pair, counted as the aligner counts (characters
    /// but spaces): what a single document pair is drawn towards.
    public init(pairs: [(source: String, target: String)]) {
        for pair in pairs {
            source += Side.length(of: pair.source)
            target += Side.length(of: pair.target)
        }
        beads = pairs.count
    }

    /// Sums a path's beads of one segment a side.
    init(_ path: [Move], _ s: Side, _ t: Side) {
        var i = 0, j = 0
        for move in path {
            if move.a > 0, move.b > 0, s.segments(i, move.a) == 1, t.segments(j, move.b) == 1 {
                source += s.prefix[i + move.a] - s.prefix[i]
                target += t.prefix[j + move.b] - t.prefix[j]
                beads += 1
            }
            i += move.a
            j += move.b
        }
    }

    /// Target characters per source character, when there is anything to tell it.
    public var ratio: Double? { source > 0 && target > 0 ? target / source : nil }

    public static func + (a: PairedLengths, b: PairedLengths) -> PairedLengths {
        PairedLengths(source: a.source + b.source, target: a.target + b.target, beads: a.beads + b.beads)
    }

    /// Below this many beads (a dozen articles) a batch's ratio is no surer than an article's own.
    static let minimumBeads = 150

    /// Characters (but spaces) of a news translation per character of its English original, for the
    /// languages Werger is tuned for — the ratios the product's brief gives, measured on real news
    /// (NTREX-128 over all its 1,997 lines: Sorani 1.035, Kurmanji 0.988, Arabic 0.936).
    static let charactersPerEnglish: [String: Double] = ["en": 1, "ckb": 1.03, "kmr": 1.01, "ar": 0.95]

    /// How many 1-1 beads the typical ratio counts as (`withTypical`): more than a starter memory of a
    /// few hundred units written for a few articles (whose ratios, en–ckb 1.12, en–ar 0.90, are not
    /// news translation's), fewer than a newsroom's memory of thousands or a batch of a hundred articles.
    static let typicalWeight = 1000

    /// The ratio news translation between two of those languages keeps (target characters per
    /// source character). Nil for other language pairs.
    static func typicalRatio(from source: LanguageTag, to target: LanguageTag) -> Double? {
        guard let s = charactersPerEnglish[source.ruleLanguage], let t = charactersPerEnglish[target.ruleLanguage] else { return nil }
        return t / s
    }

    /// These lengths (a memory's sentence pairs) with the language pair's typical ratio added as
    /// `typicalWeight` beads of their average length: what a document's own ratio is drawn towards
    /// with no batch and no memory (`werger align A B` on a fresh machine: a short article's own ratio
    /// counts every sentence the translator dropped or added), and what a small memory or batch does
    /// not outweigh. Other language pairs keep these lengths alone.
    public func withTypical(from source: LanguageTag, to target: LanguageTag) -> PairedLengths {
        guard let ratio = Self.typicalRatio(from: source, to: target) else { return self }
        let characters = Double(Self.typicalWeight) * (beads > 0 && self.source > 0 ? self.source / Double(beads) : 100)
        return self + PairedLengths(source: characters, target: characters * ratio, beads: Self.typicalWeight)
    }

    /// A document's ratio (`own`, over `beads` 1-1 beads) drawn towards the batch's, as if the batch
    /// had given `weight` beads at its ratio (log-ratios averaged). Nil where the batch is too small.
    func drawn(_ own: Double, beads: Int, weight: Float) -> Double? {
        guard weight > 0, self.beads >= Self.minimumBeads, let pooled = ratio else { return nil }
        let n = Double(beads), k = Double(weight)
        return exp((n * log(own) + k * log(pooled)) / (n + k))
    }
}
