/// Latin acronyms spelled out in Arabic script, letter name by letter name: Arabic `سي إن إن` and
/// Sorani `سی ئێن ئێن` for `CNN`, `بي بي سي` for `BBC`, `ئێف بی ئای` for `FBI`. Translators keep
/// few acronyms in Latin letters (18 of NTREX's 311 English acronyms in its Arabic, 72 in its
/// Sorani) and spell many of the rest, which no sound key sees (`CNN` has two consonant classes).
/// A run of two or more letter names gives the name token the Latin acronym gives, so the two match
/// as names do.
struct SpelledAcronyms {
    /// The letters of the run being read: for each letter name, the Latin letters it may spell
    /// (Arabic writes `P` as `بي`, like `B`; `إي` and `آي` fold to one spelling, `E` or `I`).
    private var run: [[UInt32]] = []
    /// Whether every name in the run is also a common word (`في` "in", `إن`, `أو` "or", `أي`), so
    /// the run is likely words, not letters.
    private var onlyCommonWords = true
    /// Whether the run went on past `longest` names.
    private var tooLong = false
    /// The most letters an acronym read here has (`MSNBC` has five).
    static let longest = 8

    /// Reads the next Arabic-script word; `emit` hears the name tokens of a run it ends.
    mutating func word(_ word: [UInt32], _ emit: (UInt64) -> Void) {
        // Letter names are two to six letters; with a prefix or an ending, nine at most. Longer
        // words end a run without being folded (the tokenizer reads every word of a batch).
        guard word.count >= 2, word.count <= 9 else { end(emit); return }
        let whole = word[...]
        if let key = Self.key(whole), let letters = Self.names[key] {
            // An acronym has a few letters; a longer run of letter names is no acronym (and its
            // readings would grow with every name).
            guard run.count < Self.longest else { tooLong = true; return }
            run.append(letters)
            if !Self.commonWords.contains(key) { onlyCommonWords = false }
            return
        }
        // A conjunction, preposition or article on a letter name starts a run (`وسي إن إن`,
        // `سي بي أس وإيه بي سي`: CBS and ABC).
        let first = Self.fold(word[0])
        let prefixed = first == 0x648 || first == 0x628 || first == 0x644 || first == 0x643 || first == 0x641 || first == 0x627  // و ب ل ك ف ا
        for prefix in Self.prefixes where prefixed && word.count > prefix.count && word.prefix(prefix.count).lazy.map(Self.fold).elementsEqual(prefix) {
            if let key = Self.key(whole.dropFirst(prefix.count)), let letters = Self.names[key] {
                end(emit)
                run.append(letters)
                onlyCommonWords = Self.commonWords.contains(key)
                return
            }
        }
        // A Sorani case ending on the last letter name ends the run with it (`بی بی سیدا`, `سی ئێن ئێنی`).
        if !run.isEmpty {
            for suffix in Self.suffixes where word.count > suffix.count && word.suffix(suffix.count).lazy.map(Self.fold).elementsEqual(suffix) {
                if let key = Self.key(whole.dropLast(suffix.count)), let letters = Self.names[key], run.count < Self.longest {
                    run.append(letters)
                    onlyCommonWords = false
                    break
                }
            }
        }
        end(emit)
    }

    /// Ends the run at anything but a space between words (punctuation, a digit, a Latin word).
    mutating func end(_ emit: (UInt64) -> Void) {
        guard !run.isEmpty else { return }
        defer { run.removeAll(keepingCapacity: true); onlyCommonWords = true; tooLong = false }
        guard run.count >= 2, !onlyCommonWords, !tooLong else { return }
        // Every reading of the ambiguous names, a handful at most (`FBI` is F, B or P, E or I).
        var spellings: [[UInt32]] = [[]]
        for letters in run {
            spellings = spellings.flatMap { spelling in letters.map { spelling + [$0] } }
            if spellings.count > 16 { return }
        }
        for spelling in spellings {
            var hash = StableHash()
            for letter in spelling { hash.mix(letter) }
            emit(AnchorClass.name.token(hash.value))
        }
    }

