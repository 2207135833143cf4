/// UTF-16 to UTF-8 without building a `String` per piece: the CLI writes millions of segments and
/// an import folds millions of texts.
public enum UTF8Transcoding {
    /// Appends the character starting at `units[i]` to `bytes`; returns how many units it took (1 or
    /// 2). A lone surrogate, which no decoded file holds, becomes U+FFFD rather than bad UTF-8.
    @inlinable @inline(__always)
    public static func append<Units: RandomAccessCollection>(_ units: Units, at i: Units.Index, end: Units.Index,
                                                              to bytes: inout [UInt8]) -> Int where Units.Element == UInt16 {
        let u = units[i]
        if u < 0x80 {
            bytes.append(UInt8(u))
        } else if u < 0x800 {
            bytes.append(UInt8(0xC0 | (u >> 6)))
            bytes.append(UInt8(0x80 | (u & 0x3F)))
        } else if u >= 0xD800, u <= 0xDBFF, units.index(after: i) < end,
                  units[units.index(after: i)] >= 0xDC00, units[units.index(after: i)] <= 0xDFFF {
            let scalar = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[units.index(after: i)]) - 0xDC00)
            bytes.append(UInt8(0xF0 | (scalar >> 18)))
            bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (scalar & 0x3F)))
            return 2
        } else {
            let v: UInt16 = (u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
        return 1
    }
}
