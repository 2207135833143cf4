import Testing
@testable import WergerKit

/// The check behind an import's refusal of a file whose language tags do not match its text.
@Suite struct VariantLanguagesTests {
    static func unit(_ variants: [(String, String)]) -> TranslationUnit {
        TranslationUnit(variants: variants.map { Variant(language: $0.0, text: $0.1) }, origin: "test")
    }

    @Test("variants are judged together: short ones that say nothing alone add up to a finding")
    func countsTheWholeFile() throws {
        let short = [("en", "The bridge is open."), ("ckb", "The bridge is open.")]  // 15 letters: too few alone
        var one = VariantLanguages()
        one.add(Self.unit(short))
        #expect(one.contradiction() == nil)
        var three = one
        three.add(Self.unit(short))
        three.add(Self.unit(short))
        let found = try #require(three.contradiction())
        #expect(found.language == "ckb")
        #expect(found.evidence == .script(found: "Latn", share: 1, expected: "Arab", ruleLanguage: "ckb"))
    }

    @Test("Sorani full of Latin names, English quoting Arabic, Kurmanji under ku: no finding")
    func realTextPasses() {
        var languages = VariantLanguages()
        for _ in 0..<5 {
            languages.add(Self.unit([
                ("en", "The slogan \"الشعب يريد\" was painted on walls across Baghdad, Reuters reported."),
                ("ckb", "بەپێی ڕۆیتەرز، NATO و UNICEF و Human Rights Watch داوایان کرد ڕێگاکان بکرێنەوە."),
                ("ku", "Li gorî Reutersê, NATO û UNICEF xwestin ku rê werin vekirin."),
            ]))
        }
        #expect(languages.contradiction() == nil)
    }

    @Test("the first contradicted language in tag order; unknown tags are not judged")
    func firstInTagOrder() throws {
        var languages = VariantLanguages()
        let english = "The council voted on Tuesday to repair the old bridge before winter."
        let sorani = "ئەنجومەن ڕۆژی سێشەممە دەنگی دا بۆ چاککردنەوەی پردە کۆنەکە پێش زستان."
        languages.add(Self.unit([("en", sorani), ("ckb", english), ("qqq-invalid-tag", english)]))
        let found = try #require(languages.contradiction())
        #expect(found.language == "ckb")
        #expect(found.describe("its ckb variants").hasPrefix("100% of the letters of its ckb variants are Latin script"))
    }
}
