import Foundation

/// Dates in TMX's basic ISO 8601 form, `20261128T090000Z` (UTC), parsed and written without a
/// DateFormatter: an import reads two to four of them per unit.
public enum TMXDate {
    public static func parse(_ string: String) -> Date? {
        let bytes = Array(string.utf8)
        // YYYYMMDDThhmmssZ, also accepted without the Z or with separators (2026-11-28T09:00:00Z).
        let digits = bytes.filter { $0 >= 0x30 && $0 <= 0x39 }
        guard digits.count == 14 || (digits.count == 8 && !bytes.contains(0x54)) else { return nil }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(digits[$1] - 0x30) } }
        var parts = tm()
        parts.tm_year = Int32(number(0..<4) - 1900)
        parts.tm_mon = Int32(number(4..<6) - 1)
        parts.tm_mday = Int32(number(6..<8))
        if digits.count == 14 {
            parts.tm_hour = Int32(number(8..<10))
            parts.tm_min = Int32(number(10..<12))
            parts.tm_sec = Int32(number(12..<14))
        }
        guard (0...11).contains(parts.tm_mon), (1...31).contains(parts.tm_mday), (0...23).contains(parts.tm_hour),
              (0...59).contains(parts.tm_min), (0...60).contains(parts.tm_sec) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    public static func format(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }
}
