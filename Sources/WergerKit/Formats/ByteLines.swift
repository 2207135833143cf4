import Foundation

/// Reads a file as UTF-8 in blocks and hands out records, so delimited and JSON Lines files of any
/// size import in bounded memory. A UTF-8 byte-order mark is skipped.
struct ByteRecords {
    private let handle: FileHandle
    private let name: String
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    private var first = true
    /// The 1-based line where the record last returned started.
    private(set) var line = 0
    private var nextLine = 1

    init(path: String, name: String) throws(FormatError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FormatError(file: name, line: 0, message: "cannot be read (\(String(cString: strerror(errno))))")
        }
        self.handle = handle
        self.name = name
    }

    /// The next record's raw bytes: up to a line feed outside quotes. With `quoted` (CSV), a quote
    /// opens quoting only at the start of a field and `""` inside quotes is a literal quote — the
    /// same rule `DelimitedFormat.fields` splits by, so a stray `"` (`5" screen`) never swallows the
    /// next lines. Nil at the end.
    mutating func next(quoted: Bool) throws(FormatError) -> [UInt8]? {
        var record: [UInt8] = []
        var inQuotes = false
        var fieldStart = true
        // Inside quotes, a quote either closes them or, doubled, stands for itself.
        var quoteSeen = false
        line = nextLine
        while true {
            if position == buffer.count {
                if finished { return record.isEmpty && !quoteSeen ? nil : record }
                try fill()
                if position == buffer.count { finished = true; continue }
            }
            let byte = buffer[position]
            position += 1
            if quoted {
                if quoteSeen {
                    quoteSeen = false
                    if byte == 0x22 { record.append(byte); continue }  // "" inside quotes
                    inQuotes = false
                }
                if inQuotes && byte == 0x22 {
                    quoteSeen = true
                    record.append(byte)
                    continue
                }
                if !inQuotes && fieldStart && byte == 0x22 {
                    inQuotes = true
                    fieldStart = false
                    record.append(byte)
                    continue
                }
                fieldStart = !inQuotes && byte == 0x2C
            }
            if byte == 0x0A {
                nextLine += 1
                if !inQuotes {
                    if record.last == 0x0D { record.removeLast() }
                    return record
                }
            }
            record.append(byte)
        }
    }

    private mutating func fill() throws(FormatError) {
        let data: Data
        do { data = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
            throw FormatError(file: name, line: nextLine, message: "cannot be read: \(error.localizedDescription)")
        }
        buffer = [UInt8](data)
        position = 0
        if first {
            first = false
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            if buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) {
                throw FormatError(file: name, line: 1, message: "UTF-16 is not supported for this format; save the file as UTF-8")
            }
        }
    }

    /// Decodes bytes as UTF-8, or names the line of the first bad byte.
    func string(_ bytes: ArraySlice<UInt8>) throws(FormatError) -> String {
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw FormatError(file: name, line: line, message: "not valid UTF-8; save the file as UTF-8")
        }
        if string.utf8.contains(0) { throw FormatError(file: name, line: line, message: "NUL byte: a binary file, not text") }
        return string
    }
}
