import CICU
import Foundation

/// Cuts documents into segments: ICU's sentence breaks, corrected by Werger's language rules and
/// its unit policy (every line ends a segment, except a hard wrap inside a sentence).
///
/// A segmenter holds an ICU break iterator, so it is not shared between threads; make one per
/// thread (opening one costs about as much as segmenting a paragraph).
public final class Segmenter {
    public let language: LanguageTag
    public let rules: SegmentationRules
    /// Whether Werger has its own rules for the language (en, ar, ckb, kmr, fa, tr).
    public let isHandTuned: Bool
    /// Whether a quotation of several sentences is one segment or one per sentence.
    public let quotations: QuotationPolicy
    let boundaryRules: BoundaryRules
    /// Whether the script separates words with spaces (not Japanese, Chinese, Thai, …).
    let writesSpaces: Bool
    private let iterator: OpaquePointer
    private var scratchBoundaries: [Int32] = []
    private var scratchMarks: [Int32] = []

    public init(language: LanguageTag, quotations: QuotationPolicy = .whole) throws(SegmenterError) {
        self.language = language
        self.quotations = quotations
        let loaded: (rules: SegmentationRules, handTuned: Bool)
        do { loaded = try SegmentationRules.forLanguage(language.ruleLanguage) } catch {
            throw .rules(error)
        }
        rules = loaded.rules
        writesSpaces = !["Jpan", "Hans", "Hant", "Hani", "Kore", "Thai", "Laoo", "Khmr", "Mymr", "Tibt"].contains(language.script)
        isHandTuned = loaded.handTuned
        boundaryRules = BoundaryRules(rules: rules, caseless: !Self.hasLetterCase(language),
                                      glueGuard: !loaded.handTuned)
        // Hand-tuned languages start from ICU's root rules and bring their own abbreviation lists.
        // The others take ICU's locale data with its abbreviation suppressions, where ICU has them.
        let locale = loaded.handTuned ? "root" : language.icuLocale + "@ss=standard"
        var error: Int32 = 0
        guard let iterator = wicu_break_open(Int32(WICU_BREAK_SENTENCE), locale, &error) else {
            throw .icu(code: error)
        }
        self.iterator = iterator
    }

    deinit { wicu_break_close(iterator) }

    /// Segments a whole document.
    public func segments(in text: String) -> [Segment] {
        let units = text.utf16Units
        return units.withUnsafeBufferPointer { segments(utf16: $0).segments }
    }

    /// Segments UTF-16 text that starts at a paragraph boundary. `firstParagraph` numbers its first
    /// paragraph (streaming callers pass the count so far); the result says the next number.
    public func segments(utf16 text: UnsafeBufferPointer<UInt16>, firstParagraph: Int = 0)
        -> (segments: [Segment], nextParagraph: Int)
    {
        // ICU counts in Int32: a text past 1 Gi units is segmented in pieces cut after a line break
        // (the CLI's reader never hands over more than a few MiB at a time).
        let limit = 1 << 30
        guard text.count > limit, let base = text.baseAddress else { return segmentsOfPiece(text, firstParagraph: firstParagraph) }
        var all: [Segment] = []
        var start = 0
        var paragraph = firstParagraph
        while start < text.count {
            var end = min(start + limit, text.count)
            if end < text.count, let lineBreak = (start..<end).last(where: { UTF16Class.isLineBreak(text[$0]) }), lineBreak > start {
                end = lineBreak + 1
            }
            let piece = segmentsOfPiece(UnsafeBufferPointer(start: base + start, count: end - start), firstParagraph: paragraph)
            all += piece.segments.map { Segment(range: ($0.range.lowerBound + start)..<($0.range.upperBound + start), paragraph: $0.paragraph) }
            paragraph = max(paragraph, piece.nextParagraph - (end < text.count ? 1 : 0))
            start = end
        }
        return (all, all.last.map { $0.paragraph + 1 } ?? firstParagraph)
    }

