import ArgumentParser
import Foundation
import WergerKit

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Prior translations of one segment: exact and fuzzy matches with their quality.",
        discussion: """
            json: {"query","from","to","matches":[{"quality","kind","source","target","unit","origin",\
            "adapted","edits":[{"op":"replace|insert|delete","query","stored"}]}]}.
            """
    )

    @Argument(help: "The segment to look up.") var text: String
    @OptionGroup var languages: LookupOptions
    @Option(help: "The least match quality shown (1-100).") var min = 70
    @Option(help: "How many matches at most.") var limit = 5
    @Option(help: "text or json.") var format: SummaryFormat = .text
    @OptionGroup var memory: MemoryOptions

    func validate() throws {
        guard !text.allSatisfy(\.isWhitespace) else { throw ValidationError("give a segment to look up") }
        try validateThreshold(min)
        guard limit >= 1 else { throw ValidationError("--limit takes a number of matches, 1 or more") }
    }

    func run() throws {
        try reportingFailures {
            let (from, to) = try languages.languages()
            let store = try memory.open(readOnly: true)
            let matches = try store.withIndex { index in
                try Matcher(index: index, from: from, to: to).lookup(MatchQuery(text), threshold: min, limit: limit)
            }
            switch format {
            case .json:
                print("{\"query\":\(JSONLines.json(text)),\"from\":\(JSONLines.json(from.identifier)),\"to\":\(JSONLines.json(to.identifier)),\"matches\":[\(matches.map(MatchRendering.json).joined(separator: ","))]}")
            case .text:
                let color = MatchRendering.useColor
                print(matches.isEmpty ? "no match of \(min)% or more"
                                      : matches.map { MatchRendering.text($0, from: from, to: to, color: color) }.joined(separator: "\n\n"))
            }
        }
    }
}
