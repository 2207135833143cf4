import Foundation
import Testing
@testable import WergerKit

@Suite("BilingualDictionary: dictd dictionaries as weak anchors")
struct BilingualDictionaryTests {
    /// A dictd dictionary of ten entries in FreeDict's shape (`Fixtures/dictd`).
    static func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/dictd/\(name)")).path
    }

    static func dictionary() throws -> BilingualDictionary {
        try BilingualDictionary(index: fixture("freedict-eng-ara.index"), data: fixture("freedict-eng-ara.dict.dz"))
    }

    /// The bead kinds of one English paragraph aligned with one paragraph in `language`, with a
    /// dictionary (the Arabic fixture unless given) and `weights` changed from the defaults.
    static func kinds(_ english: [String], _ target: [String], language: String = "ar", dictionary given: BilingualDictionary? = nil,
                      weights: String) throws -> [String] {
        var options = AlignmentOptions(weights: try AlignmentWeights(overrides: weights))
        options.dictionary = try given ?? dictionary()
        let alignment = try SentenceAligner(options: options).align(
            SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: [english]),
            SegmentedText(name: language, language: try LanguageTag(language), paragraphs: [target]))
        return alignment.beads.map(\.kind.rawValue)
    }

    @Test("a dictd dictionary loads its headwords; the database header entry is not one")
    func loads() throws {
        #expect(try Self.dictionary().count == 11)
    }

    @Test("an inflected English word finds its headword, and the translation is found inside an Arabic word with clitics")
    func tokens() throws {
        let dictionary = try Self.dictionary()
        let english = Set(dictionary.tokens(of: "The farmers planted wheat.", source: true))
        let arabic = Set(dictionary.tokens(of: "زرع المزارعون القمح.", source: false))
        // farmer → مزارع (in المزارعون), plant → زرع, wheat → قمح (in القمح).
        #expect(english.intersection(arabic).count == 3)
        #expect(Set(dictionary.tokens(of: "The doctors treated patients.", source: true)).isDisjoint(with: arabic))
        #expect(dictionary.tokens(of: "The council met.", source: true).isEmpty)
    }

    @Test("a four-letter translation in teh marbuta is found in the adjective built on its stem: career is مهنة in المهنية")
    func tehMarbutaStem() throws {
        let dictionary = try Self.dictionary()
        let career = Set(dictionary.tokens(of: "at this stage of my career", source: true))
        #expect(!career.isDisjoint(with: dictionary.tokens(of: "في هذه المرحلة من حياتي المهنية", source: false)))
        #expect(!career.isDisjoint(with: dictionary.tokens(of: "مهنة صعبة", source: false)))
        #expect(career.isDisjoint(with: dictionary.tokens(of: "زرع المزارعون القمح", source: false)))
    }

    /// Three English sentences of the same shape and the Arabic of two: only the dictionary's words
    /// tell which one the translator dropped (without them the first is taken for the dropped one).
    @Test("the dictionary's words decide which of three look-alike sentences was dropped")
    func decidesDroppedSentence() throws {
        let english = ["The farmers planted wheat near the river.", "The doctors treated patients near the river.",
                       "The drivers crossed bridges near the river."]
        let arabic = ["زرع المزارعون القمح قرب النهر.", "عبر السائقون الجسور قرب النهر."]
        var options = AlignmentOptions()
        options.dictionary = try Self.dictionary()
        for order in [[0, 1, 2], [1, 0, 2]] {
            let source = SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: [order.map { english[$0] }])
            let target = SegmentedText(name: "ar", language: try LanguageTag("ar"), paragraphs: [arabic])
            let alignment = try SentenceAligner(options: options).align(source, target)
            let null = try #require(alignment.beads.first { $0.kind == .oneToZero })
            #expect(alignment.source.texts[null.source] == [english[1]], "order \(order)")
            #expect(alignment.beads.filter { $0.kind == .oneToOne }.count == 2)
        }
    }

    /// A short sentence the translator dropped, between two that were translated: its words are in
    /// the dictionary and in the Arabic document (a later sentence), but not in either neighbour's
    /// translation — or, the second time, in the previous one's by chance (`river`, in `النهر`: one
    /// hit of four is what a neighbour shows, not a translation; the flat silence this doubt
    /// replaced glued it, as it judged only sentences with no hit).
    @Test("a dropped sentence is a 1-0 bead, not glued to a neighbour that holds none or one of its dictionary words",
          arguments: ["The doctor treated the patient.", "The doctor treated the patient near the river."])
    func droppedSentenceNotGlued(dropped: String) throws {
        let english = ["The farmers planted wheat near the river on Monday morning, officials in the province said.",
                       dropped,
                       "On Tuesday the drivers crossed the bridges.",
                       "Later the doctor treated the patient at the river."]
        let arabic = ["زرع المزارعون القمح قرب النهر صباح يوم الاثنين، حسبما قال مسؤولون في المحافظة.",
                      "يوم الثلاثاء عبر السائقون الجسور.",
                      "ولاحقا عالج الطبيب المريض عند النهر."]
        #expect(try Self.kinds(english, arabic, weights: "") == ["1-1", "1-0", "1-1", "1-1"])
        // Without the doubt, the dropped sentence is glued to the previous one.
        #expect(try Self.kinds(english, arabic, weights: "dictionaryDoubt=0") == ["2-1", "1-1", "1-1"])
    }

    /// A sentence the translator dropped whose dictionary words the Arabic document holds nowhere:
    /// the doubt has none of its tokens left to count, so only the lengths judge it, and as the
    /// first sentence's translation leaves out "on Monday morning", they glue it to a neighbour.
    /// That none of its three words is found anywhere in the translation, where the other
    /// sentences' all are, is what a dropped sentence looks like.
    @Test("a dropped sentence whose dictionary words the translation holds nowhere is a 1-0 bead, in the middle or at the end",
          arguments: [[0, 1, 2], [0, 2, 1]])
    func droppedSentenceAbsentEverywhere(order: [Int]) throws {
        let english = ["The farmers planted wheat near the river on Monday morning.", "The doctor treated the patient.", "The drivers crossed the bridges."]
        let arabic = ["زرع المزارعون القمح قرب النهر.", "عبر السائقون الجسور."]
        let kinds = try Self.kinds(order.map { english[$0] }, arabic, weights: "")
        #expect(kinds == (order == [0, 1, 2] ? ["1-1", "1-0", "1-1"] : ["1-1", "1-1", "1-0"]))
        #expect(try Self.kinds(order.map { english[$0] }, arabic, weights: "dictionaryPresence=0") == ["1-1", "2-1"])
    }

    /// A sentence the translator added after a translated one: the English sentence's seven dictionary
    /// words all fall in its own translation, none in the added one, which the lengths alone would glue.
    @Test("an added sentence that holds none of the source's dictionary words is a 0-1 bead, not half of a 1-2")
    func addedSentenceNotGlued() throws {
        let english = ["The farmers and the drivers planted wheat near the river and crossed the bridges on Monday.",
                       "Later the doctor treated the patient."]
        let arabic = ["زرع المزارعون والسائقون القمح قرب النهر وعبروا الجسور.",
                      "وكان الطقس جيدا في ذلك اليوم.",
                      "ولاحقا عالج الطبيب المريض."]
        #expect(try Self.kinds(english, arabic, weights: "") == ["1-1", "0-1", "1-1"])
        #expect(try Self.kinds(english, arabic, weights: "dictionarySplitDoubt=0") == ["1-2", "1-1"])
    }

    @Test("a file that is not gzip, or an index line that is not headword, offset, length, is an error naming the file")
    func badFiles() throws {
        let notGzip = try Self.fixture("not-gzip.dict.dz")
        #expect(throws: BilingualDictionaryError(file: notGzip, reason: "is not a readable gzip file")) {
            try BilingualDictionary(index: Self.fixture("freedict-eng-ara.index"), data: notGzip)
        }
        let badIndex = try Self.fixture("bad.index")
        #expect(throws: BilingualDictionaryError(file: badIndex, reason: "line 1 is not headword, offset, length")) {
            try BilingualDictionary(index: badIndex, data: Self.fixture("freedict-eng-ara.dict.dz"))
        }
        #expect(BilingualDictionaryError(file: "x.index", reason: "r").description.contains("--no-dictionary"))
    }

    @Test("the compact table is written once and read back the same; a damaged table is rebuilt")
    func cachedTable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("werger-dictionary-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = try Self.fixture("freedict-eng-ara.index"), data = try Self.fixture("freedict-eng-ara.dict.dz")
        let first = try BilingualDictionary.cached(index: index, data: data, cache: folder)
        let table = folder + "/freedict-eng-ara.index.werger-table"
        #expect(FileManager.default.fileExists(atPath: table))
        let second = try BilingualDictionary.cached(index: index, data: data, cache: folder)
        let sentence = "The drivers crossed bridges near the river."
        #expect(second.count == first.count && second.tokens(of: sentence, source: true).sorted() == first.tokens(of: sentence, source: true).sorted())
        let written = try FileManager.default.attributesOfItem(atPath: table)[.size] as? Int
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: table))
        #expect(try BilingualDictionary.cached(index: index, data: data, cache: folder).count == 11)
        #expect(try FileManager.default.attributesOfItem(atPath: table)[.size] as? Int == written)  // written again
        // Without a folder to keep it in, the files are read each time.
        #expect(try BilingualDictionary.cached(index: index, data: data, cache: nil).count == 11)
    }
}
