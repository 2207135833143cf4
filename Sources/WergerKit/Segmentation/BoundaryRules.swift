import Foundation

/// Decides whether a candidate boundary (from ICU, or found by Werger's own scan) ends a sentence.
///
/// ICU's root rules break after every terminator followed by a capital (`Dr. | Ahmed`), always after
/// `?`/`!` (`?” | he asked`), never after `…`, and in Arabic script after every `. ` + letter
/// (`د. | ئەحمەد`). These rules undo the wrong breaks and add the missing ones.
struct BoundaryRules {
    let rules: SegmentationRules
    /// The script has no capital letters to mark a sentence start (Arabic, Hebrew, …).
    let caseless: Bool
    /// ICU's abbreviation suppressions are on; they also glue acronyms like `NATO.` to the next
    /// sentence, so Werger looks for those breaks itself.
    let glueGuard: Bool

    // MARK: Candidates ICU does not give

    /// Adds boundaries ICU misses: after `…` before a capital, before a photo credit after a
    /// finished caption, after an acronym ICU's suppressions glued to the next sentence.
    func addCandidates(text: UnsafeBufferPointer<UInt16>, line: Range<Int>, to candidates: inout [Int]) {
        var i = line.lowerBound
        let end = line.upperBound
        while i < end {
            let u = text[i]
            if u == 0x2026 || (u == 0x2E && glueGuard) {
                // After the terminator run and its closers, a space, then the next word.
                var j = i + 1
                while j < end, UTF16Class.isTerminator(text[j]) || UTF16Class.isCloser(text[j]) { j += 1 }
                var k = j
                while k < end, UTF16Class.isHorizontalSpace(text[k]) { k += 1 }
                if k > j, k < end { candidates.append(k) }
                i = j
                continue
            }
            if u == 0x28, i > line.lowerBound, UTF16Class.isHorizontalSpace(text[i - 1]), isCredit(text, at: i, end: end) {
                candidates.append(i)
            }
            i += 1
        }
    }

    /// `(Photo: …)`, `(وێنە: …)`: an opening parenthesis, a credit word, a colon.
    private func isCredit(_ text: UnsafeBufferPointer<UInt16>, at open: Int, end: Int) -> Bool {
        var i = open + 1
        while i < end, i - open < 24, text[i] != 0x3A, text[i] != 0x29 { i += 1 }
        guard i < end, text[i] == 0x3A, i > open + 1 else { return false }
        return rules.creditWords.contains(word(text, open + 1..<i))
    }

    // MARK: The decision

    func isSentenceEnd(text: UnsafeBufferPointer<UInt16>, line: Range<Int>, segmentStart: Int, boundary: Int) -> Bool {
        let left = LeftContext(text: text, lineStart: segmentStart, boundary: boundary)
        guard left.terminatorRange.count > 0 else {
            // No terminator: only a credit opens here (the scan proposed nothing else).
            return left.leftEnd > segmentStart && isCredit(text, at: boundary, end: line.upperBound)
                && left.endsAfterTerminator
        }
        let right = RightContext(text: text, boundary: boundary, lineEnd: line.upperBound)

        // A quotation followed by its attribution is one unit: “Where did it go?” Ahmed asked.
        if left.closesQuote, isAttribution(text, from: boundary, lineEnd: line.upperBound) { return false }

        // In a cased script, a sentence does not start in lower case: `Leave me alone! he yelled.`,
        // `Yahoo! in the accounting department`, `-- voila! -- you have cake`.
        if !caseless, let first = right.firstLetter, UTF16Class.isLowercase(first), !right.startsWithDigit {
            return false
        }

        if left.isEllipsis && !left.isQuestion {
            if caseless { return true }
            guard let first = right.firstLetter else { return false }
            return UTF16Class.isUppercase(first)
        }
        if left.isQuestion { return true }
        if left.closer { return true }
        return periodEndsSentence(text: text, left: left, right: right, segmentStart: segmentStart)
    }

