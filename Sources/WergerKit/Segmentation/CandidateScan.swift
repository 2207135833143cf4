/// The candidates ICU does not propose, found by one pass over the line's marked positions.
extension BoundaryRules {
    // MARK: Candidates ICU does not give

    /// Adds the boundaries ICU misses — after `?` `!` `…` where ICU's rules do not look (before a
    /// dash, after `…`), after an acronym glued to the next sentence by ICU's suppressions, after a
    /// footnote mark, between sentences written without a space, before a photo credit, before each
    /// item of a list written on one line — and collects, in `spanMarks`, the positions of quotation
    /// marks and brackets for `ProtectedSpans`. It reads only the line's marked positions.
    func addCandidates(text: UnsafeBufferPointer<UInt16>, line: Range<Int>, marks: MarkedPositions, from firstMark: Int,
                       to candidates: inout [Candidate], spanMarks: inout [Int]) {
        var possibleListMarkers = 0
        let end = line.upperBound
        let bits = markTable.bits
        var k = firstMark
        var resume = line.lowerBound
        while k < marks.positions.count {
            let i = Int(marks.positions[k])
            k += 1
            if i >= end { break }
            if i < resume { continue }
            let u = text[i]
            let mark = bits[Int(u)]
            if mark & (MarkTable.candidate | MarkTable.span) == 0 { continue }
            if mark & MarkTable.span != 0 { spanMarks.append(i) }
            if u == 0x29 || u == 0x2E, ListItems.endsPossibleMarker(text, at: i, lineStart: line.lowerBound) {
                possibleListMarkers += 1
            }
            if isTerminator(u) {
                resume = scanAfterTerminator(text, at: i, line: line, to: &candidates)
                continue
            }
            if UTF16Class.isQuote(u), i >= line.lowerBound + 2, text[i - 1] == 0x2D || text[i - 1] == 0x2014,
               let next = brokenOffSpeechEnd(text, quote: i, line: line) {
                candidates.append(Candidate(position: next, forced: true))
            }
            if u == 0x28, i > line.lowerBound, UTF16Class.isHorizontalSpace(text[i - 1]),
               followsTerminator(text, before: i, lineStart: line.lowerBound), isCredit(text, at: i, end: end) {
                candidates.append(Candidate(position: i, forced: true))
                // Text after the credit on the same line is a new sentence.
                var close = i + 1
                while close < end, text[close] != 0x29 { close += 1 }
                var next = close + 1
                while next < end, UTF16Class.isHorizontalSpace(text[next]) { next += 1 }
                if close < end, next > close + 1, next < end { candidates.append(Candidate(position: next, forced: true)) }
            }
        }
        if possibleListMarkers >= 2 {
            ListItems.addCandidates(text: text, line: line, isTerminator: isTerminator, to: &candidates)
        }
    }

    func isTerminator(_ u: UInt16) -> Bool {
        UTF16Class.isTerminator(u) || (hasExtraTerminators && extraTerminators.contains(u))
    }

