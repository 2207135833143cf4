import Foundation
import Testing
@testable import WergerKit

@Suite("BilingualDictionary.reversed: a Kurmanji–English dictionary read from English")
struct ReversedDictionaryTests {
    static var folder: String {
        get throws { try #require(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/dictd")).path }
    }

    /// Eleven entries in FreeDict's shape (`Fixtures/dictd/freedict-kur-eng.*`), one a phrase.
    static func dictionary() throws -> BilingualDictionary {
        try BilingualDictionary.reversed(index: folder + "/freedict-kur-eng.index", data: folder + "/freedict-kur-eng.dict.dz")
    }

    @Test("each one-word English translation is a headword; a phrase and the database header are not entries")
    func loads() throws {
        // building, doctor, physician, river, farmer, wheat, patient, sick, driver, burn, people, journalist
        #expect(try Self.dictionary().count == 12)
    }

    @Test("a Kurmanji word with a case ending or a plural meets its headword's first four letters, accents folded")
    func tokens() throws {
        let dictionary = try Self.dictionary()
        let english = Set(dictionary.tokens(of: "The farmers planted wheat near the river.", source: true))
        let kurmanji = Set(dictionary.tokens(of: "Cotkaran genim li nêzî çem çandin.", source: false))
        // farmer → cotk (Cotkaran), wheat → geni (genim), river → çem (a three-letter word, whole).
        #expect(english.intersection(kurmanji).count == 3)
        #expect(Set(dictionary.tokens(of: "The doctors treated patients.", source: true)).isDisjoint(with: kurmanji))
        // burned → burn → şewitîn, buildings → building → avahî in Avahiyên.
        #expect(Set(dictionary.tokens(of: "The buildings burned.", source: true)) == Set(dictionary.tokens(of: "Avahiyên şewitîn.", source: false)))
        #expect(dictionary.tokens(of: "The buildings burned.", source: true).count == 2)
    }

    @Test("en–kmr finds FreeDict's kur-eng dictionary and reads it the other way; en–ckb has none")
    func installed() throws {
        let kmr = try #require(try BilingualDictionary.installed(from: LanguageTag("en"), to: LanguageTag("kmr"), folder: Self.folder))
        #expect(kmr.count == 12 && kmr.targetScript == .latin)
        #expect(try BilingualDictionary.installed(from: LanguageTag("en"), to: LanguageTag("ckb"), folder: Self.folder) == nil)
        #expect(try BilingualDictionary.installed(from: LanguageTag("en"), to: LanguageTag("ar"), folder: Self.folder)?.targetScript == .arabic)
    }

    @Test("the reversed dictionary's compact table is cached and read back as Latin-script keys")
    func cachedTable() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("werger-reversed-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let index = try Self.folder + "/freedict-kur-eng.index", data = try Self.folder + "/freedict-kur-eng.dict.dz"
        let first = try BilingualDictionary.cached(index: index, data: data, cache: cache, reversed: true)
        #expect(FileManager.default.fileExists(atPath: cache + "/freedict-kur-eng.index.werger-table"))
        let second = try BilingualDictionary.cached(index: index, data: data, cache: cache, reversed: true)
        #expect(second.count == first.count && second.targetScript == .latin)
        #expect(second.tokens(of: "Avahiyên şewitîn.", source: false) == first.tokens(of: "Avahiyên şewitîn.", source: false))
        #expect(second.tokens(of: "Avahiyên şewitîn.", source: false).count == 2)
    }

    @Test("a damaged or missing index is an error naming the file")
    func badIndex() throws {
        let bad = try Self.folder + "/bad.index"
        #expect(throws: BilingualDictionaryError(file: bad, reason: "line 1 is not headword, offset, length")) {
            try BilingualDictionary.reversed(index: bad, data: Self.folder + "/freedict-kur-eng.dict.dz")
        }
        let missing = try Self.folder + "/missing.index"
        #expect(throws: BilingualDictionaryError(file: missing, reason: "cannot be read")) {
            try BilingualDictionary.reversed(index: missing, data: Self.folder + "/freedict-kur-eng.dict.dz")
        }
    }

    /// A short sentence the translator dropped, between two that were translated: its dictionary
    /// words are in the Kurmanji document (a later sentence), but in neither neighbour.
    @Test("with the Kurmanji dictionary, a dropped sentence is a 1-0 bead, not glued to a neighbour")
    func droppedSentence() throws {
        let english = ["The farmers planted wheat near the river on Monday morning, officials in the province said.",
                       "The doctor treated the patient.",
                       "On Tuesday the drivers crossed the old road.",
                       "Later the doctor treated the patient at the river."]
        let kurmanji = ["Cotkaran roja duşemê sibehê genim li nêzî çem çandin, karbidestên parêzgehê gotin.",
                        "Roja sêşemê ajokaran di ser rêya kevn re derbas bûn.",
                        "Paşê bijîşk nexweş li ber çem derman kir."]
        func kinds(_ weights: String) throws -> [String] {
            try BilingualDictionaryTests.kinds(english, kurmanji, language: "kmr", dictionary: Self.dictionary(), weights: weights)
        }
        #expect(try kinds("") == ["1-1", "1-0", "1-1", "1-1"])
        // Without the doubt, it is glued to the next sentence.
        #expect(try kinds("dictionaryDoubtLatin=0") == ["1-1", "2-1", "1-1"])
    }
}
