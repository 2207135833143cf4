/// The anchors a segment carries, as small hashed tokens that the aligner compares between the two
/// sides: numbers (the three digit sets folded, grouping separators dropped), Latin-script names and
/// acronyms (also spelled in Arabic script, `SpelledAcronyms`), sentence punctuation (`? ! « » “ ” ( )`, doubled ``` `` ``` `‘‘ ’’`, and `:` between scripts), glossary terms, and
/// word pairs the aligner learned from the documents (`LearnedLexicon`).
///
/// A token is a 64-bit value whose top bits say its class; a repeated anchor gets a new token per
/// occurrence (`?` twice gives two tokens), so comparing sorted token lists is a multiset comparison.
enum AnchorClass: UInt64, CaseIterable {
    case number = 0, name = 1, punctuation = 2, glossary = 3, sound = 4, lexicon = 5, cognate = 6, dictionary = 7

    static func of(_ token: UInt64) -> AnchorClass { AnchorClass(rawValue: token >> 60)! }
    func token(_ hash: UInt64) -> UInt64 { rawValue << 60 | hash & (1 << 60 - 1) }
}

struct AnchorTokenizer {
    /// Whether the segment's language is written in Arabic script: then every Latin-script word is a
    /// name or acronym kept from the source; in Latin script only capitalised words count.
    let arabicScript: Bool
    /// Whether the other side is in the other script: then names are also compared by sound — the
    /// first three consonant classes of a capitalised Latin word (`Trump` → T R M) against those of
    /// every Arabic-script word (`ترامب` → T R M), so transliterated names are anchors too.
    var soundsLike = false

    /// Whether both sides are in Latin script: then every word of five letters or more also gives
    /// its first four letters without accents (`Parîsê`/`Paris`, `proteîn`/`protein`), so a name with
    /// a Kurmanji suffix or a shared loanword is an anchor too.
    var cognates = false

    init(arabicScript: Bool, soundsLike: Bool = false, cognates: Bool = false) {
        self.arabicScript = arabicScript
        self.soundsLike = soundsLike
        self.cognates = cognates
    }

