import CICU

/// The form of a variant's text used for matching: Unicode NFKC with case folding (ICU), spaces
/// collapsed. The stored text stays exactly as written; this form is derived from it, so it can be
/// recomputed when the normalisation grows (the Arabic-script folds of the matching issue).
public enum MatchingForm {
    public static func of(_ text: String) -> String {
        var units = Array(text.utf16)
        if units.isEmpty { return "" }
        var folded = [UInt16](repeating: 0, count: units.count + 16)
        var error: Int32 = 0
        var length = wicu_nfkc_casefold(&units, Int32(units.count), &folded, Int32(folded.count), &error)
        if error == 15 {
            folded = [UInt16](repeating: 0, count: Int(length) + 1)
            error = 0
            length = wicu_nfkc_casefold(&units, Int32(units.count), &folded, Int32(folded.count), &error)
        }
        guard error <= 0 else { return text }
        var result = String(decoding: folded[..<Int(length)], as: UTF16.self)
        if result.contains(where: { $0.isWhitespace }) {
            result = result.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return result
    }
}
