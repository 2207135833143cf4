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
    @Option(name: [.short, .customLong("output")], help: "Write to FILE (replaced only when the export succeeds; - is standard output).")
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
            let destination = try FileDestination(path: output)
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
    /// `-o` naming a file in the memory's folder — its database, log, index, lock, or the TMX files
    /// it was seeded from — directly or through a link, would replace what the memory is made of: refused.
    static func refuseMemoryFiles(_ output: String, memory: MemoryLocation) throws {
        if let what = FilePaths.memoryFile(output, memoryFolder: memory.folder.path) {
            throw CLIUsageError(message: "-o \(output): \(what); export to another file")
        }
    }
}
