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

    /// Whether `text`, given as `tag`, reads as another script, or as the other of Sorani and Arabic.
    /// `sentence`: one sentence, not a document — then it contradicts a script only when none of its
    /// letters are in it: `سەرچاوە: Associated Press, Reuters, Agence France-Presse` is Sorani.
    public static func find(in text: String, as tag: LanguageTag, sentence: Bool = false) -> LanguageContradiction? {
        let scripts = ScriptCensus(text)
        // The second count only for Arabic script under a tag it could contradict.
        let alphabet = alphabetTells(tag) && scripts.dominant == "Arab" ? SoraniArabicLetters(text) : nil
        return judge(scripts, alphabet, as: tag, language: tag.identifier, minimumShare: sentence ? .leastNonzeroMagnitude : 0.2)
    }

    /// Whether Sorani's and Arabic's letters can contradict `tag`: Sorani, Arabic and its varieties.
    static func alphabetTells(_ tag: LanguageTag) -> Bool {
        tag.ruleLanguage == "ckb" || SoraniArabicLetters.arabicVarieties.contains(tag.ruleLanguage)
    }

    /// The finding on letters counted: the script first (`ScriptCensus.contradicts`), then for
    /// Arabic script the alphabet (`SoraniArabicLetters.contradicts`, when counted).
    static func judge(_ scripts: ScriptCensus, _ alphabet: SoraniArabicLetters?, as tag: LanguageTag, language: String,
                      minimumShare: Double = 0.2) -> LanguageContradiction? {
        if scripts.contradicts(tag, minimumShare: minimumShare), let found = scripts.dominant {
            return LanguageContradiction(language: language, evidence: .script(
                found: found, share: scripts.share(of: found), expected: ScriptCensus.writtenIn(tag) ?? tag.script, ruleLanguage: tag.ruleLanguage))
        }
        if let alphabet, let readsAs = alphabet.contradicts(tag) {
            return LanguageContradiction(language: language, evidence: .alphabet(readsAs: readsAs, share: alphabet.share(of: readsAs)))
        }
        return nil
    }

    /// The finding, for a message, about `subject` ("its ckb variants", "the target text"): "97% of
    /// the letters of its ckb variants are Latin script, but ckb is written in Arabic script".
    public func describe(_ subject: String) -> String {
        switch evidence {
        case .script(let found, let share, let expected, let ruleLanguage):
            let hint: String
            switch (ruleLanguage, found) {
            // Kurdish is written in two scripts with two tags, and files often carry the other one.
            case ("kmr", "Arab"): hint = " (Sorani is ckb; Kurmanji in Arabic script is kmr-Arab)"
            case ("ckb", "Latn"): hint = " (Kurmanji is kmr; Sorani in Latin script is ckb-Latn)"
            default: hint = ""
            }
            return "\(Self.percent(share)) of the letters of \(subject) are \(ScriptCensus.name(of: found)) script, "
                + "but \(language) is written in \(ScriptCensus.names(ofLettersIn: expected)) script" + hint
        case .alphabet(let readsAs, let share):
            return readsAs == "ar"
                ? "the letters of \(subject) are Arabic's, not Sorani's: almost none are Sorani's ە ێ ۆ ڵ ڕ, and \(Self.percent(share)) are Arabic's أ إ ؤ"
                : "the letters of \(subject) are Sorani's, not Arabic's: \(Self.percent(share)) are Sorani's ە ێ ۆ ڵ ڕ, which Arabic does not write"
        }
    }

    private static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
