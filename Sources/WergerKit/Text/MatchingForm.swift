import CICU

/// The form of a variant's text used for matching. The stored text stays exactly as written; this
/// form is derived from it (and recomputed by a migration whenever these folds change).
///
/// In order (docs/matching.md lists every fold):
/// 1. Sorani only: the legacy spelling `ه` + ZWNJ becomes `ە` — before step 2, which removes ZWNJ.
///    Turkish and Azerbaijani only: locale lower-casing, so `I` → `ı` and `İ` → `i`.
/// 2. ICU NFKC_Casefold: compatibility forms (`ﻻ` → `لا`, full width, NBSP), case, and the removal
///    of default-ignorable characters (ZWNJ, ZWJ, direction marks, soft hyphen).
/// 3. What ICU does not fold: Arabic `ي ى` → `ی`, `ك` → `ک`, `ھ` → `ه`; harakat, Quranic marks and
///    tatweel removed; Arabic-Indic and Persian digits → ASCII; typographic quotes, dashes and Arabic
///    punctuation → their ASCII forms; runs of white space → one space, trimmed.
/// Letters a language tells apart stay apart: Sorani `ە/ه`, `ێ/ی`, `ۆ/و`, `ڕ/ر`, `ڵ/ل`.
public enum MatchingForm {
    /// The matching form with only the folds every language shares (`MatchingLanguage.neutral`).
    public static func of(_ text: String) -> String { of(text, language: .neutral) }

    public static func of(_ text: String, language: MatchingLanguage) -> String {
        String(decoding: units(of: text, language: language), as: UTF16.self)
    }

    /// The matching form as UTF-16, ready for ICU's word boundaries.
    public static func units(of text: String, language: MatchingLanguage) -> [UInt16] {
        var units = Array(text.utf16)
        if units.isEmpty { return [] }
        // Printable ASCII (most English text): NFKC_Casefold is lower-casing and nothing else, so
        // ICU is skipped — half of an import's variants take this path. Turkish lower-cases `I`
        // differently and always goes through ICU.
        if language.caseLocale == nil, units.allSatisfy({ $0 < 0x7F && ($0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) {
            var out = 0
            var pendingSpace = false
            for u in units {
                if u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D {
                    pendingSpace = out > 0
                    continue
                }
                if pendingSpace { units[out] = 0x20; out += 1; pendingSpace = false }
                units[out] = (u >= 0x41 && u <= 0x5A) ? u + 0x20 : u
                out += 1
            }
            units.removeLast(units.count - out)
            return units
        }
        if language.soraniLegacySpelling { foldLegacySorani(&units) }
        if let locale = language.caseLocale {
            units = icu(units) { wicu_to_lower($0, $1, $2, $3, locale, $4) }
        }
        var folded = icu(units) { wicu_nfkc_casefold($0, $1, $2, $3, $4) }
        // Fold and collapse white space in place.
        var out = 0
        var pendingSpace = false
        for i in 0..<folded.count {
            let u = folded[i]
            if UTF16Class.isSpace(u) {
                pendingSpace = out > 0
                continue
            }
            let mapped = fold(u)
            if mapped == 0 { continue }
            if pendingSpace {
                folded[out] = 0x20
                out += 1
                pendingSpace = false
            }
            folded[out] = mapped
            out += 1
        }
        folded.removeLast(folded.count - out)
        return folded
    }

    /// `ه` followed by ZWNJ is how Sorani was written before `ە` had its own key; it is that letter.
    static func foldLegacySorani(_ units: inout [UInt16]) {
        var out = 0
        var i = 0
        while i < units.count {
            if units[i] == 0x0647, i + 1 < units.count, units[i + 1] == 0x200C {
                units[out] = 0x06D5
                i += 2
            } else {
                units[out] = units[i]
                i += 1
            }
            out += 1
        }
        units.removeLast(units.count - out)
    }

    /// The single-unit folds after NFKC_Casefold; 0 removes the unit.
    @inline(__always) static func fold(_ u: UInt16) -> UInt16 {
        // Guillemets are the only folded characters below the Arabic block.
        if u < 0x0600 { return u == 0x00AB || u == 0x00BB ? 0x22 : u }
        switch u {
        case 0x064A, 0x0649: return 0x06CC                     // ي ى → ی
        case 0x0643: return 0x06A9                             // ك → ک
        case 0x06BE: return 0x0647                             // ھ → ه (both the consonant h)
        case 0x0660...0x0669: return u - 0x0660 + 0x30         // ٠-٩
        case 0x06F0...0x06F9: return u - 0x06F0 + 0x30         // ۰-۹
        case 0x066B: return 0x2E                               // Arabic decimal separator
        case 0x066C, 0x060C: return 0x2C                       // Arabic thousands separator, comma
        case 0x061B: return 0x3B                               // ؛
        case 0x061F: return 0x3F                               // ؟
        case 0x0640: return 0                                  // tatweel
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7, 0x06E8,
             0x06EA...0x06ED:
            return 0                                           // harakat and Quranic marks
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035: return 0x27
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2039, 0x203A, 0x2033, 0x2036: return 0x22
        case 0x2010...0x2015, 0x2212, 0x2E3A, 0x2E3B, 0xFE58, 0xFE63: return 0x2D
        default: return u
        }
    }

    private static func icu(_ input: [UInt16],
                            _ call: (UnsafePointer<UInt16>, Int32, UnsafeMutablePointer<UInt16>, Int32, UnsafeMutablePointer<Int32>) -> Int32) -> [UInt16] {
        var output = [UInt16](repeating: 0, count: input.count + 16)
        var error: Int32 = 0
        var length = input.withUnsafeBufferPointer { i in
            output.withUnsafeMutableBufferPointer { o in call(i.baseAddress!, Int32(i.count), o.baseAddress!, Int32(o.count), &error) }
        }
        if error == 15 {
            output = [UInt16](repeating: 0, count: Int(length) + 1)
            error = 0
            length = input.withUnsafeBufferPointer { i in
                output.withUnsafeMutableBufferPointer { o in call(i.baseAddress!, Int32(i.count), o.baseAddress!, Int32(o.count), &error) }
            }
        }
        guard error <= 0 else { return input }
        output.removeLast(output.count - Int(length))
        return output
    }
}