    /// Looks at one run of terminators starting at `start`; returns where scanning goes on.
    private func scanAfterTerminator(_ text: UnsafeBufferPointer<UInt16>, at start: Int, line: Range<Int>,
                                     to candidates: inout [Candidate]) -> Int {
        let end = line.upperBound
        var j = start
        var sawOnlyPeriods = true
        var spacedScriptMark = false
        while j < end, isTerminator(text[j]) {
            let u = text[j]
            if !UTF16Class.isPeriod(u) { sawOnlyPeriods = false }
            if u < 0x80 || u == 0x2026 || u == 0x061F || u == 0x06D4 || extraTerminators.contains(u) { spacedScriptMark = true }
            j += 1
        }
        let runEnd = j
        while j < end, UTF16Class.isCloser(text[j]) { j += 1 }
        var k = j
        while k < end, UTF16Class.isHorizontalSpace(text[k]) { k += 1 }
        if k == end { return max(runEnd, start + 1) }
        if k == j {
            // No space after the mark.
            if !spacedScriptMark {
                // Full-width and Ethiopic/Myanmar stops end a sentence without a space.
                candidates.append(Candidate(position: j, forced: true))
            } else if sawOnlyPeriods, runEnd - start == 1, !caseless {
                if isGluedSentence(text, period: start, line: line) {
                    candidates.append(Candidate(position: runEnd, forced: true))
                } else if let next = footnoteEnd(text, period: start, line: line) {
                    candidates.append(Candidate(position: next, forced: true))
                }
            } else if runEnd == j, j < end, text[j] == 0x5B, let next = footnoteEnd(text, period: runEnd - 1, line: line) {
                candidates.append(Candidate(position: next, forced: true))
            }
            return max(runEnd, start + 1)
        }
        // `compounds. . . . The practice`: a full stop, then an omission that opens the next sentence.
        if sawOnlyPeriods, runEnd - start == 1, k == start + 2, start > line.lowerBound, !UTF16Class.isSpace(text[start - 1]),
           isOmissionOpeningSentence(text, at: k, end: end) {
            candidates.append(Candidate(position: k, forced: true))
            return k + 5
        }
        // A space follows: ICU proposes the period breaks itself (and, with its suppressions on,
        // wrongly keeps `NATO. The` together, which the glue guard catches).
        let opensWithEllipsis = text[k] == 0x2026 || (text[k] == 0x2E && k + 1 < end && text[k + 1] == 0x2E)
        // `… got. “12 sal in …”`, `… e. %35 ji …`: a quotation or an amount that opens with a number.
        let sign = text[k]
        let quotedNumber = k + 1 < end && UTF16Class.isDigit(text[k + 1])
            && (UTF16Class.isOpener(sign) || sign == 0x25 || sign == 0x24 || sign == 0x20AC || sign == 0xA3 || sign == 0x066A)
        // `Polls are now open. 🗳️ Share your photos`: an emoji after the full stop goes with its sentence.
        if text[k] >= 0x2000, let next = Self.afterEmoji(text, from: k, end: end) {
            candidates.append(Candidate(position: next, forced: true))
            return runEnd
        }
        if !sawOnlyPeriods || runEnd - start > 1 || lowercaseMayStart || opensWithEllipsis || UTF16Class.isDigit(text[k])
            || lowercaseAfterWord && UTF16Class.scalar(text, k).map(UTF16Class.isLowercase) == true
            || quotedNumber
            || glueGuard && isAcronym(text, before: start, lineStart: line.lowerBound) {
            candidates.append(Candidate(position: k, forced: false))
        }
        return runEnd
    }

    /// `. . . The`: a spaced-out ellipsis, then a capitalised word.
    private func isOmissionOpeningSentence(_ text: UnsafeBufferPointer<UInt16>, at i: Int, end: Int) -> Bool {
        guard !caseless, i + 6 < end else { return false }
        let pattern: [UInt16] = [0x2E, 0x20, 0x2E, 0x20, 0x2E, 0x20]
        for (offset, u) in pattern.enumerated() where text[i + offset] != u { return false }
        guard let first = UTF16Class.scalar(text, i + 6) else { return false }
        return UTF16Class.isUppercase(first)
    }

    /// `to--" At this moment`: speech broken off with a dash, closed, and a new sentence.
    private func brokenOffSpeechEnd(_ text: UnsafeBufferPointer<UInt16>, quote: Int, line: Range<Int>) -> Int? {
        guard !caseless else { return nil }
        var k = quote + 1
        while k < line.upperBound, UTF16Class.isHorizontalSpace(text[k]) { k += 1 }
        guard k > quote + 1, k < line.upperBound, let first = UTF16Class.scalar(text, k), UTF16Class.isUppercase(first),
              !isAttribution(text, from: k, lineEnd: line.upperBound) else { return nil }
        return k
    }

    /// The start of the capitalised word after a run of emoji (and a space) at `start`, if there is one.
    static func afterEmoji(_ text: UnsafeBufferPointer<UInt16>, from start: Int, end: Int) -> Int? {
        var i = start
        while i < end, let scalar = UTF16Class.scalar(text, i),
              scalar.properties.isEmoji && scalar.value > 0xFF || scalar.value == 0xFE0F || scalar.value == 0x200D {
            i += scalar.value > 0xFFFF ? 2 : 1
        }
        guard i > start, i < end, UTF16Class.isHorizontalSpace(text[i]) else { return nil }
        var k = i
        while k < end, UTF16Class.isHorizontalSpace(text[k]) { k += 1 }
        guard k < end, let first = UTF16Class.scalar(text, k), UTF16Class.isUppercase(first) else { return nil }
        return k
    }

