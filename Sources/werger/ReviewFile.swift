import Foundation

/// `--review FILE`, checked before anything is read or aligned: a path that cannot be written
/// fails at once, and a path that names a file the run reads — an article, the glossary, anything in
/// the memory's folder — is refused, since the review file is emptied when it is opened.
enum ReviewFile {
    /// `articles`: the source and target files, or (`folders`) the two folders of a batch, whose every
    /// file is an article (a review file there would also be read as one by the next run).
    /// `others`: files the run reads (the glossary), named in the message; `memoryFolder`: the
    /// memory's folder, whose database, lock and seed files are not for overwriting.
    static func check(_ path: String, articles: [String], folders: Bool, others: [String], memoryFolder: String?) throws {
        let folder = FilePaths.parentFolder(of: path)
        let file = FilePaths.identity(of: path), parent = FilePaths.identity(of: folder)
        func refuse(_ what: String) -> CLIUsageError { CLIUsageError(message: "--review \(path): \(what)") }
        for input in articles {
            guard let inputIdentity = FilePaths.identity(of: input) else { continue }
            if !folders, let file, file == inputIdentity { throw refuse("is the article \(input) itself; name another file for the beads to check") }
            guard folders else { continue }
            if let parent, parent == inputIdentity { throw refuse("is in \(input), which --batch reads articles from; write the review file in another folder") }
            // A link elsewhere to one of the folder's articles is that article.
            if let file, let name = FilePaths.name(in: input, of: file) {
                throw refuse("is the article \(input)/\(name); name another file for the beads to check")
            }
        }
        for other in others where file != nil && FilePaths.identity(of: other) == file {
            throw refuse("is \(other), which this run reads; name another file for the beads to check")
        }
        // `/dev/stdout`, or the file standard output is redirected to: the review lines would be
        // mixed into the beads (as `--review -` would; `/dev/null` for both mixes nothing).
        if let file, file == FilePaths.identity(ofDescriptor: 1), file != FilePaths.identity(of: "/dev/null") {
            throw refuse("is where the beads go (standard output); name another file, or leave --review out to list the beads to check on stderr")
        }
        if let memoryFolder, let what = FilePaths.memoryFile(path, memoryFolder: memoryFolder) {
            throw refuse("\(what); write the review file elsewhere")
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
}
