import CGzip
import Foundation

/// A bilingual dictionary of single words, from English (or another Latin-script language) into an
/// Arabic-script language, or into Kurmanji (a Kurmanji–English dictionary read the other way,
/// `reversed(index:data:)`), as the aligner's weakest anchors: a source word and one of its
/// translations found in a bead's two sides. Read from the dictionaries the `dictd` packages install
/// (FreeDict's `dict-freedict-eng-ara`: `/usr/share/dictd/freedict-eng-ara.index` and `.dict.dz`).
///
/// Translations are dictionary forms, the text's words are inflected and carry clitics
/// (`حكومة` "government" in `والحكومية`), so a translation is kept as its first four letters (three
/// when it has only three), folded and without the article, and a text word gives every three- and
/// four-letter run of its letters: the translation matches wherever it stands inside a word. The
/// source side looks a word up as written, then without a regular English ending (`elected` →
/// `elect`). The first read keeps a compact table in a cache folder (`cached`).
public struct BilingualDictionary: Sendable {
    /// Lower-case headwords (hashed), sorted; for each, where its translations' keys lie in `keys`
    /// (start << 8 | count).
    private let headwords: [UInt64]
    private let ranges: [UInt64]
    private let keys: [UInt64]
    /// Every key once, sorted.
    private let knownKeys: [UInt64]
    /// A bit per (hash mod 2^22) of every headword and key: most words and runs are in neither, and
    /// one bit tells them so without a binary search.
    private let filter: [UInt64]
    /// The file it was read from, for messages.
    public let name: String
    /// How the target side's words meet the keys (`tokens(of:source:)`).
    let targetScript: TargetScript

    /// Arabic script: a key is a translation's first letters, found as a letter run anywhere inside a
    /// text word (clitics and all). Latin script (Kurmanji, from a dictionary into English read the
    /// other way, `reversed(index:data:)`): a key is a word's first four letters without accents, and
    /// a text word gives its own (case endings follow the stem: `avahî` "building" in `avahiyên`).
    enum TargetScript: Sendable { case arabic, latin }

    /// Headwords with at least one one-word translation.
    public var count: Int { headwords.count }

    init(headwords: [UInt64], ranges: [UInt64], keys: [UInt64], name: String, targetScript: TargetScript = .arabic) {
        self.headwords = headwords
        self.ranges = ranges
        self.keys = keys
        knownKeys = Self.unique(keys)
        filter = Self.filter(headwords + knownKeys)
        self.name = name
        self.targetScript = targetScript
    }

    private static let filterBits = 22

    private static func filter(_ hashes: [UInt64]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 1 << (filterBits - 6))
        for hash in hashes {
            let bit = Int(hash & (1 << filterBits - 1))
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        return bits
    }

    @inline(__always)
    private func mayHold(_ hash: UInt64) -> Bool {
        let bit = Int(hash & (1 << Self.filterBits - 1))
        return filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    private static func unique(_ keys: [UInt64]) -> [UInt64] {
        var sorted = keys.sorted()
        var write = 0
        for k in sorted.indices where write == 0 || sorted[write - 1] != sorted[k] {
            sorted[write] = sorted[k]
            write += 1
        }
        return Array(sorted[..<write])
    }

    /// Reads a dictd dictionary: `index` (headword, offset and length in dictd's base 64, tab-separated)
    /// and its gzip-compressed data. Each entry's first line is the headword (and a pronunciation),
    /// the lines after it translations, alternatives separated by commas or semicolons (`،` `,` `;`);
    /// only one-word translations are kept.
    public init(index: String, data: String) throws(BilingualDictionaryError) {
        var table: [UInt64: UInt64] = [:]
        table.reserveCapacity(1 << 17)
        var allKeys: [UInt64] = []
        allKeys.reserveCapacity(1 << 18)
        var scratch: [UInt32] = []
        try Self.entries(index: index, data: data) { headword, entry in
            // A headword of three ASCII letters or more (phrases and other scripts are skipped).
            guard headword.count >= 3, headword.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return }
            let start = allKeys.count
            Self.translationKeys(entry, into: &allKeys, scratch: &scratch)
            let count = allKeys.count - start
            guard count > 0 else { return }
            let hash = Self.wordHash(headword.lazy.map { $0 | 0x20 })
            if let known = table[hash] {
                // A headword with two entries (`lead` the verb and the metal): both sets, once each.
                let old = Array(allKeys[Int(known >> 8)..<Int(known >> 8 + known & 0xFF)])
                let fresh = allKeys[start...].filter { !old.contains($0) }
                allKeys.removeSubrange(start...)
                let merged = old + fresh
                table[hash] = UInt64(allKeys.count) << 8 | UInt64(min(merged.count, 255))
                allKeys += merged.prefix(255)
            } else {
                table[hash] = UInt64(start) << 8 | UInt64(min(count, 255))
            }
        }
        let sorted = table.sorted { $0.key < $1.key }
        headwords = sorted.map(\.key)
        ranges = sorted.map(\.value)
        keys = allKeys
        knownKeys = Self.unique(allKeys)
        filter = Self.filter(headwords + knownKeys)
        name = index
        targetScript = .arabic
    }

