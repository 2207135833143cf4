import Foundation
import Testing
@testable import WergerKit

/// Match quality, worked by hand from the documented rules (MatchQuality's doc comment):
/// `⌊100 × (1 − (D + P/4) / max(n, m))⌋`, numbers substitute for free and cost 2 each, 99 when only
/// case, punctuation, spacing or Arabic-script variants differ, 100 only for the same text, any
/// word difference capped at 98, −1 for a stored variant with inline codes.
@Suite("MatchQuality")
struct MatchQualityTests {
    static func quality(_ query: String, _ stored: String, language: String = "en", storedHasTags: Bool = false) -> MatchQuality {
        let tokenizer = MatchTokenizer()
        let matching = MatchingLanguage.of(language)
        return MatchQuality.score(query: tokenizer.tokens(of: query, language: matching),
                                  stored: tokenizer.tokens(of: stored, language: matching),
                                  identicalText: query.trimmingSpaces == stored.trimmingSpaces, storedHasTags: storedHasTags)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var what: String
        var query: String
        var stored: String
        var language = "en"
        var tags = false
        var expected: Int
        var testDescription: String { "\(what): \(expected)" }
    }

    static let cases: [Case] = [
        Case(what: "identical", query: "The dam is full.", stored: "The dam is full.", expected: 100),
        Case(what: "identical Sorani", query: "بەنداوەکە پڕە.", stored: "بەنداوەکە پڕە.", language: "ckb", expected: 100),
        Case(what: "case only", query: "the dam is FULL.", stored: "The dam is full.", expected: 99),
        Case(what: "punctuation only (a full stop missing)", query: "The dam is full", stored: "The dam is full.", expected: 99),
        Case(what: "punctuation only (comma and quotes)", query: "\"Yes, the dam is full.\"", stored: "Yes the dam is full.", expected: 99),
        Case(what: "white space only", query: "The dam  is\tfull.", stored: "The dam is full.", expected: 99),
        Case(what: "Arabic kaf for keheh", query: "كوردستان گەورەیە.", stored: "کوردستان گەورەیە.", language: "ckb", expected: 99),
        Case(what: "Arabic yeh for Persian yeh", query: "ئاوي دوكان", stored: "ئاوی دوکان", language: "ckb", expected: 99),
        Case(what: "legacy Sorani ه + ZWNJ", query: "له\u{200C} هه\u{200C}ولێر", stored: "لە هەولێر", language: "ckb", expected: 99),
        Case(what: "Arabic-Indic digits for ASCII digits", query: "ساڵی ٢٠٢١", stored: "ساڵی 2021", language: "ckb", expected: 99),
        // n = m = 10, D = 1: ⌊100 × 9/10⌋ = 90.
        Case(what: "one word substituted in ten", query: "The workers laid seventy kilometers of new pipe near Erbil.",
             stored: "The workers laid seventy kilometers of new pipe near Duhok.", expected: 90),
        // n = 9, m = 10, D = 1: 90.
        Case(what: "one word missing from ten", query: "The workers laid seventy kilometers of pipe near Erbil.",
             stored: "The workers laid seventy kilometers of new pipe near Erbil.", expected: 90),
        // n = 11, m = 10, D = 1: ⌊100 × 10/11⌋ = 90.
        Case(what: "one word added to ten", query: "The workers laid seventy kilometers of new steel pipe near Erbil.",
             stored: "The workers laid seventy kilometers of new pipe near Erbil.", expected: 90),
        // n = m = 8, D = 1, P = 1: ⌊100 × (1 − 1.25/8)⌋ = ⌊84.375⌋ = 84.
        Case(what: "one word and one punctuation mark in eight", query: "Prices rose again in Erbil this past week!",
             stored: "Prices fell again in Erbil this past week.", expected: 84),
        // n = m = 4, D = 2: 50.
        Case(what: "two words of four", query: "The dam is empty", stored: "A dam is full", expected: 50),
        // D = 0, one number: 100 − 2 = 98.
        Case(what: "one number", query: "The project was launched in 2022 by the government.",
             stored: "The project was launched in 2021 by the government.", expected: 98),
        // D = 0, two numbers: 100 − 4 = 96.
        Case(what: "two numbers", query: "It is 15 months late and serves 700,000 residents.",
             stored: "It is 14 months late and serves 600,000 residents.", expected: 96),
        // n = m = 10, D = 1 and one number: 90 − 2 = 88.
        Case(what: "one word and one number in ten", query: "Workers laid 80 kilometers of new pipe near Erbil yesterday.",
             stored: "Workers laid 74 kilometers of new pipe near Duhok yesterday.", expected: 88),
        // docs/matching.md's worked example: n = m = 10, D = 1 (oct/nov), one number: ⌊90⌋ − 2 = 88.
        Case(what: "Oct. 2021 → Nov. 2022", query: "The project was launched in Nov. 2022 by the KRG.",
             stored: "The project was launched in Oct. 2021 by the KRG.", expected: 88),
        // n = m = 100, D = 1: ⌊99⌋, capped at 98.
        Case(what: "one word in a hundred is capped at 98",
             query: (0..<99).map { "w" + letters($0) }.joined(separator: " ") + " query",
             stored: (0..<99).map { "w" + letters($0) }.joined(separator: " ") + " stored", expected: 98),
        // Tags: the same text with inline codes is 100 − 1.
        Case(what: "identical text, stored with tags", query: "Roads are closed today.", stored: "Roads are closed today.",
             tags: true, expected: 99),
        Case(what: "case only, stored with tags", query: "roads are closed today.", stored: "Roads are closed today.",
             tags: true, expected: 98),
        Case(what: "one word in ten, stored with tags", query: "The workers laid seventy kilometers of new pipe near Erbil.",
             stored: "The workers laid seventy kilometers of new pipe near Duhok.", tags: true, expected: 89),
        // One word in 120 would floor to 99, is capped at 98 (99 means "exact text only"), then
        // loses the tag point: 97, below the case-only match with tags (98).
        Case(what: "one word in 120, stored with tags", query: String(repeating: "roads are closed ", count: 40) + "today",
             stored: String(repeating: "roads are closed ", count: 40) + "tonight", tags: true, expected: 97),
        // n = m = 25, D = 3: ⌊100 × 22/25⌋ = 88.
        Case(what: "three words in twenty-five",
             query: "Officials in Erbil said on Monday that the new water pipeline from Dukan Lake would reach the eastern districts of the capital before next summer",
             stored: "Officials in Duhok said on Monday that the new water pipeline from Dukan Lake would reach the western districts of the capital before next winter",
             expected: 88),
    ]

