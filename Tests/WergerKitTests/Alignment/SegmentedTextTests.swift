import Testing
@testable import WergerKit

@Suite("A document's paragraphs, as the aligner reads them")
struct SegmentedTextTests {
    typealias S = Sample

    private func paragraphs(_ text: String, _ language: String = "en") throws -> [Int] {
        SegmentedText(name: language, text: text, segmenter: try Segmenter.forAlignment(language: LanguageTag(language))).segments.map(\.paragraph)
    }

    @Test("an article with a paragraph a line and no blank lines keeps its paragraphs")
    func paragraphPerLine() throws {
        #expect(try paragraphs("Dukan Water Pipeline Falls Behind\n\(S.s1) \(S.s2)\n\(S.s3) \(S.s4)\n") == [0, 1, 1, 2, 2])
        #expect(try paragraphs("\(S.t1) \(S.t2)\r\n\(S.t3) \(S.t4)", "ckb") == [0, 0, 1, 1])
    }

    @Test("a blank line after the headline only: the body's lines are still its paragraphs")
    func headlineThenLines() throws {
        #expect(try paragraphs("Dukan Water Pipeline Falls Behind\n\n\(S.s1) \(S.s2)\n\(S.s3) \(S.s4)\n") == [0, 1, 1, 2, 2])
    }

    @Test("between blank lines, a block of a sentence a line (a list, an address) stays one paragraph")
    func blockOfSentenceLines() throws {
        #expect(try paragraphs("Dukan Water Pipeline Falls Behind\n\n\(S.s1)\n\(S.s2)\n\(S.s3)\n\n\(S.s4) \(S.s5)") == [0, 1, 1, 1, 2, 2])
    }

    @Test("a file of a sentence a line is one paragraph: its lines are sentences, not paragraphs")
    func sentencePerLine() throws {
        #expect(try paragraphs([S.s1, S.s2, S.s3, S.s4, "\(S.s5) \(S.s6)"].joined(separator: "\n")) == [0, 0, 0, 0, 0, 0])
    }

    @Test("a headline on the first line, the body right under it: the headline is a paragraph of its own")
    func headlineWithoutBlankLine() throws {
        // The first paragraph's lines hold one segment each, too few to be taken for paragraphs.
        #expect(try paragraphs("Dukan Water Pipeline Falls Behind\n\(S.s1)\n\n\(S.s2) \(S.s3)") == [0, 1, 2, 2])
        #expect(try paragraphs("Dukan Water Pipeline Falls Behind\n\(S.s1)\n\(S.s2)\n\(S.s3)") == [0, 1, 1, 1])
    }

    @Test("a hard-wrapped text is one paragraph: its lines are where the text was wrapped")
    func hardWrapped() throws {
        let wrapped = "The federal finance ministry rejected that figure in a \nstatement on Wednesday evening. \(S.s2)\n\(S.s3) \(S.s4)"
        #expect(try paragraphs(wrapped) == [0, 0, 0, 0])
    }

    @Test("a dropped sentence is found in an article of a paragraph a line, as with blank lines")
    func dropInParagraphPerLine() throws {
        let english = "\(S.s1) \(S.s2)\n\(S.s3) \(S.s6)\n\(S.s4) \(S.s5)"
        let sorani = "\(S.t1) \(S.t2)\n\(S.t3) \(S.t6)\n\(S.t5)"
        let alignment = try SentenceAligner().align(
            SegmentedText(name: "en", text: english, segmenter: try Segmenter.forAlignment(language: LanguageTag("en"))),
            SegmentedText(name: "ckb", text: sorani, segmenter: try Segmenter.forAlignment(language: LanguageTag("ckb"))))
        #expect(alignment.beads.map(\.kind.rawValue) == ["1-1", "1-1", "1-1", "1-1", "1-0", "1-1"])
    }

    @Test("a file given a segment a line: each line is a segment as written, a blank line starts a paragraph")
    func givenLines() throws {
        let text = "\n  Dukan Water Pipeline Falls Behind \r\n\r\n\(S.s1) \(S.s2)\r\n\tThe work stopped\n\n\n\n\(S.s3)"
        let given = SegmentedText(name: "en", language: try LanguageTag("en"), lines: text)
        #expect(given.texts == ["Dukan Water Pipeline Falls Behind", "\(S.s1) \(S.s2)", "The work stopped", S.s3])
        #expect(given.segments.map(\.paragraph) == [0, 1, 1, 2])
        #expect(given.given)
        #expect(SegmentedText(name: "en", language: try LanguageTag("en"), lines: "\n \r\n\t\n").segments.isEmpty)
    }

    @Test("segments given a line each are kept: a line of two sentences against two is a 1-2 bead, not cut")
    func givenSegmentsAreNotCut() throws {
        let english = "\(S.s1) \(S.s2)\n\(S.s3)\n\(S.s4)\n"
        let sorani = "\(S.t1)\n\(S.t2)\n\(S.t3)\n\(S.t4)\n"
        let given = try SentenceAligner().align(SegmentedText(name: "en", language: try LanguageTag("en"), lines: english),
                                                SegmentedText(name: "ckb", language: try LanguageTag("ckb"), lines: sorani))
        #expect(given.beads.map(\.kind.rawValue) == ["1-2", "1-1", "1-1"])
        #expect(given.source.texts == ["\(S.s1) \(S.s2)", S.s3, S.s4])
        // Werger's own segmenter cuts the first line into its two sentences.
        let cut = try SentenceAligner().align(
            SegmentedText(name: "en", text: english, segmenter: try Segmenter.forAlignment(language: LanguageTag("en"))),
            SegmentedText(name: "ckb", text: sorani, segmenter: try Segmenter.forAlignment(language: LanguageTag("ckb"))))
        #expect(cut.beads.map(\.kind.rawValue) == ["1-1", "1-1", "1-1", "1-1"])
    }
}
