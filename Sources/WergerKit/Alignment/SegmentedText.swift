/// One side of an alignment: a document cut into segments, with each segment's text and paragraph.
public struct SegmentedText: Sendable {
    /// The name shown in errors (a file name or a document id).
    public let name: String
    public let language: LanguageTag
    /// The whole document, exactly as read.
    public let text: String
    public let segments: [Segment]
    /// The text of each segment, exactly as written.
    public let texts: [String]
    /// Whether the segments were given rather than found (`init(name:language:lines:)`): the aligner
    /// then keeps them as they are, cutting none at a soft boundary and joining none across a
    /// doubtful one.
    public private(set) var given = false
    /// The words the segmenter's rules say end no sentence (`[non-final-words]`; the segmenter's own
    /// table): a full stop after one that the segmenter did not cut at is a slip, and the aligner
    /// cuts there as seldom as after an abbreviation.
    private(set) var nonFinalWords = WordSet([])

    /// The document as UTF-16 code units, which the segments' ranges count: the piece cutter reads a
    /// segment's units from it, and the segments' places in the UTF-8 text are found from it in one
    /// walk (offsetting the string's UTF-16 view segment by segment was 5–8% of a batch's profile).
    let units: [UInt16]
    /// Each segment's place in the text's UTF-8 view.
    private let byteRanges: [Range<Int>]

    /// Segments `text` with `segmenter` (whose language is the document's).
    public init(name: String, text: String, segmenter: Segmenter) {
        let units = text.utf16Units
        let segments = units.withUnsafeBufferPointer { segmenter.segments(utf16: $0).segments }
        self.init(name: name, language: segmenter.language, text: text, units: units, segments: Self.linesAsParagraphs(segments, units))
        nonFinalWords = segmenter.boundaryRules.nonFinalWords
    }

    /// Lines that hold paragraphs are paragraphs, blank lines or not: an article exported or scraped
    /// with a paragraph a line keeps its paragraphs, the aligner's strongest anchors, whether it has
    /// no blank line at all or one only after its headline (held-out seed 2 without re-cuts written
    /// so: 96.59 and 96.72 as before, 97.71 with a paragraph a line, the same as with blank lines).
    /// The lines of a block (what blank lines separate) hold paragraphs when they hold
    /// `sentencesPerParagraphLine` segments or more on average — a file of a sentence a line (what
    /// hunalign reads) holds about one and stays one block, for there a translator's merged
    /// sentences may stand on one line against two — and when none of its segments runs across a
    /// line break (a hard-wrapped text's lines are not paragraphs). Whatever the block, a line that
    /// is one segment without a final mark — a headline, a subheading — is a paragraph of its own:
    /// a headline on the first line with the body right under it is the headline of a blank-line
    /// article (97.61 → 97.71 on the same draw), whichever way its first paragraph's lines count.
    static func linesAsParagraphs(_ segments: [Segment], _ units: [UInt16]) -> [Segment] {
        units.withUnsafeBufferPointer { text in
            func breaks(_ range: Range<Int>) -> Bool { range.contains { UTF16Class.isLineBreak(text[$0]) } }
            // Whether each segment opens a line: it starts a block, or a line break lies before it.
            let opensLine = segments.indices.map { k in
                k == 0 || segments[k - 1].paragraph != segments[k].paragraph
                    || (segments[k - 1].range.upperBound < segments[k].range.lowerBound
                        && breaks(segments[k - 1].range.upperBound..<segments[k].range.lowerBound))
            }
            let blocks = 1 + segments.indices.dropFirst().count { segments[$0 - 1].paragraph != segments[$0].paragraph }
            guard opensLine.count(where: { $0 }) > blocks else { return segments }
            // A line of one segment without a final mark: a headline, a subheading.
            func heading(_ k: Int) -> Bool {
                opensLine[k] && (k + 1 == segments.count || opensLine[k + 1])
                    && !UTF16Class.endsWithFinalMark(text, from: segments[k].range.lowerBound, to: segments[k].range.upperBound)
            }
            var lined = segments
            var paragraph = segments[0].paragraph - 1
            var blockStart = 0
            while blockStart < segments.count {
                var blockEnd = blockStart + 1
                while blockEnd < segments.count, segments[blockEnd].paragraph == segments[blockStart].paragraph { blockEnd += 1 }
                let block = blockStart..<blockEnd
                let lines = block.count { opensLine[$0] }
                let byLine = lines > 1 && Double(block.count) >= sentencesPerParagraphLine * Double(lines)
                    && !block.contains { breaks(segments[$0].range) }
                for k in block {
                    if opensLine[k] && (k == blockStart || byLine || heading(k) || heading(k - 1)) { paragraph += 1 }
                    lined[k].paragraph = paragraph
                }
                blockStart = blockEnd
            }
            return lined
        }
    }

    /// Segments a line a block's lines hold on average, at least, to be its paragraphs. Werger's
    /// segments of the held-out articles written a paragraph a line: 2.86 a line in the middle, all
    /// but one of 246 files 1.5 or more (that one, 1.0, is a headline and two paragraphs of a sentence
    /// each: its headline is still a paragraph, its two sentences one); written a sentence a line,
    /// 1.0 in the middle and 1.25 at most.
    static let sentencesPerParagraphLine = 1.3

