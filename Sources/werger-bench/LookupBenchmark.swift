// `werger-bench lookup`: in-process fuzzy lookups against an imported memory, with a brute-force
// check of every answer.
//
//   werger-bench lookup --memory DIR --queries DIR [--from en --to ar] [--min 50] [--limit 1] [--brute yes|no]
//
// DIR of --queries is make_tm.py's output: queries_near.tsv (first column) and queries_none.txt.
// Times each lookup (one thread, one read transaction, as `werger translate` does), prints
// lookups/s and p50/p95/max latency, then checks each answer against a brute-force scan that
// bounds and scores every stored variant in the query's language (no index), and prints the
// agreement.
import Foundation
import WergerKit

func lookupBenchmark() throws {
    let folder = option("--memory", "")
    let queryFolder = option("--queries", "")
    guard !folder.isEmpty, !queryFolder.isEmpty else { throw BenchError(description: "give --memory DIR and --queries DIR") }
    let from = try LanguageTag(option("--from", "en")), to = try LanguageTag(option("--to", "ar"))
    let threshold = Int(option("--min", "50")) ?? 50
    let limit = Int(option("--limit", "1")) ?? 1
    let near = try String(contentsOfFile: queryFolder + "/queries_near.tsv", encoding: .utf8)
        .split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
    let none = try String(contentsOfFile: queryFolder + "/queries_none.txt", encoding: .utf8)
        .split(separator: "\n").map(String.init)
    let queries = near + none
    let memory = try SQLiteMemory(location: MemoryLocation(folder: URL(fileURLWithPath: folder)), readOnly: true)
    let source = MatchingLanguage(from), target = MatchingLanguage(to)
    try memory.withIndex { index in
        let search = FuzzySearch(index: index)
        var answers: [[ScoredVariant]] = []
        var latencies: [Double] = []
        let start = now()
        for query in queries {
            let t0 = now()
            answers.append(try search.search(query, language: source, target: target.key, threshold: threshold, limit: limit))
            latencies.append(now() - t0)
        }
        let total = now() - start
        let sorted = latencies.sorted()
        func ms(_ x: Double) -> String { String(format: "%.2f ms", x * 1000) }
        print("lookups: \(queries.count) (\(near.count) near, \(none.count) none), threshold \(threshold), limit \(limit)")
        print(String(format: "werger: %.0f lookups/s", Double(queries.count) / total)
              + ", p50 \(ms(sorted[sorted.count / 2])), p95 \(ms(sorted[Int(Double(sorted.count) * 0.95)])), max \(ms(sorted.last!))")
        print("matched: \(answers.filter { !$0.isEmpty }.count) of \(queries.count)")
        guard option("--brute", "yes") == "yes" else { return }
        // Brute force: every stored variant in the source language, its exact word distance on the
        // stored word hashes as an upper bound, then the full score on its text for the survivors.
        var shapes: [(Int64, VariantShape)] = []
        try index.forEachShape(language: source.key) { shapes.append(($0, $1)) }
        let tokenizer = MatchTokenizer()
        var agree = 0
        let bruteStart = now()
        for (q, query) in queries.enumerated() {
            let tokens = tokenizer.tokens(of: query, language: source)
            let packed = tokens.words.map(VariantShape.pack)
            var best: [ScoredVariant] = []
            var hasTarget: [Int64: Bool] = [:]
            for (unit, shape) in shapes {
                let cut = best.count < limit ? threshold : best[best.count - 1].quality.value
                let allowed = (100 - cut) * max(packed.count, shape.words.count) / 100
                guard let distance = FuzzySearch.distance(packed, shape.words, limit: allowed),
                      MatchQuality.bound(distance: distance, queryWords: packed.count, storedWords: shape.words.count) >= cut
                else { continue }
                let text = shape.text, tags = shape.hasTags
                let quality = MatchQuality.score(query: tokens, stored: tokenizer.tokens(of: text, language: source),
                                                 identicalText: text.trimmingCharacters(in: .whitespacesAndNewlines) == query.trimmingCharacters(in: .whitespacesAndNewlines),
                                                 storedHasTags: tags)
                guard quality.value >= threshold else { continue }
                if hasTarget[unit] == nil { hasTarget[unit] = try index.shapes(of: unit).contains { $0.language == target.key } }
                guard hasTarget[unit]! else { continue }
                best.append(ScoredVariant(unit: unit, position: shape.position, quality: quality, text: text, hasTags: tags))
                best.sort { $0.quality.value != $1.quality.value ? $0.quality.value > $1.quality.value : $0.unit > $1.unit }
                if best.count > limit { best.removeLast() }
            }
            let got = answers[q].map { "\($0.unit):\($0.quality.value)" }, want = best.map { "\($0.unit):\($0.quality.value)" }
            if got == want { agree += 1 } else { print("disagree: \(query) — index \(got), brute force \(want)") }
        }
        print(String(format: "brute force: %d of %d agree (%.1f%%), %.1f s per query", agree, queries.count,
                     Double(agree) * 100 / Double(queries.count), (now() - bruteStart) / Double(queries.count)))
    }
}
