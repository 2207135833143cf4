// werger-bench: speed benchmarks, each side by side with the peer named in its issue.
//
//   swift run -c release werger-bench segment [--shared ../shared] [--english-mb 20] [--arabic-mb 10] [--runs 3]
//
// `segment` builds a ~20 MB English and a ~10 MB Arabic-script (Sorani + Arabic) news text by
// repeating ../shared/corpora/ntrex128 as articles (headline line, paragraphs of four sentences),
// then times on the same UTF-16 text (a) a raw ICU sentence-iterator loop through the CICU shim and
// (b) Werger's full segmenter producing segments; best of --runs. It also runs `werger segment
// --format jsonl` on each file as a separate process and reports its wall time and peak memory
// (/usr/bin/time, from Debian's `time` package).
import CICU
import Foundation
import WergerKit

struct BenchError: Error, CustomStringConvertible { let description: String }

func option(_ name: String, _ fallback: String) -> String {
    let arguments = CommandLine.arguments
    if let i = arguments.firstIndex(of: name), i + 1 < arguments.count { return arguments[i + 1] }
    return fallback
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// ntrex128 lines grouped into articles: a headline, then paragraphs of four sentences.
func articles(_ shared: String, _ files: [String]) throws -> String {
    let corpus = shared + "/corpora/ntrex128/"
    let ids = try String(contentsOfFile: corpus + "doc_ids.txt", encoding: .utf8).split(separator: "\n")
    var out = ""
    for file in files {
        let lines = try String(contentsOfFile: corpus + file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        var previous: Substring?
        var inParagraph = 0
        for (id, line) in zip(ids, lines) {
            if id != previous {
                out += (previous == nil ? "" : "\n\n") + line + "\n\n"
                previous = id
                inParagraph = 0
                continue
            }
            if inParagraph == 4 { out += "\n\n"; inParagraph = 0 }
            out += (inParagraph == 0 ? "" : " ") + line
            inParagraph += 1
        }
        out += "\n\n"
    }
    return out
}

func repeated(_ base: String, toMegabytes mb: Double) -> String {
    let target = Int(mb * 1_000_000)
    var text = ""
    text.reserveCapacity(target + base.utf8.count)
    while text.utf8.count < target { text += base }
    return text
}

/// (a): the raw ICU loop. Returns the number of boundaries.
func rawICU(_ units: UnsafeBufferPointer<UInt16>, locale: String) -> Int {
    var error: Int32 = 0
    guard let iterator = wicu_break_open(Int32(WICU_BREAK_SENTENCE), locale, &error) else { return -1 }
    defer { wicu_break_close(iterator) }
    wicu_break_set_text(iterator, units.baseAddress, Int32(units.count), &error)
    var count = 0
    while wicu_break_next(iterator) != WICU_BREAK_DONE { count += 1 }
    return count
}

func best(_ runs: Int, _ body: () -> Int) -> (seconds: Double, result: Int) {
    var fastest = Double.infinity
    var result = 0
    for _ in 0..<runs {
        let start = now()
        result = body()
        fastest = min(fastest, now() - start)
    }
    return (fastest, result)
}

/// Runs the CLI on `path` under /usr/bin/time and returns its wall time and peak resident memory.
func cli(_ path: String, language: String) throws -> (seconds: Double, peak: Int) {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("werger").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        throw BenchError(description: "\(binary) is missing: run `swift build -c release` first")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
    // getrusage of a child would count the pages it shared with this (large) process before exec.
    process.arguments = ["-f", "%e %M", binary, "segment", path, "--lang", language, "--format", "jsonl"]
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let report = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw BenchError(description: "werger segment failed: \(report)") }
    let fields = report.split(whereSeparator: { $0 == " " || $0 == "\n" }).suffix(2).compactMap { Double($0) }
    guard fields.count == 2 else { throw BenchError(description: "cannot read /usr/bin/time's report: \(report)") }
    return (fields[0], Int(fields[1]) * 1024)
}

func segmentBenchmark() throws {
    let shared = option("--shared", "../shared")
    let runs = Int(option("--runs", "3")) ?? 3
    let inputs: [(name: String, language: String, text: String)] = [
        ("English", "en", repeated(try articles(shared, ["eng.txt"]), toMegabytes: Double(option("--english-mb", "20")) ?? 20)),
        ("Arabic script (ckb + ar)", "ckb", repeated(try articles(shared, ["ckb.txt", "arb.txt"]), toMegabytes: Double(option("--arabic-mb", "10")) ?? 10)),
    ]
    print("segment benchmark, best of \(runs) runs, same UTF-16 text for (a) and (b)")
    for input in inputs {
        let units = Array(input.text.utf16)
        let megabytes = Double(input.text.utf8.count) / 1e6
        let segmenter = try Segmenter(language: LanguageTag(input.language))
        // (a) and (b) alternate, so both see the same machine state; each keeps its best run.
        var icuSeconds = Double.infinity, wergerSeconds = Double.infinity
        var icuBoundaries = 0, segments = 0
        units.withUnsafeBufferPointer { buffer in
            for _ in 0..<runs {
                let a = best(1) { rawICU(buffer, locale: "root") }
                let b = best(1) { segmenter.segments(utf16: buffer).segments.count }
                icuSeconds = min(icuSeconds, a.seconds)
                wergerSeconds = min(wergerSeconds, b.seconds)
                icuBoundaries = a.result
                segments = b.result
            }
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("werger-bench-\(input.language).txt").path
        try input.text.write(toFile: path, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try cli(path, language: input.language)
        let chars = Double(units.count) / 1e6
        print("""
            \(input.name): \(String(format: "%.1f", megabytes)) MB UTF-8, \(String(format: "%.1f", chars)) M UTF-16 units
              (a) raw ICU loop (root):   \(String(format: "%7.3f", icuSeconds)) s  \(String(format: "%6.1f", chars / icuSeconds)) M chars/s  \(icuBoundaries) boundaries
              (b) Werger segmenter:      \(String(format: "%7.3f", wergerSeconds)) s  \(String(format: "%6.1f", chars / wergerSeconds)) M chars/s  \(segments) segments
              ratio (b)/(a) speed:       \(String(format: "%.2f", icuSeconds / wergerSeconds))  (goal >= 0.5)
              werger segment --format jsonl (process, file in, JSON out): \(String(format: "%.2f", run.seconds)) s, \
            peak RSS \(String(format: "%.1f", Double(run.peak) / 1e6)) MB = \(String(format: "%.2f", Double(run.peak) / Double(input.text.utf8.count)))x input (goal <= 4x)
            """)
    }
}

do {
    switch CommandLine.arguments.dropFirst().first {
    case "segment": try segmentBenchmark()
    case "lookup": try lookupBenchmark()
    default:
        print("usage: werger-bench segment [--shared ../shared] [--english-mb 20] [--arabic-mb 10] [--runs 3]")
        print("       werger-bench lookup --memory DIR --queries DIR [--from en --to ar] [--min 50] [--limit 1] [--brute yes|no]")
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("werger-bench: \(error)\n".utf8))
    exit(1)
}
