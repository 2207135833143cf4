import Foundation
import Testing
@testable import WergerKit

/// The alphabet check behind `werger align`'s refusal of Arabic given as Sorani and the reverse.
@Suite struct SoraniArabicLettersTests {
    static let sorani = "وەزارەت ڕۆژی دووشەممە ڕایگەیاند کە ١٢٠٠ خێزان گەڕاونەتەوە بۆ ماڵەکانیان لە موسڵ و ھەولێر."
    static let arabic = "وقالت الوزارة يوم الاثنين إن ١٢٠٠ عائلة عادت إلى منازلها في الموصل وأربيل بعد أشهر من النزوح."
    static let persian = "وزارت روز دوشنبه اعلام کرد که ۱۲۰۰ خانواده به خانه‌های خود در موصل و اربیل بازگشته‌اند."

    @Test func countsEachLanguagesOwnLetters() {
        let sorani = SoraniArabicLetters(Self.sorani)
        #expect(sorani.sorani > 10 && sorani.arabic == 0)
        let arabic = SoraniArabicLetters(Self.arabic)
        #expect(arabic.sorani == 0 && arabic.arabic == 4)
        #expect(SoraniArabicLetters("1,200 — ١٢٠٠ NATO").letters == 0)
    }

    @Test(arguments: [
        (sorani, "ckb", nil), (sorani, "ku-Arab", nil), (arabic, "ar", nil), (persian, "fa", nil),
        (arabic, "ckb", "ar"), (arabic, "ku-Arab", "ar"), (arabic.decomposedStringWithCanonicalMapping, "ckb", "ar"), (sorani, "ar", "ckb"), (sorani, "arz", "ckb"), (sorani, "ar-EG", "ckb"),
        // Persian has neither alphabet's own letters in number: neither check claims it.
        (persian, "ckb", nil), (persian, "ar", nil),
        // Another language's tag is not judged here (ScriptCensus judges scripts).
        (arabic, "fa", nil), (sorani, "en", nil),
    ] as [(String, String, String?)])
    func readsAsTheOtherLanguage(text: String, tag: String, readsAs: String?) throws {
        #expect(SoraniArabicLetters(text).contradicts(try LanguageTag(tag)) == readsAs)
    }

    /// Sorani typed on an Arabic keyboard (Arabic yeh and kaf for ی and ک, even `ه ي و ل ر` for its own
    /// `ە ێ ۆ ڵ ڕ`, and `ة ى` at words' ends) is not taken for Arabic; an Arabic article quoting a Kurdish name stays Arabic; a
    /// line is too short to judge.
    @Test func keyboardsNamesAndShortTextsPass() throws {
        let arabicKeys = Self.sorani.replacingOccurrences(of: "ی", with: "ي").replacingOccurrences(of: "ک", with: "ك")
        #expect(SoraniArabicLetters(arabicKeys).contradicts(try LanguageTag("ckb")) == nil)
        let withoutItsLetters = zip(Array("ەێۆڵڕ"), Array("هيولر")).reduce(arabicKeys) { text, pair in
            text.replacingOccurrences(of: String(pair.0), with: String(pair.1))
        }
        #expect(SoraniArabicLetters(withoutItsLetters).sorani == 0)
        #expect(SoraniArabicLetters(withoutItsLetters).contradicts(try LanguageTag("ckb")) == nil)
        // and `ة` for a word's final `ە`, `ى` for its final `ی`, as older Sorani text often has.
        let finals = withoutItsLetters.split(separator: " ").map { word -> String in
            word.hasSuffix("ه") ? word.dropLast() + "ة" : word.hasSuffix("ي") ? word.dropLast() + "ى" : String(word)
        }.joined(separator: " ")
        #expect(finals.contains("ة") && finals.contains("ى"))
        #expect(SoraniArabicLetters(finals).contradicts(try LanguageTag("ckb")) == nil)
        // Older Sorani typing also wrote `ؤ` for `ۆ`, which is not counted as Arabic's.
        let legacyWaw = withoutItsLetters.replacingOccurrences(of: "و", with: "ؤ")
        #expect(SoraniArabicLetters(legacyWaw).arabic == 0)
        #expect(SoraniArabicLetters(legacyWaw).contradicts(try LanguageTag("ckb")) == nil)
        let quoting = Self.arabic + " وقال المتحدث باسم وزارة ھەولێر: " + Self.arabic
        #expect(SoraniArabicLetters(quoting).contradicts(try LanguageTag("ar")) == nil)
        #expect(SoraniArabicLetters("قالت الوزارة").contradicts(try LanguageTag("ckb")) == nil)
    }
}
