/// A word list from a rule file, looked up straight from the UTF-16 text.
///
/// Building a `String` for every word before a period costs more than ICU's whole break iteration,
/// so a lookup first hashes the lower-cased code units and builds the string only on a hash hit
/// (or when the word needs real case folding: capitals outside ASCII, combining marks).
struct WordSet {
    let words: Set<String>
    private let hashes: Set<UInt64>

    init(_ words: Set<String>) {
        self.words = words
        hashes = Set(words.compactMap { word in Array(word.utf16).withUnsafeBufferPointer { WordKey.hash($0, 0..<$0.count) } })
    }

    var isEmpty: Bool { words.isEmpty }

    func contains(_ key: WordKey, in text: UnsafeBufferPointer<UInt16>) -> Bool {
        if words.isEmpty || key.range.isEmpty { return false }
        if let hash = key.hash, !hashes.contains(hash) { return false }
        return words.contains(key.string(text))
    }
}

/// A word of the text as a lookup key: lower-cased, without final periods.
struct WordKey {
    let range: Range<Int>
    /// Nil when the fast hash cannot fold the word's case.
    let hash: UInt64?

    init(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) {
        var upper = range.upperBound
        while upper > range.lowerBound, UTF16Class.isPeriod(text[upper - 1]) { upper -= 1 }
        self.range = range.lowerBound..<upper
        hash = Self.hash(text, self.range)
    }

    /// FNV-1a over the lower-cased units; nil for non-ASCII capitals and combining marks.
    static func hash(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> UInt64? {
        var hash: UInt64 = 0xcbf29ce484222325
        for i in range {
            var u = text[i]
            if u < 0x80 {
                if u >= 0x41 && u <= 0x5A { u |= 0x20 }
            } else if !(u >= 0x0600 && u < 0x0900 && !(u >= 0x064B && u <= 0x065F)) {
                // Outside Arabic-script letters: Latin/Greek/Cyrillic capitals and marks need ICU-grade folding.
                guard let scalar = Unicode.Scalar(u), !scalar.properties.isUppercase,
                      scalar.properties.generalCategory != .nonspacingMark else { return nil }
            }
            hash = (hash ^ UInt64(u)) &* 0x100000001b3
        }
        return hash
    }

    func string(_ text: UnsafeBufferPointer<UInt16>) -> String {
        guard let base = text.baseAddress, !range.isEmpty else { return "" }
        return SegmentationRules.key(String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF16.self))
    }

    /// The part after an elided article: `l'Avv` → `Avv` (Italian, French).
    func afterElision(_ text: UnsafeBufferPointer<UInt16>) -> WordKey? {
        guard let apostrophe = range.last(where: { text[$0] == 0x27 || text[$0] == 0x2019 }) else { return nil }
        return WordKey(text, (apostrophe + 1)..<range.upperBound)
    }
}
