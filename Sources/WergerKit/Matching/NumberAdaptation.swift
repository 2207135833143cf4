/// Numbers are placeables: when a match differs from the query only in numbers and its target
/// contains the stored numbers, the target is offered with the query's numbers in their place,
/// written in the digits the target uses (`٢٠٢٤` stays Arabic-Indic, `۱۴۰۲` Persian).
public enum NumberAdaptation {
    /// The adapted target, or nil when a stored number is missing from the target or one stored
    /// number would need two different replacements.
    public static func adapt(_ target: String, changes: [MatchQuality.NumberChange]) -> String? {
        var replacements: [String: String] = [:]
        for change in changes {
            if let other = replacements[change.stored], other != change.query { return nil }
            replacements[change.stored] = change.query
        }
        let units = Array(target.utf16)
        var output: [UInt16] = []
        output.reserveCapacity(units.count + 8)
        var found = Set<String>()
        var i = 0
        while i < units.count {
            guard digitValue(units[i]) != nil, i == 0 || digitValue(units[i - 1]) == nil else {
                output.append(units[i])
                i += 1
                continue
            }
            // A number: digits with single separators between them.
            var end = i
            while end < units.count {
                if digitValue(units[end]) != nil { end += 1; continue }
                if isSeparator(units[end]), end + 1 < units.count, digitValue(units[end + 1]) != nil { end += 2; continue }
                break
            }
            let number = Array(units[i..<end])
            let folded = String(decoding: number.map(fold), as: UTF16.self)
            if let replacement = replacements[folded] {
                found.insert(folded)
                output.append(contentsOf: write(replacement, like: number))
            } else {
                output.append(contentsOf: number)
            }
            i = end
        }
        guard found.count == replacements.count else { return nil }
        return String(decoding: output, as: UTF16.self)
    }

    private static func digitValue(_ u: UInt16) -> UInt16? {
        switch u {
        case 0x30...0x39: return u - 0x30
        case 0x0660...0x0669: return u - 0x0660
        case 0x06F0...0x06F9: return u - 0x06F0
        default: return nil
        }
    }

    private static func isSeparator(_ u: UInt16) -> Bool {
        u == 0x2C || u == 0x2E || u == 0x066B || u == 0x066C || u == 0x060C
    }

    /// The matching form's spelling: ASCII digits, `,` and `.`.
    private static func fold(_ u: UInt16) -> UInt16 {
        if let d = digitValue(u) { return 0x30 + d }
        switch u {
        case 0x066B: return 0x2E
        case 0x066C, 0x060C: return 0x2C
        default: return u
        }
    }

    /// `number` (ASCII, from the query's matching form) in the digits and separators of `model`.
    private static func write(_ number: String, like model: [UInt16]) -> [UInt16] {
        let zero: UInt16
        if model.contains(where: { $0 >= 0x0660 && $0 <= 0x0669 }) { zero = 0x0660 }
        else if model.contains(where: { $0 >= 0x06F0 && $0 <= 0x06F9 }) { zero = 0x06F0 }
        else { zero = 0x30 }
        let arabicSeparators = model.contains(0x066B) || model.contains(0x066C)
        return number.utf16.map { u in
            if u >= 0x30 && u <= 0x39 { return zero + (u - 0x30) }
            if arabicSeparators && u == 0x2C { return 0x066C }
            if arabicSeparators && u == 0x2E { return 0x066B }
            return u
        }
    }
}
