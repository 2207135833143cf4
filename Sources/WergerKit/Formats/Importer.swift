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
    public func importFile(_ path: String, format: ExchangeFormat? = nil, into memory: TranslationMemoryWriter,
                           diagnostic: (FormatDiagnostic) -> Void = { _ in },
                           progress: ((Int64) -> Void)? = nil) throws -> ImportSummary {
        let name = URL(fileURLWithPath: path).lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ImportError.missing(path) }
        if isDirectory.boolValue { throw ImportError.folder(path) }
        guard let format = format ?? ExchangeFormat.guess(path: path) ?? Self.sniff(path) else {
            throw FormatError(file: name, line: 0, message: "cannot tell the format; name it with --format tmx|tsv|csv|jsonl")
        }
        if (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0 {
            throw FormatError(file: name, line: 0, message: "empty file")
        }
        return try memory.write { session in
            let add: (TranslationUnit) throws -> Void = { try session.add($0) }
            let skip: (FormatDiagnostic) throws -> Void = { problem in
                if strict { throw FormatError(file: problem.file, line: problem.line, message: problem.message + " (--strict)") }
                diagnostic(problem)
                session.skip()
            }
            switch format {
            case .tmx: try TMXReader(path: path).read(unit: add, diagnostic: skip, progress: progress)
            case .tsv: try DelimitedReader(path: path, format: .tsv, languages: languages).read(unit: add, diagnostic: skip)
            case .csv: try DelimitedReader(path: path, format: .csv, languages: languages).read(unit: add, diagnostic: skip)
            case .jsonl: try JSONLinesReader(path: path).read(unit: add, diagnostic: skip)
            }
            return session.summary
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

    public var description: String {
        switch self {
        case .missing(let path): return "\(path): no such file"
        case .folder(let path): return "\(path): is a folder; name the files to import"
        }
    }
}

extension Importer {
    /// Opens the memory at `location`; a new one is first seeded from the folder's TMX files (the
    /// shipped starter memory), each in its own transaction.
    public static func openMemory(at location: MemoryLocation, readOnly: Bool = false) throws -> SQLiteMemory {
        try SQLiteMemory(location: location, readOnly: readOnly) { memory, files in
            for file in files { _ = try Importer().importFile(file.path, format: .tmx, into: memory) }
        }
    }
}
