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
    let hasExtraTerminators: Bool
    let markTable: MarkTable
    let ordinalNumbers: Bool
    let lowercaseMayStart: Bool
    /// A full stop after a plain word ends a sentence even before a word in lower case (Kurmanji
    /// news, whose writers often start a sentence in lower case: `… şer kirin. grûpek ji …`).
    let lowercaseAfterWord: Bool
    let quoteContinues: Bool
    /// The language puts a clause's verb last (Kurdish, Persian, Turkish): an attribution after a
    /// quotation ends with its speech verb.
    let verbFinal: Bool
    let starterPrefixes: [String]
    /// The last words of compound speech verbs (`کرد` of `پرسیاری_کرد`): only these need the
    /// two-word lookup.
    let compoundTails: WordSet
    let abbreviations, closingAbbreviations, endingAbbreviations, numberAbbreviations, timeAbbreviations, timeZoneWords: WordSet
    /// Every listed abbreviation of any kind, the non-final words and the `[continuing-abbreviations]`: with
    /// `lowercase-after-word`, no sentence in lower case starts after one of them.
    let anyAbbreviation: WordSet
    let sentenceStarters, speechVerbs, clauseOpeners, creditWords: WordSet
    /// Words no sentence ends with (`[non-final-words]`).
    let nonFinalWords: WordSet
    /// How far a rule looks for the end of a word or of a parenthesis: no word or aside is longer,
    /// and the bound keeps a pathological line (200,000 unclosed brackets) linear.
    static let reach = 512

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
        nonFinalWords = WordSet(rules.nonFinalWords)
        // The non-final words count with the abbreviations: the fast path decides only longer words.
        let listed = [rules.abbreviations, rules.closingAbbreviations, rules.endingAbbreviations,
                      rules.numberAbbreviations, rules.timeAbbreviations, rules.nonFinalWords].flatMap { $0 }
        longestAbbreviation = listed.map { $0.utf16.count }.max() ?? 0
        anyAbbreviation = WordSet(Set(listed).union(rules.continuingAbbreviations))
        ordinalNumbers = rules.options.contains("ordinal-numbers")
        lowercaseMayStart = rules.options.contains("lowercase-may-start")
        lowercaseAfterWord = rules.options.contains("lowercase-after-word")
        quoteContinues = rules.options.contains("quote-continues")
        verbFinal = rules.options.contains("verb-final")
        starterPrefixes = rules.starterPrefixes.sorted()
        compoundTails = WordSet(Set(rules.speechVerbs.compactMap { $0.split(separator: "_").last.map(String.init) }
            .filter { !$0.isEmpty }).subtracting(rules.speechVerbs))
    }

    /// `12.` in `vom 12. Juni`, `XII.` in `XII. Pluku`.
    private static func isOrdinal(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        guard range.count <= 5 else { return false }
        return range.allSatisfy { UTF16Class.isDigit(text[$0]) } || range.allSatisfy { "IVXLC".utf16.contains(text[$0]) }
    }

    // MARK: The decision

    func isSentenceEnd(text: UnsafeBufferPointer<UInt16>, line: Range<Int>, segmentStart: Int, candidate: Candidate,
                       protected: ProtectedSpans) -> Bool {
        let boundary = candidate.position
        if protected.contains(boundary) { return false }
        if candidate.forced { return true }
        if isPlainSentenceEnd(text, boundary: boundary, segmentStart: segmentStart, lineEnd: line.upperBound) { return true }
        // The sentence ends after the emoji that follows its full stop (the scan proposed that place).
        if text[boundary] >= 0x2000, Self.afterEmoji(text, from: boundary, end: line.upperBound) != nil { return false }
        let left = LeftContext(text: text, lineStart: segmentStart, boundary: boundary, isTerminator: isTerminator)
        guard left.terminatorRange.count > 0 else { return false }
        if left.isEllipsis, protected.insideQuotation(boundary) { return false }
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
            // After a quotation, `(Smith 55).` cites it, and a remark closing the paragraph comments
            // on it (`… house!' (Which was very likely true.)`).
            if left.closesQuote, !Self.hasTerminatorInside(text, open: boundary, lineEnd: line.upperBound)
                || !Self.textFollowsParenthesis(text, at: boundary, lineEnd: line.upperBound) {
                return false
            }
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
            return lowercaseAfterWord && !right.startsWithDash && isPlainWordEnd(text, left)
        }
        // German dialogue: `,,Wann kommst zu mir?” ,,Das weiß ich noch nicht“, antwortete Susi`.
        if quoteContinues, left.closesQuote, right.startsWithQuote { return false }

        // `أزمة المياه في العراق.. ما الذي`: two periods are a pause in Arabic-script web copy.
        if caseless, left.isDoublePeriod { return false }
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

    private static func textFollowsParenthesis(_ text: UnsafeBufferPointer<UInt16>, at open: Int, lineEnd: Int) -> Bool {
        var i = open + 1
        while i < lineEnd, i - open < Self.reach, text[i] != 0x29 { i += 1 }
        guard i < lineEnd, text[i] == 0x29 else { return true }
        i += 1
        while i < lineEnd, UTF16Class.isSpace(text[i]) { i += 1 }
        return i < lineEnd
    }

    private static func hasTerminatorInside(_ text: UnsafeBufferPointer<UInt16>, open: Int, lineEnd: Int) -> Bool {
        var i = open + 1
        while i < lineEnd, i - open < Self.reach, text[i] != 0x29 {
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
        while i < lineEnd, i - open < Self.reach, text[i] != 0x29 { i += 1 }
        guard i < lineEnd, i > open + 1, text[i] == 0x29 else { return false }
        // `(«Айқын», 23 сəуір 2010 жыл. № 70).`: a citation of several words with its own full
        // stop after the bracket (not a short aside like `(“Company B”).`).
        if i + 1 < lineEnd, UTF16Class.isTerminator(text[i + 1]) {
            return (first..<i).reduce(0) { $0 + (UTF16Class.isSpace(text[$1]) ? 1 : 0) } >= 3
        }
        return UTF16Class.isTerminator(text[i - 1])
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
        var key = WordKey(text, wordRange)
        // `عام ١٩٥٢م.`: a year written onto its era mark is looked up as the mark.
        if caseless, let firstLetter = wordRange.first(where: { !UTF16Class.isDigit(text[$0]) }), firstLetter > wordRange.lowerBound {
            key = WordKey(text, firstLetter..<wordRange.upperBound)
        }
        // `… on Mon., Wed. and Fri. “People are tired,” said …`: titles precede names, not quotations.
        if !caseless, right.startsWithQuote, let first = right.firstLetter, UTF16Class.isUppercase(first),
           abbreviations.contains(key, in: text) || numberAbbreviations.contains(key, in: text) {
            return true
        }
        if abbreviations.contains(key, in: text) || nonFinalWords.contains(key, in: text) { return false }
        if let elided = key.afterElision(text), abbreviations.contains(elided, in: text) { return false }
        if numberAbbreviations.contains(key, in: text) {
            // `No. 5` stays together; `No. Engineers found …` is an answer and a new sentence.
            // (Not a single letter: `J. R. Whitfield` has initials, not page numbers.)
            if !caseless, wordRange.count > 1, let first = right.firstLetter, UTF16Class.isUppercase(first),
               !right.startsWithDigit {
                return true
            }
            return isSentenceStarter(text, right)
        }
        if timeAbbreviations.contains(key, in: text) {
            guard let first = right.firstLetter, UTF16Class.isUppercase(first) || caseless else { return false }
            // `7 p.m. ET tonight`, `5 a.m. Baghdad time`: the zone itself, or a place before `time`.
            return !timeZoneWords.contains(WordKey(text, right.wordRangeSkippingOpeners), in: text)
                && !timeZoneWords.contains(right.nextWordKey(text), in: text)
        }
        if closingAbbreviations.contains(key, in: text) { return isSentenceStarter(text, right) }
        if endingAbbreviations.contains(key, in: text) { return true }

        let letters = LetterShape(text, wordRange)
        // A lower-case single letter is a word (Kurmanji `… mezin e.`, "it is big"), not an initial.
        if letters.isSingleLetter, caseless || UTF16Class.scalar(text, wordRange.lowerBound).map(UTF16Class.isUppercase) == true {
            // `Iraq will play in Group C. Its rivals …`: a letter that is not the segment's first word
            // (a list or Q&A label) ends the sentence before a word that starts one.
            if !caseless, wordRange.lowerBound > left.segmentContentStart, !letters.isPronounI,
               isSentenceStarter(text, right) {
                return true
            }
            // `و` ("and") is a word, never an initial.
            if caseless, wordRange.count == 1, text[wordRange.lowerBound] == 0x648 { return true }
            // `… حصلوا على A. يبين هذا …`: a Latin letter in Arabic-script text is a grade, a group or
            // a class, not an initial, when an Arabic-script word follows (a name after a Latin
            // initial is Latin too).
            if caseless, !letters.isArabicScript, let next = right.firstLetter, UTF16Class.isArabicScript(next) {
                return true
            }
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
        if letters.isArabicScript && letters.isSingleLetter { return false }
        return true
    }

    /// A single full stop after a word of letters that no abbreviation list holds, no initial and
    /// no `U.S.`-like group: `… şer kirin.`, `… mezin e.` (a lower-case single letter is a word).
    private func isPlainWordEnd(_ text: UnsafeBufferPointer<UInt16>, _ left: LeftContext) -> Bool {
        guard left.endsWithPeriod, !left.isQuestion, !left.isEllipsis, !left.closesQuote,
              left.terminatorRange.count == 1 else { return false }
        let wordRange = left.wordRange
        guard !wordRange.isEmpty else { return false }
        let letters = LetterShape(text, wordRange)
        guard letters.letterCount == wordRange.count, !letters.hasInnerPeriods else { return false }
        if letters.isSingleLetter { return UTF16Class.scalar(text, wordRange.lowerBound).map(UTF16Class.isLowercase) == true }
        return !anyAbbreviation.contains(WordKey(text, wordRange), in: text)
    }

    private func isSentenceStarter(_ text: UnsafeBufferPointer<UInt16>, _ right: RightContext) -> Bool {
        let range = right.wordRangeSkippingOpeners
        if sentenceStarters.contains(WordKey(text, range), in: text) { return true }
        guard !starterPrefixes.isEmpty, range.count >= 3 else { return false }
        return starterPrefixes.contains { prefix in
            prefix.utf16.count < range.count - 1 && prefix.utf16.elementsEqual(text[range.lowerBound..<(range.lowerBound + prefix.utf16.count)])
        }
    }

    /// The words after a closing quote attribute it: a speech verb within the first three words
    /// (`Ahmed asked.`, `said Gov. Ali`, `قال أحمد`), or ending a short clause (`ئەحمەد پرسی.`).
    func isAttribution(_ text: UnsafeBufferPointer<UInt16>, from start: Int, lineEnd: Int) -> Bool {
        guard !speechVerbs.isEmpty else { return false }
        var i = start
        while i < lineEnd, UTF16Class.isHorizontalSpace(text[i]) { i += 1 }
        // A new quotation is not an attribution of the one before.
        if i < lineEnd, UTF16Class.opensQuotation(text[i]) { return false }
        var words: [WordKey] = []
        var endedClause = false
        var endsWithColon = false
        var endsWithComma = false
        var asks = false
        // Verb-final languages put the attribution's verb last: `«…» پەرلەمانتار … پرسیاری کرد.`
        let limit = verbFinal ? 14 : 8
        while i < lineEnd, words.count < limit {
            while i < lineEnd, UTF16Class.isHorizontalSpace(text[i]) { i += 1 }
            let wordStart = i
            while i < lineEnd, i - wordStart < Self.reach, !UTF16Class.isSpace(text[i]) { i += 1 }
            if wordStart == i { break }
            var wordEnd = i
            var clauseEnds = false
            while wordEnd > wordStart, !Self.isWordCharacter(text, wordEnd - 1) {
                let u = text[wordEnd - 1]
                if UTF16Class.isTerminator(u) || u == 0x3A || u == 0x2C || u == 0x060C { clauseEnds = true }
                if u == 0x3A { endsWithColon = true }
                if u == 0x2C || u == 0x060C { endsWithComma = true }
                if u == 0x3F || u == 0x61F || u == 0x21 { asks = true }
                wordEnd -= 1
            }
            var wordBegin = wordStart
            while wordBegin < wordEnd, !Self.isWordCharacter(text, wordBegin) { wordBegin += 1 }
            words.append(WordKey(text, wordBegin..<wordEnd))
            // `As she said this, …` is a new sentence, not an attribution.
            if words.count == 1, clauseOpeners.contains(words[0], in: text) { return false }
            if clauseEnds { endedClause = true; break }
        }
        // `Ahmed asked: «…»` introduces the next quotation instead of closing this one — and so
        // does `"…do you?" She continued, "I was …`, where the capitals say a sentence starts (an
        // attribution of the quotation before would be `she continued`, a quotation going on `"and …`).
        if endsWithColon { return false }
        if endsWithComma, !caseless, let first = words.first, let letter = UTF16Class.scalar(text, first.range.lowerBound),
           UTF16Class.isUppercase(letter) {
            var next = i
            while next < lineEnd, UTF16Class.isHorizontalSpace(text[next]) { next += 1 }
            if next + 1 < lineEnd, UTF16Class.opensQuotation(text[next]), let opening = UTF16Class.scalar(text, next + 1), UTF16Class.isUppercase(opening) {
                return false
            }
        }
        if words.prefix(3).contains(where: { speechVerbs.contains($0, in: text) }) {
            // After a quotation closed by a full stop, an attribution is short (`."  Ahmed said.`);
            // `." Flake said his office had issued a statement …` is the next sentence.
            return !Self.closedByFullStop(text, before: start) || (endedClause && words.count <= 4)
        }
        // A clause that asks or exclaims is a sentence of its own, whatever its verb: `«…» پێت‌وایە ئەو
        // ڕاستی بە خەڵک دەڵێت؟` (“Do you think he tells people the truth?”) does not attribute the quotation.
        guard verbFinal, endedClause, !asks, words.count <= 12, let last = words.last else { return false }
        if speechVerbs.contains(last, in: text) { return true }
        // A compound verb, written in the rule file with `_`: `پرسیاری_کرد`, `diyar_kir`.
        guard words.count >= 2, compoundTails.contains(last, in: text) else { return false }
        let compound = words[words.count - 2].string(text) + "_" + last.string(text)
        return speechVerbs.words.contains(compound)
    }

    /// Whether the quotation before `start` ends in a full stop inside its closing marks (`…."`).
    private static func closedByFullStop(_ text: UnsafeBufferPointer<UInt16>, before start: Int) -> Bool {
        var i = start - 1
        while i >= 0, UTF16Class.isSpace(text[i]) { i -= 1 }
        while i >= 0, UTF16Class.isQuote(text[i]) || UTF16Class.isCloser(text[i]) || text[i] == 0xBB { i -= 1 }
        return i >= 0 && (text[i] == 0x2E || text[i] == 0x6D4)
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
