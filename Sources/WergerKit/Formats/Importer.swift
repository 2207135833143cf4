import Foundation

/// The exchange formats Werger reads and writes.
public enum ExchangeFormat: String, CaseIterable, Sendable {
    case tmx, tsv, csv, jsonl

    /// The format a file's name says (`.tmx`, `.tsv`/`.tab`/`.txt`, `.csv`, `.jsonl`/`.ndjson`).
    public static func guess(path: String) -> ExchangeFormat? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "tmx", "xml": return .tmx
        case "tsv", "tab", "txt": return .tsv
        case "csv": return .csv
        case "jsonl", "ndjson": return .jsonl
        default: return nil
        }
    }
}

/// Imports files into a memory, one transaction per file: a file lands whole or not at all.
public struct Importer {
    /// Stop at the first invalid unit instead of skipping it.
    public var strict = false
    /// Languages of two-column delimited files without a header.
    public var languages: [LanguageTag]?

    public init(strict: Bool = false, languages: [LanguageTag]? = nil) {
        self.strict = strict
        self.languages = languages
    }

    /// Imports `path`; `diagnostic` hears of every skipped unit, `progress` of bytes read (TMX).
    /// `name` is the file's name in messages and the units' origin (by default the last part of
    /// `path`; for a copy of standard input, what the user knows it by).
    public func importFile(_ path: String, name: String? = nil, format: ExchangeFormat? = nil, into memory: TranslationMemoryWriter,
                           diagnostic: (FormatDiagnostic) -> Void = { _ in },
                           progress: ((ImportProgress) -> Void)? = nil) throws -> ImportSummary {
        let name = name ?? URL(fileURLWithPath: path).lastPathComponent
        let format = try check(path, name: name, format: format)
        let strict = self.strict
        let languages = self.languages
        // Diagnostics are collected on the reading thread and reported from the caller's.
        let problems = ProblemLog()
        let wantsProgress = progress != nil
        // Judged before the transaction commits (or as soon as a language's sample is full): a file
        // whose tags name the wrong languages adds nothing.
        var variantLanguages = VariantLanguages()
        func refusal(_ contradiction: LanguageContradiction) -> FormatError {
            FormatError(file: name, line: 0, message: "\(contradiction.describe("its \(contradiction.language) variants")); "
                        + "check \(Self.whereTagsAre(format, columnsFromOptions: languages != nil)); nothing was imported")
        }
        let summary = try memory.write { session in
            try ImportPipeline().run(read: { emit in
                let add: (TranslationUnit) throws -> Void = { try emit(.unit($0)) }
                let skip: (FormatDiagnostic) throws -> Void = { problem in
                    if strict { throw FormatError(file: problem.file, line: problem.line, message: problem.message + " (--strict stops at the first invalid unit)") }
                    problems.append(problem)
                    try emit(.skipped)
                }
                switch format {
                case .tmx: try TMXReader(path: path, name: name).read(unit: add, diagnostic: skip, progress: wantsProgress ? { problems.record(bytes: $0) } : nil)
                case .tsv: try DelimitedReader(path: path, name: name, format: .tsv, languages: languages).read(unit: add, diagnostic: skip)
                case .csv: try DelimitedReader(path: path, name: name, format: .csv, languages: languages).read(unit: add, diagnostic: skip)
                case .jsonl: try JSONLinesReader(path: path, name: name).read(unit: add, diagnostic: skip)
                }
            }, consume: { item in
                switch item {
                case .unit(let unit):
                    if let contradiction = variantLanguages.add(unit.unit) { throw refusal(contradiction) }
                    try session.add(unit)
                case .skipped: session.skip()
                }
                for problem in problems.drain() { diagnostic(problem) }
                if let progress, let bytes = problems.takeBytes() {
                    progress(ImportProgress(bytes: bytes, units: session.summary.added + session.summary.duplicates + session.summary.skipped))
                }
            })
            if let contradiction = variantLanguages.contradiction() { throw refusal(contradiction) }
            return session.summary
        }
        for problem in problems.drain() { diagnostic(problem) }
        return summary
    }

