import Foundation
import Testing
@testable import WergerKit

/// The lossless guarantee (PRODUCT.md: "the best fuzzy match a brute-force word-level edit distance
/// would find is never missed"): on random memories and perturbed queries, `FuzzySearch` returns
/// exactly what scoring every stored variant returns — the same units with the same qualities, in
/// the same order — for every threshold and limit.
@Suite("FuzzySearch against brute force")
struct FuzzySearchPropertyTests {
    static let thresholds = [50, 60, 70, 75, 85, 95, 100]
    static let limits = [1, 5]

    // MARK: - Random memories

    @Test("random memories: every threshold and limit gives the brute-force result",
          arguments: [(seed: UInt64(1), units: 300, words: 3...30, queries: 60), (seed: 2, units: 300, words: 3...30, queries: 60),
                      (seed: 3, units: 2_000, words: 3...30, queries: 50), (seed: 4, units: 200, words: 20...80, queries: 36)])
    func randomMemory(_ setup: (seed: UInt64, units: Int, words: ClosedRange<Int>, queries: Int)) throws {
        var random = SplitMix64(seed: setup.seed)
        let generated = RandomCorpus.units(count: setup.units, words: setup.words, using: &random)
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        try memory.write { session in
            for unit in generated { try session.add(unit.translationUnit) }
        }
        let reference = try BruteForce(memory: memory)

        var queries: [(text: String, language: String, target: String?)] = []
        for i in 0..<setup.queries {
            let base = generated[Int.random(in: 0..<generated.count, using: &random)]
            let perturbation = Perturbation.allCases[i % Perturbation.allCases.count]
            // Mostly English into Sorani; every fourth query the other way, every ninth into any language.
            if i % 4 == 3, let sorani = base.sorani {
                let query = perturbation.apply(to: sorani, using: &random)
                queries.append((query.render(.sorani, using: &random, surface: perturbation == .surface), "ckb", "en"))
            } else {
                let query = perturbation.apply(to: base.english, using: &random)
                queries.append((query.render(.english, using: &random, surface: perturbation == .surface), "en",
                                i % 9 == 8 ? nil : "ckb"))
            }
        }
        // Edge cases: nothing, punctuation or a number alone, one or two words, several stored
        // sentences run together, a sentence twice.
        let texts = generated.map(\.englishText)
        for text in ["", "...", "2021", "water", "the water", texts[0] + " " + texts[1] + " " + texts[2], texts[3] + " " + texts[3]] {
            queries.append((text, "en", "ckb"))
        }
        try memory.withIndex { index in
            try reference.checkUnitIds(index)
            let search = FuzzySearch(index: index)
            var failures = Failures(context: "seed \(setup.seed), \(setup.units) units")
            var found = 0
            for query in queries {
                // The fixed thresholds, and one anywhere between (on or off FuzzySearch's levels).
                let thresholds = Self.thresholds + [Int.random(in: 51...99, using: &random)]
                found += try Self.compare(query.text, language: query.language, target: query.target, search: search,
                                          reference: reference, failures: &failures, thresholds: thresholds) ? 1 : 0
            }
            failures.report()
            // Not a vacuous comparison: most queries have matches.
            #expect(found > queries.count / 2, "only \(found) of \(queries.count) queries have a match of 50 or more")
        }
    }

    /// The comparison is not vacuous: an index that loses postings is caught.
    @Test("the comparison catches a lossy index (half the posting lists unread)")
    func catchesALossyIndex() throws {
        var random = SplitMix64(seed: 5)
        let generated = RandomCorpus.units(count: 300, words: 3...30, using: &random)
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        try memory.write { session in
            for unit in generated { try session.add(unit.translationUnit) }
        }
        let reference = try BruteForce(memory: memory)
        try memory.withIndex { index in
            let search = FuzzySearch(index: LossyIndex(index))
            var failures = Failures(context: "lossy index")
            for _ in 0..<30 {
                let base = generated[Int.random(in: 0..<generated.count, using: &random)]
                let query = Perturbation.scattered.apply(to: base.english, using: &random).render(.english)
                try Self.compare(query, language: "en", target: "ckb", search: search, reference: reference, failures: &failures)
            }
            #expect(failures.messages.count > 0)
        }
    }

