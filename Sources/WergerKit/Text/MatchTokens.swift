import CICU

/// What a token of a matching form is. Words and numbers carry the match; punctuation counts less
/// (see `MatchQuality`), and numbers are placeables: one number for another is not a word edit.
public enum TokenKind: UInt8, Sendable {
    case word, number, punctuation
}

/// One token of a matching form: its kind, its place in the form (UTF-16 offsets) and a hash of its
/// text (64-bit FNV-1a over UTF-16; equal text, equal hash).
public struct MatchToken: Sendable, Equatable {
    public let kind: TokenKind
    public let start: Int
    public let end: Int
    public let hash: UInt64
}

/// A text ready for matching: its matching form and its tokens, split by ICU's word boundaries.
public struct MatchTokens: Sendable {
    /// The matching form (UTF-16).
    public let form: [UInt16]
    public let tokens: [MatchToken]

    /// The hashes of word and number tokens in order, every number as the same symbol: the
    /// sequence the word-level edit distance and the fuzzy index work on.
    public var words: [UInt64] {
        tokens.compactMap { token in
            switch token.kind {
            case .word: return token.hash
            case .number: return MatchTokens.numberSymbol
            case .punctuation: return nil
            }
        }
    }

    public func text(of token: MatchToken) -> String {
        String(decoding: form[token.start..<token.end], as: UTF16.self)
    }

    /// Every number hashes to this in `words`, so a number edit never hides a candidate.
    public static let numberSymbol: UInt64 = 0x6E75_6D62_6572_2323
}

/// Cuts matching forms into tokens with ICU word boundaries. Holds one ICU iterator per locale,
/// so one tokenizer belongs to one thread.
public final class MatchTokenizer {
    private var iterators: [String: OpaquePointer] = [:]

    public init() {}

    deinit {
        for iterator in iterators.values { wicu_break_close(iterator) }
    }

    /// The matching form of `text` in `language`, and its tokens.
    public func tokens(of text: String, language: MatchingLanguage) -> MatchTokens {
        tokens(ofForm: MatchingForm.units(of: text, language: language), language: language)
    }

    /// Only the word sequence (`MatchTokens.words`) of `text`: what an import stores and indexes,
    /// without building the tokens.
    public func words(of text: String, language: MatchingLanguage) -> [UInt64] {
        let form = MatchingForm.units(of: text, language: language)
        var words: [UInt64] = []
        words.reserveCapacity(form.count / 5 + 1)
        scan(form, language: language) { kind, hash in
            switch kind {
            case .word: words.append(hash)
            case .number: words.append(MatchTokens.numberSymbol)
            case .punctuation: break
            }
        }
        return words
    }

    /// The tokens of a text already in its matching form.
    public func tokens(ofForm form: [UInt16], language: MatchingLanguage) -> MatchTokens {
        var tokens: [MatchToken] = []
        tokens.reserveCapacity(form.count / 4)
        scan(form, language: language) { kind, hash, start, end in
            tokens.append(MatchToken(kind: kind, start: start, end: end, hash: hash))
        }
        return MatchTokens(form: form, tokens: tokens)
    }

    private func scan(_ form: [UInt16], language: MatchingLanguage, _ body: (TokenKind, UInt64) -> Void) {
        scan(form, language: language) { kind, hash, _, _ in body(kind, hash) }
    }

    /// Calls `body` with each token's kind, hash and place, in order (white space skipped).
    private func scan(_ form: [UInt16], language: MatchingLanguage, _ body: (TokenKind, UInt64, Int, Int) -> Void) {
        guard !form.isEmpty, let iterator = iterator(for: language.locale) else { return }
        form.withUnsafeBufferPointer { buffer in
            var error: Int32 = 0
            wicu_break_set_text(iterator, buffer.baseAddress, Int32(clamping: buffer.count), &error)
            guard error <= 0 else { return }
            var start = 0
            while true {
                let end = Int(wicu_break_next(iterator))
                if end < 0 || end <= start { break }
                let status = wicu_break_rule_status(iterator)
                var hash: UInt64 = 0xcbf29ce484222325
                var allSpace = true
                for i in start..<end {
                    let u = buffer[i]
                    if u != 0x20 { allSpace = false }
                    hash = (hash ^ UInt64(u)) &* 0x100000001b3
                }
                if !allSpace {
                    let kind: TokenKind = status >= 200 ? .word : (status >= 100 ? .number : .punctuation)
                    // Kurdish writes suffixes on numbers (Sorani ٢٠٢٠ەوە "since 2020", Kurmanji
                    // 2021an); ICU keeps them one word, but the number is a placeable of its own.
                    if kind == .word, let split = Self.numberPrefix(buffer, start, end) {
                        body(.number, Self.hash(buffer, start, split), start, split)
                        body(.word, Self.hash(buffer, split, end), split, end)
                    } else {
                        body(kind, hash, start, end)
                    }
                }
                start = end
            }
        }
    }

    /// Where a word that starts with a number (digits, with `,` or `.` between digits) continues
    /// with letters; nil when it does not start with a digit or is all number.
    private static func numberPrefix(_ form: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Int? {
        func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
        guard isDigit(form[start]) else { return nil }
        var i = start + 1
        while i < end {
            if isDigit(form[i]) { i += 1; continue }
            if (form[i] == 0x2C || form[i] == 0x2E), i + 1 < end, isDigit(form[i + 1]) { i += 2; continue }
            break
        }
        return i < end ? i : nil
    }

    private static func hash(_ form: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for i in start..<end { hash = (hash ^ UInt64(form[i])) &* 0x100000001b3 }
        return hash
    }

    private func iterator(for locale: String) -> OpaquePointer? {
        if let iterator = iterators[locale] { return iterator }
        var error: Int32 = 0
        guard let iterator = wicu_break_open(Int32(WICU_BREAK_WORD), locale, &error) else { return nil }
        iterators[locale] = iterator
        return iterator
    }
}
