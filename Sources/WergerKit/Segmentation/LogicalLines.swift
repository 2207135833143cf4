/// The lines of a document as the unit policy sees them: every line break ends a segment, except a
/// hard wrap inside a sentence (the line ends with a space, no sentence terminator, and the next
/// line does not start with a capital letter or a list marker), which joins two physical lines.
struct LogicalLines {
    struct Line {
        var range: Range<Int>
        var paragraph: Int
    }

    private(set) var lines: [Line] = []
    /// The paragraph number after the last paragraph of the text.
    private(set) var nextParagraph: Int

    /// `joinsHardWraps` is false for scripts written without spaces (Japanese, Chinese, Thai), where
    /// a line-final space says nothing about a wrap.
    init(text: UnsafeBufferPointer<UInt16>, caseless: Bool, joinsHardWraps: Bool = true, firstParagraph: Int,
         table: MarkTable, marks: MarkedPositions) {
        let bits = table.bits
        var markIndex = 0
        var paragraph = firstParagraph
        var sawContent = false
        var blankSinceContent = false
        var current: Line?
        var previousEndsWithWrap = false
        var position = 0
        let count = text.count
        while position < count {
            // The next line break is among the marked positions.
            while markIndex < marks.positions.count,
                  Int(marks.positions[markIndex]) < position
                    || bits[Int(text[Int(marks.positions[markIndex])])] & MarkTable.lineBreak == 0 {
                markIndex += 1
            }
            let end = markIndex < marks.positions.count ? Int(marks.positions[markIndex]) : count
            let next = end < count ? (text[end] == 0x0D && end + 1 < count && text[end + 1] == 0x0A ? end + 2 : end + 1) : end
            var first = position
            while first < end, UTF16Class.isHorizontalSpace(text[first]) { first += 1 }
            if first == end {
                blankSinceContent = sawContent
            } else {
                if blankSinceContent { paragraph += 1; blankSinceContent = false }
                if joinsHardWraps, sawContent, var open = current, open.paragraph == paragraph, previousEndsWithWrap,
                   Self.continuesSentence(text, from: first, to: end, caseless: caseless) {
                    open.range = open.range.lowerBound..<end
                    current = open
                } else {
                    if let open = current { lines.append(open) }
                    current = Line(range: position..<end, paragraph: paragraph)
                }
                sawContent = true
                previousEndsWithWrap = Self.endsWithWrap(text, from: first, to: end, caseless: caseless)
            }
            position = next
        }
        if let open = current { lines.append(open) }
        nextParagraph = sawContent ? paragraph + 1 : paragraph
    }

    /// A line wrapped inside a sentence ends with a space. In a caseless script it must also not end
    /// with a terminator (the next line's case cannot tell); in a cased one the next line's lower-case
    /// start decides (`the U.S. \nembassy's office`).
    private static func endsWithWrap(_ text: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int,
                                     caseless: Bool) -> Bool {
        guard end > start, UTF16Class.isHorizontalSpace(text[end - 1]) else { return false }
        return !caseless || !UTF16Class.endsWithFinalMark(text, from: start, to: end)
    }

    /// The next line goes on with the sentence: it starts in lower case (or, in a caseless
    /// script, with anything but a list marker or bullet).
    private static func continuesSentence(_ text: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int,
                                          caseless: Bool) -> Bool {
        let u = text[start]
        if u == 0x2022 || u == 0x2013 || u == 0x2014 || u == 0x2D || u == 0x2A { return false }
        if ListMarker.length(text, at: start, end: end) != nil { return false }
        guard let scalar = UTF16Class.scalar(text, start) else { return false }
        if UTF16Class.isUppercase(scalar) { return false }
        if caseless { return true }
        return UTF16Class.isLowercase(scalar) || !UTF16Class.isLetter(scalar)
    }
}

/// List numbering at the start of an item: `1.` `12)` `١.` `a)` `(iv)` `b.)`.
enum ListMarker {
    /// The marker's length in UTF-16 units when one starts at `start` and a space follows it.
    static func length(_ text: UnsafeBufferPointer<UInt16>, at start: Int, end: Int) -> Int? {
        // Quick rejection: a marker is at most `(viii)` long and holds `.` or `)`.
        var probe = start
        while probe < end, probe - start < 7, text[probe] != 0x2E, text[probe] != 0x29, !UTF16Class.isSpace(text[probe]) {
            probe += 1
        }
        guard probe < end, probe - start < 7, text[probe] == 0x2E || text[probe] == 0x29 else { return nil }
        var i = start
        let parenthesised = i < end && text[i] == 0x28
        if parenthesised { i += 1 }
        let bodyStart = i
        while i < end, i - bodyStart < 4, UTF16Class.isDigit(text[i]) { i += 1 }
        if i == bodyStart {
            // Letters: one letter (a, B) or a short lower-case roman numeral (iv).
            while i < end, i - bodyStart < 4, let s = UTF16Class.scalar(text, i), s.isASCII, UTF16Class.isLetter(s) { i += 1 }
            let body = i - bodyStart
            if body == 0 { return nil }
            if body > 1 && !(bodyStart..<i).allSatisfy({ "ivx".utf16.contains(text[$0]) }) { return nil }
        }
        guard i < end else { return nil }
        if parenthesised {
            guard text[i] == 0x29 else { return nil }
            i += 1
        } else if text[i] == 0x2E {
            i += 1
            if i < end, text[i] == 0x29 { i += 1 }
        } else if text[i] == 0x29 {
            i += 1
        } else {
            return nil
        }
        guard i < end, UTF16Class.isHorizontalSpace(text[i]) else { return nil }
        return i - start
    }
}