    @Test("quality from the documented rules", arguments: cases)
    func documentedQuality(_ example: Case) {
        let quality = Self.quality(example.query, example.stored, language: example.language, storedHasTags: example.tags)
        #expect(quality.value == example.expected,
                "D = \(quality.wordDistance), n = \(quality.queryWords), m = \(quality.storedWords), numbers \(quality.numberChanges)")
    }

    @Test("the numbers that differ are reported as written in the matching form")
    func numberChanges() {
        let quality = Self.quality("It is 15 months late and serves 700,000 residents.", "It is 14 months late and serves 600,000 residents.")
        #expect(quality.wordDistance == 0)
        #expect(quality.numberChanges == [MatchQuality.NumberChange(query: "15", stored: "14"),
                                          MatchQuality.NumberChange(query: "700,000", stored: "600,000")])
        // A word for a number is a word edit, not a number change.
        let word = Self.quality("It is fifteen months late.", "It is 14 months late.")
        #expect(word.wordDistance == 1 && word.numberChanges.isEmpty)
        #expect(word.value == 80)  // n = m = 5, D = 1
    }

    @Test("the quality is never above its bound, and the bound is exact arithmetic")
    func bound() {
        // 100 × (1 − 17/50) is 65.99999999999999 in floating point; the documented bound is ⌊66⌋.
        #expect(MatchQuality.bound(distance: 17, queryWords: 50, storedWords: 50) == 66)
        #expect(MatchQuality.bound(distance: 34, queryWords: 100, storedWords: 90) == 66)
        #expect(MatchQuality.bound(distance: 3, queryWords: 25, storedWords: 25) == 88)
        #expect(MatchQuality.bound(distance: 0, queryWords: 0, storedWords: 0) == 100)
        #expect(MatchQuality.bound(distance: 1, queryWords: 3, storedWords: 2) == 66)
        for length in 1...120 {
            for distance in 0...length {
                #expect(MatchQuality.bound(distance: distance, queryWords: length, storedWords: length) == 100 * (length - distance) / length,
                        "D = \(distance), M = \(length)")
            }
        }
        // 50 words, 17 substituted: 66, equal to its bound.
        let words = (0..<50).map { "w" + letters($0) }
        var query = words
        for i in stride(from: 0, to: 50, by: 3) { query[i] = "x" + letters(i) }
        let quality = Self.quality(query.joined(separator: " "), words.joined(separator: " "))
        #expect(quality.wordDistance == 17 && quality.numberChanges.isEmpty)
        #expect(quality.value == 66)
        // ICU takes a word with digits for a number: 17 number changes are 100 − 34 = 66 as well.
        let numbered = Self.quality(query.indices.map { $0 % 3 == 0 ? "x\($0)" : "w\($0)" }.joined(separator: " "),
                                    words.indices.map { "w\($0)" }.joined(separator: " "))
        #expect(numbered.numberChanges.count == 17 && numbered.value == 66)
    }

    // MARK: - Number adaptation

    @Test("adaptation writes the query's number in the target's digits")
    func adaptation() {
        let change = [MatchQuality.NumberChange(query: "2022", stored: "2021")]
        #expect(NumberAdaptation.adapt("لە ساڵی ٢٠٢١ دەستی پێکرد.", changes: change) == "لە ساڵی ٢٠٢٢ دەستی پێکرد.")
        #expect(NumberAdaptation.adapt("لە ساڵی 2021 دەستی پێکرد.", changes: change) == "لە ساڵی 2022 دەستی پێکرد.")
        #expect(NumberAdaptation.adapt("در سال ۲۰۲۱ آغاز شد.", changes: change) == "در سال ۲۰۲۲ آغاز شد.")
        // The number missing from the target: nothing to adapt.
        #expect(NumberAdaptation.adapt("پار دەستی پێکرد.", changes: change) == nil)
        // 12021 is another number, not 2021 inside it.
        #expect(NumberAdaptation.adapt("ژمارە 12021", changes: change) == nil)
        // Arabic thousands separator kept.
        #expect(NumberAdaptation.adapt("١٬٢٠٠ کەس", changes: [MatchQuality.NumberChange(query: "1,500", stored: "1,200")]) == "١٬٥٠٠ کەس")
        // One stored number, two different replacements: no adaptation.
        #expect(NumberAdaptation.adapt("14 و 14", changes: [MatchQuality.NumberChange(query: "15", stored: "14"),
                                                             MatchQuality.NumberChange(query: "16", stored: "14")]) == nil)
        // Two numbers swapped at once.
        #expect(NumberAdaptation.adapt("٣ و ٤", changes: [MatchQuality.NumberChange(query: "4", stored: "3"),
                                                          MatchQuality.NumberChange(query: "3", stored: "4")]) == "٤ و ٣")
    }

    @Test("the matcher offers a number-adapted target, 98, for a number-only difference")
    func matcherAdaptsNumbers() throws {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        try memory.write { session in
            try session.add(unit(("en", "The project was launched in 2021 by the government."), ("ckb", "پڕۆژەکە لە ساڵی ٢٠٢١ لەلایەن حکومەتەوە دەستی پێکرد.")))
            try session.add(unit(("en", "The pipeline is 14 months behind schedule."), ("ckb", "هێڵی بۆرییەکە 14 مانگ دواکەوتووە.")))
            try session.add(unit(("en", "About 48,000 people still live in camps."), ("ckb", "نزیکەی چل و هەشت هەزار کەس هێشتا لە کەمپەکان دەژین.")))
        }
        try memory.withIndex { index in
            let matcher = Matcher(index: index, from: try LanguageTag("en"), to: try LanguageTag("ckb"))

            let arabicDigits = try #require(try matcher.lookup(MatchQuery("The project was launched in 2022 by the government."),
                                                               threshold: 70, limit: 1).first)
            #expect(arabicDigits.quality == 98)
            #expect(arabicDigits.kind == .fuzzy)
            #expect(arabicDigits.adapted)
            #expect(arabicDigits.target == "پڕۆژەکە لە ساڵی ٢٠٢٢ لەلایەن حکومەتەوە دەستی پێکرد.")
            #expect(arabicDigits.storedTarget == "پڕۆژەکە لە ساڵی ٢٠٢١ لەلایەن حکومەتەوە دەستی پێکرد.")
            #expect(arabicDigits.edits == [MatchEdit(op: .replace, query: "2022", stored: "2021")])

            let ascii = try #require(try matcher.lookup(MatchQuery("The pipeline is 15 months behind schedule."), threshold: 70, limit: 1).first)
            #expect(ascii.quality == 98 && ascii.adapted)
            #expect(ascii.target == "هێڵی بۆرییەکە 15 مانگ دواکەوتووە.")

            // The target writes the number in words: offered as stored, not adapted.
            let words = try #require(try matcher.lookup(MatchQuery("About 50,000 people still live in camps."), threshold: 70, limit: 1).first)
            #expect(words.quality == 98)
            #expect(!words.adapted)
            #expect(words.target == words.storedTarget)
            #expect(words.target == "نزیکەی چل و هەشت هەزار کەس هێشتا لە کەمپەکان دەژین.")

            // A word difference as well: no adaptation (the words are not the stored ones).
            let mixed = try #require(try matcher.lookup(MatchQuery("The project was relaunched in 2022 by the government."),
                                                        threshold: 70, limit: 1).first)
            #expect(!mixed.adapted)
            #expect(mixed.quality == 100 * 8 / 9 - 2)  // n = m = 9, D = 1, one number
        }
    }

    @Test("exact, in-context and fuzzy kinds")
    func kinds() throws {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        var withContext = unit(("en", "The lake is low."), ("ckb", "دەریاچەکە نزمە."))
        withContext.previous = "It did not rain."
        withContext.next = "Farmers are worried."
        try memory.write { session in
            try session.add(withContext)
            try session.add(unit(("en", "Roads are closed today."), ("ckb", "ڕێگاکان ئەمڕۆ داخراون.")))
        }
        try memory.withIndex { index in
            let matcher = Matcher(index: index, from: try LanguageTag("en"), to: try LanguageTag("ckb"))
            let inContext = try matcher.lookup(MatchQuery("The lake is low.", previous: "It did not rain.", next: "Farmers are worried."),
                                               threshold: 75, limit: 5)
            #expect(inContext.map(\.kind) == [.inContext])
            #expect(inContext.first?.quality == 100)
            let otherContext = try matcher.lookup(MatchQuery("The lake is low.", previous: "It rained.", next: "Farmers are worried."),
                                                  threshold: 75, limit: 5)
            #expect(otherContext.map(\.kind) == [.exact])
            let caseOnly = try matcher.lookup(MatchQuery("roads are closed today."), threshold: 75, limit: 5)
            #expect(caseOnly.map(\.kind) == [.fuzzy])
            #expect(caseOnly.map(\.quality) == [99])
            #expect(try matcher.lookup(MatchQuery("Nothing here is like it."), threshold: 50, limit: 5).isEmpty)
        }
    }

    @Test("an older in-context unit comes before a newer exact one, even with limit 1")
    func inContextBeforeNewerExact() throws {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        var older = unit(("en", "The lake is low."), ("ckb", "ئاستی دەریاچەکە نزمە."))
        older.previous = "It did not rain."
        try memory.write { session in
            try session.add(older)
            try session.add(unit(("en", "The lake is low."), ("ckb", "دەریاچەکە نزمە.")))
        }
        try memory.withIndex { index in
            let matcher = Matcher(index: index, from: try LanguageTag("en"), to: try LanguageTag("ckb"))
            let query = MatchQuery("The lake is low.", previous: "It did not rain.", next: nil)
            let one = try matcher.lookup(query, threshold: 75, limit: 1)
            #expect(one.map(\.kind) == [.inContext])
            #expect(one.map(\.target) == ["ئاستی دەریاچەکە نزمە."])
            let two = try matcher.lookup(query, threshold: 75, limit: 5)
            #expect(two.map(\.kind) == [.inContext, .exact])
            #expect(two.map(\.target) == ["ئاستی دەریاچەکە نزمە.", "دەریاچەکە نزمە."])
            // Without context, the newest exact match first.
            let plain = try matcher.lookup(MatchQuery("The lake is low."), threshold: 75, limit: 5)
            #expect(plain.map(\.target) == ["دەریاچەکە نزمە.", "ئاستی دەریاچەکە نزمە."])
        }
    }

    @Test("Sorani into English: the query's Arabic-Indic number goes into the English target in ASCII digits")
    func soraniIntoEnglish() throws {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        try memory.write { session in
            try session.add(unit(("ckb", "دەریاچەی دوکان ٤٫٢ مەتر دابەزیوە."), ("en", "Dukan Lake has dropped 4.2 meters.")))
            try session.add(unit(("ckb", "دەریاچەکە لە ساڵی ٢٠٢٠ەوە دابەزیوە."), ("en", "The lake has dropped since 2020.")))
        }
        try memory.withIndex { index in
            let matcher = Matcher(index: index, from: try LanguageTag("ckb"), to: try LanguageTag("en"))
            let match = try #require(try matcher.lookup(MatchQuery("دەریاچەی دوکان ٣٫٥ مەتر دابەزیوە."), threshold: 75, limit: 1).first)
            #expect(match.quality == 98)
            #expect(match.adapted)
            #expect(match.target == "Dukan Lake has dropped 3.5 meters.")

            // Sorani writes suffixes on numbers (٢٠٢٠ەوە "since 2020", ٢٨ی "the 28th"): the number
            // is still a placeable of its own.
            let suffixed = try #require(try matcher.lookup(MatchQuery("دەریاچەکە لە ساڵی ٢٠٢١ەوە دابەزیوە."), threshold: 75, limit: 1).first)
            #expect(suffixed.quality == 98)
            #expect(suffixed.adapted)
            #expect(suffixed.target == "The lake has dropped since 2021.")
        }
    }
}
