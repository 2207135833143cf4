import Testing
@testable import WergerKit

@Suite struct LanguageTagTests {
    @Test(arguments: [
        ("EN-us", "en-US"), ("en_US", "en-US"), ("ckb", "ckb"), ("KU-arab", "ku-Arab"), ("ar", "ar"),
        ("kmr", "kmr"), ("sr-cyrl", "sr-Cyrl"),
    ])
    func canonicalisesCaseInsensitively(input: String, canonical: String) throws {
        #expect(try LanguageTag(input).identifier == canonical)
    }

    /// ICU 72 has no likely script for Kurmanji; Werger knows it is Latin.
    @Test(arguments: [("en", "Latn"), ("ckb", "Arab"), ("kmr", "Latn"), ("ar", "Arab"), ("ku-Arab", "Arab"), ("ru", "Cyrl")])
    func knowsTheScript(tag: String, script: String) throws {
        #expect(try LanguageTag(tag).script == script)
    }

    @Test(arguments: [
        ("ckb", "ckb"), ("ku-Arab", "ckb"), ("ku-IQ", "ckb"), ("ku-IR", "ckb"),
        ("kmr", "kmr"), ("ku", "kmr"), ("ku-Latn", "kmr"), ("ku-TR", "kmr"),
        ("ar", "ar"), ("fa", "fa"), ("tr", "tr"), ("en-GB", "en"), ("de", "de"),
    ])
    func choosesTheRuleLanguage(tag: String, rules: String) throws {
        #expect(try LanguageTag(tag).ruleLanguage == rules)
    }

    @Test func arabicScriptIsKnownFromLikelySubtags() throws {
        #expect(try LanguageTag("ckb").usesArabicScript)
        #expect(try LanguageTag("fa").usesArabicScript)
        #expect(try LanguageTag("ku-Arab").usesArabicScript)
        #expect(try !LanguageTag("kmr").usesArabicScript)
        #expect(try !LanguageTag("en").usesArabicScript)
    }

    @Test(arguments: [
        ("english", "en"), ("Sorani", "ckb"), ("kurmanji", "kmr"), ("arabic", "ar"), ("farsi", "fa"), ("enn", "en"),
    ])
    func suggestsTheClosestKnownTag(typed: String, suggestion: String) {
        #expect(throws: LanguageTagError(tag: typed, suggestion: suggestion)) { try LanguageTag(typed) }
    }

    @Test(arguments: ["", "xx", "zz-Latn", "en us", "a&b", "ckb-", "ёё", String(repeating: "a", count: 200)])
    func rejectsInvalidTags(typed: String) {
        #expect(throws: LanguageTagError.self) { try LanguageTag(typed) }
    }

    @Test func errorMessageNamesTheTagAndTheFix() {
        let error = LanguageTagError(tag: "english", suggestion: "en")
        #expect(error.description == "unknown language tag 'english'; did you mean 'en'?")
        let none = LanguageTagError(tag: "q9", suggestion: nil)
        #expect(none.description.contains("use a BCP 47 tag such as en, ckb, kmr or ar"))
        // A code ICU lists but does not know as a language is not suggested for itself.
        #expect(throws: LanguageTagError(tag: "und", suggestion: nil)) { try LanguageTag("und") }
    }
}
