import CICU
import Foundation

/// Reads a document in bounded memory and hands it out as UTF-16 chunks that end at paragraph
/// boundaries, so a 200 MB article is segmented piece by piece with the same result as a whole.
///
/// Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy code pages (windows-1256,
/// ISO-8859-6, …) recognised by ICU's charset detector or named by the caller. Undecodable bytes
/// and NUL bytes are errors with their byte offset; nothing is replaced silently.
public final class DocumentReader {
    /// One piece of the document.
    public struct Chunk {
        /// The text, in UTF-16 code units.
        public var units: [UInt16]
        /// Whether the chunk ends at a paragraph boundary (a blank line or the end of the document).
        /// A chunk cut inside an over-long paragraph does not.
        public var endsParagraph: Bool
    }

    /// The name shown in errors (`-` is standard input).
    public let name: String
    /// The encoding in use, once the first block was read (e.g. `UTF-8`, `windows-1256`).
    public private(set) var encoding: String?

    private let handle: FileHandle
    private let forcedEncoding: String?
    private var decoder: OpaquePointer?
    private var bytesRead = 0
    private var byteBase = 0
    private var pending: [UInt16] = []
    private var finished = false
    private var isUTF16 = false
    /// UTF-16 units decoded so far (to turn a NUL unit of UTF-16 input into a byte offset).
    private var unitsDecoded = 0
    /// Where the search for a blank line resumes: everything before it holds none.
    private var scanFrom = 0

    /// Bytes read per step; the decoded text of one block is at most twice this in memory.
    let blockSize: Int
    /// Past this many units without a blank line, a chunk is cut at a line break (or a space).
    let maximumChunk: Int

    /// Opens `path` (`-` for standard input). `encoding` forces an encoding by its ICU name.
    public init(path: String, encoding: String? = nil, blockSize: Int = 1 << 20) throws(DocumentError) {
        name = path
        forcedEncoding = encoding
        self.blockSize = blockSize
        maximumChunk = max(blockSize * 4, 1 << 16)
        if let encoding {
            var error: Int32 = 0
            let probe = wicu_decoder_open(encoding, &error)
            guard let probe else { throw .unsupportedEncoding(name: encoding) }
            wicu_decoder_close(probe)
        }
        if path == "-" {
            handle = FileHandle.standardInput
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(file: path) }
        if isDirectory.boolValue { throw .unreadable(file: path, reason: "it is a folder") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(file: path, reason: "permission denied")
        }
        self.handle = handle
    }

    deinit {
        if let decoder { wicu_decoder_close(decoder) }
        if name != "-" { try? handle.close() }
    }

    /// The next chunk of text, or nil at the end of the document.
    public func nextChunk() throws(DocumentError) -> Chunk? {
        while !finished {
            let block: Data
            do { block = try handle.read(upToCount: blockSize) ?? Data() } catch {
                throw .unreadable(file: name, reason: error.localizedDescription)
            }
            let last = block.isEmpty
            try decode(block, flush: last)
            if last {
                finished = true
                break
            }
            if let cut = chunkEnd(force: pending.count > maximumChunk) {
                let chunk = Chunk(units: Array(pending[..<cut.index]), endsParagraph: cut.paragraph)
                pending.removeFirst(cut.index)
                scanFrom = 0
                return chunk
            }
            scanFrom = max(0, pending.count - 8)
        }
        guard !pending.isEmpty else { return nil }
        let chunk = Chunk(units: pending, endsParagraph: true)
        pending = []
        return chunk
    }

