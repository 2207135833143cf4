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

    /// Counts `unit`'s variants; returns the finding on a language whose sample has just filled, so
    /// an import can stop there instead of reading the rest of a file it will refuse.
    @discardableResult
    public mutating func add(_ unit: TranslationUnit) -> LanguageContradiction? {
        var filled: Set<String> = []
        for variant in unit.variants where add(variant.text, language: variant.language) { filled.insert(variant.language) }
        return filled.isEmpty ? nil : contradiction(among: filled)
    }

    /// `language`: a canonical tag, as variants hold it. True when this text filled its sample.
    mutating func add(_ text: String, language: String) -> Bool {
        if counts[language] == nil {
            let tag = try? LanguageTag(language)
            counts[language] = Count(tag: tag, alphabet: tag.map(LanguageContradiction.alphabetTells) == true ? SoraniArabicLetters() : nil)
        }
        guard counts[language]!.scripts.letters < Self.sample else { return false }
        counts[language]!.scripts.add(text)
        counts[language]!.alphabet?.add(text)
        return counts[language]!.scripts.letters >= Self.sample
    }

    /// The first language (in tag order) whose text, taken together, reads as another script or as
    /// the other of Sorani and Arabic, and the language it was swapped with when that one's reads as
    /// its; nil when no language's text contradicts its tag.
    /// `among`: only these languages' findings are returned (the others' still tell a swap).
    public func contradiction(among languages: Set<String>? = nil) -> LanguageContradiction? {
        var found: [(tag: LanguageTag, contradiction: LanguageContradiction)] = []
        for (language, count) in counts.sorted(by: { $0.key < $1.key }) {
            guard let tag = count.tag, let contradiction = LanguageContradiction.judge(count.scripts, count.alphabet, as: tag, language: language)
            else { continue }
            found.append((tag, contradiction))
        }
        guard var first = found.first(where: { languages?.contains($0.contradiction.language) ?? true }) else { return nil }
        first.contradiction.swappedWith = found.first {
            $0.contradiction.language != first.contradiction.language && first.contradiction.readsAs($0.tag) && $0.contradiction.readsAs(first.tag)
        }?.contradiction.language
        return first.contradiction
    }
}
