import ArgumentParser
import Foundation
import WergerKit

enum TranslateFormat: String, ExpressibleByArgument, CaseIterable { case text, jsonl, tsv }

/// Reads and segments an article and looks every segment up (shared by translate and analyze).
struct ArticleOptions: ParsableArguments {
    @Argument(help: "The article (paragraphs separated by blank lines), or - for standard input.")
    var file: String

    @Option(help: "The input encoding when it is not UTF-8 or UTF-16 with a BOM (e.g. windows-1256).")
    var encoding: String?

    @Option(help: QuotationOption.help)
    var quotations: QuotationOption = .whole

    func pretranslate(from: LanguageTag, to: LanguageTag, threshold: Int, memory: MemoryOptions) throws -> [PretranslatedSegment] {
        let text = try DocumentReader(path: file, encoding: encoding).readAll()
        // Unlike `segment`, whose empty output is a faithful answer, an empty leverage report or
        // pre-translation is far more often a wrong file than a finding.
        if text.allSatisfy(\.isWhitespace) {
            throw fail("\(file == "-" ? "standard input" : file): the article is empty, there is nothing to look up", code: 65)
        }
        let segmenter = try Segmenter(language: from, quotations: quotations.policy)
        let store = try memory.open(readOnly: true)
        return try store.withIndex { index in
            try Pretranslation.run(text, segmenter: segmenter, matcher: Matcher(index: index, from: from, to: to), threshold: threshold)
        }
    }
}

struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract: "Pre-translate an article: every segment with its best prior translation, in article order.",
        discussion: """
            jsonl: {"index","paragraph","source","match":{…as lookup…}|null}.
            tsv: index, paragraph, quality, kind, source, target (no match: empty quality, kind "none"); \
            a tab, line break or backslash in a text is written \\t, \\n, \\r, \\\\.
            """
    )

    @OptionGroup var article: ArticleOptions
    @OptionGroup var languages: LookupOptions
    @Option(help: "The least match quality used (1-100).") var min = 75
    @Option(help: "text, jsonl or tsv.") var format: TranslateFormat = .text
    @OptionGroup var memory: MemoryOptions

    func validate() throws { try validateThreshold(min) }

    func run() throws {
        try reportingFailures {
            let (from, to) = try languages.languages()
            let segments = try article.pretranslate(from: from, to: to, threshold: min, memory: memory)
            let output = Output()
            let color = MatchRendering.useColor
            for segment in segments {
                switch format {
                case .jsonl:
                    output.write("{\"index\":\(segment.index),\"paragraph\":\(segment.paragraph),\"source\":\(JSONLines.json(segment.source)),\"match\":\(segment.match.map(MatchRendering.json) ?? "null")}\n")
                case .tsv:
                    output.write(DelimitedFormat.tsv.row([
                        String(segment.index), String(segment.paragraph), segment.match.map { String($0.quality) } ?? "",
                        segment.match?.kind.rawValue ?? "none", segment.source, segment.match?.target ?? "",
                    ]))
                case .text:
                    output.write("[\(segment.index)] \(MatchRendering.oneLine(segment.source))\n")
                    if let match = segment.match {
                        output.write(MatchRendering.text(match, from: from, to: to, color: color) + "\n\n")
                    } else {
                        output.write("  no match of \(min)% or more\n\n")
                    }
                }
                try output.flushIfFull()
            }
            try output.flush()
        }
    }
}
