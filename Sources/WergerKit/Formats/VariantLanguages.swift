/// What variants are written in, per language tag, counted over a whole file (or one unit). A TSV
/// whose header row names its columns wrongly (`en ckb` over English and Kurmanji, or the two
/// columns swapped), or a TMX that tags Sorani as `ku` (Kurmanji), would otherwise store every unit
/// under a language it is not in, where no lookup in either language finds it. The same two tests
/// `werger align` applies to an article: the letters' script (`ScriptCensus`), and for Arabic script
/// which of Sorani and Arabic the alphabet is (`SoraniArabicLetters`). Over a whole file the
/// thresholds stay far from real data: a Sorani memory full of Latin names, or an English one
/// quoting Arabic, passes; under 40 letters nothing is judged. A language is judged on its first
/// `sample` letters: tags are wrong from a file's first rows (a header row, a tool's project
/// languages), and counting every letter of a million-unit memory cost its import a sixth more CPU.
public struct VariantLanguages: Sendable {
    /// Letters per language after which its variants are no longer counted.
    static let sample = 200_000

    private struct Count: Sendable {
        let tag: LanguageTag?
        var scripts = ScriptCensus()
        /// Only for the languages whose letters tell Sorani from Arabic.
        var alphabet: SoraniArabicLetters?
    }

    private var counts: [String: Count] = [:]

    public init() {}

    public mutating func add(_ unit: TranslationUnit) {
        for variant in unit.variants { add(variant.text, language: variant.language) }
    }

    /// `language`: a canonical tag, as variants hold it.
    public mutating func add(_ text: String, language: String) {
        if counts[language] == nil {
            let tag = try? LanguageTag(language)
            let tellsAlphabet = tag.map { $0.ruleLanguage == "ckb" || SoraniArabicLetters.arabicVarieties.contains($0.ruleLanguage) } ?? false
            counts[language] = Count(tag: tag, alphabet: tellsAlphabet ? SoraniArabicLetters() : nil)
        }
        guard counts[language]!.scripts.letters < Self.sample else { return }
        counts[language]!.scripts.add(text)
        counts[language]!.alphabet?.add(text)
    }

    /// The first language (in tag order) whose text, taken together, reads as another script or as
    /// the other of Sorani and Arabic; nil when every language's does not contradict its tag.
    public func contradiction() -> LanguageContradiction? {
        for (language, count) in counts.sorted(by: { $0.key < $1.key }) {
            guard let tag = count.tag else { continue }
            if count.scripts.contradicts(tag), let found = count.scripts.dominant {
                return LanguageContradiction(language: language, evidence: .script(
                    found: found, share: count.scripts.share(of: found), expected: tag.script, ruleLanguage: tag.ruleLanguage))
            }
            if let alphabet = count.alphabet, let readsAs = alphabet.contradicts(tag) {
                return LanguageContradiction(language: language, evidence: .alphabet(readsAs: readsAs, share: alphabet.share(of: readsAs)))
            }
        }
        return nil
    }
}

/// Text given as one language that reads as another.
public struct LanguageContradiction: Equatable, Sendable {
    public enum Evidence: Equatable, Sendable {
        /// `share` of the letters are in script `found`; the language is written in `expected`.
        case script(found: String, share: Double, expected: String, ruleLanguage: String)
        /// Arabic script, but the other language's alphabet (`readsAs`: `ar` or `ckb`); `share` of
        /// the letters are that language's own.
        case alphabet(readsAs: String, share: Double)
    }

    /// The tag the text was given under.
    public let language: String
    public let evidence: Evidence

    /// The finding, for a message, about `subject` ("its ckb variants", "the target text"): "97% of
    /// the letters of its ckb variants are Latin script, but ckb is written in Arabic script".
    public func describe(_ subject: String) -> String {
        switch evidence {
        case .script(let found, let share, let expected, let ruleLanguage):
            let hint: String
            switch (ruleLanguage, found) {
            // Kurdish is written in two scripts with two tags, and files often carry the other one.
            case ("kmr", "Arab"): hint = " (Kurdish in Arabic script is Sorani, ckb)"
            case ("ckb", "Latn"): hint = " (Kurdish in Latin script is Kurmanji, kmr)"
            default: hint = ""
            }
            return "\(Self.percent(share)) of the letters of \(subject) are \(ScriptCensus.name(of: found)) script, "
                + "but \(language) is written in \(ScriptCensus.name(of: expected)) script" + hint
        case .alphabet(let readsAs, let share):
            return readsAs == "ar"
                ? "the letters of \(subject) are Arabic's, not Sorani's: almost none are Sorani's ە ێ ۆ ڵ ڕ, and \(Self.percent(share)) are Arabic's أ إ ؤ"
                : "the letters of \(subject) are Sorani's, not Arabic's: \(Self.percent(share)) are Sorani's ە ێ ۆ ڵ ڕ, which Arabic does not write"
        }
    }

    private static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
