/// A 64 KiB table that says, for every UTF-16 unit, whether the rules look at it: one load and one
/// rarely-taken branch per character, where range tests cost as much as ICU's own iteration.
final class MarkTable {
    /// Bit set on sentence punctuation, brackets and quotation marks: `addCandidates` stops here.
    static let candidate: UInt8 = 1
    /// Bit set on quotation marks and brackets, which may open or close a protected span.
    static let span: UInt8 = 2

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
            bits[Int(u)] = mark
        }
    }

    deinit { bits.deallocate() }
}
