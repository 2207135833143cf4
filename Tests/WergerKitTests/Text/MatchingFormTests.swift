import Testing
@testable import WergerKit

/// The matching form: what must compare equal (spelling variants a translator does not see as a
/// difference) and what must stay apart (letters a language tells apart). Texts are written with
/// escapes where the difference is invisible.
@Suite("MatchingForm")
struct MatchingFormTests {
    static let sorani = MatchingLanguage.of("ckb")
    static let persian = MatchingLanguage.of("fa")
    static let arabic = MatchingLanguage.of("ar")
    static let english = MatchingLanguage.of("en")
    static let turkish = MatchingLanguage.of("tr")

    /// Two spellings that must have one matching form.
    struct Same: Sendable, CustomTestStringConvertible {
        var what: String
        var language: String
        var a: String
        var b: String
        var testDescription: String { "\(what) (\(language))" }
    }

    static let same: [Same] = [
        Same(what: "Arabic yeh ي and alef maksura ى are Kurdish/Persian yeh ی", language: "ckb",
             a: "\u{0643}\u{0631}\u{062F}\u{064A} \u{0639}\u{0644}\u{0649}", b: "\u{06A9}\u{0631}\u{062F}\u{06CC} \u{0639}\u{0644}\u{06CC}"),
        Same(what: "Arabic yeh in Persian", language: "fa", a: "ايران", b: "ایران"),
        Same(what: "Arabic kaf ك is keheh ک", language: "ckb", a: "كردستان", b: "کردستان"),
        Same(what: "Arabic kaf in Arabic text", language: "ar", a: "كتاب", b: "\u{06A9}تاب"),
        Same(what: "fatha, damma, kasra, shadda, sukun removed", language: "ar",
             a: "\u{0645}\u{064F}\u{062D}\u{064E}\u{0645}\u{0651}\u{064E}\u{062F} \u{0645}\u{0650}\u{0646}\u{0652}", b: "محمد من"),
        Same(what: "tanween and superscript alef removed", language: "ar", a: "شكرًا \u{0647}\u{0670}ذا", b: "شكرا هذا"),
        Same(what: "tatweel removed", language: "ar", a: "\u{0643}\u{0640}\u{0640}\u{0640}\u{062A}\u{0627}\u{0628}", b: "كتاب"),
        Same(what: "ZWNJ removed", language: "fa", a: "\u{0645}\u{06CC}\u{200C}\u{0631}\u{0648}\u{0645}", b: "میروم"),
        Same(what: "ZWNJ removed inside a Sorani word", language: "ckb", a: "\u{06A9}\u{0648}\u{0631}\u{200C}\u{062F}", b: "کورد"),
        Same(what: "legacy Sorani ه + ZWNJ is ە", language: "ckb",
             a: "\u{0644}\u{0647}\u{200C} \u{0647}\u{0647}\u{200C}\u{0648}\u{0644}\u{06CE}\u{0631}", b: "لە هەولێر"),
        Same(what: "Arabic-Indic digits are ASCII", language: "ckb", a: "\u{0661}\u{0664} \u{0662}\u{0660}\u{0662}\u{0661}", b: "14 2021"),
        Same(what: "Persian digits are ASCII", language: "fa", a: "\u{06F1}\u{06F4}\u{06F0}\u{06F2}", b: "1402"),
        Same(what: "Persian and Arabic-Indic digits are one another", language: "ckb", a: "\u{06F1}\u{06F4}", b: "\u{0661}\u{0664}"),
        Same(what: "curly double quotes are straight", language: "en", a: "\u{201C}yes\u{201D}", b: "\"yes\""),
        Same(what: "guillemets are straight quotes", language: "ckb", a: "\u{00AB}ئاو\u{00BB}", b: "\"ئاو\""),
        Same(what: "curly single quotes are straight", language: "en", a: "it\u{2019}s", b: "it's"),
        Same(what: "en dash is a hyphen", language: "en", a: "2020\u{2013}2021", b: "2020-2021"),
        Same(what: "em dash is a hyphen", language: "en", a: "Erbil \u{2014} Duhok", b: "Erbil - Duhok"),
        Same(what: "NBSP is a space", language: "en", a: "100\u{00A0}km", b: "100 km"),
        Same(what: "runs of white space are one space, trimmed", language: "en", a: "  The \t dam\n is   full. ", b: "The dam is full."),
        Same(what: "case folds", language: "en", a: "THE Dam Is Full", b: "the dam is full"),
        Same(what: "Turkish dotted capital İ is i", language: "tr", a: "İSTANBUL", b: "istanbul"),
        Same(what: "Turkish capital I is dotless ı", language: "tr", a: "DIŞ", b: "dış"),
        Same(what: "lam-alef ligature ﻻ is لا", language: "ar", a: "\u{FEFB}", b: "\u{0644}\u{0627}"),
        Same(what: "presentation forms of beh are beh", language: "ar", a: "\u{FE91}\u{FE8E}\u{FE91}", b: "باب"),
        Same(what: "Arabic comma, semicolon, question mark are ASCII", language: "ar", a: "نعم\u{060C} لا\u{061B} لماذا\u{061F}", b: "نعم, لا; لماذا?"),
        Same(what: "direction marks removed", language: "ckb", a: "\u{200F}ئاو\u{200E}", b: "ئاو"),
    ]

