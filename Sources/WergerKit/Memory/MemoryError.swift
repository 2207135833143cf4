import Foundation

/// Why the memory cannot be used. Messages say which file and what to do.
public enum MemoryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No `--memory`, no `$WERGER_MEMORY`, and no `memory/` folder up from here.
    case notFound(searchedFrom: String)
    /// `--memory` (or `$WERGER_MEMORY`) names a file, or the database (`werger.sqlite`), not a folder.
    case notAFolder(path: String)
    /// A reading command pointed at a folder with no memory in it (most often a mistyped `--memory`):
    /// answering "no match" from a memory made on the spot would hide the mistake.
    case noMemory(folder: String, folderExists: Bool, emptyDatabase: Bool = false)
    case locked(path: String)
    case readOnly(path: String)
    case corrupt(path: String, detail: String)
    /// Written by a newer Werger: its schema has steps this version does not know.
    case newerVersion(path: String)
    /// Written by an older Werger: opening it for writing once brings its schema up to date.
    case olderVersion(path: String)
    /// A memory whose making (its schema, its seed files) was cut short or failed: made again by the
    /// next command that may write to it.
    case unfinished(path: String)
    case io(path: String, detail: String)
    /// A unit that cannot be stored (fewer than two variants, an empty text).
    case invalidUnit(String)

    public var description: String {
        switch self {
        case .notFound(let folder):
            return "no translation memory: no --memory, no $WERGER_MEMORY, and no memory/ folder in \(folder) or above; pass --memory DIR"
        case .notAFolder(let path):
            let file = URL(fileURLWithPath: path)
            guard file.lastPathComponent == MemoryLocation.databaseName else {
                return "\(path): is a file, not a memory folder; pass the folder that holds (or will hold) \(MemoryLocation.databaseName)"
            }
            return "\(path): names the memory's database; --memory takes its folder: --memory \(file.deletingLastPathComponent().path)"
        case .noMemory(let folder, let folderExists, let emptyDatabase):
            let what = !folderExists ? "no such folder"
                : emptyDatabase ? "holds no memory (its \(MemoryLocation.databaseName) is empty, and there is no TMX file to start one from)"
                : "holds no memory (no \(MemoryLocation.databaseName), and no TMX file to start one from)"
            return "\(folder): \(what); check --memory, or start a memory there with werger import FILE --memory \(Self.shellQuoted(folder))"
        case .locked(let path):
            return "\(path): the memory is locked by another process; try again when it has finished"
        case .readOnly(let path):
            return "\(path): the memory is read-only; check the file's and folder's permissions"
        case .corrupt(let path, let detail):
            return "\(path): not a usable Werger memory (\(detail)); move it aside and import your TMX files again"
        case .newerVersion(let path):
            return "\(path): written by a newer version of Werger; upgrade Werger to use this memory"
        case .olderVersion(let path):
            return "\(path): made by an older version of Werger; open it once with write access (e.g. werger stats as its owner) to upgrade it"
        case .unfinished(let path):
            return "\(path): this memory was being made and was not finished; open it once with write access (e.g. werger stats as its owner) to make it again"
        case .io(let path, let detail):
            return "\(path): \(detail)"
        case .invalidUnit(let reason):
            return "invalid translation unit: \(reason)"
        }
    }

    /// A path as a shell reads it back when pasted: quoted when it holds anything but plain characters.
    static func shellQuoted(_ path: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+,:@%=")
        guard !path.isEmpty, !path.allSatisfy(plain.contains) else { return path }
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    public var exitCode: Int32 {
        switch self {
        case .notFound, .noMemory: return 66
        case .notAFolder: return 64
        case .invalidUnit: return 65
        case .corrupt, .newerVersion, .olderVersion: return 65
        case .locked, .readOnly, .io, .unfinished: return 74
        }
    }
}
