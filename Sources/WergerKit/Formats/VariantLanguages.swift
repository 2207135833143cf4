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
    mutating func add(_ text: String, language: String) {
        if counts[language] == nil {
            let tag = try? LanguageTag(language)
            counts[language] = Count(tag: tag, alphabet: tag.map(LanguageContradiction.alphabetTells) == true ? SoraniArabicLetters() : nil)
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
            if let found = LanguageContradiction.judge(count.scripts, count.alphabet, as: tag, language: language) { return found }
        }
        return nil
    }
}
