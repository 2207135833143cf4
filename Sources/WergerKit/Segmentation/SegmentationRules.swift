import Foundation

/// The language rules Werger adds on top of ICU's sentence breaks, read from a plain-text rule file
/// (`Segmentation/Rules/<language>.rules`) that a translator can read and extend.
///
/// A rule file has `[section]` headers followed by whitespace-separated entries; `#` starts a
/// comment. Abbreviations are written without their final period and matched case-insensitively.
public struct SegmentationRules: Sendable {
    /// Abbreviations that never end a sentence (titles before names, `e.g`, `vs`).
    public var abbreviations: Set<String> = []
    /// Abbreviations that end a sentence only before a word that normally starts one (`Inc`, `U.S`).
    public var closingAbbreviations: Set<String> = []
    /// Abbreviations written with inner periods that end a sentence like any word (`b.z`, `إلخ`):
    /// not read as an acronym like `U.S`.
    public var endingAbbreviations: Set<String> = []
    /// Abbreviations that do not end a sentence before a number (`No. 5`, `p. 55`).
    public var numberAbbreviations: Set<String> = []
    /// Clock abbreviations (`a.m`, `p.m`): they end a sentence before a capitalised word, unless
    /// that word names a time zone (`3 p.m. Baghdad time`).
    public var timeAbbreviations: Set<String> = []
    /// Words that follow a time abbreviation inside the same sentence (`time`, `local`).
    public var timeZoneWords: Set<String> = []
    /// Abbreviations that a sentence runs on after, where `lowercase-after-word` lets a word in
    /// lower case start one (`û hwd. bi …`, `Ltd. re …`); before a capital they end it like any word.
    public var continuingAbbreviations: Set<String> = []
    /// Words that cannot end a sentence (a conjunction, a preposition before its noun: Kurmanji
    /// `ku`, `û`, `bi`): a full stop after one is a slip, and the sentence goes on
    /// (`… wiha difikirin ku. Konseya Ewlehiyê …`).
    public var nonFinalWords: Set<String> = []
    /// Words that typically start a sentence; a closing abbreviation before one of them ends it.
    public var sentenceStarters: Set<String> = []
    /// Prefixes that make a word a sentence start (Arabic writes the conjunction و onto the word).
    public var starterPrefixes: Set<String> = []
    /// Speech verbs (`said`, `asked`, `گوتی`, `قال`): a quote followed by one is a single segment
    /// with its attribution.
    public var speechVerbs: Set<String> = []
    /// Words that open a subordinate clause (`as`, `when`): a sentence after a quotation that starts
    /// with one is not its attribution, even with a speech verb (`As she said this, …`).
    public var clauseOpeners: Set<String> = []
    /// Words that open a photo credit in parentheses (`Photo`, `وێنە`); a credit after a finished
    /// caption is a segment of its own.
    public var creditWords: Set<String> = []
    /// Extra characters that end a sentence in this language (Armenian writes `:` for a full stop).
    public var terminators: Set<String> = []
    /// Switches: `ordinal-numbers` (`12. Juni`: a number with a period is an ordinal, not a sentence
    /// end), `lowercase-may-start` (a sentence may begin in lower case, as in Greek or Kazakh),
    /// `lowercase-after-word` (it may after a full stop that follows a plain word, as in Kurmanji news).
    public var options: Set<String> = []
    /// Other rule files read before this one (Danish copy quotes English, so `da` includes `en`).
    public var includes: Set<String> = []

    public init() {}

    /// Parses a rule file's text; `file` names it in errors.
    public init(parsing text: String, file: String) throws(SegmentationRulesError) {
        var section: WritableKeyPath<SegmentationRules, Set<String>>?
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") {
                let name = String(trimmed.dropFirst().dropLast())
                guard let path = Self.sections[name] else {
                    throw SegmentationRulesError(file: file, line: number + 1, message: "unknown section [\(name)]")
                }
                section = path
                continue
            }
            guard let section else {
                throw SegmentationRulesError(file: file, line: number + 1, message: "entry before any [section]")
            }
            for entry in trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                // Terminators are characters; a lone "." must not become an empty key.
                self[keyPath: section].insert(section == \.terminators ? String(entry) : Self.key(String(entry)))
            }
        }
    }

    /// Adds every entry of `other` (a language file on top of the common one).
    public mutating func merge(_ other: SegmentationRules) {
        for path in Self.sections.values { self[keyPath: path].formUnion(other[keyPath: path]) }
    }

    /// The lookup form of an entry or a word: lower-cased, without a final period.
    static func key(_ word: String) -> String {
        var word = word.lowercased()
        while word.hasSuffix(".") { word.removeLast() }
        return word
    }

    nonisolated(unsafe) private static let sections: [String: WritableKeyPath<SegmentationRules, Set<String>>] = [
        "abbreviations": \.abbreviations,
        "closing-abbreviations": \.closingAbbreviations,
        "ending-abbreviations": \.endingAbbreviations,
        "number-abbreviations": \.numberAbbreviations,
        "time-abbreviations": \.timeAbbreviations,
        "time-zone-words": \.timeZoneWords,
        "continuing-abbreviations": \.continuingAbbreviations,
        "non-final-words": \.nonFinalWords,
        "sentence-starters": \.sentenceStarters,
        "starter-prefixes": \.starterPrefixes,
        "speech-verbs": \.speechVerbs,
        "clause-openers": \.clauseOpeners,
        "credit-words": \.creditWords,
        "terminators": \.terminators,
        "options": \.options,
        "include": \.includes,
    ]

    /// The rules for a language: the common file plus the language's own, when it has one.
    public static func forLanguage(_ language: String) throws(SegmentationRulesError) -> (rules: SegmentationRules, handTuned: Bool) {
        var rules = try load("common") ?? SegmentationRules()
        guard let own = try load(language) else { return (rules, false) }
        for included in own.includes.sorted() where included != language {
            if let other = try load(included) { rules.merge(other) }
        }
        rules.merge(own)
        return (rules, true)
    }

    static func load(_ name: String) throws(SegmentationRulesError) -> SegmentationRules? {
        guard name.allSatisfy({ $0.isLetter || $0 == "-" }),
              let url = Bundle.module.url(forResource: name, withExtension: "rules", subdirectory: "Rules") else {
            return nil
        }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw SegmentationRulesError(file: url.path, line: 0, message: "cannot be read: \(error.localizedDescription)")
        }
        return try SegmentationRules(parsing: text, file: url.path)
    }
}

/// A rule file that cannot be used.
public struct SegmentationRulesError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { "\(file):\(line): \(message)" }
}
