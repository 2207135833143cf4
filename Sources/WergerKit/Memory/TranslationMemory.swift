/// The reading side of a translation memory (Okapi's "seeker"): what callers that look things up
/// or export need, whatever engine stores the units.
public protocol TranslationMemoryReader {
    /// What the memory holds, per language and language pair.
    func statistics() throws -> MemoryStatistics
    /// Every unit in storage order; with `languages`, only units that have all of them, and only
    /// those variants.
    func forEachUnit(languages: [LanguageTag]?, _ body: (TranslationUnit) throws -> Void) throws
}

/// The writing side (Okapi's "writer"): everything in `write` is one transaction, so an import
/// lands whole or not at all.
public protocol TranslationMemoryWriter {
    func write<T>(_ body: (ImportSession) throws -> T) throws -> T
}

/// Adds units inside one write transaction and counts what happened.
public final class ImportSession {
    private let insert: (PreparedUnit) throws -> Bool
    public private(set) var summary = ImportSummary()

    init(insert: @escaping (PreparedUnit) throws -> Bool) { self.insert = insert }

    /// Stores `unit`; a unit whose variants are already stored is counted as a duplicate.
    @discardableResult
    public func add(_ unit: TranslationUnit) throws -> Bool {
        try add(PreparedUnit(unit, tokenizer: tokenizer))
    }

    private lazy var tokenizer = MatchTokenizer()

    /// Stores a unit whose derived values were computed elsewhere (an import's reading thread).
    @discardableResult
    public func add(_ unit: PreparedUnit) throws -> Bool {
        let added = try insert(unit)
        if added { summary.added += 1 } else { summary.duplicates += 1 }
        return added
    }

    /// Counts a unit that was not stored because it is invalid (reported as a diagnostic).
    public func skip() { summary.skipped += 1 }
}

/// What an import did.
public struct ImportSummary: Equatable, Sendable, Codable {
    public var added = 0
    public var duplicates = 0
    public var skipped = 0
    public init(added: Int = 0, duplicates: Int = 0, skipped: Int = 0) {
        self.added = added
        self.duplicates = duplicates
        self.skipped = skipped
    }
    public static func + (a: ImportSummary, b: ImportSummary) -> ImportSummary {
        ImportSummary(added: a.added + b.added, duplicates: a.duplicates + b.duplicates, skipped: a.skipped + b.skipped)
    }
}

/// What `werger stats` reports.
public struct MemoryStatistics: Equatable, Sendable {
    public struct Pair: Equatable, Sendable {
        public var from: String
        public var to: String
        public var units: Int
    }
    public var units: Int
    /// Variants per language tag, by tag.
    public var variants: [String: Int]
    /// Units per (source language, other language).
    public var pairs: [Pair]
    /// Bytes on disk (the database and its write-ahead log).
    public var size: Int
    /// The latest creation or change date of any unit.
    public var lastChange: String?
}

/// A unit with what the store derives from it (its fingerprint, and per variant the word hashes
/// and fuzzy-index keys), computed ahead so that reading and writing an import
/// can run on two cores.
public struct PreparedUnit: Sendable {
    public let unit: TranslationUnit
    public let fingerprint: String
    let variants: [PreparedVariant]

    public init(_ unit: TranslationUnit, tokenizer: MatchTokenizer) {
        self.unit = unit
        fingerprint = unit.fingerprint
        variants = unit.variants.map { PreparedVariant(text: $0.text, language: $0.language, tokenizer: tokenizer) }
    }
}

/// A variant's word hashes as stored (16 bits each, little-endian) and its fuzzy-index keys.
struct PreparedVariant: Sendable {
    let packedWords: [UInt8]
    let features: [Int64]

    init(text: String, language identifier: String, tokenizer: MatchTokenizer) {
        let language = MatchingLanguage.of(identifier)
        let words = tokenizer.words(of: text, language: language)
        let seed = MatchFeatures.seed(language: language.key)
        var packed = [UInt8](repeating: 0, count: words.count * 2)
        for (i, word) in words.enumerated() {
            let value = VariantShape.pack(word)
            packed[2 * i] = UInt8(value & 0xFF)
            packed[2 * i + 1] = UInt8(value >> 8)
        }
        packedWords = packed
        var keys = MatchFeatures.words(words, seed: seed)
        keys.append(contentsOf: MatchFeatures.pairs(words, seed: seed))
        features = keys
    }
}