    // MARK: - SYSTRAN's case

    /// 100 sentences of 25 words, queried with three scattered substitutions: ⌊100 × 22/25⌋ = 88,
    /// and each must come back as the best match among 400 unrelated sentences.
    @Test("three scattered substitutions in 25 words: all 100 sentences found as the best match (88)")
    func threeScatteredSubstitutions() throws {
        var random = SplitMix64(seed: 88)
        var sentences: [Sentence] = []
        for _ in 0..<100 {
            sentences.append(Sentence(pieces: (0..<25).map { _ in .word(RandomCorpus.word(using: &random)) }, end: ".", capitalized: true))
        }
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        try memory.write { session in
            for (i, sentence) in sentences.enumerated() {
                try session.add(TranslationUnit(id: "s\(i)", variants: [
                    Variant(language: "en", text: sentence.render(.english)), Variant(language: "ckb", text: sentence.render(.sorani)),
                ], origin: "test"))
            }
            for i in 0..<400 {
                let other = RandomCorpus.sentence(using: &random)
                try session.add(TranslationUnit(id: "d\(i)", variants: [
                    Variant(language: "en", text: other.render(.english)), Variant(language: "ckb", text: other.render(.sorani)),
                ], origin: "test"))
            }
        }
        let reference = try BruteForce(memory: memory)
        try memory.withIndex { index in
            let search = FuzzySearch(index: index)
            var failures = Failures(context: "three substitutions")
            var found = 0
            for (i, sentence) in sentences.enumerated() {
                var query = sentence
                // One substitution in each third of the sentence.
                for third in 0..<3 {
                    let position = third * 8 + Int.random(in: 1..<7, using: &random)
                    guard case .word(let old) = query.pieces[position] else { continue }
                    query.pieces[position] = .word(RandomCorpus.word(differentFrom: old, using: &random))
                }
                let text = query.render(.english)
                let best = try search.search(text, language: .of("en"), target: "ckb", threshold: 75, limit: 1)
                if best.first?.unit == Int64(i + 1), best.first?.quality.value == 88 { found += 1 } else {
                    Issue.record("sentence \(i): got \(best.map { ($0.unit, $0.quality.value) }) for \(text)")
                }
                try Self.compare(text, language: "en", target: "ckb", search: search, reference: reference, failures: &failures,
                                 thresholds: [75, 85], limits: [1, 5])
            }
            #expect(found == 100)
            failures.report()
        }
    }

    /// 100 × (1 − 17/50) is 65.999… in floating point: the filter's bound must still say 66.
    @Test("50 words with 17 substituted are found at threshold 66")
    func boundAtAnExactQuality() throws {
        // Letters only: ICU tags "word7" as a number, and numbers substitute for free.
        let words = (0..<50).map { "word" + letters($0) }
        var query = words
        for i in stride(from: 0, to: 50, by: 3) { query[i] = "other" + letters(i) }
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        _ = try memory.write { session in
            try session.add(unit(("en", words.joined(separator: " ")), ("ckb", "ڕستەیەکی درێژ")))
        }
        try memory.withIndex { index in
            let found = try FuzzySearch(index: index).search(query.joined(separator: " "), language: .of("en"), target: "ckb",
                                                            threshold: 66, limit: 1)
            #expect(found.map(\.quality.value) == [66])
            #expect(found.first?.quality.wordDistance == 17)
        }
    }

    // MARK: - NTREX-128

    static let ntrex = Shared.root.appendingPathComponent("corpora/ntrex128")
    static var ntrexExists: Bool { FileManager.default.fileExists(atPath: ntrex.appendingPathComponent("eng.txt").path) }

