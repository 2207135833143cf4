import ArgumentParser
import Foundation
import WergerKit

enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
/// The input format; `json` (the machine-readable contract's `import --format json`) reads as
/// `auto` and prints the summary as JSON.
enum ImportFormatOption: String, ExpressibleByArgument, CaseIterable { case auto, tmx, tsv, csv, jsonl, json }

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import TMX, TSV, CSV or JSON Lines files into the memory (one transaction per file).",
        discussion: "Invalid units are skipped with a warning naming their line (--strict stops instead). Importing a file twice adds nothing."
    )

    @Argument(help: "The files to import (- for standard input).")
    var files: [String]

    @Option(help: "auto (by extension or content), tmx, tsv, csv or jsonl; json: auto, with a JSON summary.")
    var format: ImportFormatOption = .auto

    @OptionGroup var languages: LanguagePairOptions
    @OptionGroup var memory: MemoryOptions

    @Flag(help: "Stop at the first invalid unit instead of skipping it.")
    var strict = false

    @Option(name: .customLong("summary"), help: "The summary: text or json.")
    var summaryFormat: SummaryFormat = .text

    func validate() throws {
        // Standard input, or any pipe, can be read once.
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("- (standard input) can be given once") }
        var pipes: [[UInt64]: String] = [:]
        for file in files {
            guard let identity = SpooledInput.pipeIdentity(file) else { continue }
            if let earlier = pipes[identity] { throw ValidationError("\(file) and \(earlier) are one pipe, which can be read once; name it once") }
            pipes[identity] = file
        }
    }

    func run() throws {
        try reportingFailures {
            let importer = Importer(strict: strict, languages: try languages.pair())
            let inputFormat = format == .auto || format == .json ? nil : ExchangeFormat(rawValue: format.rawValue)
            // Every file is found, read from a pipe and checked before the memory is opened (and
            // made, when it is new): a mistyped name or empty input leaves no trace in it.
            _ = try memory.location()  // a wrong --memory is said before gigabytes are read from a pipe
            var inputs: [SpooledInput] = []
            defer { for input in inputs { input.release() } }
            // The format found here is the one imported: the first bytes are not read again.
            var formats: [ExchangeFormat] = []
            for file in files {
                let input = try SpooledInput(file)
                inputs.append(input)
                formats.append(try importer.check(input.path, name: input.name, format: inputFormat))
            }
            let store = try memory.open()
            let summaryFormat = format == .json ? .json : self.summaryFormat
            var total = ImportSummary()
            for (index, (file, (input, fileFormat))) in zip(files, zip(inputs, formats)).enumerated() {
                let reporter = ProgressReporter(path: input.path, label: input.name ?? file)
                let summary: ImportSummary
                do {
                    summary = try importer.importFile(
                        input.path, name: input.name, format: fileFormat, into: store,
                        diagnostic: { FileHandle.standardError.write(Data("werger: warning: \($0)\n".utf8)) },
                        progress: reporter.map { reporter in { reporter.report($0) } })
                } catch {
                    reporter?.finish()  // the error line starts on a clean line
                    guard var problem = error as? FormatError, index + 1 < files.count else { throw error }
                    // The import stops at a bad file; the files before it are in, and the ones after
                    // it are named as given, so none is taken for imported.
                    let rest = zip(files, inputs).dropFirst(index + 1).map { $1.name ?? $0 }
                    problem.message += "; not imported either: \(rest.joined(separator: ", "))"
                    throw problem
                }
                reporter?.finish()
                total = total + summary
                if summaryFormat == .text, files.count > 1 {
                    print("\(input.name ?? file): \(summary.added) added, \(summary.duplicates) duplicates, \(summary.skipped) skipped")
                }
            }
            switch summaryFormat {
            case .text: print("\(total.added) added, \(total.duplicates) duplicates, \(total.skipped) skipped")
            case .json: print("{\"added\":\(total.added),\"duplicates\":\(total.duplicates),\"skipped\":\(total.skipped)}")
            }
        }
    }
}

/// Progress of a large import on stderr, only when stderr is a terminal.
final class ProgressReporter {
    let file: String
    let size: Int64
    let start = Date()

    init?(path: String, label: String) {
        guard isatty(2) != 0,
              let size = fileSize(atPath: path).map(Int64.init),
              size > 8 << 20 else { return nil }
        file = label
        self.size = size
    }

    func report(_ progress: ImportProgress) {
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let percent = Int(Double(progress.bytes) / Double(size) * 100)
        let rate = Double(progress.units) / elapsed
        FileHandle.standardError.write(Data("\r\(file): \(percent)%, \(progress.units) units (\(Int(rate)) units/s)".utf8))
    }

    func finish() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
