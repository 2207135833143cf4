/// Text given as one language that reads as another: stored under that tag, it would sit where no
/// lookup in either language finds it. One test for `werger align`'s articles, `import`'s files and
/// `add`'s sentences: the letters' script (`ScriptCensus`), then for Arabic script which of Sorani
/// and Arabic the alphabet is (`SoraniArabicLetters`).
public struct LanguageContradiction: Equatable, Sendable {
    public enum Evidence: Equatable, Sendable {
        /// `share` of the letters are in script `found`; the language is written in `expected`
        /// (ICU script codes, sorted).
        case script(found: String, share: Double, expected: [String])
        /// Arabic script, but the other language's alphabet (`readsAs`: `ar` or `ckb`); `share` of
        /// the letters are that language's own.
        case alphabet(readsAs: String, share: Double)
    }

    /// How much text is judged: a document or a file's variants, or one sentence, which may be all
    /// names in another script (`Associated Press, Reuters` under ckb) and is refused only when none
    /// of its letters are in its language's script.
    public enum Extent: Sendable {
        case document, sentence

        var minimumShare: Double { self == .document ? 0.2 : .leastNonzeroMagnitude }
    }

    /// The tag the text was given under.
    public let language: String
    /// What the tag's rules are (`ckb`, `kmr`, `en`, …), for the hint a message gives.
    public let ruleLanguage: String
    public let evidence: Evidence
    /// Another language of the same file whose text reads as this one's, and this one's as its:
    /// the two were swapped (columns, or `--from` and `--to`).
    public var swappedWith: String?

    /// Whether `text`, given as `tag`, reads as another script, or as the other of Sorani and Arabic.
    public static func find(in text: String, as tag: LanguageTag, extent: Extent = .document) -> LanguageContradiction? {
        let scripts = ScriptCensus(text)
        // The second count only for Arabic script under a tag it could contradict.
        let alphabet = alphabetTells(tag) && scripts.dominant == "Arab" ? SoraniArabicLetters(text) : nil
        return judge(scripts, alphabet, as: tag, language: tag.identifier, extent: extent)
    }

    /// Whether Sorani's and Arabic's letters can contradict `tag`: Sorani, Arabic and its varieties.
    static func alphabetTells(_ tag: LanguageTag) -> Bool {
        tag.ruleLanguage == "ckb" || SoraniArabicLetters.arabicVarieties.contains(tag.ruleLanguage)
    }

    /// The finding on letters counted: the script first (`ScriptCensus.contradicts`), then for
    /// Arabic script the alphabet (`SoraniArabicLetters.contradicts`, when counted).
    static func judge(_ scripts: ScriptCensus, _ alphabet: SoraniArabicLetters?, as tag: LanguageTag, language: String,
                      extent: Extent = .document) -> LanguageContradiction? {
        if let (found, expected) = scripts.contradiction(of: tag, minimumShare: extent.minimumShare) {
            return LanguageContradiction(language: language, ruleLanguage: tag.ruleLanguage,
                                         evidence: .script(found: found, share: scripts.share(of: found), expected: expected.sorted()))
        }
        if let alphabet, let readsAs = alphabet.contradicts(tag) {
            return LanguageContradiction(language: language, ruleLanguage: tag.ruleLanguage,
                                         evidence: .alphabet(readsAs: readsAs, share: alphabet.share(of: readsAs)))
        }
        return nil
    }

    /// Whether the text reads as written in `other`: its script, or its alphabet.
    func readsAs(_ other: LanguageTag) -> Bool {
        switch evidence {
        case .script(let found, _, _): return ScriptCensus.writtenIn(other)?.contains(found) ?? false
        case .alphabet(let readsAs, _):
            return readsAs == "ckb" ? other.ruleLanguage == "ckb" : SoraniArabicLetters.arabicVarieties.contains(other.ruleLanguage)
        }
    }

    /// The finding, for a message, about `subject` ("its ckb variants", "the target text"): "97% of
    /// the letters of its ckb variants are Latin script, but ckb is written in Arabic script".
    public func describe(_ subject: String) -> String {
        let finding: String
        switch evidence {
        case .script(let found, let share, let expected):
            finding = "\(Self.percent(share)) of the letters of \(subject) are \(ScriptCensus.name(of: found)) script, "
                + "but \(language) is written in \(ScriptCensus.names(of: Set(expected))) script"
        case .alphabet(let readsAs, let share):
            finding = readsAs == "ar"
                ? "the letters of \(subject) are Arabic's, not Sorani's: almost none are Sorani's ە ێ ۆ ڵ ڕ, and \(Self.percent(share)) are Arabic's أ إ"
                : "the letters of \(subject) are Sorani's, not Arabic's: \(Self.percent(share)) are Sorani's ە ێ ۆ ڵ ڕ, which Arabic does not write"
        }
        return finding + hint
    }

    /// What the user may have meant: the two languages swapped; Kurdish under the other Kurdish tag
    /// (files often carry it); or, for a language Werger has no rules for, the tag that says its
    /// script (`el-Latn` for Greek in Latin letters), the way through for a text that is right.
    private var hint: String {
        if let swappedWith { return "; the \(language) and \(swappedWith) texts look swapped" }
        guard case .script(let found, _, _) = evidence else { return "" }
        switch (ruleLanguage, found) {
        case ("kmr", "Arab"): return " (Sorani is ckb; Kurmanji in Arabic script is kmr-Arab)"
        case ("ckb", "Latn"): return " (Kurmanji is kmr; Sorani in Latin script is ckb-Latn)"
        case ("en", _), ("ar", _), ("fa", _), ("tr", _), ("ckb", _), ("kmr", _): return ""
        default:
            let base = language.split(separator: "-").first.map(String.init) ?? language
            return " (if it is \(base) in \(ScriptCensus.name(of: found)) script, tag it \(base)-\(found))"
        }
    }

    private static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