    @Test("NTREX-128, 1,000 news sentences: perturbed queries give the brute-force result",
          .enabled(if: ntrexExists, "../shared/corpora/ntrex128 is absent: the real-text comparison runs in CI"))
    func ntrexSentences() throws {
        let english = try String(contentsOf: Self.ntrex.appendingPathComponent("eng.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let sorani = try String(contentsOf: Self.ntrex.appendingPathComponent("ckb.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(english.count >= 1_100 && sorani.count >= 1_100)
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        try memory.write { session in
            for i in 0..<1_000 where !english[i].isEmpty && !sorani[i].isEmpty {
                try session.add(TranslationUnit(id: "ntrex-\(i)", variants: [
                    Variant(language: "en", text: english[i]), Variant(language: "ckb", text: sorani[i]),
                ], origin: "ntrex128"))
            }
        }
        let reference = try BruteForce(memory: memory)
        var random = SplitMix64(seed: 128)
        var queries: [(String, String, String)] = []
        for i in 0..<70 {
            let line = Int.random(in: 0..<1_000, using: &random)
            let sourceIsSorani = i % 5 == 4
            let text = sourceIsSorani ? sorani[line] : english[line]
            let donor = (sourceIsSorani ? sorani : english)[Int.random(in: 0..<1_000, using: &random)]
            queries.append((Self.perturb(text, donors: donor, kind: i % 6, using: &random), sourceIsSorani ? "ckb" : "en",
                            sourceIsSorani ? "en" : "ckb"))
        }
        // Sentences the memory does not hold (lines after the first 1,000).
        for line in 1_000..<1_020 { queries.append((english[line], "en", "ckb")) }
        try memory.withIndex { index in
            try reference.checkUnitIds(index)
            let search = FuzzySearch(index: index)
            var failures = Failures(context: "NTREX-128")
            for (text, language, target) in queries {
                try Self.compare(text, language: language, target: target, search: search, reference: reference, failures: &failures)
            }
            failures.report()
        }
    }

    /// A real sentence, changed word by word: substitutions from another sentence (1–3, spread
    /// out), a deletion, an insertion, a number changed, case and punctuation, or as it is.
    static func perturb(_ text: String, donors: String, kind: Int, using random: inout SplitMix64) -> String {
        var words = text.split(separator: " ").map(String.init)
        let spare = donors.split(separator: " ").map(String.init)
        guard words.count > 2, !spare.isEmpty else { return text }
        switch kind {
        case 0, 1:
            let count = min(words.count, kind + 1 + Int.random(in: 0...1, using: &random))
            for k in 0..<count {
                let position = k * words.count / count + Int.random(in: 0..<max(1, words.count / count), using: &random)
                words[min(position, words.count - 1)] = spare.randomElement(using: &random)!
            }
        case 2:
            words.remove(at: Int.random(in: 0..<words.count, using: &random))
        case 3:
            words.insert(spare.randomElement(using: &random)!, at: Int.random(in: 0...words.count, using: &random))
        case 4:
            if let i = words.firstIndex(where: { $0.contains(where: \.isNumber) }) {
                words[i] = String(Int.random(in: 2...9_999, using: &random))
            } else {
                words[words.count / 2] = String(Int.random(in: 2...9_999, using: &random))
            }
        default:
            return text.uppercased().filter { !",.;:'\"".contains($0) }
        }
        return words.joined(separator: " ")
    }

    // MARK: - The comparison

    /// Compares the search with the reference at every threshold and limit; true when the query
    /// has a match at the lowest threshold.
    @discardableResult
    static func compare(_ text: String, language: String, target: String?, search: FuzzySearch, reference: BruteForce,
                        failures: inout Failures, thresholds: [Int] = Self.thresholds, limits: [Int] = Self.limits) throws -> Bool {
        let matching = MatchingLanguage.of(language)
        let all = reference.scores(text, language: matching, target: target.map { MatchingLanguage.of($0).key })
        for threshold in thresholds {
            for limit in limits {
                let expected = Array(all.filter { $0.quality >= threshold }.prefix(limit))
                let got = try search.search(text, language: matching, target: target.map { MatchingLanguage.of($0).key },
                                            threshold: threshold, limit: limit)
                    .map { Scored(quality: $0.quality.value, unit: $0.unit) }
                if got != expected {
                    failures.add("query \(String(reflecting: text)) (\(language) → \(target ?? "any")), threshold \(threshold), limit \(limit): expected \(expected), got \(got)")
                }
            }
        }
        return all.contains { $0.quality >= (thresholds.min() ?? 100) }
    }
}

/// `i` spelled with letters (0 → a, 1 → b, …): a word ICU does not take for a number.
func letters(_ i: Int) -> String {
    String(String(i).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0x61)!) })
}

