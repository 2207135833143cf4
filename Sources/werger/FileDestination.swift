import Foundation

/// Where a command writes a file (`export -o`, `align --review`): standard output, or a temporary
/// file renamed over the destination once the command has succeeded, so a failed run never leaves
/// half a file behind, nor an earlier file emptied.
struct FileDestination {
    let descriptor: Int32
    let path: String?
    let temporary: String?

    init(path: String?) throws {
        guard let path, path != "-" else {
            descriptor = 1
            self.path = nil
            temporary = nil
            return
        }
        guard !path.isEmpty else { throw CLIUsageError(message: "-o needs a file name (or - for standard output)") }
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists, info.st_mode & S_IFMT == S_IFDIR { throw OutputError(target: path, reason: "is a folder; name a file") }
        if exists, info.st_mode & S_IFMT != S_IFREG {
            // A device, a pipe or a FIFO (`-o /dev/null`, `-o /dev/stdout`) is written to as it is:
            // a rename would put a plain file in its place.
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { throw OutputError(target: path, reason: String(cString: strerror(errno))) }
            descriptor = fd
            self.path = path
            temporary = nil
            return
        }
        // A link is followed, so the file it names is replaced and the link stays; a file the user may
        // not write is not replaced behind its back, and a replaced file keeps its permissions.
        var target = path
        if exists, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        if exists, access(target, W_OK) != 0 { throw OutputError(target: path, reason: String(cString: strerror(errno))) }
        let temporary = target + ".part-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw OutputError(target: path, reason: String(cString: strerror(errno))) }
        if exists { fchmod(fd, info.st_mode & 0o7777) }
        descriptor = fd
        self.path = target
        self.temporary = temporary
    }

    func commit() throws {
        guard let path else { return }
        guard let temporary else {
            // Written in place (a device or a pipe): only a delayed write error is left to hear of.
            guard close(descriptor) == 0 else { throw OutputError(target: path, reason: String(cString: strerror(errno))) }
            return
        }
        // close() may report a delayed write error.
        guard close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(target: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputError(target: path, reason: reason)
        }
    }

    /// A failed run: the partial file goes.
    func abandon() {
        guard let temporary else { return }
        close(descriptor)
        unlink(temporary)
    }
}
