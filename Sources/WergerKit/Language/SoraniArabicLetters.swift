/// Sorani and Arabic are written in one script, so `ScriptCensus` cannot tell an Arabic article given
/// as `--to ckb` (or the Arabic and Sorani files swapped) from the right one; their alphabets can.
/// Sorani writes its vowels and its velarised l and trilled r with letters Arabic does not have
/// (`ە ێ ۆ ڵ ڕ`): 19.6–27.5% of the letters of every NTREX Sorani document are these, and none of
/// any Arabic one's. Arabic writes hamza on alef (`أ إ`), 1.65–4.98% of the letters of every NTREX
/// Arabic document; Sorani writes hamza as `ئ` and none of these (0 in every NTREX Sorani
/// document). Not `ؤ`: older Sorani typing wrote it for `ۆ`, and it adds nothing in Arabic (at most
/// 0.58% of a document's letters; the lowest share of `أ إ` is 1.65% with it or without). Nothing
/// else is counted as Arabic's: Sorani typed on an Arabic keyboard has `ي ك` for `ی ک`, and often
/// `ة` for a final `ە` and `ى` for a final `ی`.
public struct SoraniArabicLetters: Sendable {
    /// Letters of the Arabic script.
    public private(set) var letters = 0
    /// Letters only Sorani (of the two) writes.
    public private(set) var sorani = 0
    /// Letters only Arabic (of the two) writes, and no Sorani keyboard habit gives.
    public private(set) var arabic = 0

    public init(_ text: String = "") {
        add(text)
    }

    /// Counts `text`'s letters too: an import counts every variant of a language together.
    public mutating func add(_ text: String) {
        var previous: UInt32 = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x6D5, 0x6CE, 0x6C6, 0x6B5, 0x695: sorani += 1; letters += 1
            case 0x623, 0x625: arabic += 1; letters += 1
            // The same hamza written decomposed (NFD): alef, then a combining hamza.
            case 0x654...0x655 where previous == 0x627: arabic += 1
            case 0x620...0x64A, 0x66E...0x6D3, 0x6FA...0x6FF, 0x750...0x77F: letters += 1
            default: break
            }
            previous = scalar.value
        }
    }

    /// The language the text reads as when its letters contradict `language` — `ar` for an Arabic
    /// text given as Sorani, `ckb` for a Sorani one given as Arabic — else nil. It takes 40 letters
    /// to tell, and thresholds far from both languages' documents: Sorani's letters under 1% with
    /// Arabic's over 0.8% (Sorani typed without its own letters, `ه` for `ە`, still passes: it has no
    /// reason to write `أ إ`), or Sorani's over 5% in an Arabic text (any Arabic: `ar`, or one of
    /// its varieties' codes).
    public func contradicts(_ language: LanguageTag) -> String? {
        guard letters >= 40 else { return nil }
        let soraniShare = Double(sorani) / Double(letters), arabicShare = Double(arabic) / Double(letters)
        switch language.ruleLanguage {
        case "ckb": return soraniShare < 0.01 && arabicShare > 0.008 ? "ar" : nil
        case let code where Self.arabicVarieties.contains(code): return soraniShare > 0.05 ? "ckb" : nil
        default: return nil
        }
    }

    /// Arabic and the ISO 639-3 codes of its varieties (the `ar` macrolanguage's members).
    static let arabicVarieties: Set<String> = ["ar", "arb", "arz", "ary", "aeb", "ars", "arq", "shu", "apc", "ajp", "acm", "afb", "ayl",
                                      "apd", "ayp", "acx", "acy", "adf", "aec", "aao", "abh", "abv", "acq", "acw", "ayh", "ayn",
                                      "pga", "ssh", "auz", "avl"]

    /// The share of the letters that are the other language's own, for the message.
    public func share(of language: String) -> Double {
        letters == 0 ? 0 : Double(language == "ckb" ? sorani : arabic) / Double(letters)
    }
}
