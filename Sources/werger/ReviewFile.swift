import Foundation

/// `--review FILE`, checked before anything is read or aligned: a path that cannot be written
/// fails at once, and a path that names an article is refused, since the review file is emptied
/// when it is opened.
enum ReviewFile {
    /// `inputs`: the source and target files, or (`folders`) the two folders of a batch, whose every
    /// file is an article (a review file there would also be read as one by the next run).
    static func check(_ path: String, inputs: [String], folders: Bool) throws {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let file = identity(of: path), parent = identity(of: folder)
        for input in inputs {
            guard let input = identity(of: input).map({ ($0, input) }) else { continue }
            if folders, let parent, parent == input.0 {
                throw CLIUsageError(message: "--review \(path): is in \(input.1), which --batch reads articles from; "
                                    + "write the review file in another folder")
            }
            if !folders, let file, file == input.0 {
                throw CLIUsageError(message: "--review \(path): is the article \(input.1) itself; name another file for the beads to check")
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw OutputError(target: path, reason: "is a folder; name a file for the beads to check") }
            if access(path, W_OK) != 0 { throw OutputError(target: path, reason: String(cString: strerror(errno))) }
        } else if parent == nil {
            throw OutputError(target: path, reason: "no such folder; create it or write the review file elsewhere")
        } else if access(folder, W_OK) != 0 {
            throw OutputError(target: path, reason: "\(String(cString: strerror(errno))) (in \(folder))")
        }
    }

    /// The file's device and inode (symbolic links followed), nil when there is no such file.
    private static func identity(of path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }
}