    func tokens(of text: String, glossaryTerms: [Int] = []) -> [UInt64] {
        var tokens: [UInt64] = []
        var number: [UInt8] = []      // ASCII digits and separators of the number being read
        var pendingSeparator = false  // a separator read after a digit, kept only if a digit follows
        var word = StableHash()
        var prefix = StableHash()
        var wordScalars: [UInt32] = []
        var arabicWord: [UInt32] = []
        var wordLength = 0
        var wordUppercase = 0
        var wordsSeen = 0
        var questions = 0, exclamations = 0, quotes = 0, parentheses = 0, colons = 0
        var acronyms = SpelledAcronyms()
        // The scalar before, and whether it closed a doubled quotation mark.
        var previous: UInt32 = 0, previousDoubled = false

        func endNumber() {
            guard !number.isEmpty else { return }
            tokens.append(AnchorClass.number.token(Self.numberHash(number)))
            number.removeAll(keepingCapacity: true)
            pendingSeparator = false
        }
        func endArabicWord() {
            guard !arabicWord.isEmpty else { return }
            Sound.arabicKeys(arabicWord) { tokens.append(AnchorClass.sound.token($0)) }
            if arabicWord.count >= 12 { for key in Sound.gluedKeys(arabicWord) { tokens.append(AnchorClass.sound.token(key)) } }
            acronyms.word(arabicWord) { tokens.append($0) }
            arabicWord.removeAll(keepingCapacity: true)
        }
        func endWord() {
            guard wordLength > 0 else { return }
            let isName = arabicScript
                ? wordLength >= 2
                : wordLength >= 2 && (wordUppercase >= 2 || (wordUppercase == 1 && wordsSeen > 0))
            if isName { tokens.append(AnchorClass.name.token(word.value)) }
            if cognates, wordLength >= 5 { tokens.append(AnchorClass.cognate.token(prefix.value)) }
            if soundsLike, !arabicScript, wordLength >= 3, wordUppercase >= 1, wordsSeen > 0 || wordUppercase >= 2 {
                for key in Sound.latinKeys(wordScalars) { tokens.append(AnchorClass.sound.token(key)) }
            }
            wordScalars.removeAll(keepingCapacity: true)
            wordsSeen += 1
            word = StableHash()
            prefix = StableHash()
            wordLength = 0
            wordUppercase = 0
        }

        for scalar in text.unicodeScalars {
            let v = scalar.value
            let before = previous, beforeDoubled = previousDoubled
            previous = v
            previousDoubled = false
            if let digit = Self.digit(v) {
                if wordLength > 0 { endWord() }
                acronyms.end { tokens.append($0) }
                if pendingSeparator { number.append(UInt8(ascii: ".")); pendingSeparator = false }
                number.append(0x30 + digit)
                continue
            }
            if !number.isEmpty {
                // . , ٫ ٬ between digits: decimal or grouping, decided when the number ends.
                if !pendingSeparator, v == 0x2E || v == 0x2C || v == 0x66B || v == 0x66C { pendingSeparator = true; continue }
                endNumber()
            }
            if Self.isLatinLetter(v) {
                if wordLength == 0 { acronyms.end { tokens.append($0) } }
                let lower = Self.lowercase(v), plain = Self.withoutAccent(lower)
                if lower != v { wordUppercase += 1 }
                word.mix(plain)
                if cognates, wordLength < 4 { prefix.mix(plain) }
                if soundsLike { wordScalars.append(lower) }
                wordLength += 1
                continue
            }
            if Self.isLetter(scalar) {
                // A letter of another script: ends a Latin word (`AMەکان` keeps `AM`), counts as a word.
                if wordLength > 0 { endWord() } else if wordsSeen == 0 { wordsSeen = 1 }
                if soundsLike, arabicScript { arabicWord.append(v) }
                continue
            }
            if v == 0x200C || v == 0x640 || (v >= 0x64B && v <= 0x652) { continue }  // ZWNJ, tatweel, harakat
            endArabicWord()
            // Letter names are spelled with spaces between them; anything else ends an acronym.
            if v != 0x20 { acronyms.end { tokens.append($0) } }
            endWord()
            switch v {
            case 0x3F, 0x61F, 0xFF1F: tokens.append(AnchorClass.punctuation.token(1 << 8 | UInt64(questions))); questions += 1
            case 0x21, 0xFF01: tokens.append(AnchorClass.punctuation.token(2 << 8 | UInt64(exclamations))); exclamations += 1
            case 0x22, 0xAB, 0xBB, 0x201C, 0x201D, 0x201E: quotes += 1
            // Kurmanji also quotes with doubled marks, ``…`` and ‘‘…’’ (128 and 154 in NTREX's 1,997
            // lines), where one alone is an apostrophe (`Massachusetts`ê`, `Rakîz’ê`).
            case 0x60, 0x2018, 0x2019:
                if before == v && !beforeDoubled {
                    quotes += 1
                    previousDoubled = true
                }
            case 0x28, 0xFF08: tokens.append(AnchorClass.punctuation.token(4 << 8 | UInt64(parentheses))); parentheses += 1
            // A colon before a quotation or a list is kept by translators more often than not (eight
            // draws 96.461 → 96.482, without re-cuts 97.46 → 97.51; semicolons and dashes add nothing)
            // — across scripts: Kurmanji puts one after `got` ("said") where English quotes after a
            // comma (196 colons against 134 in the same 1,997 NTREX lines), and counting them cost
            // en–kmr 0.06 (eight draws 96.556 → 96.576 without them).
            case 0x3A where soundsLike, 0xFF1A where soundsLike: tokens.append(AnchorClass.punctuation.token(5 << 8 | UInt64(colons))); colons += 1
            default: break
            }
        }
        endNumber()
        endArabicWord()
        acronyms.end { tokens.append($0) }
        endWord()
        // A quotation is a pair of marks; an unclosed one (a quote running over sentences) still counts.
        for k in 0..<((quotes + 1) / 2) { tokens.append(AnchorClass.punctuation.token(3 << 8 | UInt64(k))) }
        for term in glossaryTerms { tokens.append(AnchorClass.glossary.token(UInt64(term))) }
        tokens.sort()
        return tokens
    }

