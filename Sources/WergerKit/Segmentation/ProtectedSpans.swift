/// Spans inside a line that no segment boundary may cut: a quotation (“…”, «…», „…“, '…', 「…」) or
/// a bracket ([…], （…）) that opens and closes on the same line. A multi-sentence quotation is one
/// unit with its attribution: „Prieskumy beriem na ľahkú váhu. V podstate ma to nezaujíma,“ reagoval.
/// Under `QuotationPolicy.bySentence` a quotation's sentences are cut, except at an ellipsis: a
/// quotation holds the pauses of speech (`«… ئاو بگاتە ماڵەکانمان … ئێستا باسی ٢٠٢٦ دەکەن»`), and in
/// Arabic script nothing else tells a pause from a sentence end.
struct ProtectedSpans {
    private(set) var spans: [Range<Int>] = []
    /// Under `.bySentence`, the quotations (which are not in `spans`).
    private(set) var quotations: [Range<Int>] = []

    /// The spans of a line, from the positions of its quotation marks and brackets (`marks`, in
    /// order, as `BoundaryRules.addCandidates` collects them).
    init(text: UnsafeBufferPointer<UInt16>, line: Range<Int>, marks: [Int], quotations policy: QuotationPolicy = .whole) {
        guard marks.count >= 2 else { return }
        let end = line.upperBound
        var index = 0
        // A quotation mark that found no closer: no later one of its kind will (the later search
        // covers less), so it is not searched again — a line of unclosed quotes stays linear.
        var unclosed: Set<UInt16> = []
        while index < marks.count {
            let i = marks[index]
            let u = text[i]
            if !unclosed.contains(u), let closers = Self.closers(for: u), Self.opens(text, at: i, lineStart: line.lowerBound, end: end) {
                if let close = Self.findClose(text, marks: marks, from: index + 1, end: end, opener: u, closers: closers) {
                    // (Either way the scan resumes after the closing mark: brackets inside a
                    // quotation are not protected under `.bySentence`, and nested quotes never are.)
                    if policy == .bySentence, !Self.isBracket(u) {
                        quotations.append(i..<(marks[close] + 1))
                    } else {
                        spans.append(i..<(marks[close] + 1))
                    }
                    index = close + 1
                    continue
                }
                if UTF16Class.opensQuotation(u) { unclosed.insert(u) }
            }
            index += 1
        }
    }

    /// Whether `position` lies strictly inside a span (a boundary there would cut it).
    func contains(_ position: Int) -> Bool { Self.strictlyInside(position, spans) }

    /// Whether `position` lies strictly inside a quotation that `.bySentence` cuts into sentences.
    func insideQuotation(_ position: Int) -> Bool { !quotations.isEmpty && Self.strictlyInside(position, quotations) }

    private static func strictlyInside(_ position: Int, _ spans: [Range<Int>]) -> Bool {
        // Spans are in order and do not overlap: binary search (a line may hold thousands).
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].upperBound <= position { low = middle + 1 } else { high = middle }
        }
        return low < spans.count && spans[low].lowerBound < position && position < spans[low].upperBound
    }

    /// Whether `u` may open a protected span (the marks `closers(for:)` knows).
    @inline(__always) static func opensSpan(_ u: UInt16) -> Bool {
        if u < 0x80 { return u == 0x22 || u == 0x27 || u == 0x5B }
        switch u {
        case 0x201C, 0x201E, 0x2018, 0xAB, 0xBB, 0x300C, 0x300E, 0xFF08, 0x300A, 0x3008: return true
        default: return false
        }
    }

    /// The span openers that are brackets; every other one (`closers(for:)`) opens a quotation.
    private static func isBracket(_ u: UInt16) -> Bool { u == 0x5B || u == 0xFF08 || u == 0x300A || u == 0x3008 }

    /// Whether `u` may close a protected span.
    static func closesSpan(_ u: UInt16) -> Bool {
        switch u {
        case 0x201D, 0x201C, 0x2019, 0xBB, 0xAB, 0x22, 0x27, 0x5D, 0x300D, 0x300F, 0xFF09, 0x300B, 0x3009: return true
        default: return false
        }
    }

    private static func closers(for u: UInt16) -> [UInt16]? {
        switch u {
        case 0x201C: return [0x201D, 0x201C]     // “…” (and “…“ as typed in some German text)
        case 0x201E: return [0x201C, 0x201D]     // „…“
        case 0x2018: return [0x2019]             // ‘…’
        case 0xAB: return [0xBB]                 // «…»
        case 0xBB: return [0xAB]                 // »…« (German)
        case 0x22: return [0x22]                 // "…"
        case 0x27: return [0x27, 0x2019]         // '…'
        // Parentheses are not protected: two sentences inside them are two segments, and a credit or a
        // list item in parentheses is found by the scans.
        case 0x5B: return [0x5D]                 // […]
        case 0x300C: return [0x300D]             // 「…」
        case 0x300E: return [0x300F]             // 『…』
        case 0xFF08: return [0xFF09]             // （…）
        case 0x300A: return [0x300B]             // 《…》
        case 0x3008: return [0x3009]             // 〈…〉
        default: return nil
        }
    }

    /// An opening mark stands before a word, after a space or another opener: `'Well!'` opens,
    /// the apostrophe in `they'll` does not.
    private static func opens(_ text: UnsafeBufferPointer<UInt16>, at i: Int, lineStart: Int, end: Int) -> Bool {
        guard i + 1 < end, !UTF16Class.isSpace(text[i + 1]) else { return false }
        let u = text[i]
        if u == 0x22 || u == 0x27 || u == 0x2018 {
            if i > lineStart {
                let before = text[i - 1]
                if !(UTF16Class.isSpace(before) || UTF16Class.isOpener(before) || before == 0x2F) { return false }
            }
        }
        return true
    }

    /// The index in `marks` of the mark that closes `opener`.
    private static func findClose(_ text: UnsafeBufferPointer<UInt16>, marks: [Int], from first: Int, end: Int,
                                  opener: UInt16, closers: [UInt16]) -> Int? {
        var depth = 0
        for index in first..<marks.count {
            let i = marks[index]
            let u = text[i]
            if u == opener, opener == 0x5B || opener == 0xFF08 { depth += 1 }
            if closers.contains(u) {
                if opener == 0x27 || opener == 0x2018 || opener == 0x22 {
                    // A closing quote follows a word and is not followed by a letter (not `Jr.'s`).
                    let afterIsLetter = i + 1 < end && UTF16Class.scalar(text, i + 1).map(UTF16Class.isLetter) == true
                    // `[...] ".` closes after a space when punctuation or the line end follows.
                    let afterIsEnd = i + 1 == end || [0x2E, 0x2C, 0x3B, 0x3A].contains(text[i + 1])
                    if (UTF16Class.isSpace(text[i - 1]) && !afterIsEnd) || afterIsLetter { continue }
                }
                if depth == 0 { return index }
                depth -= 1
            }
        }
        return nil
    }
}
