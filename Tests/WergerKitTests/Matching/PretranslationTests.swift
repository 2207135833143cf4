import Foundation
import Testing
@testable import WergerKit

/// Pre-translation of an article and its leverage report: neighbours make in-context matches,
/// a repeated segment counts once in its band and then as a repetition.
@Suite("Pretranslation and LeverageReport")
struct PretranslationTests {
    @Test("an article's segments get in-context, exact, fuzzy and no match; the report counts them")
    func article() throws {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        var dam = unit(("en", "The dam is full."), ("ckb", "بەنداوەکە پڕە."))
        dam.next = "Farmers are happy."
        var farmers = unit(("en", "Farmers are happy."), ("ckb", "جوتیاران دڵخۆشن."))
        farmers.previous = "The dam is full."
        try memory.write { session in
            try session.add(dam)
            try session.add(farmers)
            try session.add(unit(("en", "Prices rose in 2021."), ("ckb", "نرخەکان لە ٢٠٢١ بەرز بوونەوە.")))
        }
        let english = try LanguageTag("en")
        let text = "The dam is full. Farmers are happy.\n\nPrices rose in 2022. Something entirely new here today. The dam is full.\n"
        let segments = try memory.withIndex { index in
            try Pretranslation.run(text, segmenter: try Segmenter(language: english),
                                   matcher: Matcher(index: index, from: english, to: try LanguageTag("ckb")), threshold: 75)
        }
        #expect(segments.map(\.source) == ["The dam is full.", "Farmers are happy.", "Prices rose in 2022.",
                                           "Something entirely new here today.", "The dam is full."])
        #expect(segments.map(\.index) == [0, 1, 2, 3, 4])
        #expect(segments.map(\.paragraph) == [0, 0, 1, 1, 1])
        // The first: no previous segment, the stored next one follows. The second: the stored unit
        // ends its document, the article goes on. The last: another previous segment.
        #expect(segments.map { $0.match?.kind } == [.inContext, .exact, .fuzzy, nil, .exact])
        #expect(segments.map { $0.match?.quality } == [100, 100, 98, nil, 100])
        #expect(segments[2].match?.target == "نرخەکان لە ٢٠٢٢ بەرز بوونەوە.")
        #expect(segments[2].match?.adapted == true)

        let report = LeverageReport(segments, language: english)
        typealias Counts = LeverageReport.Counts
        func counts(_ segments: Int, _ words: Int, _ characters: Int) -> Counts {
            var c = Counts()
            c.segments = segments
            c.words = words
            c.characters = characters
            return c
        }
        // Characters are scalars without white space: "The dam is full." is 13.
        #expect(report.bands[.inContext] == counts(1, 4, 13))
        #expect(report.bands[.exact] == counts(1, 3, 16))
        #expect(report.bands[.high] == counts(1, 4, 17))
        #expect(report.bands[.noMatch] == counts(1, 5, 30))
        #expect(report.bands[.good] == counts(0, 0, 0))
        #expect(report.repetitions == counts(1, 4, 13))
        #expect(report.total == counts(5, 20, 89))
    }

    @Test("bands by quality and kind", arguments: [
        (100, MatchKind.inContext, LeverageReport.Band.inContext), (100, .exact, .exact), (99, .fuzzy, .high), (95, .fuzzy, .high),
        (94, .fuzzy, .good), (85, .fuzzy, .good), (84, .fuzzy, .fair), (75, .fuzzy, .fair), (74, .fuzzy, .low), (50, .fuzzy, .low),
    ])
    func bands(_ example: (quality: Int, kind: MatchKind, band: LeverageReport.Band)) {
        let match = Match(quality: example.quality, kind: example.kind, source: "a", target: "b", storedTarget: "b", adapted: false,
                          unit: unit(("en", "a"), ("ckb", "b")), edits: [])
        #expect(LeverageReport.Band.of(match) == example.band)
        #expect(LeverageReport.Band.of(nil) == .noMatch)
    }
}