    /// White space, without a Unicode property lookup for the common cases.
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// A letter (or a mark inside a word) of any script; Arabic-script letters without a property lookup.
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return false }  // ASCII letters are Latin letters, handled before
        switch v {
        case 0x620...0x65F, 0x66E...0x6D3, 0x6D5, 0x6E5, 0x6E6, 0x6EE, 0x6EF, 0x6FA...0x6FF, 0x750...0x77F: return true
        case 0x600...0x6FF: return false
        default: return scalar.properties.isAlphabetic
        }
    }

    static func digit(_ v: UInt32) -> UInt8? {
        switch v {
        case 0x30...0x39: return UInt8(v - 0x30)
        case 0x660...0x669: return UInt8(v - 0x660)
        case 0x6F0...0x6F9: return UInt8(v - 0x6F0)
        default: return nil
        }
    }

    /// `1,140`, `1.140` and `١٬١٤٠` are one number; `38.5` and `٣٨٫٥` another. A separator followed
    /// by groups of exactly three digits is grouping; otherwise the last separator is the decimal
    /// point. Leading zeros go (`08:00` and `8:00`).
    static func numberHash(_ number: [UInt8]) -> UInt64 {
        let groups = number.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        var digits: [UInt8] = []
        if groups.count == 1 || groups.dropFirst().allSatisfy({ $0.count == 3 }) {
            for group in groups { digits += group }
        } else {
            for group in groups.dropLast() { digits += group }
            digits.append(UInt8(ascii: "."))
            digits += groups.last!
        }
        var start = 0
        while start < digits.count - 1, digits[start] == 0x30, digits[start + 1] != UInt8(ascii: ".") { start += 1 }
        var hash = StableHash()
        for byte in digits[start...] { hash.mix(UInt32(byte)) }
        return hash.value
    }

    static func isLatinLetter(_ v: UInt32) -> Bool {
        switch v {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0xC0...0x24F: return v != 0xD7 && v != 0xF7
        case 0x1E00...0x1EFF: return true
        default: return false
        }
    }

    /// A lower-case Latin letter without its accent (`î` → `i`, `ş` → `s`, `ç` → `c`).
    @inline(__always)
    static func withoutAccent(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return v }
        switch v {
        case 0xE0...0xE5: return 0x61
        case 0xE7, 0x107, 0x10D: return 0x63
        case 0xE8...0xEB, 0x113, 0x117, 0x119, 0x11B: return 0x65
        case 0xEC...0xEF, 0x12B, 0x131: return 0x69
        case 0xF1, 0x144, 0x148: return 0x6E
        case 0xF2...0xF6, 0xF8, 0x14D, 0x151: return 0x6F
        case 0xF9...0xFC, 0x16B, 0x16F, 0x171: return 0x75
        case 0xFD, 0xFF: return 0x79
        case 0x15B, 0x15F, 0x161: return 0x73
        case 0x11F: return 0x67
        case 0x17A, 0x17C, 0x17E: return 0x7A
        default: return v
        }
    }

    static func lowercase(_ v: UInt32) -> UInt32 {
        if v >= 0x41 && v <= 0x5A { return v + 0x20 }
        if v < 0x80 { return v }
        // Latin-1 and Latin Extended-A (Kurmanji's ê î û ç ş, Turkish ğ) without a Unicode
        // property lookup, which builds a string per letter.
        if v >= 0xDF && v <= 0xFF { return v }
        if v >= 0xC0 && v <= 0xDE { return v == 0xD7 ? v : v + 0x20 }
        if (v >= 0x100 && v <= 0x12F) || (v >= 0x132 && v <= 0x137) || (v >= 0x14A && v <= 0x177) { return v | 1 }
        if (v >= 0x139 && v <= 0x148) || (v >= 0x179 && v <= 0x17E) { return v & 1 == 1 ? v + 1 : v }
        guard let scalar = Unicode.Scalar(v) else { return v }
        return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
    }
}

/// FNV-1a over scalar values: the same in every run (Swift's `Hasher` is seeded per process).
struct StableHash {
    private(set) var value: UInt64 = 0xcbf29ce484222325
    mutating func mix(_ v: UInt32) {
        value = (value ^ UInt64(v)) &* 0x100000001b3
        value = (value ^ UInt64(v >> 16)) &* 0x100000001b3
    }
}

/// Names by sound across the Latin and Arabic scripts: letters folded to consonant classes (b/p,
/// t/th, d, k/c/q/g, j/ch, s/z/sh, f/v/ph, l, m, n, r), vowels, h, w and y dropped, doubles merged;
/// the key is the first three classes. Transliteration keeps consonants and drops vowels, so
/// `Mueller`/`مولر`, `Johnson`/`جۆنسن`, `UNICEF`/`یونیسێف` get one key.
enum Sound {
    /// Keys of a Latin-script word: one, and another when it has a `g`, which Arabic writes `ج` as
    /// often as `غ`, `ق` or `ك` (`Wellingborough` ويلينجبورو, `Google` جوجل, `George` جورج).
    static func latinKeys(_ word: [UInt32]) -> [UInt64] {
        guard let key = latinKey(word) else { return [] }
        guard word.prefix(8).contains(0x67), let other = latinKey(word, g: 5), other != key else { return [key] }
        return [key, other]
    }

