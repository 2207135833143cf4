import Foundation

/// Where a memory lives: a folder holding `werger.sqlite` (made on first use) and, for a shipped
/// memory, TMX files that seed it.
public struct MemoryLocation: Sendable, Equatable {
    public let folder: URL
    public var database: URL { folder.appendingPathComponent(Self.databaseName) }
    /// The database file in a memory folder.
    public static let databaseName = "werger.sqlite"

    public init(folder: URL) { self.folder = folder.standardizedFileURL }

    /// `--memory DIR`, else `$WERGER_MEMORY`, else the nearest `memory/` folder from `directory`
    /// upwards (as git finds `.git`).
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               from directory: String = FileManager.default.currentDirectoryPath) throws(MemoryError) -> MemoryLocation {
        if let option, !option.isEmpty { return try named(option) }
        if let variable = environment["WERGER_MEMORY"], !variable.isEmpty { return try named(variable) }
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent("memory")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return MemoryLocation(folder: candidate)
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        throw .notFound(searchedFrom: directory)
    }

    /// A folder the user named: one that does not exist yet is made on the first write, but a file
    /// there is a mistake, which would otherwise surface as a lock file that cannot be made inside
    /// it — most often the database itself, `--memory memory/werger.sqlite`, which is refused even
    /// before it exists (it would become a folder of that name holding a second database).
    private static func named(_ path: String) throws(MemoryError) -> MemoryLocation {
        let folder = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists ? !isDirectory.boolValue : folder.lastPathComponent == databaseName { throw .notAFolder(path: path) }
        // A link to a folder that is gone (moved, an unmounted share) would be reported as a file
        // that is in the way when the memory folder is made.
        var link = path
        while link.count > 1, link.hasSuffix("/") { link.removeLast() }
        if !exists, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link) {
            var info = stat()
            let loop = stat(link, &info) != 0 && errno == ELOOP
            throw .io(path: path, detail: loop ? "is a link in a loop of links (to \(target)); mend the link, or pass the memory's folder itself"
                                                : "is a link to \(target), which does not exist; mend the link, or pass the memory's folder itself")
        }
        return MemoryLocation(folder: folder)
    }

    /// Whether there is a memory to read here: a database, or TMX files to make one from.
    public var holdsMemory: Bool { (fileSize(atPath: database.path) ?? 0) > 0 || !seedFiles.isEmpty }

    /// The TMX files that seed a new memory (the shipped starter memory), in name order: files
    /// (or links to files), not a folder that happens to be named `….tmx`.
    public var seedFiles: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".tmx") }.sorted().map { folder.appendingPathComponent($0) }.filter { file in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }
}
