import ArgumentParser
import Foundation
import WergerKit

struct ConcordanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concordance",
        abstract: "Stored segments that contain a word or phrase, with their translations.",
        discussion: """
            Whole words in order, after the matching folds (case, Arabic-script letter variants, \
            diacritics, digits); punctuation between the words is ignored. Newest units first.
            jsonl: {"unit","origin","language","text","variants":{"en":"…","ckb":"…"}}.
            """
    )

    @Argument(help: "The word or phrase.") var phrase: String
    @Option(help: "The language of the phrase (default: every language in the memory).") var lang: String?
    @Option(help: "How many units at most.") var limit = 20
    @Option(help: "text or jsonl.") var format: ConcordanceFormat = .text
    @OptionGroup var memory: MemoryOptions

    enum ConcordanceFormat: String, ExpressibleByArgument, CaseIterable { case text, jsonl }

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit takes a number of units, 1 or more") }
        guard !phrase.allSatisfy(\.isWhitespace) else { throw ValidationError("give a word or phrase to search for") }
    }

    func run() throws {
        try reportingFailures {
            let tag = try lang.map { try LanguageTag($0) }
            let store = try memory.open(readOnly: true)
            let hits = try store.withIndex { index in
                let languages = try tag.map { [MatchingLanguage($0)] } ?? index.languages()
                return try Concordance.search(phrase, languages: languages, index: index, limit: limit)
            }
            let output = Output()
            for hit in hits {
                let variant = hit.unit.variants[hit.position]
                switch format {
                case .jsonl:
                    let variants = hit.unit.variants.map { "\(JSONLines.json($0.language)):\(JSONLines.json($0.text))" }.joined(separator: ",")
                    output.write("{\"unit\":\(JSONLines.json(hit.unit.id ?? "")),\"origin\":\(JSONLines.json(hit.unit.origin)),\"language\":\(JSONLines.json(variant.language)),\"text\":\(JSONLines.json(variant.text)),\"variants\":{\(variants)}}\n")
                case .text:
                    output.write("[\(hit.unit.id ?? "?") · \(hit.unit.origin)]\n")
                    output.write("  \(variant.language): \(MatchRendering.oneLine(variant.text))\n")
                    for (i, other) in hit.unit.variants.enumerated() where i != hit.position {
                        output.write("  \(other.language): \(MatchRendering.oneLine(other.text))\n")
                    }
                    output.write("\n")
                }
                try output.flushIfFull()
            }
            if hits.isEmpty, format == .text { output.write("no stored segment contains “\(phrase)”\n") }
            try output.flush()
        }
    }
}
