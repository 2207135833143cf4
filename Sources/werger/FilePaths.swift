import Foundation

/// Which file a path names, so a command refuses to write over a file it reads (an article, the
/// memory's database) however the path is spelt: relative, through a link, or a hard link.
enum FilePaths {
    /// The file's device and inode (symbolic links followed), nil when there is no such file.
    static func identity(of path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// The file an open descriptor is (standard output: `1`), as `identity(of:)` gives it.
    static func identity(ofDescriptor descriptor: Int32) -> [UInt64]? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// The folder a path's file is in: `.` for a bare name, `/` for a file at the root.
    /// (Foundation's `deletingLastPathComponent` crashes on a one-letter relative name here.)
    static func parentFolder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The name under which `folder` holds the file `identity` is (a link's target, a hard link), if any.
    static func name(in folder: String, of identity: [UInt64]) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        return names.first { Self.identity(of: folder + "/" + $0) == identity }
    }

    /// What `path` is of the memory's folder, when writing it would replace one of the files the
    /// memory is made of (its database, log, lock, the TMX files it was seeded from): "is in the
    /// memory's folder …", or, through a link, "is the memory's werger.sqlite"; nil otherwise.
    static func memoryFile(_ path: String, memoryFolder: String) -> String? {
        if identity(of: parentFolder(of: path)) == identity(of: memoryFolder) { return "is in the memory's folder \(memoryFolder)" }
        if let file = identity(of: path), let name = name(in: memoryFolder, of: file) { return "is the memory's \(name) (through a link)" }
        return nil
    }
}
