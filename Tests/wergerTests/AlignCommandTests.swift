import Foundation
import Testing

/// `werger align`, run as a user runs it: the built executable on the sample article and its Sorani
/// translation (memory/samples), on bad input, with --store into a memory in a temporary folder, and
/// with --batch over two folders.
@Suite("werger align")
struct AlignCommandTests {
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("memory/samples")
    static let english = samples.appendingPathComponent("article-en.txt").path
    static let sorani = samples.appendingPathComponent("article-ckb.txt").path

    /// One line of `werger align --format jsonl`: the contract's fields (more may be added).
    struct AlignedBead: Codable, Equatable {
        var source: [String]
        var target: [String]
        var kind: String
        var confidence: Double?
        var document: String?
    }

    static func decodeBeads(_ output: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [AlignedBead] {
        try output.split(separator: "\n").map { line in
            do { return try JSONDecoder().decode(AlignedBead.self, from: Data(line.utf8)) } catch {
                Issue.record("not a bead object: \(line)", sourceLocation: sourceLocation)
                throw error
            }
        }
    }

    /// A memory folder that does not exist: no anchors from the repository's own memory.
    static func noMemory(_ scratch: TemporaryFolder) -> String { scratch.url.appendingPathComponent("no-memory").path }

    /// What the memory holds; one never made holds nothing (`stats` says there is none, exit 66,
    /// rather than make one).
    static func stats(_ memory: String) throws -> (units: Int, pairs: [String: Int]) {
        let run = try Werger.run(["stats", "--format", "json", "--memory", memory])
        if !FileManager.default.fileExists(atPath: memory) {
            #expect(run.status == 66 && run.err.contains("no such folder"), "\(run.err)")
            return (0, [:])
        }
        try #require(run.status == 0, "\(run.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        var pairs: [String: Int] = [:]
        for pair in object["pairs"] as? [[String: Any]] ?? [] {
            pairs["\(pair["from"]!)→\(pair["to"]!)"] = pair["units"] as? Int
        }
        return (object["units"] as? Int ?? -1, pairs)
    }

    // MARK: - The sample article

    @Test("the sample article and its Sorani translation give the expected pairs")
    func sampleArticle() throws {
        let scratch = try TemporaryFolder()
        let run = try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "ckb", "--format", "jsonl",
                                  "--memory", Self.noMemory(scratch)])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.stderr.isEmpty, "\(run.err)")
        let beads = try Self.decodeBeads(run.out)
        let expected = try Self.decodeBeads(try Fixture.text("align/article-en-ckb.expected.jsonl"))
        #expect(beads.count == expected.count)
        for (bead, want) in zip(beads, expected) {
            #expect(bead.source == want.source && bead.target == want.target && bead.kind == want.kind, "\(bead)")
            #expect((0...1).contains(bead.confidence ?? -1))
        }
        // Every segment of both sides, once, in order: the segments of `werger segment`.
        let segments = try Werger.run(["segment", Self.english, "--lang", "en"])
        #expect(beads.flatMap(\.source) == segments.out.split(separator: "\n").map(String.init))
    }

    @Test("tsv, json and tmx carry the same beads")
    func formats() throws {
        let scratch = try TemporaryFolder()
        let common = [Self.english, Self.sorani, "--from", "en", "--to", "ckb", "--memory", Self.noMemory(scratch)]
        let jsonl = try Self.decodeBeads(try Werger.run(["align"] + common + ["--format", "jsonl"]).out)

        let tsv = try Werger.run(["align"] + common + ["--format", "tsv"])
        #expect(tsv.status == 0)
        let rows = tsv.out.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == jsonl.count)
        #expect(rows.allSatisfy { $0.count == 4 })
        #expect(rows.map { String($0[2]) } == jsonl.map(\.kind))

        let json = try Werger.run(["align"] + common + ["--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect((object["beads"] as? [Any])?.count == jsonl.count)
        #expect((object["translationFit"] as? Double ?? 0) > 0.9)

        let tmx = try Werger.run(["align"] + common + ["--format", "tmx"])
        #expect(tmx.status == 0)
        let stored = jsonl.filter { ($0.confidence ?? 0) >= 0.9 && !$0.source.isEmpty && !$0.target.isEmpty }
        #expect(tmx.out.components(separatedBy: "<tu>").count - 1 == stored.count)
        #expect(tmx.out.contains("<prop type=\"x-origin\">align</prop>"))
    }

    // MARK: - --store

    @Test("--store adds the beads as units with origin align, the document and the neighbouring segments")
    func store() throws {
        let scratch = try TemporaryFolder()
        let memory = scratch.url.appendingPathComponent("memory").path
        let run = try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "ckb", "--format", "jsonl",
                                  "--store", "--memory", memory])
        #expect(run.status == 0, "\(run.err)")
        let beads = try Self.decodeBeads(run.out)
        let storable = beads.filter { ($0.confidence ?? 0) >= 0.9 && !$0.source.isEmpty && !$0.target.isEmpty }
        #expect(run.err.contains("aligned 1 document pair: \(beads.count) beads, \(storable.count) units stored"), "\(run.err)")

        let stats = try Self.stats(memory)
        #expect(stats.units == storable.count)
        #expect(stats.pairs["en→ckb"] == storable.count)

        let export = try Werger.run(["export", "--format", "jsonl", "--memory", memory])
        let units = export.out.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(units.count == storable.count)
        #expect(units.allSatisfy { $0["origin"] as? String == "align" && $0["document"] as? String == "article-en.txt" })
        let second = try #require(units.first { ($0["variants"] as? [String: String])?["en"] == storable[1].source.joined(separator: " ") })
        #expect(second["previous"] as? String == storable[0].source[0])
        #expect(second["next"] as? String == storable[2].source[0])

        // The stored pairs are anchors now: aligning again finds them, and stores nothing new.
        let again = try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "ckb", "--format", "jsonl",
                                    "--store", "--memory", memory])
        #expect(again.status == 0, "\(again.err)")
        #expect(try Self.decodeBeads(again.out).allSatisfy { $0.confidence == 0.99 })
        #expect(again.err.contains("0 units stored, \(storable.count) already in the memory"), "\(again.err)")
        #expect(try Self.stats(memory).units == storable.count)
    }

    @Test("beads below --min-confidence go to --review, not to the memory")
    func review() throws {
        let scratch = try TemporaryFolder()
        let memory = scratch.url.appendingPathComponent("memory").path
        let reviewFile = scratch.url.appendingPathComponent("review.jsonl").path
        let run = try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "ckb", "--format", "jsonl",
                                  "--store", "--min-confidence", "0.995", "--review", reviewFile, "--memory", memory])
        #expect(run.status == 0, "\(run.err)")
        let beads = try Self.decodeBeads(run.out)
        let low = beads.filter { ($0.confidence ?? 0) < 0.995 }
        let listed = try String(contentsOfFile: reviewFile, encoding: .utf8).split(separator: "\n")
        #expect(listed.count == low.count)
        #expect(try Self.stats(memory).units == beads.count - low.count)
    }

    /// An editor's batch pairs files by name; a file in the wrong folder pairs two different stories.
    /// Their sentences still make beads, but none pairs well: every bead goes to review, none into the
    /// memory, and one warning names the two files.
    @Test("two files that are not an article and its translation: a warning naming both, every bead for review, nothing stored")
    func unrelatedFiles() throws {
        let scratch = try TemporaryFolder()
        let memory = scratch.url.appendingPathComponent("memory").path
        let unrelated = Fixture.path("align/unrelated-en.txt")
        let run = try Werger.run(["align", unrelated, Self.sorani, "--from", "en", "--to", "ckb", "--format", "jsonl", "--store",
                                  "--review", scratch.url.appendingPathComponent("review.jsonl").path, "--memory", memory])
        #expect(run.status == 0, "\(run.err)")
        let beads = try Self.decodeBeads(run.out)
        #expect(!beads.isEmpty && beads.allSatisfy { ($0.confidence ?? 1) < 0.5 }, "\(beads.map(\.confidence))")
        let warnings = run.errorLines.filter { $0.contains("warning") }
        #expect(warnings.count == 1 && warnings[0].contains("unrelated-en.txt") && warnings[0].contains("article-ckb.txt")
                && warnings[0].contains("do not read as an article and its translation"), "\(run.err)")
        #expect(try Self.stats(memory).units == 0)
        // The sample article and its translation: no warning, and no bead listed for review.
        let sample = try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "ckb", "--format", "jsonl",
                                     "--memory", Self.noMemory(scratch)])
        #expect(sample.stderr.isEmpty, "\(sample.err)")

        // In a batch, the pair is warned about, and counted in the summary (the warning may have scrolled by).
        let (sources, targets) = try Self.batchFolders(in: scratch)
        try FileManager.default.copyItem(atPath: Self.english, toPath: sources.appendingPathComponent("a.txt").path)
        try FileManager.default.copyItem(atPath: unrelated, toPath: sources.appendingPathComponent("b.txt").path)
        for name in ["a.txt", "b.txt"] { try FileManager.default.copyItem(atPath: Self.sorani, toPath: targets.appendingPathComponent(name).path) }
        let batch = try Werger.run(["align", "--batch", sources.path, targets.path, "--from", "en", "--to", "ckb", "--format", "jsonl",
                                    "--review", scratch.url.appendingPathComponent("batch-review.jsonl").path, "--memory", Self.noMemory(scratch)])
        #expect(batch.status == 0, "\(batch.err)")
        let batchWarnings = batch.errorLines.filter { $0.contains("do not read as an article and its translation") }
        #expect(batchWarnings.count == 1 && batchWarnings[0].contains("b.txt"), "\(batch.err)")
        #expect(batch.err.contains("aligned 2 document pairs") && batch.err.contains("1 pair that does not read as a translation"), "\(batch.err)")
    }

    @Test("--segmented takes a segment a line, as hunalign reads, and cuts none: a line of two sentences is a 1-2 bead")
    func givenSegments() throws {
        let scratch = try TemporaryFolder()
        let expected = try Self.decodeBeads(try Fixture.text("align/article-en-ckb.expected.jsonl"))
        var english = expected.map { $0.source.joined(separator: " ") }
        let sorani = expected.map { $0.target.joined(separator: " ") }
        // The second and third sentences on one line; a blank line after the headline.
        english[1...2] = [english[1] + " " + english[2]]
        let source = try scratch.file("en.txt", Data((english[0] + "\n\n" + english.dropFirst().joined(separator: "\n") + "\n").utf8))
        let target = try scratch.file("ckb.txt", Data((sorani[0] + "\n\n" + sorani.dropFirst().joined(separator: "\r\n")).utf8))
        let run = try Werger.run(["align", source.path, target.path, "--from", "en", "--to", "ckb", "--segmented", "--format", "jsonl",
                                  "--memory", Self.noMemory(scratch)])
        #expect(run.status == 0, "\(run.err)")
        let beads = try Self.decodeBeads(run.out)
        #expect(beads.map { $0.source.joined(separator: " ") } == english)
        #expect(beads.map { $0.target.joined(separator: " ") } == [sorani[0], sorani[1] + " " + sorani[2]] + sorani.dropFirst(3))
        #expect(beads.map(\.kind) == ["1-1", "1-2"] + Array(repeating: "1-1", count: english.count - 2))

        let blank = try scratch.file("blank.txt", Data("\n  \n".utf8))
        let empty = try Werger.run(["align", source.path, blank.path, "--from", "en", "--to", "ckb", "--segmented",
                                    "--memory", Self.noMemory(scratch)])
        #expect(empty.status == 65)
        #expect(empty.errorLines.count == 1 && empty.err.contains("blank.txt") && empty.err.contains("no text"), "\(empty.err)")
    }

    // MARK: - Bad input

    @Test("an empty side is refused with one line naming the file, and nothing is stored")
    func emptySide() throws {
        let scratch = try TemporaryFolder()
        let memory = scratch.url.appendingPathComponent("memory").path
        let run = try Werger.run(["align", Self.english, Fixture.path("empty.txt"), "--from", "en", "--to", "ckb", "--store",
                                  "--memory", memory])
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.errorLines.count == 1 && run.err.contains("empty.txt") && run.err.contains("no text"), "\(run.err)")
        #expect(try Self.stats(memory).units == 0)
    }

    @Test("a binary file is refused")
    func binary() throws {
        let scratch = try TemporaryFolder()
        var bytes = Data("Some text".utf8)
        bytes.append(contentsOf: [0, 1, 2, 0, 0xFF, 0x00, 0x10])
        let file = try scratch.file("image.bin", bytes)
        let run = try Werger.run(["align", Self.english, file.path, "--from", "en", "--to", "ckb", "--memory", Self.noMemory(scratch)])
        #expect(run.status == 65)
        #expect(run.errorLines.count == 1 && run.err.contains("image.bin") && run.err.contains("binary"), "\(run.err)")
    }

    @Test("one side ten times the other is refused, and nothing is stored")
    func lengthMismatch() throws {
        let scratch = try TemporaryFolder()
        let memory = scratch.url.appendingPathComponent("memory").path
        let short = try scratch.file("short.txt", Data("The federal finance ministry rejected that figure.\n".utf8))
        let run = try Werger.run(["align", short.path, Self.sorani, "--from", "en", "--to", "ckb", "--store", "--memory", memory])
        #expect(run.status == 65)
        #expect(run.errorLines.count == 1 && run.err.contains("times as long as") && run.err.contains("short.txt"), "\(run.err)")
        #expect(try Self.stats(memory).units == 0)
    }

    @Test("--review naming an article is refused before anything is written: the article keeps its text")
    func reviewOverAnArticle() throws {
        let scratch = try TemporaryFolder()
        let article = try scratch.file("article-en.txt", try Data(contentsOf: URL(fileURLWithPath: Self.english)))
        let run = try Werger.run(["align", article.path, Self.sorani, "--from", "en", "--to", "ckb", "--review", article.path,
                                  "--memory", Self.noMemory(scratch)])
        #expect(run.status == 64)
        #expect(run.errorLines.count == 1 && run.err.contains("article-en.txt") && run.err.contains("another file"), "\(run.err)")
        #expect(try Data(contentsOf: article) == Data(contentsOf: URL(fileURLWithPath: Self.english)))

        // In a batch, the review file may not go into either folder: it would be read as an article next time.
        let folder = scratch.url.appendingPathComponent("en")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let batch = try Werger.run(["align", "--batch", folder.path, folder.path, "--from", "en", "--to", "ckb",
                                    "--review", folder.appendingPathComponent("review.jsonl").path, "--memory", Self.noMemory(scratch)])
        #expect(batch.status == 64)
        #expect(batch.errorLines.count == 1 && batch.err.contains("another folder"), "\(batch.err)")
    }

    @Test("--review naming the memory's database, the glossary, or (by a link) a batch's article is refused; a bare name works")
    func reviewOverWhatTheRunReads() throws {
        let scratch = try TemporaryFolder()
        let memory = scratch.url.appendingPathComponent("memory")
        try #require(try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "ckb", "--store", "--memory", memory.path]).status == 0)
        let database = memory.appendingPathComponent("werger.sqlite")
        let before = try Data(contentsOf: database)
        let glossary = try scratch.file("names.tsv", Data("en\tckb\nErbil\tهەولێر\n".utf8))
        let (sources, targets) = try Self.batchFolders(in: scratch)
        try Data(contentsOf: URL(fileURLWithPath: Self.english)).write(to: sources.appendingPathComponent("a.txt"))
        try Data(contentsOf: URL(fileURLWithPath: Self.sorani)).write(to: targets.appendingPathComponent("a.txt"))
        let link = scratch.url.appendingPathComponent("link.jsonl")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: sources.appendingPathComponent("a.txt").path)
        let databaseLink = scratch.url.appendingPathComponent("hard.db")
        try FileManager.default.linkItem(at: database, to: databaseLink)
        let cases: [([String], String)] = [
            ([Self.english, Self.sorani, "--review", database.path], "memory's folder"),
            ([Self.english, Self.sorani, "--review", databaseLink.path], "is the memory's werger.sqlite (through a link)"),
            ([Self.english, Self.sorani, "--glossary", glossary.path, "--review", glossary.path], "which this run reads"),
            (["--batch", sources.path, targets.path, "--review", link.path], "is the article \(sources.path)/a.txt"),
        ]
        for (arguments, message) in cases {
            let run = try Werger.run(["align"] + arguments + ["--from", "en", "--to", "ckb", "--memory", memory.path])
            #expect(run.status == 64, "\(arguments)")
            #expect(run.errorLines.count == 1 && run.err.contains(message), "\(run.err)")
        }
        #expect(try Data(contentsOf: database) == before)
        #expect(try Data(contentsOf: sources.appendingPathComponent("a.txt")) == Data(contentsOf: URL(fileURLWithPath: Self.english)))

        // A one-letter name in the working folder (Foundation's path splitting once crashed on it).
        let bare = try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "ckb", "--min-confidence", "1",
                                   "--review", "x", "--memory", Self.noMemory(scratch)], in: scratch.url)
        #expect(bare.status == 0, "\(bare.err)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("x").path))
    }

    @Test("a pair that fails on its input leaves an earlier review file and the memory exactly as they were")
    func failureTouchesNothing() throws {
        let scratch = try TemporaryFolder()
        let memory = scratch.url.appendingPathComponent("memory").path
        let stored = try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "ckb", "--store", "--memory", memory])
        try #require(stored.status == 0, "\(stored.err)")
        let database = URL(fileURLWithPath: memory).appendingPathComponent("werger.sqlite")
        let before = try Data(contentsOf: database)
        let review = try scratch.file("review.jsonl", Data("{\"kept\":true}\n".utf8))

        let run = try Werger.run(["align", Fixture.path("empty.txt"), Self.sorani, "--from", "en", "--to", "ckb", "--store",
                                  "--review", review.path, "--memory", memory])
        #expect(run.status == 65, "\(run.err)")
        #expect(try Data(contentsOf: database) == before)
        #expect(try String(contentsOf: review, encoding: .utf8) == "{\"kept\":true}\n")

        // Nor is a memory created where there was none.
        let fresh = scratch.url.appendingPathComponent("fresh")
        let none = try Werger.run(["align", Fixture.path("empty.txt"), Self.sorani, "--from", "en", "--to", "ckb", "--store",
                                   "--memory", fresh.path])
        #expect(none.status == 65)
        #expect(!FileManager.default.fileExists(atPath: fresh.path))
    }

    /// A memory the user may not write fails at the store, after the pair has aligned; root writes anywhere.
    @Test("a store that fails (a read-only memory) leaves an earlier review file as it was",
          .enabled(if: geteuid() != 0, "run as root, every memory is writable"))
    func failedStoreKeepsReview() throws {
        let scratch = try TemporaryFolder()
        let memory = scratch.url.appendingPathComponent("memory")
        try #require(try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "ckb", "--store", "--memory", memory.path]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: memory.path).map { memory.appendingPathComponent($0).path } + [memory.path]
        for file in files { try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: file) }
        defer { for file in files { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file) } }
        let review = try scratch.file("review.jsonl", Data("{\"kept\":true}\n".utf8))
        // The memory's pairs make every bead sure (0.99): there are units to store, and the store fails.
        let run = try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "ckb", "--store",
                                  "--review", review.path, "--memory", memory.path])
        #expect(run.status == 74, "\(run.err)")
        #expect(try String(contentsOf: review, encoding: .utf8) == "{\"kept\":true}\n")
    }

    @Test("a review file that cannot be written stops the run before the pair's units are stored")
    func unwritableReview() throws {
        let scratch = try TemporaryFolder()
        let memory = scratch.url.appendingPathComponent("memory").path
        // /dev/full opens and takes no byte: the failure comes at the write, not the open.
        try #require(FileManager.default.fileExists(atPath: "/dev/full"))
        let run = try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "ckb", "--store",
                                  "--min-confidence", "0.995", "--review", "/dev/full", "--memory", memory])
        #expect(run.status == 74)
        #expect(run.errorLines.count == 1 && run.err.contains("/dev/full") && run.err.contains("cannot write"), "\(run.err)")
        #expect(!FileManager.default.fileExists(atPath: memory), "nothing stored, no memory made")
    }

    @Test("a memory another process is writing: the wait is said on stderr, and the pair is stored when it ends")
    func lockedMemory() throws {
        let scratch = try TemporaryFolder()
        let memory = scratch.url.appendingPathComponent("memory").path
        try #require(try Werger.run(["add", "--from", "en", "Good morning.", "--to", "ckb", "بەیانیت باش.", "--memory", memory]).status == 0)
        // The folder lock a writing werger holds while it opens the memory, held here for three seconds:
        // werger reaches it after reading and aligning (half a second in a debug build on a busy
        // machine), and says it waits only once the wait has lasted a second.
        let lock = open(scratch.url.appendingPathComponent("memory/.werger.lock").path, O_RDWR | O_CREAT, 0o644)
        try #require(lock >= 0 && flock(lock, LOCK_EX) == 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + 3) { flock(lock, LOCK_UN); close(lock) }
        let run = try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "ckb", "--store", "--memory", memory])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("waiting for") && run.err.contains("another process is writing"), "\(run.err)")
        #expect(try Self.stats(memory).pairs["en→ckb"] ?? 0 > 1)
    }

    @Test("the same language on both sides, an empty --review or --document, --review - or /dev/stdout, and a negative --min-confidence are usage errors")
    func usageErrors() throws {
        let scratch = try TemporaryFolder()
        let cases: [([String], String)] = [
            (["--from", "en", "--to", "en"], "both en"),
            (["--from", "en", "--to", "en-US"], "--from en and --to en-US are the same language"),
            (["--from", "ckb", "--to", "ku-Arab"], "the same language"),
            (["--from", "en", "--to", "ckb", "--review", ""], "--review needs a file name"),
            (["--from", "en", "--to", "ckb", "--review", "-"], "--review -: the beads already go to standard output"),
            (["--from", "en", "--to", "ckb", "--review", "/dev/stdout"], "--review /dev/stdout: is where the beads go (standard output)"),
            (["--from", "en", "--to", "ckb", "--document", " "], "--document needs a name"),
            (["--from", "en", "--to", "ckb", "--min-confidence", "-1"], "between 0 and 1"),
        ]
        for (options, message) in cases {
            let run = try Werger.run(["align", Self.english, Self.sorani] + options + ["--memory", Self.noMemory(scratch)])
            #expect(run.status == 64, "\(options)")
            #expect(run.errorLines.count == 1 && run.err.contains(message), "\(options): \(run.err)")
        }
    }

    @Test("a control character a memory and TMX cannot hold: --store and --format tmx refuse the file with its line; jsonl keeps it")
    func controlCharacters() throws {
        let scratch = try TemporaryFolder()
        let memory = scratch.url.appendingPathComponent("memory").path
        let text = try String(contentsOfFile: Self.english, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let pasted = try scratch.file("pasted.txt", Data((lines.prefix(2) + ["\u{2}" + lines[2]] + lines.dropFirst(3)).joined(separator: "\n").utf8))
        for options in [["--store", "--memory", memory], ["--format", "tmx", "--memory", Self.noMemory(scratch)]] {
            let run = try Werger.run(["align", pasted.path, Self.sorani, "--from", "en", "--to", "ckb"] + options)
            #expect(run.status == 65, "\(options)")
            #expect(run.stdout.isEmpty || options.contains("tmx"))
            #expect(run.errorLines.count == 1 && run.err.contains("pasted.txt: line 3: control character U+0002"), "\(run.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: memory))
        let jsonl = try Werger.run(["align", pasted.path, Self.sorani, "--from", "en", "--to", "ckb", "--format", "jsonl",
                                    "--memory", Self.noMemory(scratch)])
        #expect(jsonl.status == 0, "\(jsonl.err)")
        #expect(try Self.decodeBeads(jsonl.out).contains { $0.source.contains { $0.contains("\u{2}") } })
    }

    @Test("an article in another script than its language (the files swapped, a wrong --to) is refused, and nothing is stored")
    func wrongScript() throws {
        let scratch = try TemporaryFolder()
        let memory = scratch.url.appendingPathComponent("memory").path
        let swapped = try Werger.run(["align", Self.sorani, Self.english, "--from", "en", "--to", "ckb", "--store", "--memory", memory])
        #expect(swapped.status == 65)
        #expect(swapped.errorLines.count == 1 && swapped.err.contains("article-ckb.txt") && swapped.err.contains("Arabic script")
                && swapped.err.contains("en is written in Latin script"), "\(swapped.err)")
        let kurmanji = try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "kmr", "--memory", memory])
        #expect(kurmanji.status == 65)
        #expect(kurmanji.err.contains("kmr is written in Latin script"), "\(kurmanji.err)")
        #expect(!FileManager.default.fileExists(atPath: memory))
    }

    @Test("Arabic given as Sorani, or Sorani as Arabic (one script, the other alphabet), is refused, and nothing is stored")
    func soraniOrArabic() throws {
        let scratch = try TemporaryFolder()
        let memory = scratch.url.appendingPathComponent("memory").path
        let arabic = Self.samples.appendingPathComponent("article-ar.txt").path
        for tag in ["ckb", "ku-Arab"] {
            let run = try Werger.run(["align", Self.english, arabic, "--from", "en", "--to", tag, "--store", "--memory", memory])
            #expect(run.status == 65, "\(tag)")
            #expect(run.errorLines == ["werger: error: \(arabic): the letters of the file are Arabic's, not Sorani's: almost none are Sorani's ە ێ ۆ ڵ ڕ, "
                                       + "and 4% are Arabic's أ إ; check --from and --to, and the order of the two files"], "\(run.err)")
        }
        let sorani = try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "ar", "--store", "--memory", memory])
        #expect(sorani.status == 65)
        #expect(sorani.errorLines.count == 1 && sorani.err.contains("the letters of the file are Sorani's, not Arabic's: 22% are Sorani's"),
                "\(sorani.err)")
        #expect(!FileManager.default.fileExists(atPath: memory))
        // The right tags still align.
        for (file, tag) in [(arabic, "ar"), (Self.sorani, "ckb")] {
            let run = try Werger.run(["align", Self.english, file, "--from", "en", "--to", tag, "--memory", Self.noMemory(scratch)])
            #expect(run.status == 0, "\(tag): \(run.err)")
        }
    }

    @Test("a missing file exits 66, a bad language tag 64")
    func missingFileAndBadTag() throws {
        let scratch = try TemporaryFolder()
        let missing = try Werger.run(["align", Self.english, scratch.url.appendingPathComponent("nope.txt").path,
                                      "--from", "en", "--to", "ckb", "--memory", Self.noMemory(scratch)])
        #expect(missing.status == 66)
        #expect(missing.errorLines.count == 1 && missing.err.contains("nope.txt"), "\(missing.err)")

        let badTag = try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "sorani-ish", "--memory", Self.noMemory(scratch)])
        #expect(badTag.status == 64)
        #expect(badTag.errorLines.count == 1, "\(badTag.err)")
    }

    @Test("quotation marks, backslashes and tabs come out as valid JSON, exactly as written")
    func jsonEscaping() throws {
        let scratch = try TemporaryFolder()
        let source = try scratch.file("en.txt", Data("He said \"yes\" to C:\\temp.\tThen he left.\n".utf8))
        let target = try scratch.file("ckb.txt", Data("گوتی \"بەڵێ\" بۆ C:\\temp.\tپاشان ڕۆیشت.\n".utf8))
        let run = try Werger.run(["align", source.path, target.path, "--from", "en", "--to", "ckb", "--format", "jsonl",
                                  "--memory", Self.noMemory(scratch)])
        #expect(run.status == 0, "\(run.err)")
        let beads = try Self.decodeBeads(run.out)
        #expect(beads.flatMap(\.source).joined(separator: " ").contains("\"yes\" to C:\\temp."))
        #expect(beads.flatMap(\.target).joined(separator: " ").contains("\"بەڵێ\""))
    }

    @Test("a glossary line without a tab is refused with its line number")
    func badGlossary() throws {
        let scratch = try TemporaryFolder()
        let glossary = try scratch.file("names.tsv", Data("en\tckb\nErbil\tهەولێر\nDuhok\n".utf8))
        let run = try Werger.run(["align", Self.english, Self.sorani, "--from", "en", "--to", "ckb", "--glossary", glossary.path,
                                  "--memory", Self.noMemory(scratch)])
        #expect(run.status == 65)
        #expect(run.errorLines.count == 1 && run.err.contains("names.tsv: line 3"), "\(run.err)")
    }

    @Test("a memory of the language pair teaches a single pair's lexicon: a dropped sentence among look-alikes lands in place")
    func memoryTeachesTheLexicon() throws {
        let scratch = try TemporaryFolder()
        // Without a bilingual dictionary (FreeDict's Kurmanji–English one, when installed, places the
        // dropped sentence by itself): this is about what the memory teaches.
        // 360 units in which nine word pairs keep company (each unit with a word of its own).
        let pairs = [("farmers", "cotkaran"), ("wheat", "genim"), ("river", "çem"), ("doctors", "bijîşkan"), ("patients", "nexweş"),
                     ("tent", "kona"), ("drivers", "ajokaran"), ("flood", "lehiyê"), ("bridges", "piran")]
        let letters = Array("bcdfghjklmnpqrstvwxz")
        var rows = ["en\tkmr"]
        for a in pairs.indices { for b in pairs.indices where a != b { for _ in 0..<5 {
            let k = rows.count
            let own = String([letters[k % 20], letters[(k / 20) % 20], letters[(k / 400) % 20]])
            rows.append("The \(pairs[a].0) saw \(pairs[b].0) \(own)ward today.\t\(pairs[a].1.capitalized) \(pairs[b].1) \(own)yar dît.")
        } } }
        let units = try scratch.file("units.tsv", Data((rows.joined(separator: "\n") + "\n").utf8))
        let memory = scratch.url.appendingPathComponent("memory").path
        #expect(try Werger.run(["import", units.path, "--memory", memory]).status == 0)
        let english = try scratch.file("en.txt", Data(("Farmers planted wheat near the river bank. Teachers closed their schools during the storm. "
            + "Doctors treated patients inside the large tent. Drivers crossed the bridges before the flood.\n").utf8))
        let kurmanji = try scratch.file("kmr.txt", Data(("Cotkaran genim li nêzî qeraxa çem çandin. Bijîşkan nexweş di nava kona mezin de derman kirin. "
            + "Ajokaran berî lehiyê di ser piran re derbas bûn.\n").utf8))
        let taught = try Werger.run(["align", english.path, kurmanji.path, "--from", "en", "--to", "kmr", "--format", "jsonl", "--memory", memory, "--no-dictionary"])
        #expect(taught.status == 0, "\(taught.err)")
        #expect(try Self.decodeBeads(taught.out).map(\.kind) == ["1-1", "1-0", "1-1", "1-1"])
        // With the lexicon's pairs off, the word model --learn-words learns from the same memory places it too (the
        // memory's length ratio off as well: these made-up units are shorter in Kurmanji than the article is).
        let align = ["align", english.path, kurmanji.path, "--from", "en", "--to", "kmr", "--format", "jsonl", "--memory", memory,
                     "--weights", "lexiconMatch=0,ratioPrior=0", "--no-dictionary"]
        let modelled = try Werger.run(align + ["--learn-words"])
        #expect(modelled.status == 0, "\(modelled.err)")
        #expect(try Self.decodeBeads(modelled.out).map(\.kind) == ["1-1", "1-0", "1-1", "1-1"])
        #expect(try Self.decodeBeads(try Werger.run(align).out).map(\.kind) == ["1-1", "1-1", "1-1", "1-0"])
        // Without a memory the lengths alone (at en–kmr's typical ratio) put the 1-0 one place off.
        let alone = try Werger.run(["align", english.path, kurmanji.path, "--from", "en", "--to", "kmr", "--format", "jsonl",
                                    "--memory", Self.noMemory(scratch), "--no-dictionary"])
        #expect(try Self.decodeBeads(alone.out).map(\.kind) == ["1-1", "1-1", "1-0", "1-1"])
        // --learn-words with nothing to learn from says so, once, and aligns as without it.
        let unlearned = try Werger.run(["align", english.path, kurmanji.path, "--from", "en", "--to", "kmr", "--format", "jsonl",
                                        "--memory", Self.noMemory(scratch), "--learn-words", "--no-dictionary"])
        #expect(unlearned.status == 0)
        #expect(unlearned.out == alone.out)
        #expect(unlearned.errorLines.count == 1 && unlearned.err.contains("--learn-words: the memory holds 0 sentence pairs of en–kmr"),
                "\(unlearned.err)")
    }

    // MARK: - --batch

    @Test("--batch aligns files with the same name, reports failures and files without a counterpart, sums up")
    func batch() throws {
        let scratch = try TemporaryFolder()
        let (sources, targets) = try Self.batchFolders(in: scratch)
        let english = try Data(contentsOf: URL(fileURLWithPath: Self.english)), sorani = try Data(contentsOf: URL(fileURLWithPath: Self.sorani))
        for name in ["a.txt", "b.txt"] {
            try english.write(to: sources.appendingPathComponent(name))
            try sorani.write(to: targets.appendingPathComponent(name))
        }
        try english.write(to: sources.appendingPathComponent("c.txt"))
        try Data().write(to: targets.appendingPathComponent("c.txt"))
        try sorani.write(to: targets.appendingPathComponent("d.txt"))
        let memory = scratch.url.appendingPathComponent("memory").path

        let run = try Werger.run(["align", "--batch", sources.path, targets.path, "--from", "en", "--to", "ckb",
                                  "--format", "jsonl", "--store", "--memory", memory])
        #expect(run.status == 65)
        let beads = try Self.decodeBeads(run.out)
        let perDocument = Dictionary(grouping: beads, by: { $0.document ?? "" }).mapValues(\.count)
        #expect(Set(perDocument.keys) == ["a.txt", "b.txt"])
        #expect(perDocument["a.txt"] == perDocument["b.txt"])
        #expect(run.err.contains("c.txt: no text to align"), "\(run.err)")
        #expect(run.err.contains("aligned 2 document pairs") && run.err.contains("1 failed") && run.err.contains("1 without a counterpart"),
                "\(run.err)")
        #expect(run.err.contains("\(sources.path)/d.txt: no such file; \(targets.path)/d.txt is not aligned"), "\(run.err)")
        // b.txt repeats a.txt: its units are already in the memory.
        #expect(try Self.stats(memory).units == perDocument["a.txt"])
    }

    /// Two empty folders, `en/` and `ckb/`, for `--batch`.
    static func batchFolders(in scratch: TemporaryFolder) throws -> (sources: URL, targets: URL) {
        let sources = scratch.url.appendingPathComponent("en"), targets = scratch.url.appendingPathComponent("ckb")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: targets, withIntermediateDirectories: true)
        return (sources, targets)
    }

    @Test("--batch over folders of which no file pairs is refused (exit 66, one line naming both); two empty folders align nothing")
    func batchWithoutPairs() throws {
        let scratch = try TemporaryFolder()
        let (sources, targets) = try Self.batchFolders(in: scratch)
        let memory = scratch.url.appendingPathComponent("memory").path
        let arguments = ["align", "--batch", sources.path, targets.path, "--from", "en", "--to", "ckb", "--store", "--memory", memory]

        let empty = try Werger.run(arguments)
        #expect(empty.status == 0, "\(empty.err)")
        #expect(empty.errorLines == ["werger: aligned 0 document pairs: 0 beads, 0 units stored, 0 already in the memory, 0 below confidence 0.9"],
                "\(empty.err)")

        try Data(contentsOf: URL(fileURLWithPath: Self.english)).write(to: sources.appendingPathComponent("story-en.txt"))
        try Data(contentsOf: URL(fileURLWithPath: Self.sorani)).write(to: targets.appendingPathComponent("story-ckb.txt"))
        let unpaired = try Werger.run(arguments)
        #expect(unpaired.status == 66)
        #expect(unpaired.stdout.isEmpty, "\(unpaired.out)")
        #expect(unpaired.errorLines == ["werger: error: \(sources.path) and \(targets.path) hold no files of the same name (1 file and 1 file); "
                                        + "--batch aligns each file of the first folder with the same-named file of the second"], "\(unpaired.err)")
        #expect(try Self.stats(memory).units == 0)
    }
}