    @Test("spelling variants have one matching form", arguments: same)
    func foldsTogether(_ pair: Same) {
        let language = MatchingLanguage.of(pair.language)
        let a = MatchingForm.of(pair.a, language: language)
        let b = MatchingForm.of(pair.b, language: language)
        #expect(a == b, "\(Self.scalars(a)) is not \(Self.scalars(b))")
        // Folding is idempotent: the form of a form is itself.
        #expect(MatchingForm.of(a, language: language) == a)
    }

    /// Two spellings whose matching forms must differ.
    struct Apart: Sendable, CustomTestStringConvertible {
        var what: String
        var language: String
        var a: String
        var b: String
        var testDescription: String { "\(what) (\(language))" }
    }

    static let apart: [Apart] = [
        Apart(what: "Sorani ە (ae) is not ه (heh)", language: "ckb", a: "\u{06D5}", b: "\u{0647}"),
        Apart(what: "Sorani words with ە and ه", language: "ckb", a: "\u{0644}\u{06D5}", b: "\u{0644}\u{0647}"),
        Apart(what: "Sorani ێ is not ی", language: "ckb", a: "\u{0628}\u{06CE}", b: "\u{0628}\u{06CC}"),
        Apart(what: "Sorani ۆ is not و", language: "ckb", a: "\u{0628}\u{06C6}", b: "\u{0628}\u{0648}"),
        Apart(what: "Sorani ڕ is not ر", language: "ckb", a: "\u{0695}\u{06CE}", b: "\u{0631}\u{06CE}"),
        Apart(what: "Sorani ڵ is not ل", language: "ckb", a: "\u{0633}\u{06B5}\u{0627}\u{0648}", b: "\u{0633}\u{0644}\u{0627}\u{0648}"),
        Apart(what: "کردستان is not کوردستان", language: "ckb", a: "کردستان", b: "کوردستان"),
        Apart(what: "Turkish dotless ı is not i", language: "tr", a: "DIŞ", b: "diş"),
        Apart(what: "different digits are different numbers", language: "ckb", a: "\u{0662}\u{0660}\u{0662}\u{0661}", b: "2022"),
        // The legacy spelling is Sorani's: in Persian and Arabic, ZWNJ after heh is only removed.
        Apart(what: "ه + ZWNJ is not ە in Persian", language: "fa", a: "\u{0647}\u{200C}", b: "\u{06D5}"),
        Apart(what: "ه + ZWNJ is not ە in Arabic", language: "ar", a: "\u{0647}\u{200C}", b: "\u{06D5}"),
    ]

