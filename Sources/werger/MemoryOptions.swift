import Foundation
import ArgumentParser
import WergerKit

/// `--memory DIR`, shared by every command that touches the memory.
struct MemoryOptions: ParsableArguments {
    @Option(help: "The memory folder (default: $WERGER_MEMORY, else the nearest memory/ folder up from here).")
    var memory: String?

    func location() throws -> MemoryLocation { try MemoryLocation.resolve(option: memory) }

    /// A memory folder this user may not list or enter looks empty from here (no database, no seed
    /// files); it is not, and is said to be unreadable rather than read as no memory.
    static func checkReadable(_ location: MemoryLocation) throws {
        let folder = location.folder.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
              access(folder, R_OK | X_OK) != 0 else { return }
        throw MemoryError.io(path: folder, detail: "cannot be read (\(String(cString: strerror(errno)))); check the folder's permissions")
    }

    /// A unit of a seed file that was skipped is said, as `import` says it, with where the file is:
    /// the user may never have named it (a `stats` that started the memory).
    static func seedWarning(_ location: MemoryLocation) -> (FormatDiagnostic) -> Void {
        let folder = location.folder.path
        return { problem in
            FileHandle.standardError.write(Data("werger: warning: \(problem) (a TMX file in the memory folder \(folder), from which a new memory was started)\n".utf8))
        }
    }

    func validate() throws {
        // `--memory ""` (an unset shell variable, `--memory "$TM"`) would otherwise fall back to
        // $WERGER_MEMORY or a memory/ folder found upwards: a memory the user did not name.
        if memory?.isEmpty == true { throw ValidationError("--memory needs a folder name") }
    }

    /// Opens the memory; `readOnly` for commands that only read (they then work on a memory the
    /// user may not write), unless the memory does not exist yet and must first be seeded. A command
    /// that only reads makes no memory where there is none to read or seed: that is a mistyped
    /// folder, and an empty memory made there would answer every lookup with "no match".
    func open(readOnly: Bool = false) throws -> SQLiteMemory {
        let location = try location()
        let exists = (fileSize(atPath: location.database.path) ?? 0) > 0
        if readOnly, !location.holdsMemory {
            let folder = location.folder.path
            var isFolder: ObjCBool = false
            let folderExists = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue
            try Self.checkReadable(location)
            throw MemoryError.noMemory(folder: folder, folderExists: folderExists,
                                       emptyDatabase: FileManager.default.fileExists(atPath: location.database.path))
        }
        do {
            return try Importer.openMemory(at: location, readOnly: readOnly && exists, diagnostic: Self.seedWarning(location))
        } catch MemoryError.olderVersion {
            // A memory from an older Werger is upgraded (its index built) on first use.
            return try Importer.openMemory(at: location, readOnly: false, diagnostic: Self.seedWarning(location))
        } catch MemoryError.unfinished(let path) {
            // One whose making was cut short, or failed while this command waited for it, is made
            // again from its seed files; without any it held nothing, and a reader makes nothing.
            guard !location.seedFiles.isEmpty else {
                throw MemoryError.noMemory(folder: location.folder.path, folderExists: true, emptyDatabase: true)
            }
            do {
                return try Importer.openMemory(at: location, readOnly: false, diagnostic: Self.seedWarning(location))
            } catch MemoryError.readOnly {
                throw MemoryError.unfinished(path: path)
            }
        }
    }
}

/// `--from` and `--to`, parsed as language tags.
struct LanguagePairOptions: ParsableArguments {
    @Option(help: "The source language (BCP 47: en, ckb, kmr, ar, …).")
    var from: String?

    @Option(help: "The target language.")
    var to: String?

    /// Both tags, or nil when neither is given; one without the other is a usage error.
    func pair() throws -> [LanguageTag]? {
        switch (from, to) {
        case (nil, nil): return nil
        case (let from?, let to?): return [try LanguageTag(from), try LanguageTag(to)]
        default: throw CLIUsageError(message: "--from and --to go together")
        }
    }
}
