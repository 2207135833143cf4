/// Why a document cannot be read. Messages are short and say where and what to do.
public enum DocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not exist.
    case missing(file: String)
    /// The file exists but cannot be read (a folder, no permission, an I/O failure).
    case unreadable(file: String, reason: String)
    /// Bytes that are not text in the document's encoding.
    case undecodable(file: String, byteOffset: Int, encoding: String)
    /// A NUL byte: a binary file, not a text document.
    case binary(file: String, byteOffset: Int)
    /// No encoding could be recognised.
    case unknownEncoding(file: String)
    /// UTF-16 text without a byte order mark (its NUL bytes would read as a binary file).
    case unmarkedUTF16(file: String, encoding: String)
    /// A UTF-16 byte order mark in front of UTF-8 text.
    case strayByteOrderMark(file: String, encoding: String)
    /// `--encoding` names an encoding ICU does not know.
    case unsupportedEncoding(name: String)
    /// A control character a translation memory and TMX cannot hold (`XMLCharacters`), in a
    /// document whose sentences are to be stored or written as TMX.
    case controlCharacter(file: String, line: Int, scalar: UInt32)

    public var description: String {
        switch self {
        case .missing(let file):
            return "\(file): no such file"
        case .unreadable(let file, let reason):
            return "\(file): cannot be read: \(reason)"
        case .undecodable(let file, let offset, let encoding):
            let hint = encoding == "UTF-8"
                ? "save it as UTF-8, or name its encoding with --encoding (e.g. windows-1256)"
                : "check the file, or name another encoding with --encoding"
            return "\(file): byte \(offset): not valid \(encoding); \(hint)"
        case .binary(let file, let offset):
            return "\(file): byte \(offset): NUL byte; this is a binary file, not a text document"
        case .unmarkedUTF16(let file, let encoding):
            return "\(file): reads as \(encoding) text without a byte order mark; name it with --encoding \(encoding), "
                + "or save the file as UTF-8"
        case .unknownEncoding(let file):
            return "\(file): cannot tell the text encoding; name it with --encoding (e.g. UTF-8, windows-1256)"
        case .strayByteOrderMark(let file, let encoding):
            let mark = encoding == "UTF-16LE" ? "FF FE" : "FE FF"
            return "\(file): starts with a \(encoding) byte order mark (\(mark)) but its text is UTF-8; "
                + "remove those first two bytes, or save the file again as UTF-8"
        case .unsupportedEncoding(let name):
            return "unknown encoding '\(name)'; use a name ICU knows, e.g. UTF-8, UTF-16LE, windows-1256, ISO-8859-6"
        case .controlCharacter(let file, let line, let scalar):
            let code = "U+" + String(scalar, radix: 16, uppercase: true).leftPadded(to: 4)
            return "\(file): line \(line): control character \(code), which a translation memory and TMX cannot hold; "
                + "remove it from the file (pasted text often brings one)"
        }
    }

    /// The sysexits code a command should end with.
    public var exitCode: Int32 {
        switch self {
        case .missing: return 66
        case .unreadable: return 74
        case .undecodable, .binary, .unmarkedUTF16, .unknownEncoding, .strayByteOrderMark, .controlCharacter: return 65
        case .unsupportedEncoding: return 64
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
