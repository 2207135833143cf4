import CICU

/// Calls an ICU function that fills a `char` buffer and returns its length, growing the buffer
/// once when ICU reports it was too small.
func icuString(_ fill: (UnsafeMutablePointer<CChar>, Int32, UnsafeMutablePointer<Int32>) -> Int32) -> String? {
    var capacity: Int32 = 160
    for _ in 0..<2 {
        var error: Int32 = 0
        var buffer = [CChar](repeating: 0, count: Int(capacity) + 1)
        let length = buffer.withUnsafeMutableBufferPointer { fill($0.baseAddress!, capacity, &error) }
        if error == 15 /* U_BUFFER_OVERFLOW_ERROR */ { capacity = length + 1; continue }
        if error > 0 { return nil }
        return icuText(buffer.prefix(Int(min(length, capacity))))
    }
    return nil
}

/// The text of a `char` buffer an ICU call filled, up to its first NUL (names and tags are ASCII;
/// read as UTF-8 so that nothing else is lost either).
func icuText(_ chars: some Sequence<CChar>) -> String {
    String(decoding: chars.lazy.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
