import Foundation
import Testing

/// `werger import`, `add`, `export` and `stats`, run as a user runs them: the built executable against
/// a memory in a temporary folder, with stdout, stderr and the exit code checked separately.
/// Fixtures are in Fixtures/memory (see its README.md). Every memory lives in `<scratch>/memory`, apart
/// from the input files: TMX files inside a new memory's folder would seed it.
@Suite("werger import, add, export, stats")
struct MemoryCommandTests {
    // MARK: - Import

    @Test("a TMX file imports once: a second import counts duplicates and adds nothing")
    func importTMXTwice() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        // Exactly these three fields (the other tests decode the summary and would accept more).
        let first = try Self.importFiles([Self.fixture("news.tmx")], into: memory)
        #expect(first.status == 0, "\(first.err)")
        #expect(try JSONDecoder().decode([String: Int].self, from: first.stdout) == ["added": 3, "duplicates": 0, "skipped": 0],
                "\(first.out)")
        #expect(first.out.hasSuffix("}\n") && first.out.split(separator: "\n").count == 1, "\(first.out)")
        #expect(first.stderr.isEmpty, "\(first.err)")

        let second = try Self.importFiles([Self.fixture("news.tmx")], into: memory)
        #expect(second.status == 0, "\(second.err)")
        #expect(try JSONDecoder().decode([String: Int].self, from: second.stdout) == ["added": 0, "duplicates": 3, "skipped": 0],
                "\(second.out)")
        #expect(second.stderr.isEmpty, "\(second.err)")

        let stats = try Self.stats(memory)
        #expect(stats.units == 3)
        #expect(stats.variants == ["en": 3, "ckb": 3, "kmr": 3, "ar": 3])
        #expect(Set(stats.pairs) == [Stats.Pair(from: "en", to: "ckb", units: 3), Stats.Pair(from: "en", to: "kmr", units: 3),
                                    Stats.Pair(from: "en", to: "ar", units: 3)])
    }

    @Test("- imports standard input (TMX told by its content, TSV with --from and --to), as \"standard input\"; empty input is refused")
    func importStandardInput() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        let tmx = try Werger.run(["import", "-", "--memory", memory.path, "--summary", "json"], stdin: URL(fileURLWithPath: Self.fixture("news.tmx")))
        #expect(try Self.summary(tmx).added == 3)
        let tsv = try Werger.run(["import", "-", "--from", "en", "--to", "ckb", "--memory", memory.path, "--summary", "json"],
                                 stdin: URL(fileURLWithPath: Self.fixture("headerless.tsv")))
        #expect(try Self.summary(tsv).added > 0)
        let units = try Self.exportJSONL(memory)
        #expect(units.count == 3 + (try Self.summary(tsv).added))
        #expect(Set(units.map(\.origin)) == ["standard input"])
        let empty = try Werger.run(["import", "-", "--memory", memory.path])
        #expect(empty.status == 65)
        #expect(empty.errorLines == ["werger: error: standard input: empty file"], "\(empty.err)")
        #expect(try Self.stats(memory).units == units.count)
    }

    @Test("a named pipe is read once, to the end, and imported under its name")
    func importFromAPipe() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        let pipe = scratch.url.appendingPathComponent("news-pipe.tmx").path
        try #require(mkfifo(pipe, 0o600) == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("news.tmx")))
        // The writer blocks until werger opens the pipe; it gives the bytes once.
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: pipe) else { return }
            handle.write(bytes)
            try? handle.close()
        }
        writer.start()
        let run = try Self.importFiles([pipe], into: memory)
        #expect(try Self.summary(run).added == 3)
        #expect(Set(try Self.exportJSONL(memory).map(\.origin)) == ["news-pipe.tmx"])
    }

    @Test("notes, properties and level-2 inline markup survive the import")
    func importKeepsNotesPropertiesAndMarkup() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))

        let units = try Self.exportJSONL(memory)
        try #require(units.count == 3)
        let river = try #require(units.first { $0.id == "u1" })
        #expect(river.variants["kmr"] == "Çem du metre bilind bû.")
        #expect(river.notes == ["Checked by the desk."])
        #expect(river.properties == [ExportedUnit.Property(type: "x-domain", value: "news")])
        #expect(river.created == "20260101T120000Z")
        #expect(river.origin == "news.tmx")

        let roads = try #require(units.first { $0.id == "u2" })
        // The text leaves the inline codes out; the markup keeps them as written.
        #expect(roads.variants["en"] == "Roads are closed today.")
        #expect(roads.variants["ar"] == "الطرق مغلقة اليوم.")
        #expect(roads.markup?["en"] == #"Roads are <bpt i="1" x="1">&lt;b&gt;</bpt>closed<ept i="1">&lt;/b&gt;</ept> today."#)
        #expect(roads.markup?["ckb"] == #"ڕێگاکان ئەمڕۆ <bpt i="1" x="1">&lt;b&gt;</bpt>داخراون<ept i="1">&lt;/b&gt;</ept>."#)

        let tmx = try Werger.run(["export", "--format", "tmx", "--memory", memory.path])
        #expect(tmx.status == 0)
        #expect(tmx.out.contains(#"<seg>Rê îro <bpt i="1" x="1">&lt;b&gt;</bpt>girtî ne<ept i="1">&lt;/b&gt;</ept>.</seg>"#))
        #expect(tmx.out.contains("<note>Checked by the desk.</note>"))
        #expect(tmx.out.contains(#"<prop type="x-domain">news</prop>"#))
    }

    @Test("TMX text is stored exactly as written: references decoded, tab and CR kept, tags canonical")
    func importDecodesTMXText() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        #expect(try Self.summary(try Self.importFiles([Self.fixture("escapes.tmx")], into: memory))
                == Summary(added: 2, duplicates: 0, skipped: 0))
        let units = try Self.exportJSONL(memory)
        try #require(units.count == 2)
        #expect(units[0].id == "q\"1")
        // Scalar by scalar: String's == would accept a canonically equivalent text.
        #expect(units[0].variants.mapValues { Array($0.unicodeScalars) } == [
            "en": Array("Tom & Jerry <3 \"quoted\" 'single'\ttab\rcr".unicodeScalars),
            "ckb": Array("تۆم و جێری  ZWNJ\u{200C}here".unicodeScalars),
        ])
        #expect(units[0].notes == ["Check <this> & that"])
        #expect(units[0].markup?["ckb"] == #"تۆم و جێری <ph x="1">&lt;br/&gt;</ph> ZWNJ‌here"#)
        #expect(units[1].variants == ["ku-Arab": "سڵاو", "en-US": "Hello  with   spaces "])
    }

    @Test("two different translations of the same English source are both kept")
    func twoTranslationsOfOneSource() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        let run = try Self.importFiles([Self.fixture("same-source.tmx")], into: memory)
        #expect(try Self.summary(run) == Summary(added: 2, duplicates: 0, skipped: 0))

        let stats = try Self.stats(memory)
        #expect(stats.units == 2)
        #expect(stats.variants == ["en": 2, "ckb": 2])

        let units = try Self.exportJSONL(memory, from: "en", to: "ckb")
        #expect(units.map { $0.variants["en"] } == Array(repeating: "The talks ended without an agreement.", count: 2))
        #expect(Set(units.compactMap { $0.variants["ckb"] }) == [
            "گفتوگۆکان بێ ڕێککەوتن کۆتاییان هات.", "دانوستانەکان بەبێ گەیشتن بە ڕێککەوتن تەواو بوون.",
        ])
    }

    // MARK: - Add

    @Test("add stores one unit with origin manual; export --from en --to ckb shows it")
    func addThenExport() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))

        let english = "The bridge is open again."
        let sorani = "پردەکە دیسان کراوەیە."
        let add = try Werger.run(["add", "--from", "en", english, "--to", "ckb", sorani, "--memory", memory.path])
        #expect(add.status == 0, "\(add.err)")
        #expect(add.out == "added\n")
        #expect(add.stderr.isEmpty)

        let units = try Self.exportJSONL(memory, from: "en", to: "ckb")
        #expect(units.count == 4)
        // Only the two asked languages, in every unit.
        #expect(units.allSatisfy { Set($0.variants.keys) == ["en", "ckb"] }, "\(units.map(\.variants))")
        let manual = units.filter { $0.origin == "manual" }
        try #require(manual.count == 1, "no unit with origin manual in \(units.map(\.origin))")
        #expect(manual[0].variants == ["en": english, "ckb": sorani])
        // A creation date in TMX's form, 20261128T090000Z.
        let created = try #require(manual[0].created)
        #expect(created.count == 16 && created.hasSuffix("Z") && created.dropFirst(8).first == "T", "created: \(created)")

        let again = try Werger.run(["add", "--from", "en", english, "--to", "ckb", sorani, "--memory", memory.path])
        #expect(again.status == 0)
        #expect(again.out == "already in the memory\n")
        #expect(try Self.stats(memory).units == 4)
    }

    // MARK: - Round trips

    struct RoundTrip: Sendable, CustomTestStringConvertible {
        var format: String
        var fixtures: [String]
        var testDescription: String { "\(format) from \(fixtures.joined(separator: ", "))" }
    }

    static let roundTrips: [RoundTrip] = [
        RoundTrip(format: "tmx", fixtures: ["news.tmx", "escapes.tmx", "same-source.tmx"]),
        RoundTrip(format: "jsonl", fixtures: ["news.tmx", "escapes.tmx", "same-source.tmx"]),
        RoundTrip(format: "tsv", fixtures: ["escapes.tsv", "same-source.tmx"]),
        RoundTrip(format: "csv", fixtures: ["quoted.csv", "same-source.tmx"]),
    ]

    /// Export, import the export into an empty memory, export again: the same bytes.
    @Test("export → import into an empty memory → export gives the same bytes", arguments: roundTrips)
    func exportImportExport(_ trip: RoundTrip) throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles(trip.fixtures.map(Self.fixture), into: memory))
        if trip.format == "tmx" || trip.format == "jsonl" {
            // A unit with dates and origin manual, too.
            let add = try Werger.run(["add", "--from", "en", "Markets \"opened\" <late> & calm.", "--to", "kmr", "Bazar dereng vebûn.",
                                      "--memory", memory.path])
            #expect(add.status == 0, "\(add.err)")
        }
        let original = try Self.stats(memory)
        let units = original.units

        let first = try Werger.run(["export", "--format", trip.format, "--memory", memory.path])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.stderr.isEmpty)
        try #require(!first.stdout.isEmpty)
        let exported = try scratch.file("exported.\(trip.format)", first.stdout)

        let copy = scratch.url.appendingPathComponent("copy")
        let reimport = try Self.importFiles([exported.path], into: copy)
        #expect(try Self.summary(reimport) == Summary(added: units, duplicates: 0, skipped: 0))
        #expect(reimport.stderr.isEmpty, "\(reimport.err)")

        // The second export through --output, which must write the same bytes as standard output.
        let again = scratch.url.appendingPathComponent("again.\(trip.format)")
        let second = try Werger.run(["export", "--format", trip.format, "--output", again.path, "--memory", copy.path])
        #expect(second.status == 0, "\(second.err)")
        #expect(second.stdout.isEmpty)
        let bytes = try Data(contentsOf: again)
        let identical = bytes == first.stdout
        #expect(identical, "first export:\n\(first.out)\nsecond export:\n\(String(decoding: bytes, as: UTF8.self))")

        // The copy holds what the original holds, source languages included.
        let copied = try Self.stats(copy)
        #expect(copied.variants == original.variants)
        // TSV/CSV columns start with the source language, so the copy reads the same source.
        #expect(Set(copied.pairs) == Set(original.pairs), "\(copied.pairs) is not \(original.pairs)")
    }

    @Test("the exported TMX is valid against tmx14.dtd",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint"), "xmllint is not installed"),
          .enabled(if: FileManager.default.fileExists(atPath: tmxDTD.path),
                   "../shared/interop/schemas/tmx/tmx14.dtd is not next to the repository"))
    func exportedTMXIsValid() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles(["news.tmx", "escapes.tmx", "same-source.tmx"].map(Self.fixture), into: memory))
        let add = try Werger.run(["add", "--from", "en", "Markets opened late.", "--to", "ckb", "بازاڕەکان درەنگ کرانەوە.",
                                  "--document", "2026-01-02.txt", "--memory", memory.path])
        #expect(add.status == 0, "\(add.err)")

        for pair in [[], ["--from", "en", "--to", "ckb"]] {
            let export = try Werger.run(["export", "--format", "tmx", "--memory", memory.path] + pair)
            #expect(export.status == 0, "\(export.err)")
            let file = try scratch.file("export.tmx", export.stdout)
            // The DOCTYPE names tmx14.dtd beside the file: a copy there keeps xmllint from warning.
            try? FileManager.default.removeItem(at: scratch.url.appendingPathComponent("tmx14.dtd"))
            try FileManager.default.copyItem(at: Self.tmxDTD, to: scratch.url.appendingPathComponent("tmx14.dtd"))
            let lint = try LaunchedProcess(executable: URL(fileURLWithPath: "/usr/bin/xmllint"),
                                           ["--noout", "--nonet", "--dtdvalid", Self.tmxDTD.path, file.path]).wait()
            #expect(lint.run.status == 0, "xmllint \(pair): \(lint.run.err)\n\(export.out)")
            #expect(lint.run.err == "", "xmllint \(pair)")
        }
    }

    // MARK: - TSV and CSV

    @Test("CSV: quoted fields with commas, doubled quotes and line breaks are read as written")
    func csvFields() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        #expect(try Self.summary(try Self.importFiles([Self.fixture("quoted.csv")], into: memory))
                == Summary(added: 3, duplicates: 0, skipped: 0))
        let units = try Self.exportJSONL(memory)
        #expect(units.map(\.variants) == [
            ["en": "Hello, world", "ckb": "He said \"yes\", then left", "ar": "plain"],
            ["en": "Two\nlines", "ckb": "x,y", "ar": "a \"b\", c\r\nd"],
            ["en": "No quotes needed", "ckb": "بێ کۆما", "ar": "بدون فاصلة"],
        ])
        #expect(units.allSatisfy { $0.origin == "quoted.csv" })
        #expect(try Self.stats(memory).pairs.map(\.from) == ["en", "en"], "the header's first column is the source")
    }

    @Test("TSV: a header of language tags; \\t \\n \\\\ in a field are a tab, a line break, a backslash")
    func tsvFields() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        #expect(try Self.summary(try Self.importFiles([Self.fixture("escapes.tsv")], into: memory))
                == Summary(added: 2, duplicates: 0, skipped: 0))
        let units = try Self.exportJSONL(memory)
        #expect(units.map(\.variants) == [
            ["en": "A tab\there", "ckb": "بۆشایی\tتاب", "kmr": "Valahî\there"],
            ["en": "Two\nlines and a \\ backslash", "ckb": "دوو\nهێڵ", "kmr": "Du\nrêz"],
        ])
    }

    @Test("a two-column TSV without a header needs --from and --to")
    func headerlessTSV() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))

        let without = try Self.importFiles([Self.fixture("headerless.tsv")], into: memory)
        #expect(without.status == 65)
        #expect(without.stdout.isEmpty)
        #expect(without.errorLines.count == 1, "\(without.err)")
        #expect(without.err.hasPrefix("werger: error: headerless.tsv:1"), "\(without.err)")
        #expect(without.err.contains("--from") && without.err.contains("--to"), "the message names the fix: \(without.err)")
        #expect(try Self.stats(memory).units == 3)

        let with = try Self.importFiles([Self.fixture("headerless.tsv")], into: memory, options: ["--from", "en", "--to", "ckb"])
        #expect(try Self.summary(with) == Summary(added: 2, duplicates: 0, skipped: 0))
        let units = try Self.exportJSONL(memory, from: "en", to: "ckb").filter { $0.origin == "headerless.tsv" }
        #expect(units.map(\.variants) == [
            ["en": "The river rose two metres.", "ckb": "ڕووبارەکە دوو مەتر بەرز بووەوە."],
            ["en": "Stay indoors.", "ckb": "لە ماڵەوە بمێننەوە."],
        ])
    }

    @Test("with --from and --to, a headerless first row that looks like language tags is not taken for a header")
    func headerlessRowOfTags() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        // "No" and "Na" (Kurmanji for no) are also the tags of Norwegian and Nauru.
        let run = try Self.importFiles([Self.fixture("headerless-yes-no.tsv")], into: memory, options: ["--from", "en", "--to", "kmr"])
        let stats = try Self.stats(memory)
        // Stored as en/kmr: never under languages nobody named.
        #expect(Set(stats.variants.keys).isSubset(of: ["en", "kmr"]), "\(stats.variants); \(run.out)")

        // A header that names the same languages is still a header.
        let headed = try scratch.file("headed.tsv", Data("en\tkmr\nStay indoors.\tLi malê bimînin.\n".utf8))
        let other = scratch.url.appendingPathComponent("other")
        #expect(try Self.summary(try Self.importFiles([headed.path], into: other, options: ["--from", "en", "--to", "kmr"]))
                == Summary(added: 1, duplicates: 0, skipped: 0))
        #expect(try Self.stats(other).variants == ["en": 1, "kmr": 1])
    }

    // MARK: - Bad files

    struct Malformed: Sendable, CustomTestStringConvertible {
        var name: String
        /// The file's text, or nil for the fixture `name`.
        var text: String?
        /// The line libxml2 stops at.
        var line: Int
        var testDescription: String { name }
    }

    static let malformed: [Malformed] = [
        Malformed(name: "unclosed-seg.tmx", text: nil, line: 10),
        // The same mistake after 1,000 valid units: none of them may land (one transaction per file).
        Malformed(name: "late-error.tmx", text: tmx(units: 1_000, label: "late") { lines in
            lines.insert(#"    <tu><tuv xml:lang="en"><seg>Broken.</tuv><tuv xml:lang="ckb"><seg>شکاو.</seg></tuv></tu>"#,
                         at: lines.count - 2)
        }, line: 1_005),
        Malformed(name: "ampersand.tmx", text: tmx(units: 3, label: "amp") { lines in
            lines.insert(#"    <tu><tuv xml:lang="en"><seg>Salt & pepper.</seg></tuv><tuv xml:lang="ckb"><seg>خوێ و بیبەر.</seg></tuv></tu>"#,
                         at: 5)
        }, line: 6),
    ]

    @Test("malformed XML: exit 65, one line NAME.tmx:LINE:COL, the memory unchanged", arguments: malformed)
    func malformedXML(_ bad: Malformed) throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))
        let before = try Self.stats(memory)
        let exportBefore = try Werger.run(["export", "--format", "jsonl", "--memory", memory.path])

        let file = try bad.text.map { try scratch.file(bad.name, Data($0.utf8)).path } ?? Self.fixture(bad.name)
        let run = try Self.importFiles([file], into: memory)
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty, "\(run.out)")
        #expect(run.errorLines.count == 1, "\(run.err)")
        let position = Self.position(in: run.err, prefix: "werger: error: \(bad.name):")
        #expect(position?.line == bad.line, "\(run.err)")
        #expect((position?.column ?? 0) > 0, "no column in: \(run.err)")
        #expect(!(position?.rest.isEmpty ?? true), "no message in: \(run.err)")

        #expect(try Self.stats(memory).units == before.units)
        let exportAfter = try Werger.run(["export", "--format", "jsonl", "--memory", memory.path])
        #expect(exportAfter.out == exportBefore.out)
    }

    struct MislabelledFile: Sendable, CustomTestStringConvertible {
        var name: String
        var options: [String] = []
        /// What the one error line must say: the finding, and where the file names its languages.
        var says: [String]
        var testDescription: String { ([name] + options).joined(separator: " ") }
    }

    static let mislabelled: [MislabelledFile] = [
        MislabelledFile(name: "header-swapped.tsv", says: ["of its ckb variants are Latin script, but ckb is written in Arabic script",
                                                           "; the ckb and en texts look swapped", "; check the language tags in its header row;"]),
        // With --from and --to a header naming them still names the columns.
        MislabelledFile(name: "header-swapped.tsv", options: ["--from", "en", "--to", "ckb"],
                        says: ["; the ckb and en texts look swapped",
                               "; check the language tags in its header row, or without one --from, --to and the order of its columns;"]),
        MislabelledFile(name: "sorani-as-ku.tmx", says: ["of its ku variants are Arabic script, but ku is written in Latin script",
                                                         "(Sorani is ckb; Kurmanji in Arabic script is kmr-Arab)", "check the xml:lang of its <tuv> elements"]),
        MislabelledFile(name: "arabic-as-ckb.csv", says: ["the letters of its ckb variants are Arabic's, not Sorani's", "أ إ",
                                                          "check the language tags in its header row"]),
    ]

    @Test("a file whose language tags do not match its text (columns swapped, Sorani tagged ku, Arabic under ckb): exit 65, one line, the memory unchanged",
          arguments: mislabelled)
    func mislabelledLanguages(_ bad: MislabelledFile) throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))
        let exportBefore = try Werger.run(["export", "--format", "jsonl", "--memory", memory.path])

        let run = try Self.importFiles([Self.fixture(bad.name)], into: memory, options: bad.options)
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty, "\(run.out)")
        #expect(run.errorLines.count == 1, "\(run.err)")
        #expect(run.err.hasPrefix("werger: error: \(bad.name): "), "\(run.err)")
        for words in bad.says + ["; nothing was imported"] { #expect(run.err.contains(words), "\(run.err) does not say \(words)") }
        #expect(try Werger.run(["export", "--format", "jsonl", "--memory", memory.path]).out == exportBefore.out)
    }

    @Test("add refuses a text under the wrong language tag (exit 65, naming --to or --from), and stores nothing")
    func addChecksLanguages() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))
        let english = "The council voted on Tuesday to repair the old bridge before winter."
        let sorani = "ئەنجومەن ڕۆژی سێشەممە دەنگی دا بۆ چاککردنەوەی پردە کۆنەکە پێش زستان."
        let arabic = "صوّت المجلس يوم الثلاثاء على إصلاح الجسر القديم قبل الشتاء، وأكد أن الأعمال ستبدأ في أبريل."
        let cases: [(arguments: [String], says: String)] = [
            (["--from", "en", english, "--to", "ckb", "The old bridge will be repaired before winter, the council said."],
             "of the target text are Latin script, but ckb is written in Arabic script"),
            (["--from", "en", sorani, "--to", "ckb", english], "of the source text are Arabic script, but en is written in Latin script"),
            (["--from", "en", english, "--to", "ckb", arabic], "the letters of the target text are Arabic's, not Sorani's"),
            (["--from", "en", english, "--to", "ar", sorani], "the letters of the target text are Sorani's, not Arabic's"),
        ]
        for (arguments, says) in cases {
            let run = try Werger.run(["add"] + arguments + ["--memory", memory.path])
            #expect(run.status == 65, "\(arguments): \(run.err)")
            #expect(run.errorLines.count == 1, "\(run.err)")
            #expect(run.err.contains(says), "\(run.err) does not say \(says)")
            #expect(run.err.contains(says.contains("source text") ? "check --from" : "check --to"), "\(run.err)")
        }
        #expect(try Self.stats(memory).units == 3)
        // One sentence is judged only when none of its letters are in its language's script: a Sorani
        // line that is mostly Latin names is Sorani.
        let names = try Werger.run(["add", "--from", "en", "Source: Associated Press, Reuters, Agence France-Presse",
                                    "--to", "ckb", "سەرچاوە: Associated Press, Reuters, Agence France-Presse", "--memory", memory.path])
        #expect(names.status == 0, "\(names.err)")
        // A text kept as it is in both languages (a credit line, a URL) is not judged.
        let credit = "Associated Press, Reuters, Agence France-Presse"
        let kept = try Werger.run(["add", "--from", "en", credit, "--to", "ckb", credit, "--memory", memory.path])
        #expect(kept.status == 0, "\(kept.err)")
        // Under 40 letters nothing is judged: a headline of names may be written the same in both.
        let short = try Werger.run(["add", "--from", "en", "Erbil, KRG", "--to", "ckb", "Erbil, KRG.", "--memory", memory.path])
        #expect(short.status == 0, "\(short.err)")
        #expect(try Self.stats(memory).units == 6)
        // The right tags: stored.
        let add = try Werger.run(["add", "--from", "en", english, "--to", "ckb", sorani, "--memory", memory.path])
        #expect(add.status == 0, "\(add.err)")
        #expect(try Self.stats(memory).units == 7)
    }

    @Test("--memory naming a file or the database: exit 64, one line naming it and the folder to pass, for every command")
    func memoryOptionNamingAFile() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))
        let database = memory.appendingPathComponent("werger.sqlite").path
        let other = try scratch.file("notes.txt", Data("not a memory\n".utf8)).path
        let source = try scratch.file("en.txt", Data("The minister arrived.\n".utf8)).path
        let target = try scratch.file("ckb.txt", Data("وەزیر گەیشت.\n".utf8)).path
        let commands: [[String]] = [["stats"], ["export", "--format", "jsonl"], ["import", Self.fixture("news.tmx")],
                                    ["align", source, target, "--from", "en", "--to", "ckb"]]
        for command in commands {
            let run = try Werger.run(command + ["--memory", database])
            #expect(run.status == 64, "\(command): \(run.err)")
            #expect(run.stdout.isEmpty, "\(command): \(run.out)")
            #expect(run.errorLines == ["werger: error: \(database): names the memory's database; --memory takes its folder: --memory \(memory.path)"],
                    "\(command): \(run.err)")
        }
        let run = try Self.importFiles([Self.fixture("news.tmx")], into: URL(fileURLWithPath: other))
        #expect(run.status == 64)
        #expect(run.errorLines == ["werger: error: \(other): is a file, not a memory folder; pass the folder that holds (or will hold) werger.sqlite"],
                "\(run.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == Data("not a memory\n".utf8))
        #expect(try Self.stats(memory).units == 3)
        // The database of a memory not made yet: refused too, not made a folder of that name.
        let unborn = scratch.url.appendingPathComponent("new/werger.sqlite")
        let first = try Werger.run(["stats", "--memory", unborn.path])
        #expect(first.status == 64)
        #expect(first.err.contains("--memory takes its folder: --memory \(unborn.deletingLastPathComponent().path)"), "\(first.err)")
        #expect(!FileManager.default.fileExists(atPath: unborn.path))
    }


    @Test("a reading command given a folder with no memory (mistyped, or empty): exit 66, one line, and no memory made there; --memory '' is a usage error")
    func readingWhereThereIsNoMemory() throws {
        let scratch = try TemporaryFolder()
        let typo = scratch.url.appendingPathComponent("memroy")
        let empty = scratch.url.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        let readers: [[String]] = [["stats"], ["lookup", "--from", "en", "--to", "ckb", "The minister arrived."],
                                   ["concordance", "minister", "--lang", "en"], ["export", "--format", "tsv"]]
        for command in readers {
            let missing = try Werger.run(command + ["--memory", typo.path])
            #expect(missing.status == 66, "\(command): \(missing.err)")
            #expect(missing.stdout.isEmpty, "\(command): \(missing.out)")
            #expect(missing.errorLines == ["werger: error: \(typo.path): no such folder; check --memory, or start a memory there with werger import FILE --memory \(typo.path)"],
                    "\(command): \(missing.err)")
            #expect(!FileManager.default.fileExists(atPath: typo.path), "\(command)")
            let none = try Werger.run(command + ["--memory", empty.path])
            #expect(none.status == 66, "\(command): \(none.err)")
            #expect(none.errorLines.first?.hasPrefix("werger: error: \(empty.path): holds no memory (no werger.sqlite, and no TMX file to start one from);") == true,
                    "\(command): \(none.err)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path).isEmpty, "\(command)")
        }
        // A writing command still starts a memory there.
        #expect(try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: typo)).added == 3)
        #expect(try Self.stats(typo).units == 3)
        // An empty name (an unset shell variable) is not taken for no --memory at all.
        for command in readers + [["import", Self.fixture("news.tmx")]] {
            let unnamed = try Werger.run(command + ["--memory", ""], in: scratch.url)
            #expect(unnamed.status == 64, "\(command): \(unnamed.err)")
            #expect(unnamed.errorLines.first == "werger: error: --memory needs a folder name (see 'werger help')", "\(command): \(unnamed.err)")
        }
    }
    @Test("several files: each is its own transaction; the good one before a bad one stays")
    func oneTransactionPerFile() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        let run = try Self.importFiles([Self.fixture("news.tmx"), Self.fixture("unclosed-seg.tmx"), Self.fixture("same-source.tmx")],
                                       into: memory)
        #expect(run.status == 65)
        #expect(run.errorLines.count == 1, "\(run.err)")
        #expect(run.err.hasPrefix("werger: error: unclosed-seg.tmx:10:"), "\(run.err)")
        #expect(run.err.hasSuffix("; not imported either: \(Self.fixture("same-source.tmx"))\n"), "\(run.err)")
        // news.tmx landed; unclosed-seg.tmx did not (its first unit is valid); the import stopped there.
        let units = try Self.exportJSONL(memory)
        #expect(units.count == 3)
        #expect(Set(units.map(\.origin)) == ["news.tmx"])
    }

    @Test("invalid units in a well-formed file are skipped with a warning naming the file and line")
    func invalidUnitsAreSkipped() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        let run = try Self.importFiles([Self.fixture("invalid-units.tmx")], into: memory)
        #expect(try Self.summary(run) == Summary(added: 1, duplicates: 0, skipped: 3))
        let warnings = run.errorLines
        try #require(warnings.count == 3, "\(run.err)")
        for (warning, topic) in zip(warnings, ["xml:lang", "1 variant", "xx-zz-9"]) {
            #expect(warning.hasPrefix("werger: warning: invalid-units.tmx:"), "\(warning)")
            #expect(warning.contains(topic), "\(warning) does not say what is wrong (\(topic))")
        }
        // Each warning names a line of its own <tu> (from <tu> to </tu>) in invalid-units.tmx.
        let lines = warnings.map { Self.position(in: String($0), prefix: "werger: warning: invalid-units.tmx:", column: false)?.line }
        // (50b49bc gave libxml2's read-ahead position instead: line 21, the end of this file, for all three.)
        #expect(lines.count == 3 && (5...8).contains(lines[0] ?? 0) && (9...11).contains(lines[1] ?? 0)
                && (12...15).contains(lines[2] ?? 0), "lines \(lines)")
        let units = try Self.exportJSONL(memory)
        #expect(units.map(\.variants) == [["en": "The only valid unit.", "ckb": "تاکە یەکەی دروست."]])
    }

    @Test("--strict: an invalid unit fails the import (exit 65) and nothing of the file is added")
    func strictImport() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))
        let run = try Self.importFiles([Self.fixture("invalid-units.tmx")], into: memory, options: ["--strict"])
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty, "\(run.out)")
        #expect(run.errorLines.count == 1, "\(run.err)")
        #expect(run.err.hasPrefix("werger: error: invalid-units.tmx:"), "\(run.err)")
        #expect(run.err.contains("xml:lang"), "\(run.err)")
        #expect(try Self.stats(memory).units == 3)
        #expect(!(try Self.exportJSONL(memory)).contains { $0.origin == "invalid-units.tmx" })
    }

    // MARK: - Crashes and concurrency

    /// A TMX of 200,000 units (37 MB) takes about 9 s to import in a debug build. Kill -9 comes once the
    /// import has read 40% of the file (its offset in /proc/PID/fdinfo) or once the write-ahead log
    /// passes 1 MiB (pages of the open transaction on disk), whichever is first; without /proc, 3 s
    /// after the start. A file committed in batches would show.
    @Test("kill -9 during a large import: the memory holds exactly what it held before")
    func killedImport() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))
        let exportBefore = try Werger.run(["export", "--format", "jsonl", "--memory", memory.path])
        let big = try Self.writeTMX(units: 200_000, label: "big", to: scratch.url.appendingPathComponent("big.tmx"))
        let bigSize = Self.size(of: big)
        let bigPath = Self.canonical(big.path)

        let wal = memory.appendingPathComponent("werger.sqlite-wal")
        let start = Date()
        let importing = try LaunchedProcess(["import", big.path, "--memory", memory.path])
        let tracksOffset = FileManager.default.fileExists(atPath: "/proc/self/fdinfo")
        let deadline = start.addingTimeInterval(tracksOffset ? 60 : 3)
        var walSize = 0
        var offset = 0
        while importing.isRunning, Date() < deadline {
            walSize = Self.size(of: wal)
            offset = Self.readOffset(of: bigPath, in: importing.pid) ?? offset
            if walSize > 1 << 20 || offset > bigSize * 4 / 10 { break }
            usleep(5_000)
        }
        let wasRunning = importing.isRunning
        kill(importing.pid, SIGKILL)
        let killed = try importing.wait()
        try #require(wasRunning && killed.signaled,
                     "the import ended (\(killed.run.status)) before it was killed: make the file larger. \(killed.run.err)")
        let progress = "killed after \(String(format: "%.1f", Date().timeIntervalSince(start))) s, at byte \(offset) of \(bigSize), WAL \(walSize) bytes"

        let stats = try Self.stats(memory)
        #expect(stats.units == 3, "\(progress)")
        #expect(stats.variants == ["en": 3, "ckb": 3, "kmr": 3, "ar": 3], "\(progress)")
        let exportAfter = try Werger.run(["export", "--format", "jsonl", "--memory", memory.path])
        #expect(exportAfter.status == 0)
        #expect(exportAfter.out == exportBefore.out)

        // The memory still takes writes.
        #expect(try Self.summary(try Self.importFiles([Self.fixture("same-source.tmx")], into: memory))
                == Summary(added: 2, duplicates: 0, skipped: 0))
        #expect(try Self.stats(memory).units == 5)

        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
            let check = try LaunchedProcess(executable: URL(fileURLWithPath: "/usr/bin/sqlite3"),
                                            [memory.appendingPathComponent("werger.sqlite").path, "PRAGMA integrity_check;"]).wait()
            #expect(check.run.out == "ok\n", "\(check.run.out)\(check.run.err)")
        }
    }

    @Test("two imports into the same memory at once both succeed, and stats shows the sum")
    func concurrentImports() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        // The memory exists already (see concurrentFirstImports for a new one).
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))
        let alpha = try Self.writeTMX(units: 20_000, label: "alpha", to: scratch.url.appendingPathComponent("alpha.tmx"))
        let beta = try Self.writeTMX(units: 20_000, label: "beta", to: scratch.url.appendingPathComponent("beta.tmx"))

        let first = try LaunchedProcess(["import", alpha.path, "--memory", memory.path, "--summary", "json"])
        let second = try LaunchedProcess(["import", beta.path, "--memory", memory.path, "--summary", "json"])
        for finished in [try first.wait(), try second.wait()] {
            #expect(finished.run.status == 0, "\(finished.run.err)")
            // The one that waits for the other's transaction may say so, and nothing else.
            #expect(finished.run.errorLines.allSatisfy { $0.hasPrefix("werger: waiting for \(memory.path)") }, "\(finished.run.err)")
            #expect(finished.run.errorLines.count <= 1, "\(finished.run.err)")
            #expect(try Self.summary(finished.run) == Summary(added: 20_000, duplicates: 0, skipped: 0))
        }
        let stats = try Self.stats(memory)
        #expect(stats.units == 40_003)
        #expect(stats.variants == ["en": 40_003, "ckb": 40_003, "kmr": 3, "ar": 3])
    }

    @Test("readers at once on a memory being started from its folder's TMX: each waits and reads it whole")
    func concurrentFirstReads() throws {
        let starter = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("memory/starter.tmx")
        // A reader that opened the database while another was still seeding it read it empty, or
        // without its schema history ("another program's database"): a few rounds show it.
        for round in 0..<4 {
            let scratch = try TemporaryFolder()
            let memory = Self.memory(in: scratch)
            try FileManager.default.createDirectory(at: memory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: starter, to: memory.appendingPathComponent("starter.tmx"))
            let readers = try (0..<4).map { _ in try LaunchedProcess(["stats", "--format", "json", "--memory", memory.path]) }
            for reader in readers {
                let run = try reader.wait().run
                #expect(run.status == 0, "round \(round): \(run.err)")
                #expect(try Self.decode(Stats.self, run).units == 175, "round \(round): \(run.out)")
            }
        }
    }

    @Test("a TMX file in a new memory's folder that cannot be read: exit 65 naming it and the folder, and no database left")
    func brokenSeedFile() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        try FileManager.default.createDirectory(at: memory.appendingPathComponent("old.tmx"), withIntermediateDirectories: true)
        try Data("<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"en\"><seg>x".utf8).write(to: memory.appendingPathComponent("bad.tmx"))
        let run = try Werger.run(["stats", "--memory", memory.path])
        #expect(run.status == 65)
        // The folder named old.tmx is no seed file: the message is about bad.tmx.
        #expect(run.errorLines.count == 1 && run.err.hasPrefix("werger: error: bad.tmx:")
                && run.err.contains("(a TMX file in the memory folder \(memory.path), from which a new memory is started; mend it, or move it out of the folder)"),
                "\(run.err)")
        let left = try FileManager.default.contentsOfDirectory(atPath: memory.path).filter { $0.hasPrefix("werger.sqlite") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test("invalid units of a seed file are said as import says them, with the memory folder, once: when the memory is started")
    func seedFileWarnings() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        try FileManager.default.createDirectory(at: memory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixture("invalid-units.tmx"), toPath: memory.appendingPathComponent("seed.tmx").path)
        let run = try Werger.run(["stats", "--format", "json", "--memory", memory.path])
        #expect(run.status == 0, "\(run.err)")
        #expect(try Self.decode(Stats.self, run).units == 1)
        try #require(run.errorLines.count == 3, "\(run.err)")
        for line in run.errorLines {
            #expect(line.hasPrefix("werger: warning: seed.tmx:") && line.contains("; skipped (a TMX file in the memory folder \(memory.path)"), "\(line)")
        }
        let again = try Werger.run(["stats", "--memory", memory.path])
        #expect(again.status == 0 && again.stderr.isEmpty, "\(again.err)")
    }

    @Test("a memory whose making was cut short (still marked unfinished) is made again from its seed files, not read as it is",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "no sqlite3 to cut one short"))
    func unfinishedMemoryIsMadeAgain() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        try FileManager.default.createDirectory(at: memory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixture("news.tmx"), toPath: memory.appendingPathComponent("news.tmx").path)
        #expect(try Self.stats(memory).units == 3)
        // What a Ctrl-C during seeding leaves: the mark still set, one seed unit in of three.
        let database = memory.appendingPathComponent("werger.sqlite").path
        let cut = try LaunchedProcess(executable: URL(fileURLWithPath: "/usr/bin/sqlite3"),
                                      [database, "PRAGMA foreign_keys = ON; DELETE FROM unit WHERE id > 1; PRAGMA user_version = 24301;"]).wait()
        try #require(cut.run.status == 0, "\(cut.run.err)")
        // A lock file that is a FIFO must not make the reader wait for a writer.
        let lock = memory.appendingPathComponent(".werger.lock").path
        try FileManager.default.removeItem(atPath: lock)
        try #require(mkfifo(lock, 0o600) == 0)
        let export = try Werger.run(["export", "--format", "jsonl", "--memory", memory.path], timeout: 30)
        #expect(export.status == 0, "\(export.err)")
        #expect(export.out.split(separator: "\n").count == 3)
        #expect(try Self.stats(memory).units == 3)
    }

    @Test("a marked memory cut short after GRDB's first table is made again; a file with another program's table is never deleted, mark or not",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "no sqlite3 to make one"))
    func markedDatabases() throws {
        let scratch = try TemporaryFolder()
        for (tables, remade) in [("CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);", true),
                                 ("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);", false)] {
            let memory = scratch.url.appendingPathComponent(remade ? "cut" : "foreign")
            try FileManager.default.createDirectory(at: memory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Self.fixture("news.tmx"), toPath: memory.appendingPathComponent("news.tmx").path)
            let database = memory.appendingPathComponent("werger.sqlite").path
            let made = try LaunchedProcess(executable: URL(fileURLWithPath: "/usr/bin/sqlite3"), [database, tables + " PRAGMA user_version = 24301;"]).wait()
            try #require(made.run.status == 0, "\(made.run.err)")
            let run = try Werger.run(["stats", "--format", "json", "--memory", memory.path])
            if remade {
                #expect(run.status == 0, "\(run.err)")
                #expect(try Self.decode(Stats.self, run).units == 3)
            } else {
                #expect(run.status == 65)
                #expect(run.err.contains("another program's SQLite database"), "\(run.err)")
                let kept = try LaunchedProcess(executable: URL(fileURLWithPath: "/usr/bin/sqlite3"), [database, "SELECT name FROM sqlite_master;"]).wait()
                #expect(kept.run.out == "invoices\n", "\(kept.run.out)")
            }
        }
    }

    @Test("an import that cannot start (a missing file, empty input, - twice, a device, a pipe twice, a TSV without a header) makes no memory")
    func importChecksFilesFirst() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        // A pipe named twice is refused before it is opened (the second read would wait for ever).
        let fifo = scratch.url.appendingPathComponent("pipe.tsv").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let cases: [([String], Int32, String)] = [
            ([Self.fixture("news.tmx"), scratch.url.appendingPathComponent("nofile.tsv").path], 66, "nofile.tsv: no such file"),
            (["-"], 65, "werger: error: standard input: empty file"),
            (["-", "-"], 64, "- (standard input) can be given once"),
            (["/dev/zero"], 64, "/dev/zero: is a device, not a file"),
            ([fifo, fifo], 64, "\(fifo) and \(fifo) are one pipe, which can be read once"),
            // A TSV or CSV whose first row is no header, without --from and --to; one of blank rows only.
            ([Self.fixture("headerless.tsv")], 65, "headerless.tsv:1: the first row is not a header of language tags"),
            ([try scratch.file("blank.csv", Data(" \n\t\n".utf8)).path], 65, "blank.csv:1: empty file: no header and no rows"),
        ]
        for (files, status, message) in cases {
            let run = try Self.importFiles(files, into: memory)
            #expect(run.status == status, "\(files): \(run.err)")
            #expect(run.errorLines.first?.contains(message) == true, "\(files): \(run.err)")
            #expect(!FileManager.default.fileExists(atPath: memory.path), "\(files)")
        }
    }

    @Test("--memory naming a link to a folder that is gone: one line saying so, for reading and writing")
    func danglingMemoryLink() throws {
        let scratch = try TemporaryFolder()
        let link = scratch.url.appendingPathComponent("memory").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: scratch.url.appendingPathComponent("gone").path)
        for command in [["stats"], ["import", Self.fixture("news.tmx")]] {
            let run = try Werger.run(command + ["--memory", link])
            #expect(run.status == 74, "\(command)")
            #expect(run.errorLines == ["werger: error: \(link): is a link to \(scratch.url.path)/gone, which does not exist; mend the link, or pass the memory's folder itself"],
                    "\(command): \(run.err)")
        }
    }

    /// Both processes find no database and create the schema at once.
    @Test("two first imports into a new memory at once both succeed")
    func concurrentFirstImports() throws {
        for round in 1...12 {
            let scratch = try TemporaryFolder()
            let memory = Self.memory(in: scratch)
            let first = try LaunchedProcess(["import", Self.fixture("news.tmx"), "--memory", memory.path])
            let second = try LaunchedProcess(["import", Self.fixture("same-source.tmx"), "--memory", memory.path])
            let runs = [try first.wait().run, try second.wait().run]
            let failed = runs.filter { $0.status != 0 }
            #expect(failed.isEmpty, "round \(round): \(failed.map { "\($0.status) \($0.err)" })")
            if failed.isEmpty { #expect(try Self.stats(memory).units == 5, "round \(round)") }
        }
    }

    // MARK: - The memory itself

    @Test("export -o naming the memory's database or any file in its folder (directly, or through a link) is refused, and the memory is intact")
    func exportOverTheMemory() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))
        let database = memory.appendingPathComponent("werger.sqlite")
        let before = try Data(contentsOf: database)
        let link = scratch.url.appendingPathComponent("link.db")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: database.path)
        let hardLink = scratch.url.appendingPathComponent("hard.db")
        try FileManager.default.linkItem(at: database, to: hardLink)
        let seed = memory.appendingPathComponent("backup.tmx")
        for target in [database.path, link.path, hardLink.path, memory.appendingPathComponent("werger.sqlite-wal").path, seed.path] {
            let run = try Werger.run(["export", "--format", "tmx", "-o", target, "--memory", memory.path])
            #expect(run.status == 64, "\(target)")
            #expect(run.errorLines.count == 1 && (run.err.contains("is the memory's werger.sqlite (through a link)")
                                                  || run.err.contains("is in the memory's folder")), "\(run.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: seed.path))
        #expect(try Data(contentsOf: database) == before)
        #expect(try Self.stats(memory).units > 0)
    }

    /// `-o` is replaced by a rename when the export is done; what a rename would break is written otherwise.
    @Test("export -o: a link keeps pointing at the replaced file, which keeps its mode; a FIFO is written to, not replaced; - is stdout")
    func exportDestinations() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))
        let file = scratch.url.appendingPathComponent("export.jsonl"), link = scratch.url.appendingPathComponent("latest.jsonl")
        try Data("old\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: file.path)
        let viaLink = try Werger.run(["export", "--format", "jsonl", "-o", link.path, "--memory", memory.path])
        #expect(viaLink.status == 0, "\(viaLink.err)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == file.path)
        #expect(try String(contentsOf: file, encoding: .utf8).split(separator: "\n").count == 3)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o640)

        let fifo = scratch.url.appendingPathComponent("pipe")
        try #require(mkfifo(fifo.path, 0o644) == 0)
        let received = ReceivedBytes()
        let reading = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            received.data = FileHandle(forReadingAtPath: fifo.path)?.readDataToEndOfFile() ?? Data()
            reading.signal()
        }
        let toFIFO = try Werger.run(["export", "--format", "jsonl", "-o", fifo.path, "--memory", memory.path])
        #expect(toFIFO.status == 0, "\(toFIFO.err)")
        #expect(reading.wait(timeout: .now() + 30) == .success)
        #expect(String(decoding: received.data, as: UTF8.self).split(separator: "\n").count == 3)
        var info = stat()
        #expect(stat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")

        let dash = try Werger.run(["export", "--format", "jsonl", "-o", "-", "--memory", memory.path])
        #expect(dash.status == 0 && dash.out.split(separator: "\n").count == 3)
        let empty = try Werger.run(["export", "-o", "", "--memory", memory.path])
        #expect(empty.status == 64 && empty.err.contains("-o needs a file name"), "\(empty.err)")
    }

    final class ReceivedBytes: @unchecked Sendable { var data = Data() }

    /// A newsroom's shared memory on a read-only mount: no `-shm` can be made beside it, and SQLite
    /// would refuse to read it in WAL mode. Root may write anywhere, so the test needs another user.
    @Test("a memory in a folder this user may not write is read: stats and lookup work, and nothing is left beside it",
          .enabled(if: geteuid() != 0, "run as root, every folder is writable"))
    func readOnlyFolder() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: memory.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: memory.path) }
        let before = try FileManager.default.contentsOfDirectory(atPath: memory.path).sorted()
        #expect(try Self.stats(memory).units > 0)
        let lookup = try Werger.run(["lookup", "Erbil", "--from", "en", "--to", "ckb", "--memory", memory.path])
        #expect(lookup.status == 0, "\(lookup.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: memory.path).sorted() == before)
    }

    /// A folder this user may not enter looks empty; it must not be reported as holding no memory.
    @Test("a memory folder this user may not read: exit 74, one line about its permissions",
          .enabled(if: geteuid() != 0, "run as root, every folder is readable"))
    func unreadableFolder() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: memory.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: memory.path) }
        let run = try Werger.run(["stats", "--memory", memory.path])
        #expect(run.status == 74)
        #expect(run.errorLines == ["werger: error: \(memory.path): cannot be read (Permission denied); check the folder's permissions"], "\(run.err)")
    }

    enum Damage: String, Sendable, CaseIterable { case text, binary, pages }

    @Test("a damaged database: exit 65 and one line saying it is not a usable Werger memory",
          arguments: Damage.allCases, [
              ["stats"], ["stats", "--format", "json"], ["import", fixture("same-source.tmx")], ["export", "--format", "jsonl"],
              ["add", "--from", "en", "Hello.", "--to", "ckb", "سڵاو."],
          ])
    func corruptDatabase(_ damage: Damage, _ command: [String]) throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        let database = memory.appendingPathComponent("werger.sqlite")
        switch damage {
        case .text:
            try FileManager.default.createDirectory(at: memory, withIntermediateDirectories: true)
            try Data(String(repeating: "This is not a database, only some text.\n", count: 200).utf8).write(to: database)
        case .binary:
            try FileManager.default.createDirectory(at: memory, withIntermediateDirectories: true)
            try Data((0..<16_384).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ $0 >> 3) }).write(to: database)
        case .pages:
            // A real memory whose pages after the first are overwritten.
            _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))
            var bytes = try Data(contentsOf: database)
            try #require(bytes.count > 12_288)
            bytes.replaceSubrange(4_096..<12_288, with: Data(repeating: 0xAB, count: 8_192))
            try bytes.write(to: database)
        }
        let original = try Data(contentsOf: database)

        let run = try Werger.run(command + ["--memory", memory.path])
        #expect(run.status == 65, "\(run.err)")
        #expect(run.stdout.isEmpty, "\(run.out)")
        #expect(run.errorLines.count == 1, "\(run.err)")
        #expect(run.err.hasPrefix("werger: error: \(database.path): "), "\(run.err)")
        #expect(run.err.contains("not a usable Werger memory"), "\(run.err)")
        let after = try Data(contentsOf: database)
        let unchanged = after == original  // a Bool: a failed Data comparison would print every byte
        if damage == .pages {
            // `stats` opens an existing memory read-only: a damaged one is found unusable untouched.
            #expect(unchanged, "the damaged file was changed (\(original.count) → \(after.count) bytes)")
        } else {
            #expect(unchanged, "the damaged file was changed (\(original.count) → \(after.count) bytes)")
        }
    }

    @Test("an SQLite database of another program: exit 65, not a usable Werger memory",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "no sqlite3 to make one"))
    func foreignDatabase() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        try FileManager.default.createDirectory(at: memory, withIntermediateDirectories: true)
        let database = memory.appendingPathComponent("werger.sqlite")
        let made = try LaunchedProcess(executable: URL(fileURLWithPath: "/usr/bin/sqlite3"),
                                       [database.path, "CREATE TABLE unit (name TEXT); INSERT INTO unit VALUES ('not Werger');"]).wait()
        try #require(made.run.status == 0, "\(made.run.err)")

        let run = try Werger.run(["stats", "--memory", memory.path])
        #expect(run.errorLines.count == 1, "\(run.err)")
        #expect(run.status == 65, "\(run.err)")
        #expect(run.err.contains("not a usable Werger memory"), "\(run.err)")
    }

    @Test("a read-only database: import exits 74 with one line", .enabled(if: getuid() != 0, "root ignores file permissions"))
    func readOnlyDatabase() throws {
        let scratch = try TemporaryFolder()
        let memory = Self.memory(in: scratch)
        _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: memory))
        let database = memory.appendingPathComponent("werger.sqlite")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: database.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: database.path) }
        let original = try Data(contentsOf: database)

        let run = try Self.importFiles([Self.fixture("same-source.tmx")], into: memory)
        #expect(run.status == 74, "\(run.err)")
        #expect(run.stdout.isEmpty, "\(run.out)")
        #expect(run.errorLines.count == 1, "\(run.err)")
        #expect(run.err.contains(database.path) && run.err.contains("read-only"), "\(run.err)")
        let unchanged = try Data(contentsOf: database) == original
        #expect(unchanged, "the read-only database was changed")
    }

    static let noMemoryAboveTemporaryFolder: Bool = {
        var folder = FileManager.default.temporaryDirectory.standardizedFileURL
        while true {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("memory").path, isDirectory: &isDirectory),
               isDirectory.boolValue { return false }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return true }
            folder = parent
        }
    }()

    @Test("no --memory, no $WERGER_MEMORY, no memory/ folder above: exit 66 with one line",
          .enabled(if: noMemoryAboveTemporaryFolder, "a memory/ folder exists above the temporary folder"),
          arguments: [
              ["stats"], ["import", fixture("news.tmx")], ["export", "--format", "jsonl"],
              ["add", "--from", "en", "Hello.", "--to", "ckb", "سڵاو."],
          ])
    func noMemory(_ command: [String]) throws {
        let scratch = try TemporaryFolder()
        let directory = scratch.url.appendingPathComponent("desk/today")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["WERGER_MEMORY"] = nil
        let finished = try LaunchedProcess(command, directory: directory, environment: environment).wait()
        let run = finished.run
        #expect(run.status == 66, "\(run.err)")
        #expect(run.stdout.isEmpty, "\(run.out)")
        #expect(run.errorLines.count == 1, "\(run.err)")
        #expect(run.err.hasPrefix("werger: error: "), "\(run.err)")
        #expect(run.err.contains("--memory"), "the message names the fix: \(run.err)")
        // Nothing was created on the way.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["desk"])
    }

    @Test("the memory is $WERGER_MEMORY, else the nearest memory/ folder above")
    func memoryResolution() throws {
        let scratch = try TemporaryFolder()
        let directory = scratch.url.appendingPathComponent("desk/today")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let nearest = scratch.url.appendingPathComponent("desk/memory")
        try FileManager.default.createDirectory(at: nearest, withIntermediateDirectories: true)
        let variable = scratch.url.appendingPathComponent("elsewhere")
        for folder in [nearest, variable] { _ = try Self.summary(try Self.importFiles([Self.fixture("news.tmx")], into: folder)) }
        var environment = ProcessInfo.processInfo.environment
        environment["WERGER_MEMORY"] = nil

        let found = try LaunchedProcess(["stats", "--format", "json"], directory: directory, environment: environment).wait().run
        #expect(found.status == 0, "\(found.err)")
        #expect(try Self.decode(Stats.self, found).memory.map(Self.canonical) == Self.canonical(nearest.path))

        environment["WERGER_MEMORY"] = variable.path
        let named = try LaunchedProcess(["stats", "--format", "json"], directory: directory, environment: environment).wait().run
        #expect(named.status == 0, "\(named.err)")
        #expect(try Self.decode(Stats.self, named).memory.map(Self.canonical) == Self.canonical(variable.path))
    }

    // MARK: - Helpers

    struct Summary: Decodable, Equatable, CustomStringConvertible {
        var added: Int
        var duplicates: Int
        var skipped: Int
        var description: String { "{added \(added), duplicates \(duplicates), skipped \(skipped)}" }
    }

    struct Stats: Decodable {
        struct Pair: Decodable, Hashable {
            var from: String
            var to: String
            var units: Int
        }
        var units: Int
        var variants: [String: Int]
        var pairs: [Pair]
        var memory: String?
    }

    /// One line of `export --format jsonl`: the contract's fields and the round-trip ones used here.
    struct ExportedUnit: Decodable {
        struct Property: Decodable, Equatable {
            var type: String
            var value: String
        }
        var id: String
        var variants: [String: String]
        var created: String?
        var origin: String
        var notes: [String]?
        var properties: [Property]?
        var markup: [String: String]?
    }

    static func memory(in scratch: TemporaryFolder) -> URL { scratch.url.appendingPathComponent("memory", isDirectory: true) }

    static func fixture(_ name: String) -> String { Fixture.path("memory/" + name) }

    static let tmxDTD = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()  // the repository
        .deletingLastPathComponent().appendingPathComponent("shared/interop/schemas/tmx/tmx14.dtd")

    static func importFiles(_ files: [String], into memory: URL, options: [String] = [],
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        try Werger.run(["import"] + files + ["--memory", memory.path, "--summary", "json"] + options, sourceLocation: sourceLocation)
    }

    /// The import's JSON summary; the import must have succeeded and printed one line.
    static func summary(_ run: Run, sourceLocation: SourceLocation = #_sourceLocation) throws -> Summary {
        try #require(run.status == 0, "import failed (\(run.status)): \(run.err)", sourceLocation: sourceLocation)
        #expect(run.out.hasSuffix("\n") && run.out.dropLast().split(separator: "\n").count == 1, "\(run.out)",
                sourceLocation: sourceLocation)
        return try decode(Summary.self, run, sourceLocation: sourceLocation)
    }

    static func stats(_ memory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> Stats {
        let run = try Werger.run(["stats", "--format", "json", "--memory", memory.path], sourceLocation: sourceLocation)
        try #require(run.status == 0, "stats failed (\(run.status)): \(run.err)", sourceLocation: sourceLocation)
        return try decode(Stats.self, run, sourceLocation: sourceLocation)
    }

    static func exportJSONL(_ memory: URL, from: String? = nil, to: String? = nil,
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> [ExportedUnit] {
        let pair = from.map { ["--from", $0, "--to", to ?? ""] } ?? []
        let run = try Werger.run(["export", "--format", "jsonl", "--memory", memory.path] + pair, sourceLocation: sourceLocation)
        try #require(run.status == 0, "export failed (\(run.status)): \(run.err)", sourceLocation: sourceLocation)
        guard !run.stdout.isEmpty else { return [] }
        #expect(run.out.hasSuffix("\n"), "jsonl output does not end with a line break", sourceLocation: sourceLocation)
        return try run.out.split(separator: "\n").map { line in
            do { return try JSONDecoder().decode(ExportedUnit.self, from: Data(line.utf8)) } catch {
                Issue.record("not a unit object: \(line)", sourceLocation: sourceLocation)
                throw error
            }
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ run: Run, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
        do { return try JSONDecoder().decode(type, from: run.stdout) } catch {
            Issue.record("not a JSON \(type) object: \(run.out)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// `LINE:COL: message` (or `LINE: message`) after `prefix` in a one-line message.
    static func position(in message: String, prefix: String, column: Bool = true) -> (line: Int, column: Int?, rest: Substring)? {
        guard message.hasPrefix(prefix) else { return nil }
        var rest = message.dropFirst(prefix.count)
        func number() -> Int? {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, rest.dropFirst(digits.count).first == ":" else { return nil }
            rest = rest.dropFirst(digits.count + 1)
            return Int(digits)
        }
        guard let line = number() else { return nil }
        let col = column ? number() : nil
        if column && col == nil { return nil }
        return (line, col, rest.drop { $0 == " " }.prefix { $0 != "\n" })
    }

    /// A TMX of `units` en/ckb units whose texts contain `label` and the unit's number, one unit a
    /// line from line 5; `edit` may change the lines before they are joined.
    static func tmx(units: Int, label: String, edit: (inout [String]) -> Void = { _ in }) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<tmx version="1.4">"#,
            #"  <header creationtool="tests" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" srclang="en" o-tmf="tests"/>"#,
            "  <body>",
        ]
        lines.reserveCapacity(units + 6)
        for i in 0..<units {
            lines.append(#"    <tu><tuv xml:lang="en"><seg>Sentence \#(i) of the \#(label) file.</seg></tuv>"#
                         + #"<tuv xml:lang="ckb"><seg>ڕستەی \#(i) لە فایلی \#(label).</seg></tuv></tu>"#)
        }
        lines += ["  </body>", "</tmx>"]
        edit(&lines)
        return lines.joined(separator: "\n") + "\n"
    }

    static func writeTMX(units: Int, label: String, to url: URL) throws -> URL {
        try Data(tmx(units: units, label: label).utf8).write(to: url)
        return url
    }

    /// The file offset of the process's descriptor open on `path` (Linux: /proc/PID/fdinfo), if any.
    static func readOffset(of path: String, in pid: Int32) -> Int? {
        let folder = "/proc/\(pid)/fd"
        guard let descriptors = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        for descriptor in descriptors {
            guard (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\(descriptor)")) == path,
                  let info = try? String(contentsOfFile: "/proc/\(pid)/fdinfo/\(descriptor)", encoding: .utf8) else { continue }
            for line in info.split(separator: "\n") where line.hasPrefix("pos:") {
                return Int(line.dropFirst(4).trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }

    static func size(of url: URL) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    }

    /// A path with symbolic links resolved (/tmp may be a link).
    static func canonical(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
}

/// A process started and left running: the built `werger` by default, else `executable`. Its stdout
/// and stderr go to files, so nothing blocks on a full pipe.
private final class LaunchedProcess: @unchecked Sendable {
    private let process = Process()
    private let scratch: TemporaryFolder
    private let outURL: URL
    private let errURL: URL
    private let handles: [FileHandle]
    private let finished = DispatchSemaphore(value: 0)
    let description: String

    init(executable: URL? = nil, _ arguments: [String], directory: URL? = nil, environment: [String: String]? = nil,
         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let program = try executable ?? #require(Werger.executable, "the built werger executable was not found; run `swift build` first",
                                                 sourceLocation: sourceLocation)
        scratch = try TemporaryFolder()
        outURL = scratch.url.appendingPathComponent("stdout")
        errURL = scratch.url.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        handles = [out, err]
        description = ([program.lastPathComponent] + arguments).joined(separator: " ")
        process.executableURL = program
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        let finished = self.finished
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// Waits for the end; `signaled` when a signal ended it (status is then 128 + the signal).
    func wait(timeout: TimeInterval = 300, sourceLocation: SourceLocation = #_sourceLocation) throws -> (run: Run, signaled: Bool) {
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            Issue.record("\(description) did not finish in \(Int(timeout)) s", sourceLocation: sourceLocation)
        }
        process.waitUntilExit()
        for handle in handles { try? handle.close() }
        let signaled = process.terminationReason == .uncaughtSignal
        let status = signaled ? 128 + process.terminationStatus : process.terminationStatus
        return (Run(status: status, stdout: try Data(contentsOf: outURL), stderr: try Data(contentsOf: errURL)), signaled)
    }
}
