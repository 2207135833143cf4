import Foundation
import Testing

/// `werger translate`, `analyze`, `lookup` and `concordance` against the shipped starter memory
/// (memory/starter.tmx, copied into a fresh memory folder so the test's memory is seeded from it)
/// and the shipped sample article. Output is compared with golden files in Fixtures/match; set
/// WERGER_UPDATE_GOLDEN=1 to rewrite them, then read the diff before committing.
@Suite("werger translate, analyze, lookup, concordance")
struct MatchCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let article = repository.appendingPathComponent("memory/samples/article-en.txt").path
    static let articleSegments = repository.appendingPathComponent("memory/samples/article-en.segments.txt")

    /// A memory folder holding only a copy of the starter TMX: the first command seeds it.
    static func starterMemory(in scratch: TemporaryFolder) throws -> URL {
        let folder = scratch.url.appendingPathComponent("memory", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("memory/starter.tmx"),
                                         to: folder.appendingPathComponent("starter.tmx"))
        return folder
    }

    // MARK: - Golden output

    @Test("translate --format jsonl: every segment of the sample article is an exact or in-context match")
    func translateArticle() throws {
        let scratch = try TemporaryFolder()
        let memory = try Self.starterMemory(in: scratch)
        let run = try Werger.run(["translate", Self.article, "--from", "en", "--to", "ckb", "--format", "jsonl", "--memory", memory.path])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.stderr.isEmpty, "\(run.err)")
        try Self.golden("translate-article-en-ckb.jsonl", run.out)

        let lines = try Self.jsonLines(run.out)
        let expected = try String(contentsOf: Self.articleSegments, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.map(\.source) == expected)
        #expect(lines.map(\.index) == Array(0..<lines.count))
        #expect(lines.map(\.paragraph) == lines.map(\.paragraph).sorted())
        for line in lines {
            let match = try #require(line.match, "segment \(line.index) has no match: \(line.source)")
            #expect(match.quality == 100, "segment \(line.index)")
            #expect(match.kind == "in-context" || match.kind == "exact", "segment \(line.index): \(match.kind)")
            #expect(match.source == line.source)
            #expect(!match.target.isEmpty && !match.adapted && match.edits.isEmpty)
            #expect(match.origin == "starter.tmx", "\(match.origin)")
        }
        // The starter memory stores the article's neighbours: most segments are in context.
        #expect(lines.filter { $0.match?.kind == "in-context" }.count >= lines.count * 3 / 4)
    }

    @Test("translate --format tsv: six fields a line, the same segments and targets as jsonl")
    func translateTSV() throws {
        let scratch = try TemporaryFolder()
        let memory = try Self.starterMemory(in: scratch)
        let tsv = try Werger.run(["translate", Self.article, "--from", "en", "--to", "ckb", "--format", "tsv", "--memory", memory.path])
        #expect(tsv.status == 0, "\(tsv.err)")
        let rows = tsv.out.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.allSatisfy { $0.count == 6 }, "\(rows.filter { $0.count != 6 })")
        let golden = try Self.jsonLines(try Fixture.text("match/translate-article-en-ckb.jsonl"))
        #expect(rows.map { $0[0] } == golden.map { String($0.index) })
        #expect(rows.map { $0[2] } == golden.map { $0.match.map { String($0.quality) } ?? "" })
        #expect(rows.map { $0[3] } == golden.map { $0.match?.kind ?? "none" })
        #expect(rows.map { $0[4] } == golden.map(\.source))
        #expect(rows.map { $0[5] } == golden.map { $0.match?.target ?? "" })
        // A high threshold leaves no segment unmatched here, a query the memory lacks shows kind none.
        let low = try scratch.file("other.txt", Data("Completely unrelated words about nothing at all.\n".utf8))
        let none = try Werger.run(["translate", low.path, "--from", "en", "--to", "ckb", "--format", "tsv", "--memory", memory.path])
        #expect(none.status == 0, "\(none.err)")
        #expect(none.out == "0\t0\t\tnone\tCompletely unrelated words about nothing at all.\t\n")
    }

    @Test("translate --quotations sentences: a quotation's sentences, as werger align stores them, match exactly")
    func translateQuotationBySentence() throws {
        let scratch = try TemporaryFolder()
        let memory = scratch.url.appendingPathComponent("memory", isDirectory: true)
        for (english, sorani) in [("\"We waited.", "«چاوەڕێمان کرد."), ("Nobody came,\" she said.", "کەس نەهات» ئەو گوتی.")] {
            let add = try Werger.run(["add", "--from", "en", english, "--to", "ckb", sorani, "--memory", memory.path])
            #expect(add.status == 0, "\(add.err)")
        }
        let article = try scratch.file("quote.txt", Data("\"We waited. Nobody came,\" she said.\n".utf8))
        let bySentence = try Werger.run(["translate", article.path, "--from", "en", "--to", "ckb", "--format", "jsonl",
                                         "--quotations", "sentences", "--memory", memory.path])
        #expect(bySentence.status == 0, "\(bySentence.err)")
        let lines = try Self.jsonLines(bySentence.out)
        #expect(lines.map(\.source) == ["\"We waited.", "Nobody came,\" she said."])
        #expect(lines.map { $0.match?.quality } == [100, 100])
        #expect(lines.map { $0.match?.target } == ["«چاوەڕێمان کرد.", "کەس نەهات» ئەو گوتی."])
        // By default the quotation is one segment, which neither unit matches exactly.
        let whole = try Werger.run(["translate", article.path, "--from", "en", "--to", "ckb", "--format", "jsonl", "--memory", memory.path])
        let wholeLines = try Self.jsonLines(whole.out)
        #expect(wholeLines.map(\.source) == ["\"We waited. Nobody came,\" she said."])
        #expect((wholeLines.first?.match?.quality ?? 0) < 100)
    }

    @Test("analyze --format json: the whole article leverages at 100% or in context")
    func analyzeArticle() throws {
        let scratch = try TemporaryFolder()
        let memory = try Self.starterMemory(in: scratch)
        let run = try Werger.run(["analyze", Self.article, "--from", "en", "--to", "ckb", "--format", "json", "--memory", memory.path])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.stderr.isEmpty, "\(run.err)")
        try Self.golden("analyze-article-en-ckb.json", run.out)

        let report = try JSONDecoder().decode(Report.self, from: run.stdout)
        #expect(report.bands.map(\.band) == ["in-context", "100", "95-99", "85-94", "75-84", "50-74", "no-match"])
        let counted = report.bands.reduce(Report.Counts(segments: 0, words: 0, characters: 0)) { $0 + $1.counts }
        #expect(counted + report.repetitions == report.total)
        #expect(report.total.segments == 35)
        for band in report.bands where band.band != "in-context" && band.band != "100" {
            #expect(band.counts.segments == 0, "\(band.band): \(band.counts)")
        }
    }

    @Test("lookup --format json: a changed year is a 98 with the year adapted; a changed word is fuzzy")
    func lookupNearSentence() throws {
        let scratch = try TemporaryFolder()
        let memory = try Self.starterMemory(in: scratch)
        let run = try Werger.run(["lookup", "The project was launched in Oct. 2022 by the KRG.", "--from", "en", "--to", "ckb",
                                  "--format", "json", "--memory", memory.path])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.stderr.isEmpty, "\(run.err)")
        try Self.golden("lookup-year-en-ckb.json", run.out)
        let result = try JSONDecoder().decode(Lookup.self, from: run.stdout)
        #expect(result.query == "The project was launched in Oct. 2022 by the KRG.")
        #expect(result.from == "en" && result.to == "ckb")
        let best = try #require(result.matches.first)
        #expect(best.quality == 98)
        #expect(best.kind == "fuzzy")
        #expect(best.source == "The project was launched in Oct. 2021 by the KRG.")
        #expect(best.adapted)
        let stored = try #require(best.storedTarget)
        #expect(stored.contains("٢٠٢١") && !stored.contains("٢٠٢٢"), "\(stored)")
        #expect(best.target == stored.replacingOccurrences(of: "٢٠٢١", with: "٢٠٢٢"))
        #expect(best.edits == [Lookup.Edit(op: "replace", query: "2022", stored: "2021")])
        #expect(result.matches.map(\.quality) == result.matches.map(\.quality).sorted(by: >))

        let word = try Werger.run(["lookup", "Dukan Lake has dropped 4.2 meters since 2020, he said, and pumping stations downstream, e.g. those near Taq Taq, now run dry in late summer.", "--from", "en", "--to", "ckb",
                                   "--format", "json", "--memory", memory.path])
        #expect(word.status == 0, "\(word.err)")
        try Self.golden("lookup-word-en-ckb.json", word.out)
        let fuzzy = try #require(try JSONDecoder().decode(Lookup.self, from: word.stdout).matches.first)
        #expect(fuzzy.source == "Dukan Lake has dropped 4.2 meters since 2020, she said, and pumping stations downstream, e.g. those near Taq Taq, now run dry in late summer.")
        // n = m = 25 words (e.g is one), D = 1: ⌊100 × 24/25⌋ = 96.
        #expect(fuzzy.quality == 96)
        #expect(fuzzy.kind == "fuzzy" && !fuzzy.adapted)
        #expect(fuzzy.edits == [Lookup.Edit(op: "replace", query: "he", stored: "she")])
    }

    @Test("lookup --format text: one line when nothing matches, the match and what differs otherwise")
    func lookupText() throws {
        let scratch = try TemporaryFolder()
        let memory = try Self.starterMemory(in: scratch)
        let none = try Werger.run(["lookup", "Nothing in the memory reads like this line.", "--from", "en", "--to", "ckb",
                                   "--memory", memory.path])
        #expect(none.status == 0, "\(none.err)")
        #expect(none.out == "no match of 70% or more\n")
        let one = try Werger.run(["lookup", "The project was launched in Oct. 2022 by the KRG.", "--from", "en", "--to", "ckb",
                                  "--limit", "1", "--memory", memory.path])
        #expect(one.status == 0, "\(one.err)")
        #expect(one.out == """
            98%  fuzzy, numbers adapted  [starter-003 · starter.tmx]
              en: The project was launched in Oct. 2021 by the KRG.
              ckb: پڕۆژەکە لە تشرینی یەکەمی ٢٠٢٢ لەلایەن حکوومەتی هەرێمی کوردستانەوە دەستی پێکرا.
              differs: 2021 → 2022

            """)
    }

    @Test("concordance --format jsonl: a two-letter Sorani word and an Arabic-kaf spelling")
    func concordance() throws {
        let scratch = try TemporaryFolder()
        let memory = try Self.starterMemory(in: scratch)
        let run = try Werger.run(["concordance", "لە", "--lang", "ckb", "--limit", "3", "--format", "jsonl", "--memory", memory.path])
        #expect(run.status == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n")
        #expect(lines.count == 3, "\(run.out)")
        for line in lines {
            let hit = try JSONDecoder().decode(Hit.self, from: Data(line.utf8))
            #expect(hit.language == "ckb")
            #expect(hit.text.split(whereSeparator: { !$0.isLetter }).contains("لە"), "\(hit.text)")
            #expect(hit.variants["ckb"] == hit.text && hit.variants["en"] != nil)
        }
        // كوردستان with Arabic kaf finds the units that write کوردستان.
        let kaf = try Werger.run(["concordance", "كوردستان", "--lang", "ckb", "--format", "jsonl", "--memory", memory.path])
        #expect(kaf.status == 0, "\(kaf.err)")
        #expect(!kaf.out.isEmpty)
        for line in kaf.out.split(separator: "\n") {
            let hit = try JSONDecoder().decode(Hit.self, from: Data(line.utf8))
            #expect(hit.text.contains("کوردستان"), "\(hit.text)")
        }
    }

    // MARK: - Errors

    struct Invocation: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var status: Int32
        var testDescription: String { arguments.joined(separator: " ") + " → \(status)" }
    }

    static let usageErrors: [Invocation] = [
        Invocation(arguments: ["lookup", "The dam is full.", "--from", "en", "--to", "ckb", "--min", "0"], status: 64),
        Invocation(arguments: ["lookup", "The dam is full.", "--from", "en", "--to", "ckb", "--min", "101"], status: 64),
        Invocation(arguments: ["translate", article, "--from", "en", "--to", "ckb", "--min", "0"], status: 64),
        Invocation(arguments: ["translate", article, "--from", "en", "--to", "ckb", "--min", "101"], status: 64),
        Invocation(arguments: ["lookup", "The dam is full.", "--from", "en", "--to", "ckb", "--limit", "0"], status: 64),
        Invocation(arguments: ["concordance", "dam", "--limit", "0"], status: 64),
        Invocation(arguments: ["concordance", "  "], status: 64),
        Invocation(arguments: ["lookup", " ", "--from", "en", "--to", "ckb"], status: 64),
    ]

    @Test("out-of-range options are usage errors (64) and name the option", arguments: usageErrors)
    func usageError(_ invocation: Invocation) throws {
        let scratch = try TemporaryFolder()
        let memory = try Self.starterMemory(in: scratch)
        let run = try Werger.run(invocation.arguments + ["--memory", memory.path])
        #expect(run.status == invocation.status, "\(run.err)")
        #expect(run.stdout.isEmpty, "\(run.out)")
        #expect(!run.err.isEmpty)
        if let option = invocation.arguments.first(where: { $0.hasPrefix("--") && $0 != "--from" && $0 != "--to" }) {
            #expect(run.err.contains(option), "\(run.err)")
        }
    }

    @Test("an unknown language is a usage error (64) with a suggestion", arguments: ["lookup", "translate", "analyze"])
    func unknownLanguage(_ command: String) throws {
        let scratch = try TemporaryFolder()
        let memory = try Self.starterMemory(in: scratch)
        let input = command == "lookup" ? "The dam is full." : Self.article
        let run = try Werger.run([command, input, "--from", "english", "--to", "ckb", "--memory", memory.path])
        #expect(run.status == 64, "\(run.err)")
        #expect(run.stdout.isEmpty, "\(run.out)")
        #expect(run.errorLines.count == 1, "\(run.err)")
        #expect(run.err.words.contains("english"), "\(run.err)")
        #expect(run.err.words.contains("en"), "no suggestion in: \(run.err)")
    }

    @Test("a missing article is 66 and names the file", arguments: ["translate", "analyze"])
    func missingArticle(_ command: String) throws {
        let scratch = try TemporaryFolder()
        let memory = try Self.starterMemory(in: scratch)
        let missing = scratch.url.appendingPathComponent("no-such-article.txt").path
        let run = try Werger.run([command, missing, "--from", "en", "--to", "ckb", "--memory", memory.path])
        #expect(run.status == 66, "\(run.err)")
        #expect(run.stdout.isEmpty, "\(run.out)")
        #expect(run.err.contains("no-such-article.txt"), "\(run.err)")
    }

    @Test("an empty or blank article is a data error (65) that says so", arguments: ["translate", "analyze"])
    func emptyArticle(_ command: String) throws {
        let scratch = try TemporaryFolder()
        let memory = try Self.starterMemory(in: scratch)
        let blank = try scratch.file("blank.txt", Data(" \n\n\t \n".utf8))
        for file in [Fixture.path("empty.txt"), blank.path] {
            let run = try Werger.run([command, file, "--from", "en", "--to", "ckb", "--memory", memory.path])
            #expect(run.status == 65, "exit \(run.status) with stdout \(run.out)")
            #expect(run.stdout.isEmpty, "\(run.out)")
            #expect(run.errorLines.count == 1, "\(run.err)")
            #expect(run.err.contains("empty") && run.err.contains(URL(fileURLWithPath: file).lastPathComponent), "\(run.err)")
        }
    }

    // MARK: - Helpers

    /// Compares `output` with Fixtures/match/`name`, or writes it there with WERGER_UPDATE_GOLDEN=1.
    static func golden(_ name: String, _ output: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Fixture.url("match/" + name)
        if ProcessInfo.processInfo.environment["WERGER_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(output.utf8).write(to: url)
            return
        }
        let expected = try #require(try? String(contentsOf: url, encoding: .utf8),
                                    "no golden file Fixtures/match/\(name); run with WERGER_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
        guard output != expected else { return }
        let got = output.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
        Issue.record("""
            output differs from Fixtures/match/\(name) at line \(first + 1):
              expected: \(first < want.count ? String(want[first]) : "<end>")
              got:      \(first < got.count ? String(got[first]) : "<end>")
            """, sourceLocation: sourceLocation)
    }

    static func jsonLines(_ output: String) throws -> [TranslatedSegment] {
        let decoder = JSONDecoder()
        return try output.split(separator: "\n").map { try decoder.decode(TranslatedSegment.self, from: Data($0.utf8)) }
    }

    struct TranslatedSegment: Decodable {
        var index: Int
        var paragraph: Int
        var source: String
        var match: Lookup.Match?
    }

    struct Lookup: Decodable {
        struct Edit: Decodable, Equatable {
            var op: String
            var query: String?
            var stored: String?
        }

        struct Match: Decodable {
            var quality: Int
            var kind: String
            var source: String
            var target: String
            var unit: String
            var origin: String
            var adapted: Bool
            var storedTarget: String?
            var edits: [Edit]
        }

        var query: String
        var from: String
        var to: String
        var matches: [Match]
    }

    struct Report: Decodable {
        struct Counts: Decodable, Equatable, CustomStringConvertible {
            var segments: Int
            var words: Int
            var characters: Int
            static func + (a: Counts, b: Counts) -> Counts {
                Counts(segments: a.segments + b.segments, words: a.words + b.words, characters: a.characters + b.characters)
            }
            var description: String { "\(segments) segments, \(words) words, \(characters) characters" }
        }

        struct Band: Decodable {
            var band: String
            var counts: Counts

            init(from decoder: Decoder) throws {
                band = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .band)
                counts = try Counts(from: decoder)
            }

            enum Key: String, CodingKey { case band }
        }

        var bands: [Band]
        var repetitions: Counts
        var total: Counts
    }

    struct Hit: Decodable {
        var unit: String
        var origin: String
        var language: String
        var text: String
        var variants: [String: String]
    }
}