    private func segmentsOfPiece(_ text: UnsafeBufferPointer<UInt16>, firstParagraph: Int)
        -> (segments: [Segment], nextParagraph: Int)
    {
        var segments: [Segment] = []
        segments.reserveCapacity(text.count / 80 + 1)
        guard !text.isEmpty, let base = text.baseAddress else { return (segments, firstParagraph) }
        var error: Int32 = 0
        wicu_break_set_text(iterator, base, Int32(clamping: text.count), &error)
        // Scratch buffers are kept between calls: a streamed document is segmented chunk by chunk.
        var icuBoundaries = error > 0 ? ICUBoundaries(buffer: scratchBoundaries)
            : ICUBoundaries(iterator: iterator, expected: text.count / 64 + 16, buffer: scratchBoundaries)
        scratchBoundaries = []
        defer { scratchBoundaries = icuBoundaries.offsets }

        let marks = MarkedPositions(text, table: boundaryRules.markTable, buffer: scratchMarks)
        scratchMarks = []
        defer { scratchMarks = marks.positions }
        let lines = LogicalLines(text: text, caseless: boundaryRules.caseless, joinsHardWraps: writesSpaces,
                                 firstParagraph: firstParagraph, table: boundaryRules.markTable, marks: marks)
        var markIndex = 0
        var candidates: [Candidate] = []
        var spanMarks: [Int] = []
        for line in lines.lines {
            candidates.removeAll(keepingCapacity: true)
            spanMarks.removeAll(keepingCapacity: true)
            while let b = icuBoundaries.peek, b <= line.range.lowerBound { icuBoundaries.advance() }
            while let b = icuBoundaries.peek, b < line.range.upperBound {
                // A boundary right after a joined line break is ICU's, not a sentence end.
                if !UTF16Class.isLineBreak(text[b - 1]) { candidates.append(Candidate(position: b, forced: false)) }
                icuBoundaries.advance()
            }
            markIndex = marks.index(atOrAfter: line.range.lowerBound, from: markIndex)
            boundaryRules.addCandidates(text: text, line: line.range, marks: marks, from: markIndex,
                                        to: &candidates, spanMarks: &spanMarks)
            var start = line.range.lowerBound
            if !candidates.isEmpty {
                if candidates.count > 1 { candidates.sort() }
                let protected = ProtectedSpans(text: text, line: line.range, marks: spanMarks, quotations: quotations)
                var previous = -1
                for candidate in candidates where candidate.position != previous && candidate.position > start {
                    previous = candidate.position
                    if boundaryRules.isSentenceEnd(text: text, line: line.range, segmentStart: start,
                                                   candidate: candidate, protected: protected) {
                        Self.append(text, start..<candidate.position, line.paragraph, to: &segments)
                        start = candidate.position
                    }
                }
            }
            Self.append(text, start..<line.range.upperBound, line.paragraph, to: &segments)
        }
        return (segments, lines.nextParagraph)
    }

    private static func append(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, _ paragraph: Int,
                               to segments: inout [Segment]) {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, UTF16Class.isSpace(text[lower]) { lower += 1 }
        while upper > lower, UTF16Class.isSpace(text[upper - 1]) { upper -= 1 }
        if lower < upper { segments.append(Segment(range: lower..<upper, paragraph: paragraph)) }
    }

    /// Whether sentences in the language start with a capital letter (not Arabic, Hebrew, CJK, …).
    static func hasLetterCase(_ language: LanguageTag) -> Bool {
        if language.usesArabicScript { return false }
        switch language.script {
        case "Latn", "Cyrl", "Grek", "Armn", "Geor", "": return language.script != "Geor"
        default: return false
        }
    }
}

/// ICU's boundaries for a whole chunk, collected in one tight loop before Werger's rules run, so
/// ICU's rule tables stay in cache. The offsets buffer is reused between calls.
private struct ICUBoundaries {
    private(set) var offsets: [Int32]
    private var index = 0

    /// No boundaries (ICU could not take the text): every line is one candidate-free segment run.
    init(buffer: [Int32]) {
        offsets = buffer
        offsets.removeAll(keepingCapacity: true)
    }

    init(iterator: OpaquePointer, expected: Int, buffer: [Int32]) {
        offsets = buffer
        offsets.removeAll(keepingCapacity: true)
        offsets.reserveCapacity(expected)
        while true {
            let next = wicu_break_next(iterator)
            if next == WICU_BREAK_DONE { break }
            offsets.append(next)
        }
    }

    var peek: Int? { index < offsets.count ? Int(offsets[index]) : nil }
    mutating func advance() { index += 1 }
}

/// A segmenter that cannot start.
public enum SegmenterError: Error, Sendable, CustomStringConvertible {
    case rules(SegmentationRulesError)
    case icu(code: Int32)

    public var description: String {
        switch self {
        case .rules(let error): return "segmentation rules \(error)"
        case .icu(let code): return "ICU could not open a sentence break iterator (error \(code))"
        }
    }
}
