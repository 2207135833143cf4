import Foundation

/// Standard output, buffered: segments of a large document are written in big blocks.
final class Output {
    private var buffer: [UInt8] = []
    private let limit = 1 << 16
    private let descriptor: Int32
    private let target: String

    /// Standard output, or a file descriptor the caller opened for `target` (named in errors).
    init(descriptor: Int32 = 1, target: String = "standard output") {
        self.descriptor = descriptor
        self.target = target
        buffer.reserveCapacity(limit + 4096)
    }

    func write(_ string: String) { buffer.append(contentsOf: string.utf8) }
    func write(byte: UInt8) { buffer.append(byte) }
    func write(_ number: Int) { write(String(number)) }

    /// Appends UTF-16 text as UTF-8, with `escape` choosing a replacement for some units.
    func write(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, escape: (UInt16) -> String?) {
        var i = range.lowerBound
        while i < range.upperBound {
            let u = units[i]
            if let replacement = escape(u) {
                write(replacement)
                i += 1
                continue
            }
            if u < 0x80 {
                buffer.append(UInt8(u))
            } else if u < 0x800 {
                buffer.append(UInt8(0xC0 | (u >> 6)))
                buffer.append(UInt8(0x80 | (u & 0x3F)))
            } else if u >= 0xD800 && u <= 0xDBFF && i + 1 < range.upperBound
                        && units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF {
                let scalar = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00)
                buffer.append(UInt8(0xF0 | (scalar >> 18)))
                buffer.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
                buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                buffer.append(UInt8(0x80 | (scalar & 0x3F)))
                i += 1
            } else {
                // A lone surrogate cannot come from a decoded file; write U+FFFD rather than bad UTF-8.
                let v: UInt16 = (u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u
                buffer.append(UInt8(0xE0 | (v >> 12)))
                buffer.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                buffer.append(UInt8(0x80 | (v & 0x3F)))
            }
            i += 1
        }
    }

    func flushIfFull() throws(OutputError) { if buffer.count >= limit { try flush() } }

    func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        let failure = buffer.withUnsafeBytes { bytes -> Int32? in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        buffer.removeAll(keepingCapacity: true)
        if let failure { throw OutputError(target: target, reason: String(cString: strerror(failure))) }
    }
}

struct OutputError: Error, CustomStringConvertible {
    var target = "standard output"
    var reason = "disk full or closed pipe"
    var description: String { "\(target): cannot write: \(reason)" }
}