    /// A document whose segments are already known (tests, callers with their own segmentation).
    public init(name: String, language: LanguageTag, text: String, segments: [Segment]) {
        self.init(name: name, language: language, text: text, units: text.utf16Units, segments: segments)
    }

    private init(name: String, language: LanguageTag, text: String, units: [UInt16], segments: [Segment]) {
        self.name = name
        self.language = language
        self.text = text
        self.units = units
        self.segments = segments
        var cursor = UTF8Cursor(units: units)
        byteRanges = segments.map { cursor.byteOffset($0.range.lowerBound)..<cursor.byteOffset($0.range.upperBound) }
        texts = byteRanges.map { Self.slice(text, $0) }
    }

    /// A part of `text` by UTF-8 offsets (constant time each for a native string).
    private static func slice(_ text: String, _ bytes: Range<Int>) -> String {
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)])
    }

    /// The same document cut into other segments.
    func resegmented(_ segments: [Segment]) -> SegmentedText {
        var text = SegmentedText(name: name, language: language, text: text, units: units, segments: segments)
        text.given = given
        text.nonFinalWords = nonFinalWords
        return text
    }

    /// A document already cut into segments, one a line — what hunalign and other sentence aligners
    /// read, or a tool's export of its own segments: each line that holds more than spaces is a
    /// segment (without the spaces around it), and a blank line starts a new paragraph. The segments
    /// are `given`: the aligner keeps them as they are.
    public init(name: String, language: LanguageTag, lines text: String) {
        let units = text.utf16Units
        var segments: [Segment] = []
        var paragraph = 0
        var start = 0
        var k = 0
        while k <= units.count {
            guard k == units.count || UTF16Class.isLineBreak(units[k]) else { k += 1; continue }
            var low = start, high = k
            while low < high, UTF16Class.isHorizontalSpace(units[low]) { low += 1 }
            while high > low, UTF16Class.isHorizontalSpace(units[high - 1]) { high -= 1 }
            if low < high {
                segments.append(Segment(range: low..<high, paragraph: paragraph))
            } else if segments.last?.paragraph == paragraph {
                paragraph += 1
            }
            // CR LF is one line break, not a line and a blank one.
            if k + 1 < units.count, units[k] == 0x0D, units[k + 1] == 0x0A { k += 1 }
            k += 1
            start = k
        }
        self.init(name: name, language: language, text: text, units: units, segments: segments)
        given = true
    }

    /// A document given as paragraphs of sentences (tests and the dev set): paragraphs are
    /// separated by a blank line, sentences within one by a space.
    public init(name: String, language: LanguageTag, paragraphs: [[String]]) {
        var text = ""
        var segments: [Segment] = []
        var offset = 0
        for (p, sentences) in paragraphs.enumerated() {
            if p > 0 { text += "\n\n"; offset += 2 }
            for (s, sentence) in sentences.enumerated() {
                if s > 0 { text += " "; offset += 1 }
                let count = sentence.utf16.count
                segments.append(Segment(range: offset..<(offset + count), paragraph: p))
                text += sentence
                offset += count
            }
        }
        self.init(name: name, language: language, text: text, segments: segments)
    }

    /// The text from the first to the last of `range`'s segments, exactly as written (a bead's
    /// side as one string).
    public func text(of range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        if range.count == 1 { return texts[range.lowerBound] }
        return Self.slice(text, byteRanges[range.lowerBound].lowerBound..<byteRanges[range.upperBound - 1].upperBound)
    }
}

/// UTF-8 offsets of UTF-16 offsets, walking the code units once for offsets in order: decoding the
/// units again, or offsetting the string's UTF-16 view, costs a transcoding pass per segment.
private struct UTF8Cursor {
    let units: [UInt16]
    private var unit = 0, byte = 0

    init(units: [UInt16]) { self.units = units }

    /// The UTF-8 offset of UTF-16 offset `offset` (a scalar boundary).
    mutating func byteOffset(_ offset: Int) -> Int {
        if offset < unit { unit = 0; byte = 0 }
        while unit < offset {
            let u = units[unit]
            // A surrogate pair is four bytes, counted at its first unit.
            byte += u < 0x80 ? 1 : u < 0x800 ? 2 : (u & 0xFC00) == 0xD800 ? 4 : (u & 0xFC00) == 0xDC00 ? 0 : 3
            unit += 1
        }
        return byte
    }
}

extension Segmenter {
    /// The segmenter for one side of an alignment: Werger's rules, with a quotation of several
    /// sentences cut into them (`QuotationPolicy.bySentence`), because translators translate, and
    /// publishers line up, sentence by sentence. Link F1 over four development draws went from
    /// 95.60 to 96.01 with it, over four held-out draws from 94.57 to 95.07.
    public static func forAlignment(language: LanguageTag) throws(SegmenterError) -> Segmenter {
        try Segmenter(language: language, quotations: .bySentence)
    }
}
