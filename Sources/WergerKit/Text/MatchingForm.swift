import CICU

/// The form of a variant's text used for matching: Unicode NFKC with case folding (ICU), runs of
/// white space collapsed to one space, trimmed. The stored text stays exactly as written; this form
/// is derived from it, so it can be recomputed when the normalisation grows (the Arabic-script
/// folds of the matching issue).
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
        // Collapse white space and transcode to UTF-8 in one pass (an import folds two million texts).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(length) * 2)
        var pendingSpace = false
        var i = 0
        let count = Int(length)
        while i < count {
            let u = folded[i]
            if UTF16Class.isSpace(u) {
                pendingSpace = !bytes.isEmpty
                i += 1
                continue
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            i += UTF8Transcoding.append(folded, at: i, end: count, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