    static func latinKey(_ word: [UInt32], g: UInt8 = 4) -> UInt64? {
        var classes: [UInt8] = []
        var k = 0
        while k < word.count, classes.count < 3 {
            let c = word[k], next = k + 1 < word.count ? word[k + 1] : 0
            var cls: UInt8 = 0
            switch c {
            case 0x62, 0x70: cls = next == 0x68 && c == 0x70 ? 6 : 1         // b p (ph → f)
            case 0x74: cls = 2                                                 // t, th
            case 0x64: cls = 3                                                 // d
            case 0x6B, 0x71, 0xE7: cls = 4                                     // k q ç
            case 0x67: cls = g
            case 0x63: cls = next == 0x68 ? 5 : ([0x65, 0x69, 0x79].contains(next) ? 7 : 4)  // ch, ce ci cy, c
            case 0x6A: cls = 5                                                 // j
            case 0x73, 0x7A, 0x15F: cls = 7                                    // s z ş (sh: the h drops)
            case 0x66, 0x76: cls = 6                                           // f v
            case 0x6C: cls = 8
            case 0x6D: cls = 9
            case 0x6E: cls = 10
            case 0x72: cls = 11
            case 0x78: classes.append(4); cls = 7                              // x = ks
            default: cls = 0
            }
            if cls == 6 && c == 0x70 { k += 1 }
            if cls == 5 && c == 0x63 { k += 1 }
            if cls != 0, classes.last != cls { classes.append(cls) }
            k += 1
        }
        return key(classes)
    }

    /// Keys of an Arabic-script word, and of the word without a leading article or one-letter
    /// prefix (`ال`, `و`, `ب`, `ل`, `ف`, `ک`).
    /// Each key is handed to `emit`: the tokenizer asks for every Arabic-script word, and an array
    /// for each (and for its prefixes) was allocation the batch's profile showed.
    static func arabicKeys(_ word: [UInt32], _ emit: (UInt64) -> Void) {
        let whole = arabicKey(word[...])
        if let whole { emit(whole) }
        var skip = 0
        let n = word.count
        if n >= 3, word[0] == 0x648 || word[0] == 0x628, word[1] == 0x627, word[2] == 0x644 { skip = 3 }  // وال بال
        else if n >= 2, word[0] == 0x644 || word[0] == 0x627, word[1] == 0x644 { skip = 2 }               // لل ال
        else if n > 4, [0x648, 0x628, 0x644, 0x641, 0x643].contains(word[0]) { skip = 1 }                   // و ب ل ف ك
        if skip > 0, let key = arabicKey(word[skip...]), key != whole { emit(key) }
    }

    /// Keys of the words inside a run of Arabic-script letters too long for one word: some
    /// translations lost their spaces (`وصرّحأنكيمأخبره`, `تعهدبهاترامبفيس` — NTREX's Arabic has such
    /// runs in 4% of its lines), which hid the names in them. A key from every letter on, once each;
    /// a word of twelve letters or more (an ordinary Arabic word with its clitics is shorter; a long
    /// Sorani word gets keys it does not need, which cost nothing: sound keys on one side only are
    /// free). Eight draws 96.482 → 96.537, en–ar on held-out draws +0.2 to +0.5.
    static func gluedKeys(_ word: [UInt32]) -> [UInt64] {
        guard word.count >= 12 else { return [] }
        var keys: [UInt64] = []
        for k in 1..<(word.count - 3) {
            if let key = arabicKey(word[k...]), !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    private static func arabicKey(_ word: ArraySlice<UInt32>) -> UInt64? {
        // Up to three consonant classes, a class repeated next to itself counted once.
        var key: UInt64 = 0, count = 0, last: UInt8 = 0
        for c in word {
            var cls: UInt8 = 0
            switch c {
            case 0x628, 0x67E: cls = 1                     // ب پ
            case 0x62A, 0x62B, 0x637: cls = 2               // ت ث ط
            case 0x62F, 0x630, 0x636: cls = 3               // د ذ ض
            case 0x62E, 0x642, 0x643, 0x6A9, 0x6AF, 0x63A: cls = 4  // خ ق ك ک گ غ
            case 0x62C, 0x686: cls = 5                      // ج چ
            case 0x633, 0x634, 0x635, 0x632, 0x698, 0x638: cls = 7  // س ش ص ز ژ ظ
            case 0x641, 0x6A4: cls = 6                      // ف ڤ
            case 0x644, 0x6B5: cls = 8                      // ل ڵ
            case 0x645: cls = 9
            case 0x646: cls = 10
            case 0x631, 0x695: cls = 11                     // ر ڕ
            default: cls = 0
            }
            if cls != 0, cls != last {
                key = key << 8 | UInt64(cls)
                last = cls
                count += 1
                if count == 3 { return key }
            }
        }
        return nil
    }

    private static func key(_ classes: [UInt8]) -> UInt64? {
        guard classes.count == 3 else { return nil }
        return UInt64(classes[0]) << 16 | UInt64(classes[1]) << 8 | UInt64(classes[2])
    }
}
