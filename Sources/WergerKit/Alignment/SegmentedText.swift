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

    /// Segments `text` with `segmenter` (whose language is the document's).
    public init(name: String, text: String, segmenter: Segmenter) {
        self.init(name: name, language: segmenter.language, text: text, segments: segmenter.segments(in: text))
    }

    /// A document whose segments are already known (tests, callers with their own segmentation).
    public init(name: String, language: LanguageTag, text: String, segments: [Segment]) {
        self.name = name
        self.language = language
        self.text = text
        self.segments = segments
        // Walk the UTF-16 view once, in order: an index per segment from the start would be quadratic.
        var texts: [String] = []
        texts.reserveCapacity(segments.count)
        let utf16 = text.utf16
        var index = utf16.startIndex
        var offset = 0
        for segment in segments {
            if segment.range.lowerBound < offset { index = utf16.startIndex; offset = 0 }
            index = utf16.index(index, offsetBy: segment.range.lowerBound - offset)
            let end = utf16.index(index, offsetBy: segment.range.count)
            texts.append(String(text[index..<end]))
            index = end
            offset = segment.range.upperBound
        }
        self.texts = texts
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
        let utf16 = text.utf16
        let start = utf16.index(utf16.startIndex, offsetBy: segments[range.lowerBound].range.lowerBound)
        let end = utf16.index(utf16.startIndex, offsetBy: segments[range.upperBound - 1].range.upperBound)
        return String(text[start..<end])
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
