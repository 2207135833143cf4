import Foundation

/// A file to import that cannot be read twice — standard input (`-`), a pipe or FIFO
/// (`<(unzip -p tm.zip)`) — copied to a temporary file first. An import reads its file more than
/// once (the format is told from its first bytes, its size is checked, then it is parsed), and a
/// pipe gives its bytes only once: read in place, it would look empty or lose its head. The copy is
/// written in blocks, never held in memory. On Linux it is unlinked as soon as it is made and read
/// through its open descriptor (`/dev/fd/N`, which Linux opens afresh, from the start), so it is gone
/// when werger ends, however it ends (Ctrl-C, kill). Elsewhere `/dev/fd/N` shares the copy's read
/// position, so the copy keeps its name until it is closed.
struct SpooledInput {
    /// The path to read: the copy, or the file itself when it is a plain file (nothing is copied).
    let path: String
    /// The name the user knows the input by, for messages and the units' origin.
    let name: String?
    /// The copy's descriptor, and its name where it keeps one.
    private let copyDescriptor: Int32?
    private let copyName: String?

    init(_ file: String) throws {
        var info = stat()
        let found = file != "-" && stat(file, &info) == 0
        let kind = info.st_mode & S_IFMT
        if found, kind == S_IFCHR || kind == S_IFBLK || kind == S_IFSOCK {
            // `/dev/zero` would be copied until the disk is full; a socket is not opened as a file.
            let what = kind == S_IFSOCK ? "a socket" : "a device"
            throw SpoolError(name: file, reason: "is \(what), not a file; to import what a program writes, pipe it in: … | werger import -", code: 64)
        }
        guard file == "-" || (found && kind == S_IFIFO) else {
            path = file
            name = nil
            copyDescriptor = nil
            copyName = nil
            return
        }
        let label = file == "-" ? "standard input" : file.hasPrefix("/dev/") ? file : URL(fileURLWithPath: file).lastPathComponent
        if file == "-", fcntl(0, F_GETFD) == -1 {
            throw SpoolError(name: label, reason: "is closed; name the file to import, or pipe it in")
        }
        let source = file == "-" ? 0 : open(file, O_RDONLY)
        guard source >= 0 else { throw SpoolError(name: label, reason: String(cString: strerror(errno))) }
        defer { if source != 0 { close(source) } }
        let folder = NSTemporaryDirectory()
        var template = Array((folder + "werger-import-XXXXXX").utf8CString)
        let target = mkstemp(&template)
        guard target >= 0 else { throw Self.copyFailed(label, folder) }
        let copyPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        #if os(Linux)
        unlink(copyPath)
        copyName = nil
        path = "/dev/fd/\(target)"
        #else
        copyName = copyPath
        path = copyPath
        #endif
        do {
            try Self.spool(from: source, to: target, label: label, folder: folder)
        } catch {
            close(target)
            if let copyName { unlink(copyName) }
            throw error
        }
        name = label
        copyDescriptor = target
    }

    /// The pipe `file` names (standard input for `-`), as device and inode; nil for anything else.
    /// A pipe gives its bytes once: named twice (`- /dev/stdin`, `f f`), the second read would wait
    /// for a writer that never comes.
    static func pipeIdentity(_ file: String) -> [UInt64]? {
        if file == "-" { return FilePaths.identity(ofDescriptor: 0) }
        var info = stat()
        guard stat(file, &info) == 0, info.st_mode & S_IFMT == S_IFIFO else { return nil }
        return FilePaths.identity(of: file)
    }

    /// Lets the copy go, which frees its space.
    func release() {
        if let copyDescriptor { close(copyDescriptor) }
        if let copyName { unlink(copyName) }
    }

    private static func copyFailed(_ label: String, _ folder: String) -> SpoolError {
        SpoolError(name: label, reason: "cannot make a temporary copy in \(folder): \(String(cString: strerror(errno))); set TMPDIR to a folder with room")
    }

    private static func spool(from source: Int32, to target: Int32, label: String, folder: String) throws {
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = block.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count == 0 { return }
            if count < 0 {
                switch errno {
                case EINTR: continue
                case EAGAIN:
                    // Standard input left non-blocking by the program feeding it: wait for bytes.
                    var ready = pollfd(fd: source, events: Int16(POLLIN), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                default: throw SpoolError(name: label, reason: String(cString: strerror(errno)))
                }
            }
            var written = 0
            while written < count {
                let step = block.withUnsafeBytes { write(target, $0.baseAddress! + written, count - written) }
                if step < 0, errno == EINTR { continue }
                guard step > 0 else { throw Self.copyFailed(label, folder) }
                written += step
            }
        }
    }
}

/// Standard input or a pipe that could not be read to the end.
struct SpoolError: Error, CustomStringConvertible {
    let name: String
    let reason: String
    /// 74 (input/output) unless said otherwise.
    var code: Int32 = 74
    var description: String { "\(name): \(reason)" }
}
