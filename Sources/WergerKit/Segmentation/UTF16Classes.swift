/// Character classes the segmentation rules test, on UTF-16 code units (ICU's text unit).
/// Sentence punctuation, quotes and spaces are all in the BMP, so a single unit decides.
enum UTF16Class {
    @inline(__always) static func isLineBreak(_ u: UInt16) -> Bool {
        u <= 0x0D ? u >= 0x0A : (u == 0x85 || u == 0x2028 || u == 0x2029)
    }

    @inline(__always) static func isHorizontalSpace(_ u: UInt16) -> Bool {
        if u < 0x80 { return u == 0x20 || u == 0x09 }
        return u == 0xA0 || (u >= 0x2000 && u <= 0x200A) || u == 0x202F || u == 0x205F || u == 0x3000
            || u == 0x1680 || u == 0xFEFF
    }

    @inline(__always) static func isSpace(_ u: UInt16) -> Bool { isHorizontalSpace(u) || isLineBreak(u) }

    /// Marks that end a sentence: `.` and its full-width forms, `?` `!` and the Arabic `؟`, `…`,
    /// the Urdu/Devanagari/Ethiopic/Armenian/CJK stops.
    @inline(__always) static func isTerminator(_ u: UInt16) -> Bool {
        if u < 0x80 { return u == 0x2E || u == 0x3F || u == 0x21 }
        return isNonASCIITerminator(u)
    }

    private static func isNonASCIITerminator(_ u: UInt16) -> Bool {
        switch u {
        case 0x2E, 0x3F, 0x21, 0x2026, 0x061F, 0x06D4, 0x0964, 0x0965, 0x1362, 0x1367, 0x1368, 0x0589,
             0x104A, 0x104B, 0x3002, 0xFF0E, 0xFF01, 0xFF1F, 0xFF61, 0x203C, 0x2047, 0x2048, 0x2049, 0x061E, 0x0700:
            return true
        default:
            return false
        }
    }

    /// `?` `!` and their kin: they end a sentence whatever word precedes them.
    static func isQuestionOrExclamation(_ u: UInt16) -> Bool {
        switch u {
        case 0x3F, 0x21, 0x061F, 0xFF01, 0xFF1F, 0x203C, 0x2047, 0x2048, 0x2049, 0x1367, 0x037E: return true
        default: return false
        }
    }

    @inline(__always) static func isPeriod(_ u: UInt16) -> Bool { u == 0x2E || u == 0xFF0E }

    /// Closing quotes and brackets that may follow a sentence's terminator.
    static func isCloser(_ u: UInt16) -> Bool {
        switch u {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0x201D, 0x2019, 0xBB, 0x203A, 0x300D, 0x300F, 0xFF09, 0x201C, 0x2018:
            return true
        default:
            return false
        }
    }

    /// Whether `text[start..<end]` ends with a sentence's final mark or a colon, before any
    /// trailing spaces and closing quotes and brackets: a line that does not cannot be a paragraph
    /// of its own (`LogicalLines`' hard wraps, the aligner's headlines).
    static func endsWithFinalMark(_ text: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int) -> Bool {
        guard end > start else { return false }
        var last = end - 1
        while last > start, isHorizontalSpace(text[last]) { last -= 1 }
        while last > start, isCloser(text[last]) { last -= 1 }
        return isTerminator(text[last]) || text[last] == 0x3A
    }

    /// Quotation marks among the closers: a quote followed by its attribution stays one segment.
    static func isQuote(_ u: UInt16) -> Bool {
        switch u {
        case 0x22, 0x27, 0x201D, 0x2019, 0xBB, 0x203A, 0x300D, 0x300F, 0x201C, 0x2018: return true
        default: return false
        }
    }

    /// A mark that may open a quotation: the quotes above, and the low and guillemet openers (`„`, `«`).
    static func opensQuotation(_ u: UInt16) -> Bool { isQuote(u) || u == 0x201E || u == 0xAB }

    /// A letter of the Arabic script (Arabic, Persian, Kurdish), presentation forms included.
    static func isArabicScript(_ scalar: Unicode.Scalar) -> Bool {
        (0x0600...0x06FF).contains(scalar.value) || (0xFB50...0xFEFF).contains(scalar.value)
    }

    /// Opening quotes and brackets and other marks that may precede a sentence's first word.
    static func isOpener(_ u: UInt16) -> Bool {
        switch u {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0x201C, 0x2018, 0x201E, 0xAB, 0x2039, 0x300C, 0x300E, 0xFF08,
             0xBF, 0xA1, 0x2D, 0x2013, 0x2014, 0x2022, 0x2043, 0x201D, 0xBB:
            return true
        default:
            return false
        }
    }

    @inline(__always) static func isASCIIDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }

    /// Digits of any script (`0-9`, `٠-٩`, `۰-۹`, …).
    static func isDigit(_ u: UInt16) -> Bool {
        if u < 0x0660 { return isASCIIDigit(u) }  // no decimal digits between ASCII and Arabic-Indic
        if u <= 0x0669 || (u >= 0x06F0 && u <= 0x06F9) { return true }
        if u < 0x0700 { return false }
        guard let scalar = Unicode.Scalar(u) else { return false }
        return scalar.properties.numericType == .decimal
    }

    /// The scalar at `i` (joining a surrogate pair).
    static func scalar(_ text: UnsafeBufferPointer<UInt16>, _ i: Int) -> Unicode.Scalar? {
        let u = text[i]
        if u < 0xD800 || u > 0xDFFF { return Unicode.Scalar(u) }
        if u <= 0xDBFF, i + 1 < text.count {
            let low = text[i + 1]
            if low >= 0xDC00 && low <= 0xDFFF {
                return Unicode.Scalar(0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
            }
        }
        return nil
    }

    // ASCII and Arabic-script fast paths: Unicode property lookups cost more than ICU's whole
    // break iteration per character.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if (v >= 0x0620 && v <= 0x064A) || (v >= 0x066E && v <= 0x06D3) { return true }
        return scalar.properties.isAlphabetic
    }
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0x0590 && v < 0x0900 { return false }  // Hebrew, Arabic, Syriac, Thaana: no case
        return scalar.properties.isUppercase || scalar.properties.generalCategory == .titlecaseLetter
    }
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        if v >= 0x0590 && v < 0x0900 { return false }
        return scalar.properties.isLowercase
    }
}