    /// Hamza seats to alef, Sorani's letters to Arabic's (`ی` `ي`, `ک` `ك`, `ێ` `ي`, `ە` `ه`, `ۆ`
    /// `و`, `ڵ` `ل`, `ڕ` `ر`).
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x623, 0x625, 0x622, 0x671, 0x626: return 0x627  // أ إ آ ٱ ئ
        case 0x6CC, 0x649, 0x6CE: return 0x64A                // ی ى ێ
        case 0x6A9: return 0x643                              // ک
        case 0x6D5: return 0x647                              // ە
        case 0x6C6: return 0x648                              // ۆ
        case 0x6B5: return 0x644                              // ڵ
        case 0x695: return 0x631                              // ڕ
        default: return v
        }
    }

    /// A folded word of up to eight Arabic-script letters packed in one integer, a doubled alef as one
    /// (Sorani `ئای` is Arabic `آي`); nil for a longer word or another letter.
    static func key<C: Collection<UInt32>>(_ letters: C) -> UInt64? {
        var key: UInt64 = 0, count = 0, last: UInt32 = 0
        for v in letters {
            let f = fold(v)
            guard f >= 0x600, f <= 0x6FF else { return nil }
            if f == 0x627, last == 0x627 { continue }
            last = f
            count += 1
            if count > 8 { return nil }
            key = key << 8 | UInt64(f - 0x600)
        }
        return count == 0 ? nil : key
    }

    private static func key(_ text: String) -> UInt64 { key(text.unicodeScalars.map(\.value))! }

    /// Letter names as `fold` leaves them, Arabic's and Sorani's, to the Latin letters (lower case,
    /// as name tokens hash them) they spell.
    static let names: [UInt64: [UInt32]] = {
        let table: [(String, String)] = [
            ("ايه", "a"), ("اهي", "a"), ("بي", "bp"), ("پي", "p"), ("سي", "c"), ("دي", "d"), ("اي", "ei"),
            ("اف", "f"), ("ايف", "f"), ("جي", "g"), ("اتش", "h"), ("ايچ", "h"), ("اچ", "h"),
            ("جيه", "j"), ("جاي", "j"), ("جهي", "j"), ("كي", "k"), ("كاي", "k"), ("كهي", "k"),
            ("ال", "l"), ("ايل", "l"), ("ام", "m"), ("ايم", "m"), ("ان", "n"), ("اين", "n"), ("او", "o"),
            ("كيو", "q"), ("ار", "r"), ("اس", "s"), ("ايس", "s"), ("تي", "t"), ("يو", "u"),
            ("في", "v"), ("ڤي", "v"), ("دبليو", "w"), ("دابليو", "w"), ("دهبليو", "w"),
            ("اكس", "x"), ("ايكس", "x"), ("واي", "y"), ("زد", "z"), ("زي", "z"),
        ]
        var names: [UInt64: [UInt32]] = [:]
        for (name, letters) in table { names[key(name)] = letters.unicodeScalars.map(\.value) }
        return names
    }()

    /// Letter names that are also everyday words: a run of only these is not an acronym.
    static let commonWords: Set<UInt64> = Set(["في", "ان", "او", "اي", "ال", "بي", "زي"].map { key($0) })

    /// One-letter conjunctions and prepositions, and the article, before a first letter name.
    static let prefixes: [[UInt32]] = ["وال", "بال", "لل", "ال", "و", "ب", "ل", "ك", "ف"].map { $0.unicodeScalars.map(\.value) }

    /// Sorani endings after a last letter name: `ی` (of), `دا` (in), `یش` (too), `یە` (is).
    static let suffixes: [[UInt32]] = ["يدا", "دا", "يش", "يه", "ي"].map { $0.unicodeScalars.map(\.value) }
}