    /// Walks a dictd dictionary: its index (headword, offset and length in dictd's base 64,
    /// tab-separated, a line each) and its gzip-compressed data, inflated for the walk. `visit` gets
    /// each entry's headword and its text. The database's own entries (`00databaseinfo`,
    /// `00-database-url` …) and empty lines are skipped. Bytes, not Strings: 87,000 entries load in
    /// milliseconds this way, in most of a second as Strings.
    static func entries(index: String, data: String,
                        _ visit: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) throws(BilingualDictionaryError) -> Void)
        throws(BilingualDictionaryError) {
        guard let indexData = FileManager.default.contents(atPath: index) else {
            throw BilingualDictionaryError(file: index, reason: "cannot be read")
        }
        let inflated = try InflatedData(data)
        defer { withExtendedLifetime(inflated) {} }
        let body = inflated.bytes
        let indexBytes = [UInt8](indexData)
        try indexBytes.withUnsafeBufferPointer { (bytes) throws(BilingualDictionaryError) in
            var lineStart = 0, lineNumber = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                lineNumber += 1
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                guard let tab1 = line.firstIndex(of: 0x09), let tab2 = line[(tab1 + 1)...].firstIndex(of: 0x09) else {
                    if line.isEmpty { continue }
                    throw BilingualDictionaryError(file: index, reason: "line \(lineNumber) is not headword, offset, length")
                }
                let tab3 = line[(tab2 + 1)...].firstIndex(of: 0x09) ?? line.count
                if line.starts(with: "00".utf8) { continue }
                guard let offset = Self.base64(line[(tab1 + 1)..<tab2]), let size = Self.base64(line[(tab2 + 1)..<tab3]),
                      offset + size <= body.count else {
                    throw BilingualDictionaryError(file: index, reason: "line \(lineNumber) points outside \(data)")
                }
                try visit(UnsafeBufferPointer(rebasing: line[..<tab1]), UnsafeBufferPointer(rebasing: body[offset..<(offset + size)]))
            }
        }
    }

    /// The translations' keys of a hashed headword.
    private func translations(of hash: UInt64) -> ArraySlice<UInt64>? {
        guard mayHold(hash), let index = headwords.sortedIndex(of: hash) else { return nil }
        let range = ranges[index]
        return keys[Int(range >> 8)..<Int(range >> 8 + range & 0xFF)]
    }

    /// The keys of an entry's one-word translations: the lines after the headword's, alternatives
    /// separated by `,` `;` `،` or a line break.
    private static func translationKeys(_ entry: UnsafeBufferPointer<UInt8>, into keys: inout [UInt64], scratch letters: inout [UInt32]) {
        let first = keys.count
        var k = 0
        while k < entry.count, entry[k] != 0x0A { k += 1 }  // the headword's line
        letters.removeAll(keepingCapacity: true)
        var words = 0, inWord = false, valid = true
        k += 1
        // One step past the end, read as a line break, ends the last alternative.
        while k <= entry.count {
            // UTF-8 by hand: the entries are ASCII and two-byte Arabic letters.
            let b = k < entry.count ? entry[k] : 0x0A
            var v = UInt32(b)
            if b >= 0xC0, b < 0xE0, k + 1 < entry.count {
                v = UInt32(b & 0x1F) << 6 | UInt32(entry[k + 1] & 0x3F); k += 2
            } else if b >= 0xE0, b < 0xF0, k + 2 < entry.count {
                v = UInt32(b & 0x0F) << 12 | UInt32(entry[k + 1] & 0x3F) << 6 | UInt32(entry[k + 2] & 0x3F); k += 3
            } else if b >= 0x80 {
                v = 0xFFFD; k += b >= 0xF0 ? 4 : 1
            } else {
                k += 1
            }
            switch v {
            case 0x0A, 0x2C, 0x3B, 0x60C:
                if valid, words == 1 { for key in Self.keys(ofTranslation: letters) where !keys[first...].contains(key) { keys.append(key) } }
                letters.removeAll(keepingCapacity: true)
                words = 0
                inWord = false
                valid = true
            case 0x20, 0x09: inWord = false
            default:
                if let folded = fold(v) {
                    if !inWord { words += 1; inWord = true }
                    if folded != 0 { letters.append(folded) }
                } else {
                    valid = false
                }
            }
        }
    }

    /// A translation's keys: its letters folded, the article dropped, the first four (three or more
    /// needed); a word of four letters ending in teh marbuta also gives its first three, the stem an
    /// adjective or a plural builds on (`مهنة` "career" in `المهنية`, `لعبة` in `ألعاب`).
    private static func keys(ofTranslation letters: [UInt32]) -> [UInt64] {
        var start = 0
        if letters.count >= 5, letters[0] == 0x627, letters[1] == 0x644 { start = 2 }
        guard letters.count - start >= 3 else { return [] }
        let word = letters[start...]
        let first = key(word.prefix(4))
        guard word.count == 4, word.last == 0x647 else { return [first] }
        return [first, key(word.prefix(3))]
    }

    /// The dictionary dictd installed for this language pair, if any: one from the source language
    /// into an Arabic-script target (`/usr/share/dictd/freedict-eng-ara`), or one from a Latin-script
    /// target into English read the other way (`freedict-kur-eng` for en–kmr). Nil for other pairs.
    public static func installed(from source: LanguageTag, to target: LanguageTag, folder: String = "/usr/share/dictd") throws(BilingualDictionaryError) -> BilingualDictionary? {
        guard !source.usesArabicScript, let from = freeDictCodes[source.language], let to = freeDictCodes[target.language] else { return nil }
        func present(_ stem: String) -> Bool {
            FileManager.default.fileExists(atPath: stem + ".index") && FileManager.default.fileExists(atPath: stem + ".dict.dz")
        }
        if target.usesArabicScript {
            let stem = "\(folder)/freedict-\(from)-\(to)"
            return present(stem) ? try cached(index: stem + ".index", data: stem + ".dict.dz", cache: cacheFolder()) : nil
        }
        guard from == "eng" else { return nil }
        let stem = "\(folder)/freedict-\(to)-eng"
        return present(stem) ? try cached(index: stem + ".index", data: stem + ".dict.dz", cache: cacheFolder(), reversed: true) : nil
    }

    /// The dictionary as a compact table kept in `cache` (read back in a millisecond where reading
    /// the dictd files takes some 50): rebuilt when either file's size or modification time differs
    /// from the table's; without a writable folder, read from the files each time.
    ///
    /// `reversed`: the files are a dictionary into English, read the other way (`reversed(index:data:)`).
    public static func cached(index: String, data: String, cache: String?, reversed: Bool = false) throws(BilingualDictionaryError) -> BilingualDictionary {
        let stamp = [index, data].flatMap { path -> [UInt64] in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? NSNumber)?.uint64Value ?? 0
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return [size, modified.bitPattern]
        }
        let file = cache.map { "\($0)/\((index as NSString).lastPathComponent).werger-table" }
        let script: TargetScript = reversed ? .latin : .arabic
        if let file, let table = read(file, stamp: stamp, name: index, targetScript: script) { return table }
        let dictionary = reversed ? try Self.reversed(index: index, data: data) : try BilingualDictionary(index: index, data: data)
        if let cache, let file { dictionary.write(file, folder: cache, stamp: stamp) }
        return dictionary
    }

    /// `$XDG_CACHE_HOME/werger` or `~/.cache/werger`.
    static func cacheFolder() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/werger" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/werger" }
        return nil
    }

    /// "WERGDIV3". The table holds keys, not words: change the number whenever `fold`, `key` or
    /// `wordHash` changes, or tables written by an older build would be read as current.
    private static let magic: UInt64 = 0x3356_4944_4752_4557

    /// The table file: magic, the two files' stamps, the three array lengths, the arrays.
    private func write(_ file: String, folder: String, stamp: [UInt64]) {
        let header = [Self.magic] + stamp + [UInt64(headwords.count), UInt64(keys.count)]
        var bytes = Data()
        for array in [header, headwords, ranges, keys] { array.withUnsafeBytes { bytes.append(contentsOf: $0) } }
        // Written beside and renamed, so a reader never sees half a table.
        let temporary = "\(file).\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try bytes.write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, file) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

    private static func read(_ file: String, stamp: [UInt64], name: String, targetScript: TargetScript) -> BilingualDictionary? {
        guard let data = FileManager.default.contents(atPath: file), data.count % 8 == 0 else { return nil }
        let words = data.withUnsafeBytes { Array($0.bindMemory(to: UInt64.self)) }
        let headerCount = 1 + stamp.count + 2
        guard words.count >= headerCount, words[0] == magic, Array(words[1...stamp.count]) == stamp else { return nil }
        let n = Int(words[stamp.count + 1]), k = Int(words[stamp.count + 2])
        guard words.count == headerCount + 2 * n + k else { return nil }
        let headwords = Array(words[headerCount..<(headerCount + n)])
        let ranges = Array(words[(headerCount + n)..<(headerCount + 2 * n)])
        let keys = Array(words[(headerCount + 2 * n)...])
        guard ranges.allSatisfy({ Int($0 >> 8) + Int($0 & 0xFF) <= k }) else { return nil }
        return BilingualDictionary(headwords: headwords, ranges: ranges, keys: keys, name: name, targetScript: targetScript)
    }

    /// ISO 639-3 codes FreeDict names its dictionaries by.
    private static let freeDictCodes = ["en": "eng", "ar": "ara", "fa": "fas", "ur": "urd", "kmr": "kur"]

    /// Anchor tokens of a segment: for the source, the keys of its words' translations; for the
    /// target, every three- and four-letter run of its Arabic-script words that is a key, or each
    /// Latin-script word's first four letters without accents that are one. Each once per segment.
    func tokens(of text: String, source: Bool) -> [UInt64] {
        var found: [UInt64] = []
        var word: [UInt32] = []
        func endWord() {
            defer { word.removeAll(keepingCapacity: true) }
            guard word.count >= 3 else { return }
            if source {
                for hash in Self.headwordHashes(of: word) {
                    guard let keys = translations(of: hash) else { continue }
                    found += keys
                    break
                }
            } else if targetScript == .latin {
                let hash = Self.key(word.prefix(4))
                if isKey(hash) { found.append(hash) }
            } else {
                // Only the runs some translation has: the others could never match.
                for k in 0...(word.count - 3) {
                    var hash = StableHash()
                    for v in word[k..<(k + 3)] { hash.mix(v) }
                    if isKey(hash.value) { found.append(hash.value) }
                    guard k + 4 <= word.count else { continue }
                    hash.mix(word[k + 3])
                    if isKey(hash.value) { found.append(hash.value) }
                }
            }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if source || targetScript == .latin {
                if AnchorTokenizer.isLatinLetter(v) {
                    let lower = AnchorTokenizer.lowercase(v)
                    word.append(source ? lower : AnchorTokenizer.withoutAccent(lower))
                } else {
                    endWord()
                }
            } else if let folded = Self.fold(v) {
                if folded != 0 { word.append(folded) }
            } else {
                endWord()
            }
        }
        endWord()
        // Each key once per segment.
        found.sort()
        var tokens: [UInt64] = []
        tokens.reserveCapacity(found.count)
        for key in found where tokens.last != AnchorClass.dictionary.token(key) { tokens.append(AnchorClass.dictionary.token(key)) }
        return tokens
    }

    /// Whether some translation has this key.
    private func isKey(_ key: UInt64) -> Bool { mayHold(key) && knownKeys.sortedIndex(of: key) != nil }

    /// An Arabic-script letter folded as the text and the dictionary may spell it: the memory's
    /// matching folds (`MatchingForm.fold`: the yeh and kaf variants, harakat and tatweel dropped),
    /// and looser ones a dictionary form needs (hamza seats, teh marbuta); 0 for a mark to skip (and
    /// ZWNJ); nil for anything that ends a word (digits, punctuation, other scripts).
    static func fold(_ v: UInt32) -> UInt32? {
        if v == 0x200C { return 0 }
        guard v >= 0x600, v <= 0x6FF else { return nil }
        let folded = UInt32(MatchingForm.fold(UInt16(v)))
        switch folded {
        case 0: return 0
        case 0x622, 0x623, 0x625, 0x671: return 0x627
        case 0x626: return 0x6CC
        case 0x629, 0x6D5: return 0x647
        case 0x624: return 0x648
        case 0x620...0x64A, 0x66E...0x6D3, 0x6FA...0x6FF: return folded
        default: return nil
        }
    }

    /// A translation's key: its (folded) letters hashed. The target side hashes its runs the same
    /// way, a letter at a time.
    static func key<S: Sequence>(_ letters: S) -> UInt64 where S.Element: BinaryInteger {
        var hash = StableHash()
        for v in letters { hash.mix(UInt32(v)) }
        return hash.value
    }

    /// A lower-case headword's hash, kept apart from the keys (the filter holds both).
    static func wordHash<S: Sequence>(_ letters: S) -> UInt64 where S.Element: BinaryInteger { key(letters) ^ 0x5bd1e995 }

    /// The headwords a lower-case English word may be an inflection of, likeliest first, hashed: the
    /// word, then without `-ies`/`-ied` (→ `y`), `-es`, `-s`, `-ed`, `-d`, `-ing`, `-ing` (→ `e`).
    static func headwordHashes(of word: [UInt32]) -> [UInt64] {
        func hash(dropping count: Int, adding letter: UInt32? = nil) -> UInt64 {
            wordHash(word.dropLast(count) + (letter.map { [$0] } ?? []))
        }
        func ends(_ suffix: [UInt32]) -> Bool { word.count > suffix.count + 2 && word.suffix(suffix.count).elementsEqual(suffix) }
        var hashes = [hash(dropping: 0)]
        if ends([0x69, 0x65, 0x73]) || ends([0x69, 0x65, 0x64]) { hashes.append(hash(dropping: 3, adding: 0x79)) }
        if ends([0x65, 0x73]) { hashes.append(hash(dropping: 2)) }
        if ends([0x73]), !ends([0x73, 0x73]) { hashes.append(hash(dropping: 1)) }
        if ends([0x65, 0x64]) { hashes += [hash(dropping: 2), hash(dropping: 1)] }
        if ends([0x69, 0x6E, 0x67]) { hashes += [hash(dropping: 3), hash(dropping: 3, adding: 0x65)] }
        return hashes
    }

    /// A dictd base-64 number (`A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`, most significant first).
    static func base64<C: Collection>(_ text: C) -> Int? where C.Element == UInt8 {
        var value = 0
        for c in text {
            let digit: Int
            switch c {
            case 0x41...0x5A: digit = Int(c) - 0x41
            case 0x61...0x7A: digit = Int(c) - 0x61 + 26
            case 0x30...0x39: digit = Int(c) - 0x30 + 52
            case 0x2B: digit = 62
            case 0x2F: digit = 63
            default: return nil
            }
            value = value * 64 + digit
            if value > Int(Int32.max) { return nil }
        }
        return text.isEmpty ? nil : value
    }
}

/// A dictd data file (gzip) inflated into memory, freed with this.
final class InflatedData {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ path: String) throws(BilingualDictionaryError) {
        var buffer: UnsafeMutablePointer<UInt8>?
        let length = wgz_read_file(path, 256 << 20, &buffer)
        guard length >= 0, let buffer else {
            throw BilingualDictionaryError(file: path, reason: length == -2 ? "inflates to more than 256 MB" : "is not a readable gzip file")
        }
        bytes = UnsafeBufferPointer(start: buffer, count: Int(length))
    }

    deinit { wgz_free(UnsafeMutablePointer(mutating: bytes.baseAddress)) }
}

/// A dictionary file that cannot be used.
public struct BilingualDictionaryError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let reason: String
    public var description: String { "\(file): \(reason); reinstall the dictionary package or align with --no-dictionary" }
}
