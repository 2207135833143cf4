import ArgumentParser
import Foundation
import WergerKit

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "What the memory holds: units, variants per language, language pairs, size, last change."
    )

    @Option(help: "text or json.") var format: SummaryFormat = .text
    @OptionGroup var memory: MemoryOptions

    func run() throws {
        try reportingFailures {
            let store = try memory.open(readOnly: true)
            let stats = try store.statistics()
            let languages = stats.variants.keys.sorted { (stats.variants[$0]!, $1) > (stats.variants[$1]!, $0) }
            switch format {
            case .json:
                let variants = languages.map { "\(JSONLines.json($0)):\(stats.variants[$0]!)" }.joined(separator: ",")
                let pairs = stats.pairs.map { "{\"from\":\(JSONLines.json($0.from)),\"to\":\(JSONLines.json($0.to)),\"units\":\($0.units)}" }
                    .joined(separator: ",")
                let last = stats.lastChange.map { JSONLines.json($0) } ?? "null"
                print("{\"units\":\(stats.units),\"variants\":{\(variants)},\"pairs\":[\(pairs)],\"size\":\(stats.size),\"lastChange\":\(last),\"memory\":\(JSONLines.json(store.location.folder.path))}")
            case .text:
                print("memory:      \(store.location.folder.path)")
                print("units:       \(stats.units)")
                print("variants:    " + languages.map { "\($0) \(stats.variants[$0]!)" }.joined(separator: ", "))
                print("pairs:       " + stats.pairs.map { "\($0.from)→\($0.to) \($0.units)" }.joined(separator: ", "))
                print("size:        \(ByteCountFormatter.string(fromByteCount: Int64(stats.size), countStyle: .file))")
                print("last change: \(stats.lastChange ?? "never")")
            }
        }
    }
}
