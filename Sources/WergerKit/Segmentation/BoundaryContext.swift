/// What precedes a candidate boundary: `word` + terminators + closers + spaces.
struct LeftContext {
    /// The end of the text before the boundary, spaces excluded.
    var leftEnd: Int
    var terminatorRange: Range<Int>
    /// The word before the terminators, without opening quotes or brackets.
    var wordRange: Range<Int>
    /// The first non-space position of the segment being built.
    var segmentContentStart: Int
    var closesQuote = false
    var isQuestion = false
    var isEllipsis = false
    /// `. . .` written with spaces: an omission mark.
    var isSpacedEllipsis = false
    /// Exactly `..`.
    var isDoublePeriod = false
    /// The terminator run ends with a period (not `?`, `!` or `…`).
    var endsWithPeriod = false

    init(text: UnsafeBufferPointer<UInt16>, lineStart: Int, boundary: Int, isTerminator: (UInt16) -> Bool) {
        var content = lineStart
        while content < boundary, UTF16Class.isSpace(text[content]) || text[content] == 0x2022 || text[content] == 0x2043 {
            content += 1
        }
        segmentContentStart = content
        var end = boundary
        while end > lineStart, UTF16Class.isSpace(text[end - 1]) { end -= 1 }
        leftEnd = end
        var i = end
        // Closing quotes and brackets, and footnote marks like [1] or [7][8].
        while i > lineStart {
            let u = text[i - 1]
            if u == 0x5D, let open = Self.footnoteStart(text, closing: i - 1, lower: lineStart) {
                i = open
                continue
            }
            guard UTF16Class.isCloser(u) else { break }
            if UTF16Class.isQuote(u) { closesQuote = true }
            i -= 1
        }
        let terminatorEnd = i
        var periods = 0
        if i > lineStart { endsWithPeriod = UTF16Class.isPeriod(text[i - 1]) }
        var spaces = 0
        while i > lineStart, isTerminator(text[i - 1]) || (text[i - 1] == 0x20 && i - 2 >= lineStart && UTF16Class.isPeriod(text[i - 2]) && periods > 0) {
            let u = text[i - 1]
            if u == 0x20 { spaces += 1 }
            if UTF16Class.isQuestionOrExclamation(u) { isQuestion = true }
            if u == 0x2026 { isEllipsis = true }
            if UTF16Class.isPeriod(u) { periods += 1 }
            i -= 1
        }
        if periods >= 2 { isEllipsis = true }
        isSpacedEllipsis = periods == 3 && spaces == 2
        isDoublePeriod = periods == 2 && spaces == 0 && !isQuestion && terminatorEnd - i == 2
        terminatorRange = i..<terminatorEnd
        var wordStart = i
        while wordStart > lineStart, i - wordStart < BoundaryRules.reach, !UTF16Class.isSpace(text[wordStart - 1]) { wordStart -= 1 }
        let tokenStart = wordStart
        while wordStart < i, UTF16Class.isOpener(text[wordStart]) { wordStart += 1 }
        // The terminator run keeps one period of an abbreviation's own: `U.S.` is word `U.S` + `.`.
        wordRange = wordStart..<i
        self.tokenStart = tokenStart
        self.lineStart = lineStart
    }

    private let tokenStart: Int
    private let lineStart: Int

    /// The first letter of the word before (`you and I.` → `a`), looked up only for `I.`.
    func previousWordFirstLetter(_ text: UnsafeBufferPointer<UInt16>) -> Unicode.Scalar? {
        var p = tokenStart
        while p > lineStart, UTF16Class.isSpace(text[p - 1]) { p -= 1 }
        var q = p
        while q > lineStart, p - q < BoundaryRules.reach, !UTF16Class.isSpace(text[q - 1]) { q -= 1 }
        while q < p, UTF16Class.isOpener(text[q]) { q += 1 }
        return q < p ? UTF16Class.scalar(text, q) : nil
    }

    private static func footnoteStart(_ text: UnsafeBufferPointer<UInt16>, closing: Int, lower: Int) -> Int? {
        var j = closing
        while j > lower, UTF16Class.isASCIIDigit(text[j - 1]) || text[j - 1] == 0x2013 || text[j - 1] == 0x2D { j -= 1 }
        guard j < closing, j > lower, text[j - 1] == 0x5B else { return nil }
        return j - 1
    }
}

