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

    /// The tokens of a text already in its matching form.
    public func tokens(ofForm form: [UInt16], language: MatchingLanguage) -> MatchTokens {
        guard !form.isEmpty, let iterator = iterator(for: language.locale) else {
            return MatchTokens(form: form, tokens: [])
        }
        var tokens: [MatchToken] = []
        tokens.reserveCapacity(form.count / 4)
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
                    tokens.append(MatchToken(kind: kind, start: start, end: end, hash: hash))
                }
                start = end
            }
        }
        return MatchTokens(form: form, tokens: tokens)
    }

    private func iterator(for locale: String) -> OpaquePointer? {
        if let iterator = iterators[locale] { return iterator }
        var error: Int32 = 0
        guard let iterator = wicu_break_open(Int32(WICU_BREAK_WORD), locale, &error) else { return nil }
        iterators[locale] = iterator
        return iterator
    }
}