    /// A whole file as one string, as the reader decodes it, fast: valid UTF-8 without NUL bytes
    /// (after a BOM, if any) — most articles — is exactly the text the reader would decode, so it is
    /// taken as it is; anything else (another encoding, a bad byte, a binary or missing file, `-`)
    /// goes through the reader, which detects the encoding or names the problem. Decoded through
    /// UTF-8: building a `String` from UTF-16 is several times slower, and a batch reads hundreds.
    public static func text(ofFile path: String, encoding: String? = nil) throws(DocumentError) -> String {
        // `memchr` over the bytes: `Data.contains` walks them one iterator step at a time (2% of a batch alignment).
        if encoding == nil, path != "-", let data = FileManager.default.contents(atPath: path),
           data.withUnsafeBytes({ bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) == nil } ?? true }) {
            let bom = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            if let text = String(validating: data.dropFirst(bom), as: UTF8.self), !text.isEmpty { return text }
        }
        let reader = try DocumentReader(path: path, encoding: encoding)
        var bytes: [UInt8] = []
        while let chunk = try reader.nextChunk() {
            bytes.reserveCapacity(bytes.count + chunk.units.count * 2)
            // Through a buffer pointer: indexing the chunk's array retained it once per code unit.
            chunk.units.withUnsafeBufferPointer { units in
                var i = 0
                while i < units.count { i += UTF8Transcoding.append(units, at: i, end: units.count, to: &bytes) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads the whole document as one string (for small inputs: lookups, tests).
    public func readAll() throws(DocumentError) -> String {
        var units: [UInt16] = []
        while let chunk = try nextChunk() { units.append(contentsOf: chunk.units) }
        return String(decoding: units, as: UTF16.self)
    }

    private func decode(_ block: Data, flush: Bool) throws(DocumentError) {
        var bytes = [UInt8](block)
        if decoder == nil {
            if bytes.isEmpty && flush { return }
            let start = try openDecoder(for: bytes)
            if start > 0 { bytes.removeFirst(start) }
            byteBase = start
            bytesRead = start
        }
        if !isUTF16, let nul = bytes.firstIndex(of: 0) { throw .binary(file: name, byteOffset: bytesRead + nul) }
        pending.reserveCapacity(pending.count + bytes.count + 2)
        let capacity = bytes.count * 2 + 16
        var written: Int32 = 0
        var badOffset: Int32 = -1
        var error: Int32 = 0
        var output = [UInt16](repeating: 0, count: capacity)
        bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                input.withMemoryRebound(to: CChar.self) { source in
                    written = wicu_decoder_decode(decoder, source.baseAddress, Int32(source.count), out.baseAddress,
                                                  Int32(capacity), flush ? 1 : 0, &badOffset, &error)
                }
            }
        }
        if error > 0 {
            let offset = max(0, bytesRead + Int(badOffset))
            throw .undecodable(file: name, byteOffset: offset, encoding: encoding ?? "text")
        }
        if isUTF16, let nul = output[..<Int(written)].firstIndex(of: 0) {
            throw .binary(file: name, byteOffset: byteBase + 2 * (unitsDecoded + nul))
        }
        unitsDecoded += Int(written)
        pending.append(contentsOf: output[..<Int(written)])
        bytesRead += bytes.count
    }

    /// Chooses the encoding from the BOM, the caller, or the bytes; returns the BOM's length.
    private func openDecoder(for bytes: [UInt8]) throws(DocumentError) -> Int {
        var name: String
        var skip = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { name = "UTF-8"; skip = 3 }
        else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            name = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            skip = 2
            if Self.isUTF8BehindAUTF16Mark(bytes) { throw .strayByteOrderMark(file: self.name, encoding: name) }
        }
        // `--encoding` names the encoding of files that are not UTF-8: `werger align` reads two files
        // with it, and the English one is UTF-8 more often than not. Only UTF-8's multi-byte
        // sequences tell it apart (plain ASCII reads the same in the encodings a newsroom uses).
        else if let forcedEncoding, !(Self.looksLikeUTF8(bytes) && bytes.contains(where: { $0 >= 0x80 }) && !bytes.contains(0)) {
            name = forcedEncoding
        }
        else if bytes.contains(0), let utf16 = Self.utf16WithoutMark(bytes) { throw .unmarkedUTF16(file: self.name, encoding: utf16) }
        else if Self.looksLikeUTF8(bytes) { name = "UTF-8" }
        else if bytes.contains(0) { throw .binary(file: self.name, byteOffset: bytes.firstIndex(of: 0)!) }
        else {
            var detected = [CChar](repeating: 0, count: 64)
            var error: Int32 = 0
            let sample = Array(bytes.prefix(1 << 16))
            let confidence = sample.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    wicu_detect_charset($0.baseAddress, Int32($0.count), &detected, 64, &error)
                }
            }
            let found = icuText(detected)
            // A stray byte in otherwise plain text looks like Latin-1 to the detector; reporting the
            // byte is more useful than guessing. Other code pages (windows-1256, ISO-8859-6) are taken.
            let latin1 = ["ISO-8859-1", "windows-1252", "UTF-8"].contains(found)
            guard confidence >= 10, !found.isEmpty, !latin1 else {
                // Mostly UTF-8 with a bad byte: report the byte, not a guess.
                if let bad = Self.firstInvalidUTF8(bytes) {
                    throw .undecodable(file: self.name, byteOffset: bad, encoding: "UTF-8")
                }
                throw .unknownEncoding(file: self.name)
            }
            name = found
        }
        var error: Int32 = 0
        guard let decoder = wicu_decoder_open(name, &error) else { throw .unsupportedEncoding(name: name) }
        self.decoder = decoder
        encoding = name
        isUTF16 = name.uppercased().hasPrefix("UTF-16")
        return skip
    }

    /// Whether a block that opens with a UTF-16 byte order mark holds UTF-8 text after it (a mark
    /// an editor or a concatenation left in front of a UTF-8 file). Read as UTF-16, such text turns
    /// into CJK-looking characters without any error, and every sentence would be lost. UTF-16 text
    /// writes each space, digit and line break with a zero byte; UTF-8 text behind the mark has no
    /// zero byte, has spaces or line breaks, and is valid UTF-8 throughout. (UTF-16 Arabic letters
    /// are valid UTF-8 byte by byte, so a single word without a space stays UTF-16.)
    static func isUTF8BehindAUTF16Mark(_ bytes: [UInt8]) -> Bool {
        // Real UTF-16 stops at its first zero byte, a few bytes in: the block is copied only for UTF-8's check.
        let text = bytes.dropFirst(2)
        guard !text.contains(0), text.contains(where: { $0 == 0x20 || $0 == 0x0A }) else { return false }
        return looksLikeUTF8(Array(text))
    }

    /// "UTF-16LE" or "UTF-16BE" when the bytes read as text in it without a byte order mark: in the
    /// first thousand byte pairs, a NUL in one place of most pairs (Latin text) or of a few, never
    /// both places at once, and no NUL pair (Arabic-script text has no NUL byte, but then its high
    /// bytes are 0x06 in the same place of nearly every pair).
    static func utf16WithoutMark(_ bytes: [UInt8]) -> String? {
        let pairs = min(bytes.count / 2, 1000)
        guard pairs >= 4 else { return nil }
        var even = 0, odd = 0
        for k in 0..<pairs {
            let (a, b) = (bytes[2 * k], bytes[2 * k + 1])
            if a == 0 && b == 0 { return nil }
            if a == 0 || (0x01...0x07).contains(a) && b >= 0x20 { even += 1 }
            if b == 0 || (0x01...0x07).contains(b) && a >= 0x20 { odd += 1 }
        }
        if odd * 10 >= pairs * 9, even * 10 < pairs { return "UTF-16LE" }
        if even * 10 >= pairs * 9, odd * 10 < pairs { return "UTF-16BE" }
        return nil
    }

    /// Whether the block is UTF-8 (a sequence cut by the block's end is allowed).
    static func looksLikeUTF8(_ bytes: [UInt8]) -> Bool {
        guard let bad = firstInvalidUTF8(bytes) else { return true }
        return bad >= bytes.count - 3 && bytes.count > 3 && bad > 0 && truncatedTail(bytes, from: bad)
    }

    private static func truncatedTail(_ bytes: [UInt8], from index: Int) -> Bool {
        let lead = bytes[index]
        let needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
        return needed > 0 && bytes.count - index < needed && bytes[(index + 1)...].allSatisfy { $0 & 0xC0 == 0x80 }
    }

    /// The offset of the first byte that breaks UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { return i }
            i += length
        }
        return nil
    }

    /// Where to cut `pending`: after its last blank line; when `force`, after its last line break
    /// or space instead (an over-long paragraph).
    private func chunkEnd(force: Bool) -> (index: Int, paragraph: Bool)? {
        var i = pending.count - 1
        var lastBreak: Int?
        while i >= scanFrom {
            let u = pending[i]
            if u == 0x0A || u == 0x2029 {
                if let lastBreak { return (lastBreak, true) }
                lastBreak = i + 1
            } else if !(u == 0x0D || UTF16Class.isHorizontalSpace(u)) {
                lastBreak = nil
            }
            i -= 1
        }
        guard force else { return nil }
        // Prefer a line break that is not a hard wrap (a wrap's line ends with a space), so a
        // wrapped sentence is not cut in two.
        if let lastLineBreak = pending.lastIndex(where: { UTF16Class.isLineBreak($0) }), lastLineBreak > 0 {
            var i = lastLineBreak
            while i > 0 {
                if UTF16Class.isLineBreak(pending[i]) {
                    let lineEnd = pending[i - 1] == 0x0D ? i - 1 : i
                    if lineEnd > 0, !UTF16Class.isHorizontalSpace(pending[lineEnd - 1]) { return (i + 1, false) }
                }
                i -= 1
            }
            // Every line is wrapped: cut after a sentence end instead.
            if let stop = pending.indices.reversed().first(where: {
                $0 > 0 && UTF16Class.isHorizontalSpace(pending[$0]) && UTF16Class.isTerminator(pending[$0 - 1])
            }) {
                return (stop + 1, false)
            }
            return (lastLineBreak + 1, false)
        }
        if let lastSpace = pending.lastIndex(where: { UTF16Class.isHorizontalSpace($0) }), lastSpace > 0 {
            return (lastSpace + 1, false)
        }
        let cut = pending.count - 1
        // Never split a surrogate pair.
        return (pending[cut - 1] >= 0xD800 && pending[cut - 1] <= 0xDBFF ? cut - 1 : cut, false)
    }
}
