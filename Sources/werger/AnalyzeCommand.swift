import ArgumentParser
import Foundation
import WergerKit

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "The leverage report of an article: segments, words and characters per match band.",
        discussion: """
            Bands: in-context, 100, 95-99, 85-94, 75-84, 50-74, no-match. A segment that occurs again \
            in the article is counted once in its band and then under repetitions.
            json: {"bands":[{"band","segments","words","characters"}],"repetitions":{…},"total":{…}}.
            """
    )

    @OptionGroup var article: ArticleOptions
    @OptionGroup var languages: LookupOptions
    @Option(help: "text or json.") var format: SummaryFormat = .text
    @OptionGroup var memory: MemoryOptions

    func run() throws {
        try reportingFailures {
            let (from, to) = try languages.languages()
            let segments = try article.pretranslate(from: from, to: to, threshold: 50, memory: memory)
            let report = LeverageReport(segments, language: from)
            let bands = LeverageReport.Band.allCases
            switch format {
            case .json:
                func counts(_ c: LeverageReport.Counts) -> String {
                    "\"segments\":\(c.segments),\"words\":\(c.words),\"characters\":\(c.characters)"
                }
                let rows = bands.map { "{\"band\":\(JSONLines.json($0.rawValue)),\(counts(report.bands[$0]!))}" }
                print("{\"bands\":[\(rows.joined(separator: ","))],\"repetitions\":{\(counts(report.repetitions))},\"total\":{\(counts(report.total))}}")
            case .text:
                func row(_ name: String, _ c: LeverageReport.Counts) -> String {
                    let share = report.total.words > 0 ? Double(c.words) * 100 / Double(report.total.words) : 0
                    return name.padding(toLength: 13, withPad: " ", startingAt: 0)
                        + [c.segments, c.words, c.characters].map { String($0).leftPadded(11) }.joined()
                        + String(format: "%.1f%%", share).leftPadded(10)
                }
                print("band".padding(toLength: 13, withPad: " ", startingAt: 0) + ["segments", "words", "characters", "words %"].map { $0.leftPadded($0 == "words %" ? 10 : 11) }.joined())
                for band in bands { print(row(band.rawValue, report.bands[band]!)) }
                print(row("repetitions", report.repetitions))
                print(row("total", report.total))
            }
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
