import CICU

/// Which scripts a text's letters are written in (ICU's `uscript_getScript`): an article given under
/// the wrong language tag — Arabic as `--from en`, English as `--to ckb` — shows as letters of
/// another script than the tag's, and would otherwise be stored under the wrong language.
public struct ScriptCensus: Sendable {
    /// Letters counted (digits, punctuation and marks are in no one script, and neither are Common ones).
    public var letters: Int { latin + arabic + others.values.reduce(0, +) }
    /// Letters per ISO 15924 script code (`Latn`, `Arab`, `Cyrl`).
    public var counts: [String: Int] {
        var counts: [String: Int] = [:]
        if latin > 0 { counts["Latn"] = latin }
        if arabic > 0 { counts["Arab"] = arabic }
        for (code, count) in others {
            guard let name = wicu_script_short_name(code) else { continue }
            counts[String(cString: name), default: 0] += count
        }
        return counts
    }
    private var latin = 0, arabic = 0
    /// Letters of other scripts, per ICU script code.
    private var others: [Int32: Int] = [:]

    public init(_ text: String = "") {
        add(text)
    }

    /// Counts `text`'s letters too: an import counts every variant of a language in one census.
    public mutating func add(_ text: String) {
        // The two scripts Werger's languages are written in are told from the code point alone (an
        // article is a megabyte; asking for every character's properties cost a single long pair a
        // sixth of its time); any other letter is asked of ICU.
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F: latin += 1
            case 0x620...0x64A, 0x66E...0x6D3, 0x6D5, 0x6FA...0x6FF, 0x750...0x77F: arabic += 1
            case 0..<0x80, 0x600...0x6FF: break  // digits, punctuation, marks
            default:
                guard scalar.properties.isAlphabetic else { break }
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark: break
                default:
                    // Common and Inherited letters (the Japanese length mark ー) are in no one script.
                    let code = wicu_script_of(scalar.value)
                    if code > 1 { others[code, default: 0] += 1 }
                }
            }
        }
    }

    /// The share of the letters written in `script` (0 when there are none).
    public func share(of script: String) -> Double {
        let letters = letters
        return letters == 0 ? 0 : Double(counts[script] ?? 0) / Double(letters)
    }

    /// The script most letters are written in.
    public var dominant: String? { counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key }

    /// Whether the text reads as written in another script than `language`'s: enough letters to tell
    /// (40), under `minimumShare` (a fifth) of them in the language's scripts and over three fifths in
    /// one other. A Sorani article full of Latin names, or an English one quoting Arabic, stays well
    /// inside. A language whose script the tag does not tell (`writtenIn`) is never contradicted.
    public func contradicts(_ language: LanguageTag, minimumShare: Double = 0.2) -> Bool {
        contradiction(of: language, minimumShare: minimumShare) != nil
    }

    /// The script most letters are in, and the scripts `language` is written in, when the one
    /// contradicts the other (`contradicts`).
    func contradiction(of language: LanguageTag, minimumShare: Double = 0.2) -> (found: String, expected: Set<String>)? {
        guard letters >= 40, let expected = Self.writtenIn(language), let found = dominant, !expected.contains(found) else { return nil }
        let inExpected = expected.reduce(0) { $0 + share(of: $1) }
        return inExpected < minimumShare && share(of: found) > 0.6 ? (found, expected) : nil
    }

    /// The scripts, as ICU names its letters', a text given as `language` is judged against; nil
    /// when the tag does not tell. A script in the tag is taken as given (`ckb-Latn`, `kmr-Arab`,
    /// `sr-Latn`, `de-Latf`). Without one: Sorani (`ckb`, `ku-Arab`, also `ku-IQ`, which ICU would
    /// call Latin) Arabic, Kurmanji Latin, and any other language ICU's likely script when it is a
    /// script in wide use today (`modernScripts`), except for languages written in more than one
    /// script today, whose bare tag does not say which.
    public static func writtenIn(_ language: LanguageTag) -> Set<String>? {
        if language.scriptIsExplicit { return letterScripts(of: language.script) }
        switch language.ruleLanguage {
        case "ckb": return ["Arab"]
        case "kmr": return ["Latn"]
        default:
            guard modernScripts.contains(language.script), !writtenInSeveralScripts.contains(language.language) else { return nil }
            return letterScripts(of: language.script)
        }
    }

    /// The scripts in which a bare tag's likely script is believed. For a language written today
    /// mostly in another script than its historical one, ICU's likely script is the historical one
    /// (Ancient Greek `grc` is Cypriot, Gothic `got` Gothic, Old Norse `non` Runic), and a file in
    /// the script it is written in now would be refused.
    static let modernScripts: Set<String> = [
        "Latn", "Arab", "Cyrl", "Grek", "Hebr", "Armn", "Geor", "Ethi", "Thaa", "Deva", "Beng", "Guru", "Gujr", "Orya",
        "Taml", "Telu", "Knda", "Mlym", "Sinh", "Thai", "Laoo", "Mymr", "Khmr", "Tibt", "Hans", "Hant", "Jpan", "Kore",
    ]

    /// Languages with more than one script in common use (Serbian in Cyrillic and Latin, Uzbek and
    /// Azerbaijani in Latin and Cyrillic, Punjabi in Gurmukhi and Shahmukhi, Malay in Latin and
    /// Jawi, …): ICU's likely script is one of them, and a file in the other is not mislabelled.
    static let writtenInSeveralScripts: Set<String> = [
        "sr", "sh", "bs", "cnr", "hbs", "uz", "az", "tk", "kk", "ky", "tt", "ug", "mn", "pa", "sd", "ks", "ms",
        "jv", "su", "ha", "ff", "sat", "mni", "sa", "shi", "tzm", "zgh", "kab", "ber", "iu", "vai", "crh", "kaa", "kok", "lad",
    ]

    /// The scripts ICU names the letters of a text in `script` by. Codes for a way of writing rather
    /// than for letters stand for the letters they use (`Hant` Han; `Jpan` Han, Hiragana and
    /// Katakana; `Latf` Fraktur, Latin; `Aran` Nastaliq, Arabic); codes for no letters (`Zyyy`,
    /// `Zxxx`, private `Qaaa`…) tell nothing: nil.
    static func letterScripts(of script: String) -> Set<String>? {
        switch script {
        case "Hans", "Hant": return ["Hani"]
        case "Hanb": return ["Hani", "Bopo"]
        case "Jpan": return ["Hani", "Hira", "Kana"]
        case "Hrkt": return ["Hira", "Kana"]
        case "Kore": return ["Hang", "Hani"]
        case "Jamo": return ["Hang"]
        case "Latf", "Latg": return ["Latn"]
        case "Aran": return ["Arab"]
        case "Cyrs": return ["Cyrl"]
        case "Syre", "Syrj", "Syrn": return ["Syrc"]
        case "Geok": return ["Geor"]
        default: return script.hasPrefix("Z") || script.hasPrefix("Q") ? nil : [script]
        }
    }

    /// The English names of `scripts`, for messages: ["Arab"] → "Arabic", ["Hani", "Hira", "Kana"]
    /// → "Han, Hiragana or Katakana".
    public static func names(of scripts: Set<String>) -> String {
        let names = scripts.map { name(of: $0) }.sorted()
        return names.count < 3 ? names.joined(separator: " or ") : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// A script's English name for messages: `Arab` → "Arabic".
    public static func name(of script: String) -> String {
        // ICU 72 knows about two hundred script codes; an unknown one has no name.
        for code in Int32(0)..<Int32(256) {
            guard let short = wicu_script_short_name(code), String(cString: short) == script,
                  let long = wicu_script_name(code) else { continue }
            return String(String(cString: long).map { $0 == "_" ? " " : $0 })
        }
        return script
    }
}
