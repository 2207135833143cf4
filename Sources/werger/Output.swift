import Foundation
import WergerKit

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

    /// A buffer that is never written out itself: a batch worker renders a document into it.
    init(buffering: Void) {
        descriptor = -1
        target = "a buffer"
    }

    func write(_ string: String) { buffer.append(contentsOf: string.utf8) }
    func write(byte: UInt8) { buffer.append(byte) }
    func write(_ bytes: UnsafeBufferPointer<UInt8>) { buffer.append(contentsOf: bytes) }
    /// Appends what another output (a worker's, not written anywhere) holds.
    func write(_ other: Output) { buffer.append(contentsOf: other.buffer) }
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
            i += UTF8Transcoding.append(units, at: i, end: range.upperBound, to: &buffer)
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
