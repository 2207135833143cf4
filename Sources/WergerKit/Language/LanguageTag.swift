import CICU

/// A BCP 47 language tag, parsed and canonicalised by ICU (`EN-us` → `en-US`, `ku-arab` → `ku-Arab`).
///
/// Werger keys its per-language rules on `ruleLanguage`: Kurdish is two written languages, so
/// `ckb`, `ku-Arab` and `ku-IQ` get the Sorani rules and `kmr`, `ku`, `ku-Latn`, `ku-TR` the Kurmanji ones.
public struct LanguageTag: Hashable, Sendable, CustomStringConvertible {
    /// The canonical BCP 47 form, e.g. `ckb`, `en-US`, `ku-Arab`.
    public let identifier: String
    /// ICU's locale id for the tag, e.g. `en_US`.
    public let icuLocale: String
    /// The primary language subtag in lower case, e.g. `ku`.
    public let language: String
    /// The script: explicit in the tag, else ICU's likely script (`ckb` → `Arab`).
    public let script: String
    /// Whether the tag names its script (`ku-Arab`, `sr-Latn`).
    public let scriptIsExplicit: Bool
    /// The region subtag, if any.
    public let region: String?

    public var description: String { identifier }

    public init(_ tag: String) throws(LanguageTagError) {
        let trimmed = tag.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.utf8.count <= 64,
              trimmed.utf8.allSatisfy({ $0 < 0x80 && $0 != 0 }) else {
            throw LanguageTagError(tag: tag, suggestion: LanguageTag.suggestion(for: tag))
        }
        // ICU also accepts legacy locale ids ("en_US"); BCP 47 uses hyphens.
        let hyphenated = trimmed.replacingUnderscores
        var parsed: Int32 = 0
        guard let locale = icuString({ wicu_locale_for_language_tag(hyphenated, $0, $1, &parsed, $2) }),
              Int(parsed) == hyphenated.utf8.count, !locale.isEmpty,
              let language = icuString({ wicu_locale_language(locale, $0, $1, $2) }),
              !language.isEmpty, wicu_language_is_known(language) != 0,
              let canonical = icuString({ wicu_locale_to_language_tag(locale, $0, $1, $2) })
        else {
            throw LanguageTagError(tag: tag, suggestion: LanguageTag.suggestion(for: tag))
        }
        let explicitScript = icuString({ wicu_locale_script(locale, $0, $1, $2) }) ?? ""
        let region = icuString({ wicu_locale_region(locale, $0, $1, $2) }) ?? ""
        var script = explicitScript
        if script.isEmpty, let likely = icuString({ wicu_locale_add_likely_subtags(locale, $0, $1, $2) }) {
            script = icuString({ wicu_locale_script(likely, $0, $1, $2) }) ?? ""
        }
        // ICU 72's likely-subtags data has no entry for Kurmanji, which is written in Latin letters.
        if script.isEmpty, language == "kmr" { script = "Latn" }
        self.identifier = canonical
        self.icuLocale = locale
        self.language = language
        self.script = script
        self.scriptIsExplicit = !explicitScript.isEmpty
        self.region = region.isEmpty ? nil : region
    }

    /// The language whose hand-tuned rules apply: `ckb` (Sorani), `kmr` (Kurmanji), `en`, `ar`,
    /// `fa`, `tr`, or the primary subtag for every other language.
    public var ruleLanguage: String {
        switch language {
        case "ckb": return "ckb"
        case "kmr": return "kmr"
        case "ku":
            // Kurdish written in Arabic script, or in Iraq or Iran, is Sorani; otherwise Kurmanji.
            if script == "Arab" || region == "IQ" || region == "IR" { return "ckb" }
            return "kmr"
        default:
            return language
        }
    }

    /// Whether the language is written in the Arabic script (no letter case to mark a sentence start).
    public var usesArabicScript: Bool {
        if ruleLanguage == "ckb" { return true }
        return script == "Arab"
    }

    /// The closest tag Werger can suggest for a mistyped one: a language name ("Sorani", "Arabic"),
    /// else the ISO 639 code at the smallest edit distance.
    static func suggestion(for tag: String) -> String? {
        let key = tag.trimmingSpaces.lowercased()
        if let named = knownNames[key] { return named }
        let primary = String(key.replacingUnderscores.split(separator: "-").first ?? "")
        if let named = knownNames[primary] { return named }
        guard !primary.isEmpty, primary.count <= 12 else { return nil }
        var best: (code: String, distance: Int)?
        let preferred = ["en", "ckb", "kmr", "ar", "fa", "tr", "ku", "de", "fr", "es", "ru"]
        var candidates = preferred
        for index in 0..<wicu_iso_language_count() {
            candidates.append(String(cString: wicu_iso_language(index)))
        }
        for code in candidates {
            let distance = editDistance(Array(primary), Array(code))
            if best == nil || distance < best!.distance { best = (code, distance) }
        }
        // A code ICU lists but does not know as a language (`und`, `mis`) is no suggestion for itself.
        guard let best, best.distance <= max(1, primary.count / 2), best.code != primary else { return nil }
        return best.code
    }

    private static let knownNames: [String: String] = [
        "english": "en", "sorani": "ckb", "central kurdish": "ckb", "kurmanji": "kmr",
        "northern kurdish": "kmr", "kurdish": "ku", "arabic": "ar", "persian": "fa", "farsi": "fa",
        "turkish": "tr", "german": "de", "french": "fr", "spanish": "es", "russian": "ru",
        "eng": "en", "ara": "ar", "kur": "ku", "per": "fa", "fas": "fa", "tur": "tr",
    ]
}

/// A tag that is not well-formed BCP 47, or names a language ICU does not know.
public struct LanguageTagError: Error, Equatable, Sendable, CustomStringConvertible {
    public let tag: String
    public let suggestion: String?
    public var description: String {
        let shown = tag.count > 40 ? String(tag.prefix(40)) + "…" : tag
        var message = "unknown language tag '\(shown)'"
        if let suggestion { message += "; did you mean '\(suggestion)'?" }
        else { message += "; use a BCP 47 tag such as en, ckb, kmr or ar" }
        return message
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
    var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
