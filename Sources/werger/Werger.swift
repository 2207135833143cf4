import ArgumentParser
import Foundation
import WergerKit

@main
struct Werger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "werger",
        abstract: "A translation memory for news: segment, store, match and align translations.",
        discussion: "Exit codes: 64 usage, 65 bad data, 66 missing file, 74 I/O error, 1 otherwise.",
        subcommands: [SegmentCommand.self, TranslateCommand.self, AnalyzeCommand.self, LookupCommand.self, ConcordanceCommand.self,
                      AlignCommand.self, ImportCommand.self, AddCommand.self, ExportCommand.self, StatsCommand.self]
    )

    /// Parses and runs a command; a usage error is one line on stderr (and exit 64), not a page
    /// of usage text, so scripts can log it.
    static func main() {
        MemoryWait.notice = MemoryWaitNotice.tell
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, --version: the full text, on standard output.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = message(for: error)
            if !message.isEmpty {
                let line = message.split(separator: "\n").first.map(String.init) ?? message
                let hint = code == .validationFailure ? " (see 'werger help')" : ""
                FileHandle.standardError.write(Data("werger: error: \(line)\(hint)\n".utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// "Waiting for the memory", once: a process that waits silently looks hung.
enum MemoryWaitNotice {
    private nonisolated(unsafe) static var told = false
    private static let lock = NSLock()

    static func tell(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        guard !told else { return }
        told = true
        FileHandle.standardError.write(Data(("werger: waiting for \(path): another process is writing to the memory "
                                             + "(giving up after \(Int(MemoryWait.limit)) s)\n").utf8))
    }
}
