/// A word list from a rule file, looked up straight from the UTF-16 text.
///
/// Building a `String` (and hashing it with SipHash) for every word before a period costs more than
/// ICU's whole break iteration, so a word is identified by a 64-bit FNV-1a hash of its lower-cased
/// code units, kept in a small open-addressing table. Words that need real case folding (capitals
/// outside ASCII, combining marks) take the `String` path.
struct WordSet {
    let words: Set<String>
    private var table: [UInt64]
    private let mask: Int

    init(_ words: Set<String>) {
        self.words = words
        var size = 16
        while size < words.count * 4 { size *= 2 }
        mask = size - 1
        table = [UInt64](repeating: 0, count: size)
        for word in words {
            guard let hash = Array(word.utf16).withUnsafeBufferPointer({ WordKey.hash($0, 0..<$0.count) }) else { continue }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while table[slot] != 0 && table[slot] != hash { slot = (slot + 1) & mask }
            table[slot] = hash
        }
    }

    var isEmpty: Bool { words.isEmpty }

    func contains(_ key: WordKey, in text: UnsafeBufferPointer<UInt16>) -> Bool {
        if words.isEmpty || key.range.isEmpty { return false }
        guard let hash = key.hash else { return words.contains(key.string(text)) }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = table[slot]
            if stored == hash { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & mask
        }
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

    /// FNV-1a over the lower-cased units (never 0, the table's empty mark); nil for non-ASCII
    /// capitals and combining marks.
    static func hash(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> UInt64? {
        var hash: UInt64 = 0xcbf29ce484222325
        for i in range {
            var u = text[i]
            if u < 0x80 {
                if u >= 0x41 && u <= 0x5A { u |= 0x20 }
            } else if !(u >= 0x0600 && u < 0x0900 && !(u >= 0x064B && u <= 0x065F)) {
                // Outside Arabic-script letters: Latin/Greek/Cyrillic capitals and marks need full folding.
                guard let scalar = Unicode.Scalar(u), !UTF16Class.isUppercase(scalar),
                      scalar.properties.generalCategory != .nonspacingMark else { return nil }
            }
            hash = (hash ^ UInt64(u)) &* 0x100000001b3
        }
        return hash == 0 ? 1 : hash
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