/// A (quality, unit) pair, as the search ranks them.
struct Scored: Equatable, CustomStringConvertible {
    var quality: Int
    var unit: Int64
    var description: String { "\(unit):\(quality)" }
}

/// Collects mismatches and records the first few, so a broken index gives a readable failure.
struct Failures {
    let context: String
    private(set) var messages: [String] = []

    init(context: String) { self.context = context }

    mutating func add(_ message: String) { messages.append(message) }

    func report(sourceLocation: SourceLocation = #_sourceLocation) {
        for message in messages.prefix(5) { Issue.record("\(context): \(message)", sourceLocation: sourceLocation) }
        if messages.count > 5 { Issue.record("\(context): \(messages.count - 5) more mismatches", sourceLocation: sourceLocation) }
    }
}

/// An index that skips the posting lists of odd keys while still reporting their lengths.
final class LossyIndex: FuzzyIndexReading {
    let base: FuzzyIndexReading

    init(_ base: FuzzyIndexReading) { self.base = base }

    var maximumUnit: Int64 { base.maximumUnit }
    func postingCount(_ feature: Int64) throws -> Int { try base.postingCount(feature) }
    func forEachPostingBlock(_ feature: Int64, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard feature & 1 == 0 else { return }
        try base.forEachPostingBlock(feature, body)
    }
    func shapes(of unit: Int64) throws -> [VariantShape] { try base.shapes(of: unit) }
}

/// The reference: every stored variant scored with `MatchQuality`, no index involved.
final class BruteForce {
    struct Stored {
        let unit: Int64
        let uid: String?
        let text: String
        let tokens: MatchTokens
        let hasTags: Bool
    }

    /// Variants by language key; the units' language keys by unit id.
    private var variants: [String: [Stored]] = [:]
    private var languages: [Int64: Set<String>] = [:]
    private var uids: [Int64: String?] = [:]
    private let tokenizer = MatchTokenizer()

    /// Units come in storage order; their SQLite ids are 1, 2, … (checked by `checkUnitIds`).
    init(memory: SQLiteMemory) throws {
        var id: Int64 = 0
        try memory.forEachUnit(languages: nil) { unit in
            id += 1
            uids[id] = unit.id
            for variant in unit.variants {
                let language = MatchingLanguage.of(variant.language)
                languages[id, default: []].insert(language.key)
                variants[language.key, default: []].append(Stored(unit: id, uid: unit.id, text: variant.text,
                                                                  tokens: tokenizer.tokens(of: variant.text, language: language),
                                                                  hasTags: variant.markup != nil))
            }
        }
    }

    /// The ids this reference assumed are the store's.
    func checkUnitIds(_ index: MemoryIndexReader) throws {
        #expect(index.maximumUnit == Int64(uids.count))
        for id in stride(from: Int64(1), through: Int64(uids.count), by: 7) {
            #expect(try index.unit(id)?.id == uids[id] ?? nil, "unit \(id)")
        }
    }

