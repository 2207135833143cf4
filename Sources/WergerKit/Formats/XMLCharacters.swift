/// Characters XML 1.0 cannot hold, not even as a character reference: the C0 controls but tab, line
/// feed and carriage return (text pasted from PDFs and word processors brings U+0002, U+000B), and
/// U+FFFE, U+FFFF. TMX and XLIFF are XML, so the readers and the memory refuse units that hold one,
/// `werger align` refuses articles that do when it stores or writes TMX, and the TMX writer leaves
/// any out: a file with one is not XML at all.
public enum XMLCharacters {
    /// Whether every character of `text` may appear in an XML 1.0 document.
    public static func areSafe(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var previous: (UInt8, UInt8) = (0, 0)
        while let byte = utf8.next() {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
            if (byte == 0xBE || byte == 0xBF) && previous == (0xEF, 0xBF) { return false }
            previous = (previous.1, byte)
        }
        return true
    }

    public static func isUnwritable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0..<0x20, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// The first such character of `text` and its line (from 1), or nil when there is none.
    public static func firstUnwritable(in text: String) -> (line: Int, scalar: Unicode.Scalar)? {
        guard !areSafe(text) else { return nil }
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 } else if isUnwritable(scalar) { return (line, scalar) }
        }
        return nil
    }
}