    /// What can be known of a file before the memory is touched: that it exists, is a readable file
    /// and not empty, its format (`format`, else its name's, else its first bytes'), and for TSV and
    /// CSV that its first row is a header or `languages` name the columns. A command
    /// importing several files checks them all first, so a mistyped name changes nothing.
    @discardableResult
    public func check(_ path: String, name: String? = nil, format: ExchangeFormat? = nil) throws -> ExchangeFormat {
        let name = name ?? URL(fileURLWithPath: path).lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ImportError.missing(path) }
        if isDirectory.boolValue { throw ImportError.folder(path) }
        guard FileManager.default.isReadableFile(atPath: path) else { throw ImportError.unreadable(path) }
        if fileSize(atPath: path) == 0 {
            throw FormatError(file: name, line: 0, message: "empty file")
        }
        guard let format = format ?? ExchangeFormat.guess(path: name) ?? Self.sniff(path) else {
            throw FormatError(file: name, line: 0, message: "cannot tell the format; name it with --format tmx|tsv|csv|jsonl")
        }
        switch format {
        case .tsv, .csv: try DelimitedReader(path: path, name: name, format: format == .tsv ? .tsv : .csv, languages: languages).checkFirstRow()
        case .tmx, .jsonl: break
        }
        return format
    }

    /// Where a file of `format` says which language each variant is in, for messages. With `--from`
    /// and `--to` (`columnsFromOptions`, which only TSV and CSV read) a TSV or CSV may still have a
    /// header naming them, which then names the columns.
    static func whereTagsAre(_ format: ExchangeFormat, columnsFromOptions: Bool) -> String {
        switch format {
        case .tmx: return "the xml:lang of its <tuv> elements"
        case .tsv, .csv:
            return columnsFromOptions ? "the language tags in its header row, or without one --from, --to and the order of its columns"
                : "the language tags in its header row"
        case .jsonl: return "the language keys of its variants"
        }
    }

    /// A file without a telling name: XML is TMX, a `{` line is JSON Lines, a tab makes TSV.
    static func sniff(_ path: String) -> ExchangeFormat? {
        guard let handle = FileHandle(forReadingAtPath: path), let data = try? handle.read(upToCount: 4096) else { return nil }
        let head = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if head.hasPrefix("<") || head.hasPrefix("\u{FEFF}<") { return .tmx }
        if head.hasPrefix("{") { return .jsonl }
        if head.contains("\t") { return .tsv }
        if head.contains(",") { return .csv }
        return nil
    }
}

/// A file an import cannot start on.
public enum ImportError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case folder(String)
    case unreadable(String)

    public var path: String {
        switch self {
        case .missing(let path), .folder(let path), .unreadable(let path): return path
        }
    }

    /// What is wrong with the file, and what to do.
    public var reason: String {
        switch self {
        case .missing: return "no such file"
        case .folder: return "is a folder; name the files to import"
        case .unreadable: return "cannot be read; check its permissions"
        }
    }

    public var description: String { "\(path): \(reason)" }
}

extension Importer {
    /// Opens the memory at `location`; a new one is first seeded from the folder's TMX files (the
    /// shipped starter memory), each in its own transaction. `diagnostic` hears of every unit of a
    /// seed file that was skipped.
    public static func openMemory(at location: MemoryLocation, readOnly: Bool = false,
                                  diagnostic: @escaping (FormatDiagnostic) -> Void = { _ in }) throws -> SQLiteMemory {
        try SQLiteMemory(location: location, readOnly: readOnly) { memory, files in
            // A seed file's problem is said as what it is: a command that only reads (`stats`)
            // would otherwise fail on a file the user never named.
            let seeding = " (a TMX file in the memory folder \(location.folder.path), from which a new memory is started; "
                + "mend it, or move it out of the folder)"
            for file in files {
                do {
                    _ = try Importer().importFile(file.path, format: .tmx, into: memory, diagnostic: diagnostic)
                } catch var problem as FormatError {
                    problem.message += seeding
                    throw problem
                } catch let problem as ImportError {
                    throw MemoryError.io(path: problem.path, detail: problem.reason + seeding)
                }
            }
        }
    }
}

/// Diagnostics and progress handed from the reading thread to the writing one.
private final class ProblemLog: @unchecked Sendable {
    private let lock = NSLock()
    private var problems: [FormatDiagnostic] = []
    private var bytes: Int64?

    func append(_ problem: FormatDiagnostic) {
        lock.lock()
        problems.append(problem)
        lock.unlock()
    }

    func drain() -> [FormatDiagnostic] {
        lock.lock()
        defer { lock.unlock() }
        guard !problems.isEmpty else { return [] }
        let out = problems
        problems.removeAll()
        return out
    }

    func record(bytes value: Int64) {
        lock.lock()
        bytes = value
        lock.unlock()
    }

    func takeBytes() -> Int64? {
        lock.lock()
        defer { lock.unlock() }
        let value = bytes
        bytes = nil
        return value
    }
}

/// How far an import has come: bytes of the file read, units stored or skipped.
public struct ImportProgress: Sendable {
    public var bytes: Int64
    public var units: Int
}
