import Foundation

/// A file to import that cannot be read twice — standard input (`-`), a pipe or FIFO
/// (`<(unzip -p tm.zip)`), a character device — copied to a temporary file first. An import reads
/// its file more than once (the format is told from its first bytes, its size is checked, then it is
/// parsed), and a pipe gives its bytes only once: read in place, it would look empty or lose its head.
/// The copy is written in blocks, never held in memory, and removed when the import is over.
struct SpooledInput {
    /// The path to read: the copy, or the file itself when it is a plain file (nothing is copied).
    let path: String
    /// The name the user knows the input by, for messages and the units' origin.
    let name: String?
    private let copy: String?

    init(_ file: String) throws {
        var info = stat()
        let isPlainOrAbsent = file != "-" && (stat(file, &info) != 0 || info.st_mode & S_IFMT == S_IFREG || info.st_mode & S_IFMT == S_IFDIR)
        guard !isPlainOrAbsent else {
            path = file
            name = nil
            copy = nil
            return
        }
        // A named FIFO is known by its name, as a file is; `<(…)`'s /dev/fd/63 only by its path.
        let label = file == "-" ? "standard input" : file.hasPrefix("/dev/") ? file : URL(fileURLWithPath: file).lastPathComponent
        let source = file == "-" ? 0 : open(file, O_RDONLY)
        guard source >= 0 else { throw SpoolError(name: label, reason: String(cString: strerror(errno))) }
        defer { if source != 0 { close(source) } }
        let template = NSTemporaryDirectory() + "werger-import-XXXXXX"
        var bytes = Array(template.utf8CString)
        let target = mkstemp(&bytes)
        guard target >= 0 else { throw SpoolError(name: label, reason: "cannot make a temporary copy: \(String(cString: strerror(errno)))") }
        let copyPath = bytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { close(target) }
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = block.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                unlink(copyPath)
                throw SpoolError(name: label, reason: reason)
            }
            var written = 0
            while written < count {
                let step = block.withUnsafeBytes { write(target, $0.baseAddress! + written, count - written) }
                if step < 0, errno == EINTR { continue }
                guard step > 0 else {
                    let reason = String(cString: strerror(errno))
                    unlink(copyPath)
                    throw SpoolError(name: label, reason: "cannot make a temporary copy in \(NSTemporaryDirectory()): \(reason)")
                }
                written += step
            }
        }
        path = copyPath
        name = label
        copy = copyPath
    }

    /// Removes the copy, if one was made.
    func remove() { if let copy { unlink(copy) } }
}

/// Standard input or a pipe that could not be read to the end.
struct SpoolError: Error, CustomStringConvertible {
    let name: String
    let reason: String
    var description: String { "\(name): \(reason)" }
}