/// What follows a candidate boundary.
struct RightContext {
    /// The end of the first token after the boundary.
    var wordEnd: Int
    var wordRangeSkippingOpeners: Range<Int>
    /// The first letter after the boundary, skipping quotes, brackets and dashes.
    var firstLetter: Unicode.Scalar?
    var startsWithDigit = false
    var startsWithDash = false
    var startsWithQuote = false
    var startsWithEllipsis = false

    init(text: UnsafeBufferPointer<UInt16>, boundary: Int, lineEnd: Int) {
        var end = boundary
        while end < lineEnd, end - boundary < BoundaryRules.reach, !UTF16Class.isSpace(text[end]) { end += 1 }
        wordEnd = end
        var start = boundary
        while start < end, UTF16Class.isOpener(text[start]) { start += 1 }
        var stop = end
        while stop > start, !(Self.isLetterOrDigit(text, stop - 1)) { stop -= 1 }
        wordRangeSkippingOpeners = start..<stop
        if boundary < lineEnd {
            let u = text[boundary]
            startsWithDash = u == 0x2D || u == 0x2013 || u == 0x2014
            startsWithQuote = UTF16Class.opensQuotation(u)
                || (u == 0x2C && boundary + 1 < lineEnd && text[boundary + 1] == 0x2C)
            startsWithEllipsis = u == 0x2026 || (u == 0x2E && boundary + 2 < lineEnd && text[boundary + 1] == 0x2E)
        }
        var i = boundary
        var skipped = 0
        while i < lineEnd, skipped < 8 {
            let u = text[i]
            if UTF16Class.isDigit(u) { startsWithDigit = firstLetter == nil; break }
            if let s = UTF16Class.scalar(text, i), UTF16Class.isLetter(s) { firstLetter = s; break }
            i += 1
            skipped += 1
        }
    }

    private static func isLetterOrDigit(_ text: UnsafeBufferPointer<UInt16>, _ i: Int) -> Bool {
        guard let s = UTF16Class.scalar(text, i) else { return true }
        return UTF16Class.isLetter(s) || s.properties.numericType != nil
    }

    /// The word after the first one (`Baghdad time` → `time`).
    func nextWordKey(_ text: UnsafeBufferPointer<UInt16>) -> WordKey {
        var i = wordEnd
        while i < text.count, UTF16Class.isHorizontalSpace(text[i]) { i += 1 }
        var j = i
        while j < text.count, !UTF16Class.isSpace(text[j]) { j += 1 }
        while j > i, !(Self.isLetterOrDigit(text, j - 1)) { j -= 1 }
        return WordKey(text, i..<j)
    }
}

/// The shape of the word before a period: an initial, an acronym with inner periods, its script.
struct LetterShape {
    var letterCount = 0
    var isSingleLetter = false
    var isPronounI = false
    var hasInnerPeriods = false
    var isArabicScript = false

    init(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) {
        var others = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let u = text[i]
            if UTF16Class.isPeriod(u) { hasInnerPeriods = true }
            else if let s = UTF16Class.scalar(text, i), UTF16Class.isLetter(s) {
                letterCount += 1
                if UTF16Class.isArabicScript(s) { isArabicScript = true }
            } else if u != 0x200C { others += 1 }
            i += (u >= 0xD800 && u <= 0xDBFF) ? 2 : 1
        }
        isSingleLetter = letterCount == 1 && others == 0 && !hasInnerPeriods
        isPronounI = isSingleLetter && range.count == 1 && text[range.lowerBound] == 0x49
        if hasInnerPeriods {
            // `U.S`, `e.g`, `ق.م`: short letter groups joined by periods, not `example.com`.
            hasInnerPeriods = others == 0 && Self.shortGroups(text, range)
        }
    }

    private static func shortGroups(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        var run = 0
        for i in range {
            if UTF16Class.isPeriod(text[i]) { run = 0 } else { run += 1; if run > 3 { return false } }
        }
        return true
    }
}