    @Test("letters a language tells apart stay apart", arguments: apart)
    func staysApart(_ pair: Apart) {
        let language = MatchingLanguage.of(pair.language)
        let a = MatchingForm.of(pair.a, language: language)
        let b = MatchingForm.of(pair.b, language: language)
        #expect(a != b, "both are \(Self.scalars(a))")
    }

    @Test("the exact forms of a few folds")
    func exactForms() {
        #expect(MatchingForm.of("\u{0647}\u{0647}\u{200C}\u{0648}\u{0644}\u{06CE}\u{0631}", language: Self.sorani) == "هەولێر")
        // Persian: the ZWNJ goes, the heh stays a heh.
        #expect(MatchingForm.of("\u{062E}\u{0627}\u{0646}\u{0647}\u{200C}\u{0647}\u{0627}", language: Self.persian)
                == "\u{062E}\u{0627}\u{0646}\u{0647}\u{0647}\u{0627}")
        #expect(MatchingForm.of("\u{0647}\u{200C}", language: Self.arabic) == "\u{0647}")
        #expect(MatchingForm.of("\u{0661}\u{0662}\u{066B}\u{0665}", language: Self.arabic) == "12.5")
        #expect(MatchingForm.of("\u{FEFB}", language: Self.arabic) == "\u{0644}\u{0627}")
        #expect(MatchingForm.of("DIŞ", language: Self.turkish) == "dış")
        #expect(MatchingForm.of("DIŞ", language: Self.english) == "diş")  // outside Turkish, I is i
        #expect(MatchingForm.of(" \u{00A0}A\u{2014}B\u{00A0} ", language: Self.english) == "a-b")
        #expect(MatchingForm.of("", language: Self.english) == "")
        #expect(MatchingForm.of(" \u{200C}\t", language: Self.english) == "")
    }

    @Test("Sorani and ku-Arab share one matching language; en-GB and en-US share one")
    func languageKeys() throws {
        #expect(MatchingLanguage.of("ckb").key == MatchingLanguage.of("ku-Arab").key)
        #expect(MatchingLanguage.of("ckb-IQ").soraniLegacySpelling)
        #expect(!MatchingLanguage.of("fa").soraniLegacySpelling)
        #expect(MatchingLanguage.of("en-GB").key == MatchingLanguage.of("en-US").key)
        #expect(MatchingLanguage(try LanguageTag("tr")).caseLocale == "tr")
        #expect(MatchingLanguage(try LanguageTag("en")).caseLocale == nil)
    }

    @Test("words, numbers and punctuation are told apart; spaces are no token")
    func tokenKinds() {
        let tokens = MatchTokenizer().tokens(of: "Dukan Lake dropped 4.2 meters, she said.", language: Self.english)
        let kinds = tokens.tokens.map(\.kind)
        #expect(kinds == [.word, .word, .word, .number, .word, .punctuation, .word, .word, .punctuation],
                "\(tokens.tokens.map { tokens.text(of: $0) })")
        #expect(tokens.words.count == 7)
        // Every number is one symbol in the word sequence.
        let other = MatchTokenizer().tokens(of: "Dukan Lake dropped 9 meters, she said.", language: Self.english)
        #expect(tokens.words == other.words)

        let sorani = MatchTokenizer().tokens(of: "\u{0647}\u{06CE}\u{06B5}\u{06CC} \u{0628}\u{06C6}\u{0695}\u{06CC} \u{0661}\u{0664} \u{0645}\u{0627}\u{0646}\u{06AF}.",
                                            language: Self.sorani)
        #expect(sorani.tokens.map(\.kind) == [.word, .word, .number, .word, .punctuation],
                "\(sorani.tokens.map { sorani.text(of: $0) })")
    }

    static func scalars(_ text: String) -> String {
        text.unicodeScalars.map { $0.value < 0x80 ? String($0) : "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
    }
}