    /// `world.Today`: a lower-case word, a period, a capitalised word — not a URL, a file name or
    /// an e-mail address.
    private func isGluedSentence(_ text: UnsafeBufferPointer<UInt16>, period: Int, line: Range<Int>) -> Bool {
        guard period >= line.lowerBound + 2, period + 2 < line.upperBound,
              let before = UTF16Class.scalar(text, period - 1), let after = UTF16Class.scalar(text, period + 1),
              let second = UTF16Class.scalar(text, period + 2),
              UTF16Class.isLowercase(before) || UTF16Class.isDigit(text[period - 1]),
              UTF16Class.isUppercase(after),
              UTF16Class.isLowercase(second) || UTF16Class.isUppercase(second) || text[period + 2] == 0x20
        else { return false }
        var tokenStart = period
        while tokenStart > line.lowerBound, !UTF16Class.isSpace(text[tokenStart - 1]) { tokenStart -= 1 }
        var tokenEnd = period
        while tokenEnd < line.upperBound, !UTF16Class.isSpace(text[tokenEnd]) { tokenEnd += 1 }
        for i in tokenStart..<tokenEnd {
            let u = text[i]
            if u == 0x40 || u == 0x2F || u == 0x5C || u == 0x3A || u == 0x5F { return false }
        }
        let token = word(text, tokenStart..<tokenEnd)
        return !token.hasPrefix("www") && (period - tokenStart) >= 2
    }

    /// After `martyr.[1]`, `consultation.11 12` or `(1987).1`: the position of the capitalised
    /// word that follows the footnote mark, if one does.
    private func footnoteEnd(_ text: UnsafeBufferPointer<UInt16>, period: Int, line: Range<Int>) -> Int? {
        guard period > line.lowerBound else { return nil }
        let before = text[period - 1]
        guard before == 0x29 || (UTF16Class.scalar(text, period - 1).map(UTF16Class.isLetter) ?? false) else { return nil }
        var i = period + 1
        let end = line.upperBound
        var groups = 0
        while i < end {
            if text[i] == 0x5B {
                var j = i + 1
                while j < end, UTF16Class.isASCIIDigit(text[j]) || text[j] == 0x2013 || text[j] == 0x2D || text[j] == 0x2C { j += 1 }
                guard j < end, j > i + 1, text[j] == 0x5D else { return nil }
                i = j + 1
                groups += 1
                continue
            }
            var j = i
            while j < end, j - i < 3, UTF16Class.isASCIIDigit(text[j]) { j += 1 }
            guard j > i, j == end || !UTF16Class.isASCIIDigit(text[j]) else { break }
            if groups > 0, text[i - 1] != 0x20 && text[i - 1] != 0x2E { break }
            i = j
            groups += 1
            if i < end, text[i] == 0x20, i + 1 < end, UTF16Class.isASCIIDigit(text[i + 1]) { i += 1 }
        }
        guard groups > 0, i < end, UTF16Class.isHorizontalSpace(text[i]) else { return nil }
        var k = i
        while k < end, UTF16Class.isHorizontalSpace(text[k]) { k += 1 }
        guard k < end, let first = UTF16Class.scalar(text, k), UTF16Class.isUppercase(first) else { return nil }
        return k
    }

    /// An all-capital word of two or more letters without inner periods (`NATO`, `KRG`, `UNICEF`).
    private func isAcronym(_ text: UnsafeBufferPointer<UInt16>, before period: Int, lineStart: Int) -> Bool {
        var i = period
        var letters = 0
        while i > lineStart, let s = UTF16Class.scalar(text, i - 1), UTF16Class.isLetter(s) {
            guard UTF16Class.isUppercase(s) else { return false }
            letters += 1
            i -= 1
        }
        return letters >= 2 && (i == lineStart || UTF16Class.isSpace(text[i - 1]) || UTF16Class.isOpener(text[i - 1]))
    }

    private func followsTerminator(_ text: UnsafeBufferPointer<UInt16>, before position: Int, lineStart: Int) -> Bool {
        var i = position
        while i > lineStart, UTF16Class.isHorizontalSpace(text[i - 1]) { i -= 1 }
        while i > lineStart, UTF16Class.isCloser(text[i - 1]) { i -= 1 }
        return i > lineStart && isTerminator(text[i - 1])
    }

    /// `(Photo: …)`, `(وێنە: …)`: an opening parenthesis, a credit word, a colon.
    func isCredit(_ text: UnsafeBufferPointer<UInt16>, at open: Int, end: Int) -> Bool {
        var i = open + 1
        while i < end, i - open < 24, text[i] != 0x3A, text[i] != 0x29 { i += 1 }
        guard i < end, text[i] == 0x3A, i > open + 1 else { return false }
        return creditWords.contains(WordKey(text, open + 1..<i), in: text)
    }
}