    /// The rules for a word followed by a period.
    private func periodEndsSentence(text: UnsafeBufferPointer<UInt16>, left: LeftContext, right: RightContext,
                                    segmentStart: Int) -> Bool {
        let wordRange = left.wordRange
        if wordRange.isEmpty { return true }
        // List numbering stays with its item: `1. The first item`, `a.) The first item`.
        if wordRange.lowerBound == left.segmentContentStart,
           ListMarker.length(text, at: wordRange.lowerBound, end: right.wordEnd) != nil {
            return false
        }
        let key = word(text, wordRange)
        if rules.abbreviations.contains(key) { return false }
        if rules.numberAbbreviations.contains(key) { return !right.startsWithDigit }
        if rules.timeAbbreviations.contains(key) {
            guard let first = right.firstLetter, UTF16Class.isUppercase(first) || caseless else { return false }
            return !rules.timeZoneWords.contains(right.nextWordKey(text))
        }
        if rules.closingAbbreviations.contains(key) { return isSentenceStarter(text, right) }

        let letters = LetterShape(text, wordRange)
        if letters.isSingleLetter {
            // An initial (J. R. Smith, د. ئەحمەد) — except the English pronoun: `you and I. Did…`.
            if letters.isPronounI, let before = left.previousWordFirstLetter, UTF16Class.isLowercase(before) {
                return true
            }
            return false
        }
        if letters.hasInnerPeriods {
            // U.S.A., J.C., i.v.: ends a sentence only before a word that starts one.
            return isSentenceStarter(text, right)
        }
        if letters.isArabicScript && letters.letterCount <= 1 { return false }
        return true
    }

    private func isSentenceStarter(_ text: UnsafeBufferPointer<UInt16>, _ right: RightContext) -> Bool {
        rules.sentenceStarters.contains(word(text, right.wordRangeSkippingOpeners))
    }

    /// The words after a closing quote attribute it: a speech verb within the first three words
    /// (`Ahmed asked.`, `said Gov. Ali`, `قال أحمد`), or ending a short clause (`ئەحمەد پرسی.`).
    private func isAttribution(_ text: UnsafeBufferPointer<UInt16>, from start: Int, lineEnd: Int) -> Bool {
        guard !rules.speechVerbs.isEmpty else { return false }
        var i = start
        var words: [String] = []
        var endedClause = false
        while i < lineEnd, words.count < 8 {
            while i < lineEnd, UTF16Class.isHorizontalSpace(text[i]) { i += 1 }
            let wordStart = i
            while i < lineEnd, !UTF16Class.isSpace(text[i]) { i += 1 }
            if wordStart == i { break }
            var wordEnd = i
            var clauseEnds = false
            while wordEnd > wordStart, !Self.isWordCharacter(text, wordEnd - 1) {
                let u = text[wordEnd - 1]
                if UTF16Class.isTerminator(u) || u == 0x3A || u == 0x2C || u == 0x060C { clauseEnds = true }
                wordEnd -= 1
            }
            var wordBegin = wordStart
            while wordBegin < wordEnd, !Self.isWordCharacter(text, wordBegin) { wordBegin += 1 }
            words.append(word(text, wordBegin..<wordEnd))
            if words.count <= 3, rules.speechVerbs.contains(words.last!) { return true }
            if clauseEnds { endedClause = true; break }
        }
        return endedClause && words.count <= 6 && rules.speechVerbs.contains(words.last ?? "")
    }

    private static func isWordCharacter(_ text: UnsafeBufferPointer<UInt16>, _ i: Int) -> Bool {
        let u = text[i]
        if u < 0x80 { return (u >= 0x30 && u <= 0x39) || (u | 0x20 >= 0x61 && u | 0x20 <= 0x7A) }
        if u == 0x200C || u == 0x200D { return true }
        guard let s = UTF16Class.scalar(text, i) else { return u >= 0xDC00 && u <= 0xDFFF }
        return s.properties.isAlphabetic || s.properties.numericType != nil
            || s.properties.generalCategory == .nonspacingMark
    }

