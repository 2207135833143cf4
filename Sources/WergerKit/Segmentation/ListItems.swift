/// Lists written on one line: `1. The first item 2. The second item`, `a) here b) there`,
/// `(a) Hello world. (b) Hello world.`, `• 9. The first item • 10. The second item`.
///
/// A marker starts an item only as part of a run of consecutive markers (1, 2, 3 or a, b, c or
/// i, ii, iii) whose first one opens the line or follows a sentence end, so `for 1. above … for 2.
/// above` in running text is left alone.
enum ListItems {
    private struct Marker {
        var position: Int      // where the item starts (at its bullet, if any)
        var style: Style
        var values: [Int]
        var shape: [UInt16]    // the punctuation around the number: ".", ".)", ")", "()"
    }

    private enum Style: Hashable { case digits, lower, upper, roman }

    /// Whether the `.` or `)` at `i` may close a list marker that starts a word (`12.`, `b)`, `(iv)`).
    static func endsPossibleMarker(_ text: UnsafeBufferPointer<UInt16>, at i: Int, lineStart: Int) -> Bool {
        // Most periods follow an ordinary word: only a digit, a lone letter or a roman numeral
        // (i, v, x) can end a marker's body. This test runs at every period, so it comes first.
        guard i > lineStart else { return false }
        let last = text[i - 1]
        if !UTF16Class.isDigit(last) {
            guard last < 0x80, (last | 0x20) >= 0x61, (last | 0x20) <= 0x7A else { return false }
            if i - 1 > lineStart {
                let before = text[i - 2]
                let lone = UTF16Class.isSpace(before) || before == 0x28 || before == 0x2022 || before == 0x2043
                if !lone, !"ivxIVX".utf16.contains(last) { return false }
            }
        }
        // A marker's body is one to four digits or ASCII letters, perhaps after `(` or a bullet.
        var start = i
        while start > lineStart, i - start < 6 {
            let u = text[start - 1]
            guard u < 0x80 ? ((u | 0x20) >= 0x61 && (u | 0x20) <= 0x7A) || UTF16Class.isASCIIDigit(u) || u == 0x28 || u == 0x2E
                    : UTF16Class.isDigit(u) || u == 0x2022 || u == 0x2043 else { break }
            start -= 1
        }
        guard start < i, start == lineStart || UTF16Class.isSpace(text[start - 1]) else { return false }
        if text[start] == 0x2022 || text[start] == 0x2043 { start += 1 }
        guard start < i else { return false }
        return ListMarker.length(text, at: start, end: min(text.count, i + 3)) != nil
    }

    static func addCandidates(text: UnsafeBufferPointer<UInt16>, line: Range<Int>, isTerminator: (UInt16) -> Bool,
                              to candidates: inout [Candidate]) {
        var markers: [Marker] = []
        var i = line.lowerBound
        let end = line.upperBound
        while i < end {
            let atWordStart = i == line.lowerBound || UTF16Class.isSpace(text[i - 1])
            if atWordStart {
                var start = i
                if text[i] == 0x2022 || text[i] == 0x2043 {
                    start = i + 1
                    while start < end, UTF16Class.isHorizontalSpace(text[start]) { start += 1 }
                }
                if start < end, let length = ListMarker.length(text, at: start, end: end),
                   let marker = Self.marker(text, position: i, start: start, length: length) {
                    markers.append(marker)
                    i = start + length
                    continue
                }
            }
            i += 1
        }
        guard markers.count >= 2 else { return }
        var index = 0
        var previousChainEnd = -2
        while index < markers.count {
            var chainEnd = index
            var current = markers[index]
            var next = index + 1
            while next < markers.count {
                if Self.follows(markers[next], current) { current = markers[next]; chainEnd = next }
                next += 1
                if chainEnd < next - 1 { break }
            }
            // A list opens the line or follows a sentence end, or restarts right after another list.
            if chainEnd > index, previousChainEnd == index - 1
                || Self.opensList(text, markers[index].position, line: line, isTerminator: isTerminator) {
                for m in markers[index...chainEnd] { candidates.append(Candidate(position: m.position, forced: true)) }
                previousChainEnd = chainEnd
                index = chainEnd + 1
            } else {
                index += 1
            }
        }
    }

    /// A list opens the line, or follows a sentence end — not a title (`Col. S. T. Hassan` is no list).
    private static func opensList(_ text: UnsafeBufferPointer<UInt16>, _ position: Int, line: Range<Int>,
                                  isTerminator: (UInt16) -> Bool) -> Bool {
        var i = position
        while i > line.lowerBound, UTF16Class.isSpace(text[i - 1]) { i -= 1 }
        if i == line.lowerBound { return true }
        while i > line.lowerBound, UTF16Class.isCloser(text[i - 1]) { i -= 1 }
        guard i > line.lowerBound, isTerminator(text[i - 1]) else { return false }
        // The word before the period: a short capitalised one (`Col`, `Dr`, `S`) is an abbreviation.
        if text[i - 1] == 0x2E {
            var start = i - 1
            while start > line.lowerBound, !UTF16Class.isSpace(text[start - 1]) { start -= 1 }
            let length = i - 1 - start
            if length <= 4, let first = UTF16Class.scalar(text, start), UTF16Class.isUppercase(first) { return false }
        }
        return true
    }

    private static func follows(_ next: Marker, _ previous: Marker) -> Bool {
        guard next.shape == previous.shape else { return false }
        let romanOrLower: Set<Style> = [.roman, .lower]
        if next.style == previous.style || (romanOrLower.contains(next.style) && romanOrLower.contains(previous.style)) {
            return next.values.contains { v in previous.values.contains { v == $0 + 1 } }
        }
        return false
    }

    private static func marker(_ text: UnsafeBufferPointer<UInt16>, position: Int, start: Int, length: Int) -> Marker? {
        var body: [UInt16] = []
        var shape: [UInt16] = []
        for i in start..<(start + length) {
            let u = text[i]
            if u == 0x28 || u == 0x29 || u == 0x2E { shape.append(u) } else { body.append(u) }
        }
        guard !body.isEmpty else { return nil }
        if body.allSatisfy(UTF16Class.isDigit) {
            var value = 0
            for u in body { value = value * 10 + Int(Unicode.Scalar(u)?.properties.numericValue ?? 0) }
            return Marker(position: position, style: .digits, values: [value], shape: shape)
        }
        let string = String(decoding: body, as: UTF16.self)
        if let roman = romanValues[string] {
            var values = [roman]
            if body.count == 1, let letter = body.first { values.append(Int(letter | 0x20) - 0x60) }
            return Marker(position: position, style: .roman, values: values, shape: shape)
        }
        guard body.count == 1, let letter = body.first else { return nil }
        if letter >= 0x61 && letter <= 0x7A {
            return Marker(position: position, style: .lower, values: [Int(letter) - 0x60], shape: shape)
        }
        if letter >= 0x41 && letter <= 0x5A {
            return Marker(position: position, style: .upper, values: [Int(letter) - 0x40], shape: shape)
        }
        return nil
    }

    private static let romanValues: [String: Int] = [
        "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
    ]
}