    /// Every unit with a variant in `language` (and one in `target`), its best variant's quality,
    /// best first and among equals the highest unit id first.
    func scores(_ query: String, language: MatchingLanguage, target: String?) -> [Scored] {
        let tokens = tokenizer.tokens(of: query, language: language)
        let trimmed = query.trimmingSpaces
        var best: [Int64: Int] = [:]
        for stored in variants[language.key] ?? [] {
            if let target, languages[stored.unit]?.contains(target) != true { continue }
            let quality = MatchQuality.score(query: tokens, stored: stored.tokens, identicalText: stored.text.trimmingSpaces == trimmed,
                                             storedHasTags: stored.hasTags).value
            if quality > best[stored.unit, default: -1] { best[stored.unit] = quality }
        }
        return best.map { Scored(quality: $0.value, unit: $0.key) }
            .sorted { $0.quality != $1.quality ? $0.quality > $1.quality : $0.unit > $1.unit }
    }
}

// MARK: - Random texts

/// SplitMix64: a small, fast, seeded generator, the same sequence on every platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
}

enum Script { case english, sorani }

/// A sentence as pieces, rendered in English or (word for word) in Sorani.
struct Sentence {
    enum Piece: Equatable {
        case word(Int)
        case number(Int)
        case mark(Int)
    }

    var pieces: [Piece]
    var end: String
    var capitalized: Bool

    static let english = [
        "the", "water", "of", "in", "pipeline", "and", "erbil", "to", "dukan", "lake", "officials", "said", "on", "thursday",
        "project", "was", "launched", "by", "government", "residents", "district", "capital", "summer", "winter", "money",
        "contractor", "station", "pumping", "camp", "people", "children", "report", "ministry", "budget", "finance", "work",
        "delay", "months", "city", "river", "dam", "level", "dropped", "meters", "rain", "farmers", "new", "north",
    ]
    static let sorani = [
        "ئەو", "ئاو", "ی", "لە", "بۆری", "و", "هەولێر", "بۆ", "دوکان", "دەریاچە", "بەرپرسان", "وتیان", "ڕۆژی", "پێنجشەممە",
        "پڕۆژە", "بوو", "دەستیپێکرد", "لەلایەن", "حکومەت", "دانیشتوان", "ناوچە", "پایتەخت", "هاوین", "زستان", "پارە",
        "بەڵێندەر", "وێستگە", "پەمپ", "کەمپ", "خەڵک", "منداڵان", "ڕاپۆرت", "وەزارەت", "بودجە", "دارایی", "کار",
        "دواکەوتن", "مانگ", "شار", "ڕووبار", "بەنداو", "ئاست", "دابەزی", "مەتر", "باران", "جوتیاران", "نوێ", "باکوور",
    ]
    static let numbers = ["14", "2021", "2022", "3.5", "600,000", "48", "1,140", "7"]
    static let englishMarks = [",", ",", ";", ":", " —", " (", ")"]
    static let soraniMarks = ["،", ",", "؛", ":", " —", " (", ")"]

    /// The text; `surface` adds a difference of case, spacing, punctuation or Arabic-script spelling.
    func render(_ script: Script, using random: inout SplitMix64, surface: Bool) -> String {
        var text = render(script)
        guard surface else { return text }
        switch Int.random(in: 0..<4, using: &random) {
        case 0: text = script == .english ? text.uppercased() : text.replacingOccurrences(of: "ک", with: "ك")
        case 1: text = text.replacingOccurrences(of: " ", with: "  ")
        case 2: text = String(text.filter { !",.;:،؛".contains($0) })
        default: text = script == .english ? text.lowercased() + "!" : text.replacingOccurrences(of: "ی", with: "ي") + "!"
        }
        return text
    }

