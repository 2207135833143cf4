/// A 64 KiB table that says, for every UTF-16 unit, whether the rules look at it: one load and one
/// rarely-taken branch per character, where range tests cost as much as ICU's own iteration.
final class MarkTable {
    /// Bit set on sentence punctuation, brackets and quotation marks: `addCandidates` stops here.
    static let candidate: UInt8 = 1
    /// Bit set on quotation marks and brackets, which may open or close a protected span.
    static let span: UInt8 = 2
    /// Bit set on line breaks (LF, CR, VT, FF, NEL, LS, PS).
    static let lineBreak: UInt8 = 4

    let bits: UnsafeMutablePointer<UInt8>

    /// `terminators`: the language's extra sentence-ending characters (Armenian `:`).
    init(extraTerminators terminators: Set<UInt16>) {
        bits = .allocate(capacity: 1 << 16)
        bits.initialize(repeating: 0, count: 1 << 16)
        for u in 0...UInt16.max {
            var mark: UInt8 = 0
            if UTF16Class.isTerminator(u) || terminators.contains(u) || UTF16Class.isQuote(u) || UTF16Class.isCloser(u)
                || ProtectedSpans.opensSpan(u) || u == 0x28 || u == 0x29 || u == 0x2E || u == 0x3A || u == 0x3B {
                mark |= Self.candidate
            }
            if ProtectedSpans.opensSpan(u) || ProtectedSpans.closesSpan(u) { mark |= Self.span }
            if UTF16Class.isLineBreak(u) { mark |= Self.lineBreak }
            bits[Int(u)] = mark
        }
    }

    deinit { bits.deallocate() }
}

/// The positions of every marked unit of a text (punctuation, quotation marks, brackets, line
/// breaks), found in one pass: lines and candidates are then read from this short list instead of
/// scanning the text again.
struct MarkedPositions {
    let positions: [Int32]

    init(_ text: UnsafeBufferPointer<UInt16>, table: MarkTable, buffer: [Int32] = []) {
        var positions = buffer
        positions.removeAll(keepingCapacity: true)
        positions.reserveCapacity(text.count / 16 + 16)
        let bits = table.bits
        var i = 0
        let count = text.count
        // Four units per step: most steps hold no mark and cost one branch.
        while i + 4 <= count {
            let a = bits[Int(text[i])], b = bits[Int(text[i + 1])], c = bits[Int(text[i + 2])], d = bits[Int(text[i + 3])]
            if a | b | c | d != 0 {
                if a != 0 { positions.append(Int32(truncatingIfNeeded: i)) }
                if b != 0 { positions.append(Int32(truncatingIfNeeded: i + 1)) }
                if c != 0 { positions.append(Int32(truncatingIfNeeded: i + 2)) }
                if d != 0 { positions.append(Int32(truncatingIfNeeded: i + 3)) }
            }
            i += 4
        }
        while i < count {
            if bits[Int(text[i])] != 0 { positions.append(Int32(truncatingIfNeeded: i)) }
            i += 1
        }
        self.positions = positions
    }

    /// The index of the first marked position at or after `offset`, searching from `index`.
    func index(atOrAfter offset: Int, from index: Int) -> Int {
        var k = index
        while k < positions.count, Int(positions[k]) < offset { k += 1 }
        return k
    }
}
