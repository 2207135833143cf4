import ArgumentParser
import Foundation
import WergerKit

enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case tmx, tsv, csv, jsonl }

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export translation units as TMX 1.4b, TSV, CSV or JSON Lines.",
        discussion: "With --from and --to, only units with both languages, and only those two variants."
    )

    @Option(help: "tmx, tsv, csv or jsonl.") var format: ExportFormat = .tmx
    @OptionGroup var languages: LanguagePairOptions
    @Option(name: [.short, .customLong("output")], help: "Write to FILE (replaced only when the export succeeds).")
    var output: String?
    @OptionGroup var memory: MemoryOptions

    func run() throws {
        try reportingFailures {
            let store = try memory.open(readOnly: true)
            let pair = try languages.pair()
            let columns: [String]
            if let pair { columns = pair.map(\.identifier) } else {
                // The source language first (as the units store it), then the others by frequency.
                let stats = try store.statistics()
                let source = stats.pairs.first?.from
                columns = stats.variants.keys.sorted { a, b in
                    if a == source || b == source { return a == source && b != source }
                    return (stats.variants[a]!, b) > (stats.variants[b]!, a)
                }
            }
            if let output { try Self.refuseMemoryFiles(output, memory: store.location) }
            let destination = try ExportDestination(path: output)
            var committed = false
            defer { if !committed { destination.abandon() } }
            let out = Output(descriptor: destination.descriptor, target: output ?? "standard output")
            switch format {
            case .tmx:
                let writer = TMXWriter(sourceLanguage: pair?.first?.identifier ?? "*all*")
                out.write(writer.header)
                try store.forEachUnit(languages: pair) { unit in
                    out.write(writer.unit(unit))
                    try out.flushIfFull()
                }
                out.write(writer.footer)
            case .tsv, .csv:
                let delimited: DelimitedFormat = format == .tsv ? .tsv : .csv
                out.write(delimited.header(columns))
                try store.forEachUnit(languages: pair) { unit in
                    out.write(delimited.row(unit, languages: columns, exact: pair == nil))
                    try out.flushIfFull()
                }
            case .jsonl:
                try store.forEachUnit(languages: pair) { unit in
                    out.write(JSONLines.line(unit))
                    try out.flushIfFull()
                }
            }
            try out.flush()
            try destination.commit()
            committed = true
        }
    }
}

extension ExportCommand {
    /// `-o` naming the memory's own database (or its log, index or lock) would rename the export
    /// over the memory being read: refused.
    static func refuseMemoryFiles(_ output: String, memory: MemoryLocation) throws {
        let name = URL(fileURLWithPath: output).lastPathComponent
        let database = MemoryLocation.databaseName
        let inFolder = FilePaths.identity(of: FilePaths.parentFolder(of: output)) == FilePaths.identity(of: memory.folder.path)
        let own = [database, database + "-wal", database + "-shm", ".werger.lock"].contains(name)
        let same = FilePaths.identity(of: output).map { $0 == FilePaths.identity(of: memory.database.path) } ?? false
        if same || inFolder && own {
            throw CLIUsageError(message: "-o \(output): is the memory's own \(own ? name : database); export to another file")
        }
    }
}

/// Standard output, or a temporary file renamed over the destination once the export is complete,
/// so a failed export never leaves half a file behind.
struct ExportDestination {
    let descriptor: Int32
    let path: String?
    let temporary: String?

    init(path: String?) throws {
        guard let path else {
            descriptor = 1
            self.path = nil
            temporary = nil
            return
        }
        let temporary = path + ".part-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw OutputError(target: path, reason: String(cString: strerror(errno))) }
        descriptor = fd
        self.path = path
        self.temporary = temporary
    }

    func commit() throws {
        guard let path, let temporary else { return }
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

    /// A failed export: the partial file goes.
    func abandon() {
        guard let temporary else { return }
        close(descriptor)
        unlink(temporary)
    }
}