    func render(_ script: Script) -> String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .word(let i):
                if !text.isEmpty && !text.hasSuffix("(") { text += " " }
                text += script == .english ? Self.english[i] : Self.sorani[i]
            case .number(let i):
                if !text.isEmpty && !text.hasSuffix("(") { text += " " }
                text += script == .english ? Self.numbers[i] : Self.arabicDigits(Self.numbers[i], i)
            case .mark(let i):
                text += script == .english ? Self.englishMarks[i] : Self.soraniMarks[i]
            }
        }
        if capitalized, script == .english, let first = text.first { text = first.uppercased() + text.dropFirst() }
        return text + end
    }

    /// Half the numbers in Sorani are written in Arabic-Indic digits (the same numbers when folded).
    static func arabicDigits(_ number: String, _ i: Int) -> String {
        guard i % 2 == 0 else { return number }
        return String(String.UnicodeScalarView(number.unicodeScalars.map { scalar in
            ("0"..."9").contains(scalar) ? Unicode.Scalar(scalar.value - 0x30 + 0x0660)! : scalar
        }))
    }
}

/// A unit of a random memory, with the sentences it was rendered from.
struct GeneratedUnit {
    var id: String
    var english: Sentence
    var sorani: Sentence?
    var englishText: String
    var soraniText: String?
    var tags: Bool
    var britishText: String?

