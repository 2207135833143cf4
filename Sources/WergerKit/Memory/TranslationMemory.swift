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

/// A unit with what the store derives from it (its fingerprint; per variant the matching form,
/// the word sequence and the fuzzy-index keys), computed ahead so that reading and writing an
/// import can run on two cores.
public struct PreparedUnit: Sendable {
    public let unit: TranslationUnit
    public let fingerprint: String
    public let matching: [String]
    /// Per variant: the matching language key, the word hashes (`MatchTokens.words`) and the keys.
    let languages: [String]
    let words: [[UInt64]]
    let features: [[Int64]]

    public init(_ unit: TranslationUnit, tokenizer: MatchTokenizer) {
        self.unit = unit
        fingerprint = unit.fingerprint
        var matching: [String] = [], languages: [String] = [], words: [[UInt64]] = [], features: [[Int64]] = []
        for variant in unit.variants {
            let language = MatchingLanguage.of(variant.language)
            let tokens = tokenizer.tokens(of: variant.text, language: language)
            let sequence = tokens.words
            let seed = MatchFeatures.seed(language: language.key)
            matching.append(String(decoding: tokens.form, as: UTF16.self))
            languages.append(language.key)
            words.append(sequence)
            features.append(MatchFeatures.words(sequence, seed: seed) + MatchFeatures.pairs(sequence, seed: seed))
        }
        self.matching = matching
        self.languages = languages
        self.words = words
        self.features = features
    }
}
