import Testing
@testable import WergerKit

/// The script check behind `werger align`'s refusal of an article given under the wrong language.
@Suite struct ScriptCensusTests {
    static let english = "The ministry said on Monday that 1,200 families had returned to their homes in Mosul."
    static let sorani = "وەزارەت ڕۆژی دووشەممە ڕایگەیاند کە ١٢٠٠ خێزان گەڕاونەتەوە بۆ ماڵەکانیان لە موسڵ."
    static let kurmanji = "Wezaretê roja duşemê ragihand ku 1.200 malbat vegeriyane malên xwe li Mûsilê."
    static let russian = "Министерство заявило в понедельник, что 1200 семей вернулись в свои дома в Мосуле."

    @Test func countsLettersByScript() throws {
        let census = ScriptCensus(Self.english + " " + Self.sorani)
        #expect(census.counts.keys.sorted() == ["Arab", "Latn"])
        #expect(census.letters == census.counts.values.reduce(0, +))
        #expect(census.share(of: "Cyrl") == 0)
        #expect(ScriptCensus(Self.russian).dominant == "Cyrl")
        #expect(ScriptCensus("1,200 — 3.5% ٣٫٥").letters == 0)
    }

    @Test(arguments: [
        (english, "en", false), (sorani, "ckb", false), (kurmanji, "kmr", false), (russian, "ru", false),
        (sorani, "en", true), (english, "ckb", true), (sorani, "kmr", true), (russian, "ar", true), (english, "ru", true),
    ])
    func contradictsAnotherScriptsLanguage(text: String, tag: String, contradicts: Bool) throws {
        #expect(ScriptCensus(text).contradicts(try LanguageTag(tag)) == contradicts)
    }

    /// A Sorani article full of English names and acronyms is still a Sorani article, and a few words
    /// are too few to judge.
    @Test func namesInLatinLettersAndShortTextsPass() throws {
        let names = Self.sorani + " NATO, UNICEF, Donald Trump, BBC, Reuters, ITV " + Self.sorani
        #expect(!ScriptCensus(names).contradicts(try LanguageTag("ckb")))
        #expect(!ScriptCensus("Erbil, KRG.").contradicts(try LanguageTag("ckb")))
    }

    @Test func namesScriptsInEnglish() {
        #expect(ScriptCensus.name(of: "Arab") == "Arabic")
        #expect(ScriptCensus.name(of: "Latn") == "Latin")
        #expect(ScriptCensus.name(of: "Cyrl") == "Cyrillic")
        #expect(ScriptCensus.name(of: "Zzzq") == "Zzzq")
    }
}
