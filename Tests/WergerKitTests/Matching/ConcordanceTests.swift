import Foundation
import Testing
@testable import WergerKit

/// Concordance: whole words in order, after the matching folds, newest units first.
@Suite("Concordance")
struct ConcordanceTests {
    static let sorani = MatchingLanguage.of("ckb")
    static let english = MatchingLanguage.of("en")

    /// A memory with the units below, in this order (ids 1…).
    static func withMemory(_ extra: [TranslationUnit] = [], _ body: (MemoryIndexReader) throws -> Void) throws {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        try memory.write { session in
            for unit in units + extra { try session.add(unit) }
        }
        try memory.withIndex(body)
    }

    static let units: [TranslationUnit] = [
        TranslationUnit(id: "lake", variants: [Variant(language: "en", text: "The water level in Dukan Lake dropped."),
                                               Variant(language: "ckb", text: "ئاستی ئاو لە دەریاچەی دوکان دابەزی.")], origin: "test"),
        TranslationUnit(id: "region", variants: [Variant(language: "en", text: "The Kurdistan Region"),
                                                 Variant(language: "ckb", text: "هەرێمی کوردستان")], origin: "test"),
        TranslationUnit(id: "kurdistan", variants: [Variant(language: "en", text: "Kurdistan, in the old spelling"),
                                                    Variant(language: "ckb", text: "کردستان بە ڕێنووسی کۆن")], origin: "test"),
        TranslationUnit(id: "talks", variants: [Variant(language: "en", text: "The talks in Erbil ended."),
                                                Variant(language: "ckb", text: "گفتوگۆکان لە هەولێر کۆتاییان هات.")], origin: "test"),
        TranslationUnit(id: "with", variants: [Variant(language: "en", text: "Together with them."),
                                               Variant(language: "ckb", text: "لەگەڵ ئەوان پێکەوە.")], origin: "test"),
        TranslationUnit(id: "year", variants: [Variant(language: "en", text: "It started in 2021."),
                                               Variant(language: "ckb", text: "لە ساڵی ٢٠٢١ دەستی پێکرد.")], origin: "test"),
    ]

    static func ids(_ phrase: String, _ language: MatchingLanguage, limit: Int = 20, index: MemoryIndexReader) throws -> [String?] {
        try Concordance.search(phrase, languages: [language], index: index, limit: limit).map(\.unit.id)
    }

    @Test("a two-letter Sorani word is found, as a whole word, newest first")
    func twoLetterWord() throws {
        try Self.withMemory { index throws in
            // لەگەڵ starts with لە but is another word.
            #expect(try Self.ids("لە", Self.sorani, index: index) == ["year", "talks", "lake"])
            let hits = try Concordance.search("لە", languages: [Self.sorani], index: index, limit: 20)
            #expect(hits.map { $0.unit.variants[$0.position].language } == ["ckb", "ckb", "ckb"])
            #expect(try Self.ids("لەگەڵ", Self.sorani, index: index) == ["with"])
        }
    }

    @Test("Arabic kaf finds keheh: كردستان finds کردستان, never کوردستان")
    func arabicKaf() throws {
        try Self.withMemory { index throws in
            #expect(try Self.ids("كردستان", Self.sorani, index: index) == ["kurdistan"])
            #expect(try Self.ids("کوردستان", Self.sorani, index: index) == ["region"])
            // Legacy ه + ZWNJ is ە in Sorani.
            #expect(try Self.ids("هه\u{200C}ولێر", Self.sorani, index: index) == ["talks"])
            // Arabic-Indic and ASCII digits are the same number.
            #expect(try Self.ids("2021", Self.sorani, index: index) == ["year"])
            #expect(try Self.ids("٢٠٢١", Self.english, index: index) == ["year"])
        }
    }

    @Test("a phrase is its words in order; case and punctuation between them do not matter")
    func phraseOrder() throws {
        try Self.withMemory { index throws in
            #expect(try Self.ids("water level", Self.english, index: index) == ["lake"])
            #expect(try Self.ids("level water", Self.english, index: index).isEmpty)
            #expect(try Self.ids("DUKAN lake", Self.english, index: index) == ["lake"])
            #expect(try Self.ids("Kurdistan in", Self.english, index: index) == ["kurdistan"])  // "Kurdistan, in"
            #expect(try Self.ids("لە هەولێر", Self.sorani, index: index) == ["talks"])
            #expect(try Self.ids("هەولێر لە", Self.sorani, index: index).isEmpty)
            // Words apart in the text are not a phrase.
            #expect(try Self.ids("water Lake", Self.english, index: index).isEmpty)
            // A word no variant has.
            #expect(try Self.ids("Baghdad", Self.english, index: index).isEmpty)
            // The phrase is searched in the language asked only.
            #expect(try Self.ids("Erbil", Self.sorani, index: index).isEmpty)
        }
    }

    @Test("searching several languages: each unit once, newest first across the languages")
    func severalLanguages() throws {
        let years = [
            TranslationUnit(id: "older", variants: [Variant(language: "en", text: "Prices rose in 2021."),
                                                    Variant(language: "ckb", text: "نرخەکان بەرز بوونەوە.")], origin: "test"),
            TranslationUnit(id: "newer", variants: [Variant(language: "en", text: "Prices rose last year."),
                                                    Variant(language: "ckb", text: "نرخەکان لە ٢٠٢١ بەرز بوونەوە.")], origin: "test"),
            TranslationUnit(id: "newest", variants: [Variant(language: "en", text: "The plan for 2021."),
                                                     Variant(language: "ckb", text: "پلانی ٢٠٢١.")], origin: "test"),
        ]
        try Self.withMemory(years) { index throws in
            for languages in [[Self.english, Self.sorani], [Self.sorani, Self.english]] {
                let hits = try Concordance.search("2021", languages: languages, index: index, limit: 20)
                #expect(hits.map(\.unit.id) == ["newest", "newer", "older", "year"], "\(languages.map(\.key))")
                let one = try Concordance.search("2021", languages: languages, index: index, limit: 1)
                #expect(one.map(\.unit.id) == ["newest"])
            }
            let hits = try Concordance.search("2021", languages: [Self.english, Self.sorani], index: index, limit: 20)
            // Within a unit, the first language asked that contains the phrase.
            #expect(hits.map { $0.unit.variants[$0.position].text } == ["The plan for 2021.", "نرخەکان لە ٢٠٢١ بەرز بوونەوە.",
                                                                         "Prices rose in 2021.", "It started in 2021."])
        }
    }

    @Test("the limit is respected and the newest units come first")
    func limit() throws {
        let dams = (1...10).map { i in
            TranslationUnit(id: "dam\(i)", variants: [Variant(language: "en", text: "The dam number \(i) is full."),
                                                      Variant(language: "ckb", text: "بەنداوی ژمارە \(i) پڕە.")], origin: "test")
        }
        try Self.withMemory(dams) { index throws in
            #expect(try Self.ids("dam", Self.english, limit: 3, index: index) == ["dam10", "dam9", "dam8"])
            #expect(try Self.ids("dam", Self.english, limit: 1, index: index) == ["dam10"])
            #expect(try Self.ids("dam", Self.english, limit: 20, index: index).count == 10)
            #expect(try Self.ids("the", Self.english, limit: 4, index: index) == ["dam10", "dam9", "dam8", "dam7"])
        }
    }
}
