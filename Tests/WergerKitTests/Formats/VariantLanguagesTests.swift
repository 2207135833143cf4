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
        #expect(found.evidence == .script(found: "Latn", share: 1, expected: ["Arab"]))
        #expect(found.swappedWith == nil)
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

    static let english = "The council voted on Tuesday to repair the old bridge before winter."
    static let sorani = "ئەنجومەن ڕۆژی سێشەممە دەنگی دا بۆ چاککردنەوەی پردە کۆنەکە پێش زستان."

    @Test("two languages that read as each other were swapped; the first in tag order is named")
    func swapped() throws {
        var languages = VariantLanguages()
        languages.add(Self.unit([("en", Self.sorani), ("ckb", Self.english)]))
        let found = try #require(languages.contradiction())
        #expect(found.language == "ckb" && found.swappedWith == "en")
        #expect(found.describe("its ckb variants").hasSuffix("but ckb is written in Arabic script; the ckb and en texts look swapped"))
    }

    @Test("a tag that does not parse is not judged")
    func unparsableTag() {
        var languages = VariantLanguages()
        languages.add(Self.unit([("en", Self.english), ("qqq-invalid-tag", Self.sorani)]))
        #expect(languages.contradiction() == nil)
    }

    @Test("a language is judged once its sample is full, and its later variants are not counted")
    func judgedOnItsSample() throws {
        var languages = VariantLanguages()
        var early: LanguageContradiction?
        var units = 0
        while early == nil, units < 10_000 {
            early = languages.add(Self.unit([("en", Self.english), ("ckb", Self.english)]))
            units += 1
        }
        // 56 letters a variant: the 200,000-letter sample fills at the 3,572nd unit.
        #expect(units == 3_572)
        #expect(early?.language == "ckb")
        for _ in 0..<10_000 { languages.add(Self.unit([("en", Self.english), ("ckb", Self.sorani)])) }
        #expect(languages.contradiction()?.language == "ckb")
    }
}
