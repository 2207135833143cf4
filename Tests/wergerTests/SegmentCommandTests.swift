import Foundation
import Testing

/// `werger segment`, run as a user runs it: the built executable, with stdout, stderr and the exit
/// code checked separately. Fixtures live in Fixtures/ (see Fixtures/README.md for how they were made).
@Suite("werger segment")
struct SegmentCommandTests {
    // MARK: - Output formats

    /// en.txt: a headline, a paragraph with a hard-wrapped line (it ends with a space and the next line
    /// starts in lower case), and a paragraph that starts with an emoji outside the BMP and has a tab
    /// inside a segment.
    struct Golden: Sendable, CustomTestStringConvertible {
        var format: String
        var stdout: String
        var testDescription: String { format }
    }

    static let goldens: [Golden] = [
        Golden(format: "text", stdout: """
            Storm Closes Coastal Roads
            Heavy rain fell across the region on Monday.
            Officials closed two coastal roads  before noon.
            Residents were told to "stay indoors".
            🌊 The river rose two metres overnight.
            The water\tlevel is falling now.

            """),
        Golden(format: "jsonl", stdout: #"""
            {"index":0,"paragraph":0,"start":0,"end":26,"text":"Storm Closes Coastal Roads"}
            {"index":1,"paragraph":1,"start":28,"end":72,"text":"Heavy rain fell across the region on Monday."}
            {"index":2,"paragraph":1,"start":73,"end":121,"text":"Officials closed two coastal roads \nbefore noon."}
            {"index":3,"paragraph":1,"start":122,"end":160,"text":"Residents were told to \"stay indoors\"."}
            {"index":4,"paragraph":2,"start":162,"end":200,"text":"🌊 The river rose two metres overnight."}
            {"index":5,"paragraph":2,"start":201,"end":232,"text":"The water\tlevel is falling now."}

            """#),
        Golden(format: "tsv", stdout: #"""
            0\#t0\#tStorm Closes Coastal Roads
            1\#t1\#tHeavy rain fell across the region on Monday.
            2\#t1\#tOfficials closed two coastal roads \nbefore noon.
            3\#t1\#tResidents were told to "stay indoors".
            4\#t2\#t🌊 The river rose two metres overnight.
            5\#t2\#tThe water\tlevel is falling now.

            """#),
    ]

    @Test("each format prints exactly the expected output", arguments: goldens)
    func formatGivesExactOutput(_ golden: Golden) throws {
        let run = try Werger.run(["segment", Fixture.path("en.txt"), "--lang", "en", "--format", golden.format])
        #expect(run.status == 0)
        #expect(run.err == "")
        expectBytes(run.stdout, golden.stdout)
    }

    @Test("text is the default format")
    func textIsTheDefault() throws {
        let run = try Werger.run(["segment", Fixture.path("en.txt"), "--lang", "en"])
        #expect(run.status == 0)
        expectBytes(run.stdout, try #require(Self.goldens.first { $0.format == "text" }).stdout)
    }

    @Test("jsonl: start and end count Unicode scalars, and text is the input between them")
    func jsonlOffsetsCountScalars() throws {
        let input = try Fixture.text("en.txt")
        let run = try Werger.run(["segment", Fixture.path("en.txt"), "--lang", "en", "--format", "jsonl"])
        #expect(run.status == 0)
        #expect(run.err == "")
        let segments = try JSONSegment.decodeLines(run.out)
        try #require(segments.count == 6)
        #expect(segments.map(\.index) == Array(0..<6))
        #expect(segments.map(\.paragraph) == [0, 1, 1, 1, 2, 2])

        let scalars = ScalarText(input)
        var previousEnd = 0
        for segment in segments {
            expectSameScalars(segment.text, scalars.text(from: segment.start, to: segment.end))
            // Segments plus the gaps between them give back the document: the gaps are only white space.
            let gap = scalars.text(from: previousEnd, to: segment.start)
            let onlyWhiteSpace = gap.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
            #expect(onlyWhiteSpace, "gap before segment \(segment.index): \(gap.debugDescription)")
            previousEnd = segment.end
        }
        #expect(scalars.text(from: previousEnd, to: scalars.scalars.count) == "\n")

        // The fixture must make scalar and UTF-16 offsets differ, or this test could not tell them apart.
        let last = segments[5]
        let utf16Start = try #require(input.range(of: "The water")).lowerBound.utf16Offset(in: input)
        let scalarStart = input.unicodeScalars.distance(from: input.unicodeScalars.startIndex,
                                                        to: try #require(input.range(of: "The water")).lowerBound)
        #expect(utf16Start == scalarStart + 1)
        #expect(last.start == scalarStart)
        #expect(last.end == scalarStart + "The water\tlevel is falling now.".unicodeScalars.count)
    }

    @Test("tsv: three fields a line; a tab or line break inside a segment is escaped")
    func tsvEscapes() throws {
        let run = try Werger.run(["segment", Fixture.path("en.txt"), "--lang", "en", "--format", "tsv"])
        #expect(run.status == 0)
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(lines.count == 6)
        for line in lines {
            #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == 3, "\(line)")
        }
        let fields = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).last.map(String.init) ?? "" }
        #expect(fields[5] == #"The water\tlevel is falling now."#)
        #expect(fields[2] == #"Officials closed two coastal roads \nbefore noon."#)
    }

    @Test("text: a hard-wrapped segment is printed on one line")
    func textJoinsHardWrappedSegment() throws {
        let run = try Werger.run(["segment", Fixture.path("en.txt"), "--lang", "en", "--format", "text"])
        #expect(run.status == 0)
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 6)
        #expect(lines.contains("Officials closed two coastal roads  before noon."))
        #expect(!lines.contains { $0.hasPrefix("before noon") })
    }

    @Test("--quotations sentences cuts a quotation of several sentences as werger align does; whole is the default")
    func quotationsOption() throws {
        let scratch = try TemporaryFolder()
        let file = try scratch.file("quote.txt", Data("\"We waited. Nobody came,\" she said. The mayor disagreed.\n".utf8))
        let whole = try Werger.run(["segment", file.path, "--lang", "en"])
        #expect(whole.status == 0)
        #expect(whole.out == "\"We waited. Nobody came,\" she said.\nThe mayor disagreed.\n")
        let sentences = try Werger.run(["segment", file.path, "--lang", "en", "--quotations", "sentences"])
        #expect(sentences.status == 0)
        #expect(sentences.out == "\"We waited.\nNobody came,\" she said.\nThe mayor disagreed.\n")
        let wrong = try Werger.run(["segment", file.path, "--lang", "en", "--quotations", "some"])
        #expect(wrong.status == 64)
    }

    // MARK: - Standard input

    @Test("- reads standard input and gives what the file gives",
          arguments: [("en.txt", "en"), ("ar.txt", "ar"), ("ar.windows-1256.txt", "ar"), ("en.utf16le-bom.txt", "en")])
    func standardInput(_ fixture: String, _ language: String) throws {
        let fromFile = try Werger.run(["segment", Fixture.path(fixture), "--lang", language, "--format", "jsonl"])
        let fromStdin = try Werger.run(["segment", "-", "--lang", language, "--format", "jsonl"], stdin: Fixture.url(fixture))
        #expect(fromStdin.status == 0)
        #expect(fromStdin.err == "")
        #expect(!fromStdin.stdout.isEmpty)
        #expect(fromStdin.stdout == fromFile.stdout)
    }

    // MARK: - Encodings

    /// Each file holds the same text as its UTF-8 original; jsonl offsets count from after any BOM, so
    /// the whole output, offsets included, must be identical.
    @Test("every encoding gives the segments of the UTF-8 original", arguments: [
        ("ar.windows-1256.txt", "ar.txt", "ar"),
        ("ar.iso-8859-6.txt", "ar.txt", "ar"),
        ("ar.utf16le-bom.txt", "ar.txt", "ar"),
        ("ar.utf16be-bom.txt", "ar.txt", "ar"),
        ("ar.utf8-bom.txt", "ar.txt", "ar"),
        ("en.utf16le-bom.txt", "en.txt", "en"),
        ("en.utf16be-bom.txt", "en.txt", "en"),
        ("en.utf8-bom.txt", "en.txt", "en"),
    ])
    func encodingGivesSameSegments(_ fixture: String, _ original: String, _ language: String) throws {
        let expected = try Werger.run(["segment", Fixture.path(original), "--lang", language, "--format", "jsonl"])
        try #require(expected.status == 0)
        try #require(try JSONSegment.decodeLines(expected.out).count >= 5)
        let run = try Werger.run(["segment", Fixture.path(fixture), "--lang", language, "--format", "jsonl"])
        #expect(run.status == 0)
        #expect(run.err == "")
        expectBytes(run.stdout, expected.out)
    }

    @Test("the Arabic original is cut as expected")
    func arabicOriginal() throws {
        let input = try Fixture.text("ar.txt")
        let run = try Werger.run(["segment", Fixture.path("ar.txt"), "--lang", "ar", "--format", "jsonl"])
        #expect(run.status == 0)
        let segments = try JSONSegment.decodeLines(run.out)
        #expect(segments.map(\.text) == [
            "أمطار غزيرة تغلق الطرق الساحلية",
            "هطلت أمطار غزيرة على المنطقة يوم الاثنين.",
            "وأغلق المسؤولون طريقين ساحليين قبل الظهر.",
            "هل تفتح الطرق غدا؟",
            "قال المتحدث إن الفرق تعمل طوال الليل.",
            "ارتفع منسوب النهر مترين، لكنه بدأ ينخفض الآن.",
        ])
        #expect(segments.map(\.paragraph) == [0, 1, 1, 1, 1, 2])
        let scalars = ScalarText(input)
        for segment in segments { expectSameScalars(segment.text, scalars.text(from: segment.start, to: segment.end)) }
    }

    @Test("--encoding names the encoding", arguments: [
        ("ar.windows-1256.txt", "windows-1256"),
        ("ar.iso-8859-6.txt", "ISO-8859-6"),
    ])
    func forcedEncoding(_ fixture: String, _ encoding: String) throws {
        let expected = try Werger.run(["segment", Fixture.path("ar.txt"), "--lang", "ar", "--format", "jsonl"])
        let run = try Werger.run(["segment", Fixture.path(fixture), "--lang", "ar", "--format", "jsonl", "--encoding", encoding])
        #expect(run.status == 0)
        #expect(run.err == "")
        #expect(!run.stdout.isEmpty)
        expectBytes(run.stdout, expected.out)
    }

    @Test("--encoding windows-1256 is obeyed even when the bytes look like another code page")
    func forcedEncodingOverridesDetection() throws {
        let original = try Werger.run(["segment", Fixture.path("ar.txt"), "--lang", "ar", "--format", "text"])
        // ISO-8859-6 bytes read as windows-1256: valid, but other letters. Detection alone reads them right.
        let detected = try Werger.run(["segment", Fixture.path("ar.iso-8859-6.txt"), "--lang", "ar", "--format", "text"])
        let forced = try Werger.run(["segment", Fixture.path("ar.iso-8859-6.txt"), "--lang", "ar", "--format", "text",
                                     "--encoding", "windows-1256"])
        #expect(detected.stdout == original.stdout)
        #expect(forced.status == 0)
        #expect(!forced.stdout.isEmpty)
        #expect(forced.stdout != original.stdout)
        // The headline's ISO-8859-6 bytes as windows-1256 letters (Python: bytes.decode("cp1256")).
        #expect(forced.out.hasPrefix("أه×ار عزêرة تعنâ ان×رâ انساحنêة\n"))
    }

    @Test("an unknown --encoding is a usage error", arguments: ["klingon-8", "windows-9999"])
    func unknownEncoding(_ name: String) throws {
        let run = try Werger.run(["segment", Fixture.path("en.txt"), "--lang", "en", "--encoding", name])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines.count == 1)
        #expect(run.err.contains(name))
    }

    // MARK: - Errors

    @Test("a missing file: exit 66, one line naming it")
    func missingFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("no-such-article.txt").path
        let run = try Werger.run(["segment", path, "--lang", "en"])
        #expect(run.status == 66)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines.count == 1)
        #expect(run.err.contains(path))
    }

    @Test("invalid UTF-8: exit 65, one line naming the file and the byte offset", arguments: [
        ("invalid-utf8.txt", 45),     // 0xFF between "fell " and "across" in English text
        ("invalid-utf8-ar.txt", 69),  // 0xFF between two Arabic letters
    ])
    func invalidUTF8(_ fixture: String, _ offset: Int) throws {
        let run = try Werger.run(["segment", Fixture.path(fixture), "--lang", "en"])
        expectBadData(run, naming: Fixture.path(fixture))
        expectByteOffset(run.err, offset)
    }

    @Test("UTF-8 text behind a UTF-16 byte order mark: exit 65, one line naming the mark and the fix", arguments: [
        ("en.utf8-utf16le-mark.txt", "UTF-16LE byte order mark (FF FE)"),
        ("en.utf8-utf16be-mark.txt", "UTF-16BE byte order mark (FE FF)"),
    ])
    func utf8BehindAUTF16Mark(_ fixture: String, _ mark: String) throws {
        // Read as UTF-16 this text is valid, and would come out as a line of CJK characters.
        let run = try Werger.run(["segment", Fixture.path(fixture), "--lang", "en"])
        expectBadData(run, naming: Fixture.path(fixture))
        #expect(run.err.contains(mark))
        #expect(run.err.contains("remove those first two bytes"))
    }

    /// Without a byte order mark UTF-16 is full of NUL bytes; the message names the encoding to pass,
    /// and passing it reads the text.
    @Test("UTF-16 without a byte order mark: exit 65, one line naming --encoding UTF-16LE or BE; with it, the original's segments",
          arguments: [("ar.utf16le.txt", "ar.txt", "ar", "UTF-16LE"), ("en.utf16be.txt", "en.txt", "en", "UTF-16BE")])
    func unmarkedUTF16(_ fixture: String, _ original: String, _ language: String, _ encoding: String) throws {
        let run = try Werger.run(["segment", Fixture.path(fixture), "--lang", language])
        expectBadData(run, naming: Fixture.path(fixture))
        #expect(run.err.contains("--encoding \(encoding)"), "\(run.err)")
        let expected = try Werger.run(["segment", Fixture.path(original), "--lang", language, "--format", "jsonl"])
        let named = try Werger.run(["segment", Fixture.path(fixture), "--lang", language, "--format", "jsonl", "--encoding", encoding])
        #expect(named.status == 0, "\(named.err)")
        expectBytes(named.stdout, expected.out)
    }

    /// `werger align` reads two files with one `--encoding`; the one in UTF-8 stays UTF-8.
    @Test("--encoding does not re-read a UTF-8 file with non-ASCII text in another encoding")
    func forcedEncodingSparesUTF8() throws {
        let expected = try Werger.run(["segment", Fixture.path("ar.txt"), "--lang", "ar", "--format", "jsonl"])
        let run = try Werger.run(["segment", Fixture.path("ar.txt"), "--lang", "ar", "--format", "jsonl", "--encoding", "windows-1256"])
        #expect(run.status == 0, "\(run.err)")
        expectBytes(run.stdout, expected.out)
    }

    @Test("a NUL byte: exit 65, one line with the byte offset", arguments: [
        ("nul.txt", 60),              // UTF-8: the NUL is byte 60
        ("nul.utf16le-bom.txt", 12),  // UTF-16LE: BOM (2 bytes) + "Hello" (10 bytes), then U+0000
    ])
    func nulByte(_ fixture: String, _ offset: Int) throws {
        let run = try Werger.run(["segment", Fixture.path(fixture), "--lang", "en"])
        expectBadData(run, naming: Fixture.path(fixture))
        expectByteOffset(run.err, offset)
    }

    @Test("an unknown language tag: exit 64, naming the tag", arguments: [
        ("english", "en" as String?),
        ("xx-zz-9", nil),
    ])
    func unknownLanguage(_ tag: String, _ suggestion: String?) throws {
        let run = try Werger.run(["segment", Fixture.path("en.txt"), "--lang", tag])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines.count == 1)
        #expect(run.err.contains(tag))
        if let suggestion {
            #expect(run.err.words.contains(Substring(suggestion)), "no suggestion '\(suggestion)' in: \(run.err)")
        }
    }

    @Test("a folder instead of a file: exit 74, one line naming it")
    func folder() throws {
        let folder = try TemporaryFolder()
        let run = try Werger.run(["segment", folder.url.path, "--lang", "en"])
        #expect(run.status == 74)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines.count == 1)
        #expect(run.err.contains(folder.url.path))
    }

    @Test("usage errors exit 64 and print nothing on stdout", arguments: [
        ["--lang", "en", "--format", "xml"],
        [] as [String],
    ])
    func usageErrors(_ options: [String]) throws {
        let run = try Werger.run(["segment", Fixture.path("en.txt")] + options)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(!run.stderr.isEmpty)
    }

    @Test("an empty document: exit 0 and no output", arguments: ["text", "jsonl", "tsv"])
    func emptyDocument(_ format: String) throws {
        let fromFile = try Werger.run(["segment", Fixture.path("empty.txt"), "--lang", "en", "--format", format])
        #expect(fromFile.status == 0)
        #expect(fromFile.stdout.isEmpty)
        #expect(fromFile.stderr.isEmpty)
        let fromStdin = try Werger.run(["segment", "-", "--lang", "en", "--format", format], stdin: Fixture.url("empty.txt"))
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout.isEmpty)
        #expect(fromStdin.stderr.isEmpty)
    }

    // MARK: - Large input

    /// About 3 MB: the reader hands it out in several chunks of about 1 MiB, cut at blank lines. Index,
    /// paragraph and scalar offsets must run on across chunks as if the text were one piece.
    @Test("a 3 MB article is segmented across the reader's chunks as one piece")
    func largeInput() throws {
        let paragraph = "The council met on Tuesday 🌊 to discuss the flood. Members voted to repair the bridge before winter. Work starts next month.\n\n"
        let perParagraph = 3
        let count = 3_000_000 / paragraph.utf8.count + 1
        let input = String(repeating: paragraph, count: count)
        try #require(input.utf8.count >= 3_000_000)
        let folder = try TemporaryFolder()
        let file = try folder.file("large.txt", Data(input.utf8))

        let run = try Werger.run(["segment", file.path, "--lang", "en", "--format", "jsonl"])
        #expect(run.status == 0)
        #expect(run.err == "")
        let segments = try JSONSegment.decodeLines(run.out)
        #expect(segments.count == count * perParagraph)
        #expect(segments.last?.paragraph == count - 1)

        let scalars = ScalarText(input)
        var wrong: [String] = []
        var previousParagraph = -1
        for (position, segment) in segments.enumerated() where wrong.count < 5 {
            if segment.index != position { wrong.append("segment \(position) has index \(segment.index)") }
            if segment.paragraph != position / perParagraph || segment.paragraph < previousParagraph {
                wrong.append("segment \(position) has paragraph \(segment.paragraph), expected \(position / perParagraph)")
            }
            if !Array(segment.text.unicodeScalars).elementsEqual(scalars.text(from: segment.start, to: segment.end).unicodeScalars) {
                wrong.append("segment \(position): text is not the input at \(segment.start)..<\(segment.end)")
            }
            previousParagraph = segment.paragraph
        }
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test("an invalid byte far beyond the first block is reported at its offset")
    func invalidUTF8InALaterBlock() throws {
        let offset = 1_500_000
        let folder = try TemporaryFolder()
        var bytes = Self.asciiText(length: 3_000_000)
        bytes.insert(0xFF, at: offset)
        let file = try folder.file("late.txt", Data(bytes))
        let run = try Werger.run(["segment", file.path, "--lang", "en"])
        #expect(run.status == 65)
        #expect(run.errorLines.count == 1)
        expectByteOffset(run.err, offset)
    }

    // MARK: - Known bugs (see the report in the test descriptions)

    /// A UTF-8 sequence cut short by the end of the file. The reader accepts a truncated tail as UTF-8
    /// (it might continue in the next block), and the error on the final flush is placed after the
    /// held-back bytes (it once said `byte 47`, the file's length, instead of `byte 45`).
    @Test("a UTF-8 sequence cut short by the end of the file is reported where it starts")
    func truncatedUTF8AtEnd() throws {
        let fixture = "invalid-utf8-truncated.txt"  // 45 bytes of text, then E2 80 (a 3-byte lead and 1 continuation)
        let run = try Werger.run(["segment", Fixture.path(fixture), "--lang", "en"])
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines.count == 1)
        #expect(run.err.contains("byte "))
        expectByteOffset(run.err, 45)
    }

    /// An invalid sequence whose lead byte is the last byte of the reader's first 1 MiB block: the
    /// offset is computed in the next block and must count the held-back lead byte back.
    @Test("an invalid UTF-8 sequence across the 1 MiB block boundary is reported where it starts")
    func invalidUTF8AcrossBlocks() throws {
        let offset = (1 << 20) - 1
        let folder = try TemporaryFolder()
        var bytes = Self.asciiText(length: 2 << 20)
        bytes.insert(0xE2, at: offset)  // a 3-byte lead followed by an ASCII letter: invalid at `offset`
        let file = try folder.file("straddle.txt", Data(bytes))
        let run = try Werger.run(["segment", file.path, "--lang", "en"])
        #expect(run.status == 65)
        #expect(run.errorLines.count == 1)
        #expect(run.err.contains("byte "))
        expectByteOffset(run.err, offset)
    }

    /// A paragraph longer than the reader's largest chunk (4 Mi UTF-16 units, no blank line) is cut at
    /// a line break that is not a hard wrap, else after a sentence end, so a hard-wrapped sentence is
    /// not cut in two.
    @Test("a hard-wrapped sentence in an over-long paragraph stays one segment")
    func overLongParagraphKeepsHardWraps() throws {
        // Every line ends with a space and the next starts in lower case: every line break is a hard wrap.
        let sentences = (6 << 20) / 37 + 1
        let input = "The council met on \n" + String(repeating: "tuesday to vote. The council met on \n", count: sentences - 1)
            + "tuesday to vote.\n"
        try #require(input.utf8.count > 6 << 20)
        let folder = try TemporaryFolder()
        let file = try folder.file("long-paragraph.txt", Data(input.utf8))
        let run = try Werger.run(["segment", file.path, "--lang", "en", "--format", "text"])
        #expect(run.status == 0)
        #expect(run.err == "")
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let odd = lines.enumerated().filter { $0.element != "The council met on  tuesday to vote." }
        #expect(lines.count == sentences)
        #expect(odd.isEmpty, "\(odd.prefix(4).map { "line \($0.offset): \($0.element)" })")
        // Whatever the cut, no text is lost or repeated.
        #expect(lines.joined().replacingOccurrences(of: " ", with: "").utf8.count
                == input.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "").utf8.count)
    }

    // MARK: - Helpers

    /// Plain English sentences, exactly `length` bytes of ASCII, with blank lines between paragraphs.
    static func asciiText(length: Int) -> [UInt8] {
        let paragraph = Array("Heavy rain fell across the region on Monday. Officials closed two coastal roads.\n\n".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length + paragraph.count)
        while bytes.count < length { bytes += paragraph }
        return Array(bytes.prefix(length))
    }
}

/// Expects `actual` to be exactly the UTF-8 bytes of `expected` (no Unicode equivalence).
func expectBytes(_ actual: Data, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(Array(actual) == Array(expected.utf8),
            "stdout:\n\(String(decoding: actual, as: UTF8.self))\nexpected:\n\(expected)", sourceLocation: sourceLocation)
}

/// Expects the same Unicode scalars, not merely canonically equivalent strings.
func expectSameScalars(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(Array(actual.unicodeScalars) == Array(expected.unicodeScalars),
            "\(actual.debugDescription) is not \(expected.debugDescription)", sourceLocation: sourceLocation)
}

/// Expects the message to give the byte offset as `byte N` (and no other offset).
/// Bad data in a file: exit 65, nothing on stdout, one line on stderr that names the file.
func expectBadData(_ run: Run, naming file: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(run.status == 65, sourceLocation: sourceLocation)
    #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
    #expect(run.errorLines.count == 1, "in: \(run.err)", sourceLocation: sourceLocation)
    #expect(run.err.contains(file), sourceLocation: sourceLocation)
}

func expectByteOffset(_ message: String, _ offset: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    let words = message.words
    let offsets = zip(words, words.dropFirst())
        .filter { $0.0 == "byte" && $0.1.allSatisfy(\.isNumber) }
        .map { String($0.1) }
    #expect(offsets == [String(offset)], "in: \(message)", sourceLocation: sourceLocation)
}