    var translationUnit: TranslationUnit {
        var variants = [Variant(language: "en", text: englishText,
                                markup: tags ? #"<bpt i="1" x="1">&lt;b&gt;</bpt>"# + englishText + #"<ept i="1">&lt;/b&gt;</ept>"# : nil)]
        if let soraniText { variants.append(Variant(language: "ckb", text: soraniText)) }
        // A unit needs two variants: without Sorani it has Kurmanji (which no query asks for).
        else { variants.append(Variant(language: "kmr", text: "Wergera kurmancî ya \(id)")) }
        if let britishText { variants.append(Variant(language: "en-GB", text: britishText)) }
        return TranslationUnit(id: id, variants: variants, origin: "random")
    }
}

enum RandomCorpus {
    /// A word index, frequent words far more often than rare ones (posting lists of every length).
    static func word(using random: inout SplitMix64) -> Int {
        let u = Double.random(in: 0..<1, using: &random)
        return min(Sentence.english.count - 1, Int(Double(Sentence.english.count) * u * u))
    }

    static func word(differentFrom old: Int, using random: inout SplitMix64) -> Int {
        var new = old
        while new == old { new = Int.random(in: 0..<Sentence.english.count, using: &random) }
        return new
    }

    static func sentence(words: ClosedRange<Int> = 3...30, using random: inout SplitMix64) -> Sentence {
        let length = Int.random(in: words, using: &random)
        var pieces: [Sentence.Piece] = []
        for _ in 0..<length {
            pieces.append(random.chance(0.08) ? .number(Int.random(in: 0..<Sentence.numbers.count, using: &random))
                                              : .word(word(using: &random)))
            if random.chance(0.08) { pieces.append(.mark(Int.random(in: 0..<Sentence.englishMarks.count, using: &random))) }
        }
        return Sentence(pieces: pieces, end: [".", ".", "?", ""].randomElement(using: &random)!, capitalized: random.chance(0.7))
    }

    /// `count` units: fresh sentences, and near-duplicates of earlier units (a word or a number
    /// changed, another case, the same source with another translation), some with tags, some
    /// without a Sorani variant, some with a second English variant.
    static func units(count: Int, words: ClosedRange<Int>, using random: inout SplitMix64) -> [GeneratedUnit] {
        var units: [GeneratedUnit] = []
        var seen = Set<String>()
        while units.count < count {
            let id = "u\(units.count + 1)"
            var english: Sentence
            var sorani: Sentence?
            var englishText: String
            var soraniText: String?
            if !units.isEmpty, random.chance(0.35) {
                let base = units[Int.random(in: 0..<units.count, using: &random)]
                switch Int.random(in: 0..<4, using: &random) {
                case 0:  // the same source, another translation
                    english = base.english
                    englishText = base.englishText
                    let other = Perturbation.substitute.apply(to: base.sorani ?? base.english, using: &random)
                    sorani = other
                    soraniText = other.render(.sorani)
                case 1:  // the same words, another case or punctuation
                    english = base.english
                    englishText = base.english.render(.english, using: &random, surface: true)
                    sorani = base.sorani
                    soraniText = base.soraniText
                default:  // a word or a number changed
                    english = (random.chance(0.5) ? Perturbation.substitute : Perturbation.numbers).apply(to: base.english, using: &random)
                    englishText = english.render(.english)
                    sorani = english
                    soraniText = english.render(.sorani)
                }
            } else {
                english = sentence(words: words, using: &random)
                englishText = english.render(.english)
                sorani = english
                soraniText = english.render(.sorani)
            }
            if random.chance(0.08) { sorani = nil; soraniText = nil }
            let tags = random.chance(0.05)
            let british = random.chance(0.04)
                ? Perturbation.substitute.apply(to: english, using: &random).render(.english) : nil
            guard seen.insert(englishText + "\u{1}" + (soraniText ?? "") + "\u{1}" + (british ?? "") + (tags ? "t" : "")).inserted else { continue }
            units.append(GeneratedUnit(id: id, english: english, sorani: sorani, englishText: englishText, soraniText: soraniText,
                                       tags: tags, britishText: british))
        }
        return units
    }
}

/// How a query is made from a stored sentence.
enum Perturbation: CaseIterable {
    case exact, substitute, scattered, insert, delete, numbers, surface, mixed, unrelated

    func apply(to sentence: Sentence, using random: inout SplitMix64) -> Sentence {
        var result = sentence
        switch self {
        case .exact, .surface:
            break
        case .substitute:
            Self.substitute(&result, count: 1, using: &random)
        case .scattered:
            Self.substitute(&result, count: Int.random(in: 1...5, using: &random), using: &random)
        case .insert:
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                result.pieces.insert(.word(RandomCorpus.word(using: &random)), at: Int.random(in: 0...result.pieces.count, using: &random))
            }
        case .delete:
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let words = result.pieces.indices.filter { if case .mark = result.pieces[$0] { return false } else { return true } }
                guard words.count > 1 else { break }
                result.pieces.remove(at: words.randomElement(using: &random)!)
            }
        case .numbers:
            let numbers = result.pieces.indices.filter { if case .number = result.pieces[$0] { return true } else { return false } }
            if numbers.isEmpty {
                let position = Int.random(in: 0...result.pieces.count, using: &random)
                result.pieces.insert(.number(Int.random(in: 0..<Sentence.numbers.count, using: &random)), at: position)
            }
            for i in numbers {
                guard case .number(let old) = result.pieces[i] else { continue }
                result.pieces[i] = .number((old + Int.random(in: 1..<Sentence.numbers.count, using: &random)) % Sentence.numbers.count)
            }
        case .mixed:
            Self.substitute(&result, count: 2, using: &random)
            result = Perturbation.numbers.apply(to: result, using: &random)
            result.capitalized.toggle()
        case .unrelated:
            result = RandomCorpus.sentence(using: &random)
        }
        return result
    }

    /// `count` substitutions, one in each stretch of the sentence, so they are far apart.
    static func substitute(_ sentence: inout Sentence, count: Int, using random: inout SplitMix64) {
        let words = sentence.pieces.indices.filter { if case .word = sentence.pieces[$0] { return true } else { return false } }
        guard !words.isEmpty else { return }
        let count = min(count, words.count)
        for k in 0..<count {
            let stretch = words[(k * words.count / count)..<((k + 1) * words.count / count)]
            guard let i = stretch.randomElement(using: &random), case .word(let old) = sentence.pieces[i] else { continue }
            sentence.pieces[i] = .word(RandomCorpus.word(differentFrom: old, using: &random))
        }
    }
}
