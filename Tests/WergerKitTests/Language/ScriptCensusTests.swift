import Testing
@testable import WergerKit

/// The script check behind `werger align`'s refusal of an article given under the wrong language.
@Suite struct ScriptCensusTests {
    static let english = "The ministry said on Monday that 1,200 families had returned to their homes in Mosul."
    static let sorani = "وەزارەت ڕۆژی دووشەممە ڕایگەیاند کە ١٢٠٠ خێزان گەڕاونەتەوە بۆ ماڵەکانیان لە موسڵ."
    static let kurmanji = "Wezaretê roja duşemê ragihand ku 1.200 malbat vegeriyane malên xwe li Mûsilê."
    static let russian = "Министерство заявило в понедельник, что 1200 семей вернулись в свои дома в Мосуле."
    static let chinese = "外交部星期一表示，已有一千二百个家庭返回摩苏尔的家中，更多家庭将在下周返回，学校也将重新开放。"
    static let japanese = "外務省は月曜日、千二百の家族がモスルの自宅に戻ったと発表しました。学校は来週から再開され、さらに多くの家族が戻る予定です。"
    static let ancientGreek = "Τὸν λόγον τοῦτον ἀκούσαντες οἱ στρατιῶται ἐθαύμαζον μάλιστα τὴν τοῦ στρατηγοῦ ἀρετήν."
    static let serbianLatin = "Ministarstvo je u ponedeljak saopštilo da se 1.200 porodica vratilo svojim domovima u Mosulu."

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
        (sorani, "en", true), (english, "ckb", true), (sorani, "kmr", true), (russian, "ar", true), (english, "ru-Cyrl", true),
        // Sorani by region (ICU's likely script for ku-IQ is Latin; Werger reads it as Sorani).
        (sorani, "ku-IQ", false), (kurmanji, "ku-IQ", true), (kurmanji, "ckb-Latn", false), (sorani, "kmr-Arab", false),
        // Chinese, Japanese and Korean tags name scripts ICU does not give letters (Hans, Jpan).
        (chinese, "zh", false), (chinese, "zh-Hant", false), (japanese, "ja-Jpan", false), (english, "zh-Hant", true),
        // A bare tag of a language written in two scripts is not judged; a script in the tag is; codes
        // for a way of writing are judged by the letters they use, codes for none not at all.
        (serbianLatin, "sr", false), (english, "ru", true), (serbianLatin, "sr-Cyrl", true), (serbianLatin, "sr-Latn", false),
        // A bare tag whose likely script is a historical one (Ancient Greek: Cypriot) is not judged.
        (ancientGreek, "grc", false), (english, "crh", false), (ancientGreek, "grc-Latn", true),
        (english, "en-Latf", false), (chinese, "ja-Hrkt", true), (japanese, "ja", false), (english, "ja", true), (english, "en-Zyyy", false), (english, "en-Qaaa", false),
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

    /// Common and Inherited letters (the Japanese length mark ー) are in no one script, and not counted.
    @Test func commonLettersAreNotCounted() {
        let census = ScriptCensus("ーーーー")
        #expect(census.letters == 0 && census.counts.isEmpty)
    }

    @Test func namesScriptsInEnglish() {
        #expect(ScriptCensus.names(of: ["Kana", "Hani", "Hira"]) == "Han, Hiragana or Katakana")
        #expect(ScriptCensus.names(of: ["Hang", "Hani"]) == "Han or Hangul")
        #expect(ScriptCensus.name(of: "Arab") == "Arabic")
        #expect(ScriptCensus.name(of: "Latn") == "Latin")
        #expect(ScriptCensus.name(of: "Cyrl") == "Cyrillic")
        #expect(ScriptCensus.name(of: "Zzzq") == "Zzzq")
    }
}
