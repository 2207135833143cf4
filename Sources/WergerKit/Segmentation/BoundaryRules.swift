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
    let extraTerminators: Set<UInt16>
    private let hasExtraTerminators: Bool
    let markTable: MarkTable
    let ordinalNumbers: Bool
    let lowercaseMayStart: Bool
    let quoteContinues: Bool
    let abbreviations, closingAbbreviations, endingAbbreviations, numberAbbreviations, timeAbbreviations, timeZoneWords: WordSet
    let sentenceStarters, speechVerbs, clauseOpeners, creditWords: WordSet
    /// The longest listed abbreviation, in UTF-16 units: a longer word before a period is no abbreviation.
    private let longestAbbreviation: Int

    init(rules: SegmentationRules, caseless: Bool, glueGuard: Bool) {
        self.rules = rules
        self.caseless = caseless
        self.glueGuard = glueGuard
        extraTerminators = Set(rules.terminators.flatMap { $0.utf16 })
        hasExtraTerminators = !extraTerminators.isEmpty
        markTable = MarkTable(extraTerminators: extraTerminators)
        abbreviations = WordSet(rules.abbreviations)
        closingAbbreviations = WordSet(rules.closingAbbreviations)
        endingAbbreviations = WordSet(rules.endingAbbreviations)
        numberAbbreviations = WordSet(rules.numberAbbreviations)
        timeAbbreviations = WordSet(rules.timeAbbreviations)
        timeZoneWords = WordSet(rules.timeZoneWords)
        sentenceStarters = WordSet(rules.sentenceStarters)
        speechVerbs = WordSet(rules.speechVerbs)
        clauseOpeners = WordSet(rules.clauseOpeners)
        creditWords = WordSet(rules.creditWords)
        let listed = [rules.abbreviations, rules.closingAbbreviations, rules.endingAbbreviations,
                      rules.numberAbbreviations, rules.timeAbbreviations].flatMap { $0 }
        longestAbbreviation = listed.map { $0.utf16.count }.max() ?? 0
        ordinalNumbers = rules.options.contains("ordinal-numbers")
        lowercaseMayStart = rules.options.contains("lowercase-may-start")
        quoteContinues = rules.options.contains("quote-continues")
    }

    /// `12.` in `vom 12. Juni`, `XII.` in `XII. Pluku`.
    private static func isOrdinal(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        guard range.count <= 5 else { return false }
        return range.allSatisfy { UTF16Class.isDigit(text[$0]) } || range.allSatisfy { "IVXLC".utf16.contains(text[$0]) }
    }

    // MARK: Candidates ICU does not give

    /// Adds the boundaries ICU misses: after `?` `!` `…` where ICU's rules do not look (before a
    /// dash, after `…`), after an acronym glued to the next sentence by ICU's suppressions, after a
    /// footnote mark, between sentences written without a space, before a photo credit and before
    /// each item of a list written on one line.
    /// What the scan saw, so costlier passes run only on lines that need them.
    /// Scans a line once: adds the candidates ICU misses and collects, in `spanMarks`, the
    /// positions of quotation marks and brackets for `ProtectedSpans`.
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
        if !sawOnlyPeriods || runEnd - start > 1 || lowercaseMayStart || opensWithEllipsis || UTF16Class.isDigit(text[k])
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
    private func isCredit(_ text: UnsafeBufferPointer<UInt16>, at open: Int, end: Int) -> Bool {
        var i = open + 1
        while i < end, i - open < 24, text[i] != 0x3A, text[i] != 0x29 { i += 1 }
        guard i < end, text[i] == 0x3A, i > open + 1 else { return false }
        return creditWords.contains(WordKey(text, open + 1..<i), in: text)
    }

    // MARK: The decision

    func isSentenceEnd(text: UnsafeBufferPointer<UInt16>, line: Range<Int>, segmentStart: Int, candidate: Candidate,
                       protected: ProtectedSpans) -> Bool {
        let boundary = candidate.position
        if protected.contains(boundary) { return false }
        if candidate.forced { return true }
        if isPlainSentenceEnd(text, boundary: boundary, segmentStart: segmentStart, lineEnd: line.upperBound) { return true }
        let left = LeftContext(text: text, lineStart: segmentStart, boundary: boundary, isTerminator: isTerminator)
        guard left.terminatorRange.count > 0 else { return false }
        // `(...)`, `[…]`: an omission mark in brackets ends nothing.
        if left.terminatorRange.lowerBound > segmentStart, left.terminatorRange.upperBound < left.leftEnd,
           [0x28, 0x5B].contains(text[left.terminatorRange.lowerBound - 1]),
           [0x29, 0x5D].contains(text[left.terminatorRange.upperBound]) {
            return false
        }
        // A sentence boundary in a script written with spaces has one: not `Y!J`, `!Kung`, `...Այդպես`.
        let before = text[boundary - 1]
        if !UTF16Class.isSpace(before), before < 0x80 || UTF16Class.isCloser(before) { return false }
        let right = RightContext(text: text, boundary: boundary, lineEnd: line.upperBound)
        // A remark in parentheses closing a paragraph (`… house!' (Which was very likely true.)`)
        // goes with the sentence before; one followed by more text is a sentence of its own
        // (`(Dinah was the cat.) "I hope …`). Lists and credits in parentheses were found by the scans.
        if text[boundary] == 0x28 {
            // After a quotation, `(Smith 55).` cites it.
            if left.closesQuote, !Self.hasTerminatorInside(text, open: boundary, lineEnd: line.upperBound) { return false }
            return isParentheticalSentence(text, at: boundary, lineEnd: line.upperBound)
        }

        // A quotation followed by its attribution is one unit: “Where did it go?” Ahmed asked.
        if left.closesQuote, isAttribution(text, from: boundary, lineEnd: line.upperBound) { return false }

        // In a cased script, a sentence does not start in lower case: `Leave me alone! he yelled.`,
        // `Yahoo! in the accounting department`, `-- voila! -- you have cake`.
        // Dutch `raak. ...en toen barste de hel los`: an omission opens the next sentence.
        if right.startsWithEllipsis { return true }
        if !caseless, let first = right.firstLetter, UTF16Class.isLowercase(first), !right.startsWithDigit,
           !lowercaseMayStart || right.startsWithDash {
            return false
        }
        // German dialogue: `,,Wann kommst zu mir?” ,,Das weiß ich noch nicht“, antwortete Susi`.
        if quoteContinues, left.closesQuote, right.startsWithQuote { return false }

        if left.isEllipsis && !left.isQuestion {
            // `. . .` spaced out marks an omission inside a sentence; `...` or `…` before a
            // capital ends one.
            if left.isSpacedEllipsis { return false }
            if caseless { return true }
            guard let first = right.firstLetter else { return false }
            return UTF16Class.isUppercase(first)
        }
        if left.isQuestion || !left.endsWithPeriod { return true }
        // A number sign continues a citation: `2012 жыл. №590-591`.
        if text[boundary] == 0x2116 || text[boundary] == 0x23 { return false }
        // List numbering stays with its item: `1. The first item`, `a.) The first item`, `• 9. An item`.
        if left.wordRange.lowerBound == left.segmentContentStart,
           ListMarker.length(text, at: left.wordRange.lowerBound, end: right.wordEnd) != nil {
            return false
        }
        // After a closing quote the period is the quotation's; inside brackets it may still belong
        // to an abbreviation or initials: `(س. ع.) ئاشکرا کرد`.
        if left.closesQuote { return true }
        return periodEndsSentence(text: text, left: left, right: right, segmentStart: segmentStart)
    }

    private static func hasTerminatorInside(_ text: UnsafeBufferPointer<UInt16>, open: Int, lineEnd: Int) -> Bool {
        var i = open + 1
        while i < lineEnd, text[i] != 0x29 {
            if UTF16Class.isTerminator(text[i]) { return true }
            i += 1
        }
        return false
    }

    private func isParentheticalSentence(_ text: UnsafeBufferPointer<UInt16>, at open: Int, lineEnd: Int) -> Bool {
        var first = open + 1
        while first < lineEnd, UTF16Class.isOpener(text[first]) { first += 1 }
        guard first < lineEnd, let letter = UTF16Class.scalar(text, first),
              caseless ? UTF16Class.isLetter(letter) : UTF16Class.isUppercase(letter) else {
            return false
        }
        var i = first
        while i < lineEnd, text[i] != 0x29 { i += 1 }
        guard i < lineEnd, i > open + 1 else { return false }
        // `(«Айқын», 23 сəуір 2010 жыл. № 70).`: a citation of several words with its own full
        // stop after the bracket (not a short aside like `(“Company B”).`).
        if i + 1 < lineEnd, UTF16Class.isTerminator(text[i + 1]) {
            return (first..<i).reduce(0) { $0 + (UTF16Class.isSpace(text[$1]) ? 1 : 0) } >= 3
        }
        guard UTF16Class.isTerminator(text[i - 1]) else { return false }
        var j = i + 1
        while j < lineEnd, UTF16Class.isSpace(text[j]) { j += 1 }
        return j < lineEnd
    }

    /// The common case, decided without the full contexts: `… a long word. Next` — a word longer
    /// than any listed abbreviation, a single period, a space, and a capital (or, in a caseless
    /// script, a letter). Every rule below would let it end the sentence.
    @inline(__always)
    private func isPlainSentenceEnd(_ text: UnsafeBufferPointer<UInt16>, boundary: Int, segmentStart: Int, lineEnd: Int) -> Bool {
        guard boundary < lineEnd, boundary - 2 > segmentStart, text[boundary - 1] == 0x20, text[boundary - 2] == 0x2E else {
            return false
        }
        let next = text[boundary]
        if caseless {
            guard next >= 0x0621 && next <= 0x064A || next >= 0x0671 && next <= 0x06D3 else { return false }
        } else {
            guard next >= 0x41 && next <= 0x5A, !lowercaseMayStart else { return false }
        }
        // The word before the period: letters only, longer than every abbreviation.
        var i = boundary - 3
        let stop = max(segmentStart, boundary - 3 - longestAbbreviation - 1)
        while i >= stop {
            let u = text[i]
            let letter = u < 0x80 ? (u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A
                : (u >= 0x0621 && u <= 0x064A) || (u >= 0x0671 && u <= 0x06D3) || (u >= 0xC0 && u <= 0x24F)
            if !letter { return false }
            i -= 1
        }
        return i >= segmentStart
    }

    /// The rules for a word followed by a period.
    private func periodEndsSentence(text: UnsafeBufferPointer<UInt16>, left: LeftContext, right: RightContext,
                                    segmentStart: Int) -> Bool {
        let wordRange = left.wordRange
        if wordRange.isEmpty { return true }
        if ordinalNumbers, Self.isOrdinal(text, wordRange) { return false }
        let key = WordKey(text, wordRange)
        if abbreviations.contains(key, in: text) { return false }
        if let elided = key.afterElision(text), abbreviations.contains(elided, in: text) { return false }
        if numberAbbreviations.contains(key, in: text) { return isSentenceStarter(text, right) }
        if timeAbbreviations.contains(key, in: text) {
            guard let first = right.firstLetter, UTF16Class.isUppercase(first) || caseless else { return false }
            return !timeZoneWords.contains(right.nextWordKey(text), in: text)
        }
        if closingAbbreviations.contains(key, in: text) { return isSentenceStarter(text, right) }
        if endingAbbreviations.contains(key, in: text) { return true }

        let letters = LetterShape(text, wordRange)
        // A lower-case single letter is a word (Kurmanji `… mezin e.`, "it is big"), not an initial.
        if letters.isSingleLetter, caseless || UTF16Class.scalar(text, wordRange.lowerBound).map(UTF16Class.isUppercase) == true {
            // An initial (J. R. Smith, د. ئەحمەد) — except the English pronoun: `you and I. Did…`.
            if letters.isPronounI, let before = left.previousWordFirstLetter(text), UTF16Class.isLowercase(before) {
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
        sentenceStarters.contains(WordKey(text, right.wordRangeSkippingOpeners), in: text)
    }

    /// The words after a closing quote attribute it: a speech verb within the first three words
    /// (`Ahmed asked.`, `said Gov. Ali`, `قال أحمد`), or ending a short clause (`ئەحمەد پرسی.`).
    private func isAttribution(_ text: UnsafeBufferPointer<UInt16>, from start: Int, lineEnd: Int) -> Bool {
        guard !speechVerbs.isEmpty else { return false }
        var i = start
        var words: [WordKey] = []
        var endedClause = false
        var endsWithColon = false
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
                if u == 0x3A { endsWithColon = true }
                wordEnd -= 1
            }
            var wordBegin = wordStart
            while wordBegin < wordEnd, !Self.isWordCharacter(text, wordBegin) { wordBegin += 1 }
            words.append(WordKey(text, wordBegin..<wordEnd))
            // `As she said this, …` is a new sentence, not an attribution.
            if words.count == 1, clauseOpeners.contains(words[0], in: text) { return false }
            if clauseEnds { endedClause = true; break }
        }
        // `Ahmed asked: «…»` introduces the next quotation instead of closing this one.
        if endsWithColon { return false }
        if words.prefix(3).contains(where: { speechVerbs.contains($0, in: text) }) { return true }
        guard endedClause, words.count <= 6, let last = words.last else { return false }
        return speechVerbs.contains(last, in: text)
    }

    private static func isWordCharacter(_ text: UnsafeBufferPointer<UInt16>, _ i: Int) -> Bool {
        let u = text[i]
        if u < 0x80 { return (u >= 0x30 && u <= 0x39) || (u | 0x20 >= 0x61 && u | 0x20 <= 0x7A) }
        if u == 0x200C || u == 0x200D { return true }
        // Arabic-script letters, harakat and digits, without a property lookup.
        if u >= 0x0621 && u <= 0x06D3 { return u != 0x066A && u != 0x066B && u != 0x066C && u != 0x066D }
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