    /// The lookup key of the text in `range`: lower-cased, without final periods.
    func word(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> String {
        guard !range.isEmpty, let base = text.baseAddress else { return "" }
        let string = String(utf16CodeUnits: base + range.lowerBound, count: range.count)
        return SegmentationRules.key(string)
    }
}

/// What precedes a candidate boundary: `word` + terminators + closers + spaces.
struct LeftContext {
    /// The end of the text before the boundary, spaces excluded.
    var leftEnd: Int
    var terminatorRange: Range<Int>
    /// The word before the terminators, without opening quotes or brackets.
    var wordRange: Range<Int>
    /// The first non-space position of the segment being built.
    var segmentContentStart: Int
    var closer = false
    var closesQuote = false
    var isQuestion = false
    var isEllipsis = false
    var endsAfterTerminator = false
    var previousWordFirstLetter: Unicode.Scalar?

    init(text: UnsafeBufferPointer<UInt16>, lineStart: Int, boundary: Int) {
        var content = lineStart
        while content < boundary, UTF16Class.isSpace(text[content]) { content += 1 }
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
            closer = true
            if UTF16Class.isQuote(u) { closesQuote = true }
            i -= 1
        }
        let terminatorEnd = i
        var periods = 0
        while i > lineStart, UTF16Class.isTerminator(text[i - 1]) || (text[i - 1] == 0x20 && i - 2 >= lineStart && UTF16Class.isPeriod(text[i - 2]) && periods > 0) {
            let u = text[i - 1]
            if UTF16Class.isQuestionOrExclamation(u) { isQuestion = true }
            if u == 0x2026 { isEllipsis = true }
            if UTF16Class.isPeriod(u) { periods += 1 }
            i -= 1
        }
        if periods >= 2 { isEllipsis = true }
        terminatorRange = i..<terminatorEnd
        endsAfterTerminator = !terminatorRange.isEmpty
        var wordStart = i
        while wordStart > lineStart, !UTF16Class.isSpace(text[wordStart - 1]) { wordStart -= 1 }
        let tokenStart = wordStart
        while wordStart < i, UTF16Class.isOpener(text[wordStart]) { wordStart += 1 }
        // The terminator run keeps one period of an abbreviation's own: `U.S.` is word `U.S` + `.`.
        wordRange = wordStart..<i
        var p = tokenStart
        while p > lineStart, UTF16Class.isSpace(text[p - 1]) { p -= 1 }
        var q = p
        while q > lineStart, !UTF16Class.isSpace(text[q - 1]) { q -= 1 }
        while q < p, UTF16Class.isOpener(text[q]) { q += 1 }
        previousWordFirstLetter = q < p ? UTF16Class.scalar(text, q) : nil
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

    init(text: UnsafeBufferPointer<UInt16>, boundary: Int, lineEnd: Int) {
        var end = boundary
        while end < lineEnd, !UTF16Class.isSpace(text[end]) { end += 1 }
        wordEnd = end
        var start = boundary
        while start < end, UTF16Class.isOpener(text[start]) { start += 1 }
        var stop = end
        while stop > start, !(Self.isLetterOrDigit(text, stop - 1)) { stop -= 1 }
        wordRangeSkippingOpeners = start..<stop
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

    /// The key of the word after the first one (`Baghdad time` → `time`).
    func nextWordKey(_ text: UnsafeBufferPointer<UInt16>) -> String {
        var i = wordEnd
        while i < text.count, UTF16Class.isHorizontalSpace(text[i]) { i += 1 }
        var j = i
        while j < text.count, !UTF16Class.isSpace(text[j]) { j += 1 }
        while j > i, !(Self.isLetterOrDigit(text, j - 1)) { j -= 1 }
        guard j > i, let base = text.baseAddress else { return "" }
        return SegmentationRules.key(String(utf16CodeUnits: base + i, count: j - i))
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
                if (0x0600...0x06FF).contains(s.value) || (0xFB50...0xFEFF).contains(s.value) { isArabicScript = true }
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
