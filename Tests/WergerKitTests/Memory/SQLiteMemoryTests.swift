import Foundation
import Testing
@testable import WergerKit

@Suite struct SQLiteMemoryTests {
    @Test func addingTheSameUnitTwiceAddsItOnce() throws {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        let summary = try memory.write { session in
            try session.add(unit(("en", "The dam is full."), ("ckb", "بەنداوەکە پڕە.")))
            try session.add(unit(("en", "The dam is full."), ("ckb", "بەنداوەکە پڕە."), origin: "other"))
            return session.summary
        }
        #expect(summary == ImportSummary(added: 1, duplicates: 1, skipped: 0))
        #expect(try memory.statistics().units == 1)
    }

    @Test func twoTranslationsOfOneSourceAreBothKept() throws {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        try memory.write { session in
            try session.add(unit(("en", "Prices rose."), ("ckb", "نرخەکان بەرز بوونەوە.")))
            try session.add(unit(("en", "Prices rose."), ("ckb", "نرخ بەرز بووەوە.")))
        }
        let units = try allUnits(memory)
        #expect(units.count == 2)
        #expect(Set(units.compactMap { $0.variants.last?.text }) == ["نرخەکان بەرز بوونەوە.", "نرخ بەرز بووەوە."])
    }

    @Test func aUnitNeedsTwoVariants() throws {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        defer { withExtendedLifetime(temporary) {} }
        #expect(throws: MemoryError.self) {
            try memory.write { session in try session.add(unit(("en", "Alone."))) }
        }
    }

    @Test func aFailedWriteLeavesTheMemoryUnchanged() throws {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try memory.write { session in
                try session.add(unit(("en", "One."), ("kmr", "Yek.")))
                throw Stop()
            }
        }
        #expect(try memory.statistics().units == 0)
    }

    @Test func statisticsCountLanguagesAndPairsFromTheSource() throws {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        defer { withExtendedLifetime(temporary) {} }
        try memory.write { session in
            try session.add(unit(("en", "Water."), ("ckb", "ئاو."), ("kmr", "Av."), ("ar", "ماء.")))
            try session.add(unit(("en", "Bread."), ("ckb", "نان.")))
        }
        let stats = try memory.statistics()
        #expect(stats.units == 2)
        #expect(stats.variants == ["en": 2, "ckb": 2, "kmr": 1, "ar": 1])
        #expect(stats.pairs.first == MemoryStatistics.Pair(from: "en", to: "ckb", units: 2))
        #expect(stats.pairs.count == 3)
        #expect(stats.size > 0)
    }

    @Test func provenanceRoundTripsThroughTheStore() throws {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        defer { withExtendedLifetime(temporary) {} }
        let date = try #require(TMXDate.parse("20261128T090000Z"))
        let original = TranslationUnit(
            id: "t-1", variants: [Variant(language: "en", text: "A <b> & c", markup: "A <ph x=\"1\">&lt;b&gt;</ph> &amp; c", created: date),
                                  Variant(language: "ckb", text: "ب", changer: "rezan")],
            created: date, creator: "ali", changed: date, changer: "sara", origin: "a.tmx", document: "doc-7",
            previous: "Before.", next: "After.", notes: ["checked"], properties: [Property(type: "x-topic", value: "water")])
        _ = try memory.write { session in try session.add(original) }
        #expect(try allUnits(memory) == [original])
    }

    @Test func exportsPickTheAskedLanguagesOnly() throws {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        defer { withExtendedLifetime(temporary) {} }
        try memory.write { session in
            try session.add(unit(("en", "Erbil water plan"), ("km", "ផែនការ"), ("kmr", "Plana avê"), ("ckb", "پلانی ئاو")))
            try session.add(unit(("en", "Read more"), ("ku-Latn", "Zêdetir bixwîne"), ("ckb-IQ", "زیاتر بخوێنەوە")))
            try session.add(unit(("en", "Only Arabic"), ("ar", "عربي فقط")))
        }
        let kurmanji = try allUnits(memory, languages: [LanguageTag("en"), LanguageTag("kmr")])
        #expect(kurmanji.map { $0.variants.map(\.text) } == [["Erbil water plan", "Plana avê"], ["Read more", "Zêdetir bixwîne"]])
        let sorani = try allUnits(memory, languages: [LanguageTag("en"), LanguageTag("ckb")])
        #expect(sorani.map { $0.variants[1].text } == ["پلانی ئاو", "زیاتر بخوێنەوە"])
    }

    @Test func aNewerSchemaIsRefusedNotDamaged() throws {
        let temporary = TemporaryMemory()
        _ = try temporary.open()
        // A step this version does not know, as a newer Werger would have recorded it.
        let memory = try temporary.open()
        try memory.write { _ in }
        let connection = try GRDBTestConnection(path: temporary.location.database.path)
        try connection.execute("INSERT INTO grdb_migrations (identifier) VALUES ('2099-01-01 from the future')")
        #expect(throws: MemoryError.newerVersion(path: temporary.location.database.path)) { try temporary.open() }
    }

    @Test func aCorruptFileIsNamed() throws {
        let temporary = TemporaryMemory()
        try FileManager.default.createDirectory(at: temporary.folder, withIntermediateDirectories: true)
        try Data("this is not a database, just text ".utf8 + [UInt8](repeating: 7, count: 4096)).write(to: temporary.location.database)
        #expect {
            try temporary.open()
        } throws: { error in
            (error as? MemoryError)?.description.contains("not a usable Werger memory") == true
        }
    }

    @Test func aNewMemoryIsSeededFromItsTMXFiles() throws {
        let temporary = TemporaryMemory()
        try FileManager.default.createDirectory(at: temporary.folder, withIntermediateDirectories: true)
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en" creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" datatype="plaintext"/><body>
            <tu><tuv xml:lang="en"><seg>Good morning.</seg></tuv><tuv xml:lang="ckb"><seg>بەیانی باش.</seg></tuv></tu>
            </body></tmx>
            """.utf8).write(to: temporary.folder.appendingPathComponent("starter.tmx"))
        #expect(try temporary.open().statistics().units == 1)
        // Opening again does not seed again.
        #expect(try temporary.open().statistics().units == 1)
    }

    @Test func aFailedSeedLeavesNoHalfMemory() throws {
        let temporary = TemporaryMemory()
        try FileManager.default.createDirectory(at: temporary.folder, withIntermediateDirectories: true)
        try Data("<tmx><body><tu>".utf8).write(to: temporary.folder.appendingPathComponent("broken.tmx"))
        #expect(throws: FormatError.self) { try temporary.open() }
        #expect(!FileManager.default.fileExists(atPath: temporary.location.database.path))
    }
}

@Suite struct MemoryLocationTests {
    @Test func optionThenEnvironmentThenNearestFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("werger-location-\(UUID().uuidString)")
        let nested = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a/memory"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try MemoryLocation.resolve(option: "/x/y", environment: ["WERGER_MEMORY": "/e"], from: nested.path).folder.path == "/x/y")
        #expect(try MemoryLocation.resolve(option: nil, environment: ["WERGER_MEMORY": "/e"], from: nested.path).folder.path == "/e")
        #expect(try MemoryLocation.resolve(option: nil, environment: [:], from: nested.path).folder.path
                == root.appendingPathComponent("a/memory").standardizedFileURL.path)
        #expect(throws: MemoryError.notFound(searchedFrom: "/")) { try MemoryLocation.resolve(option: nil, environment: [:], from: "/") }
    }

    @Test func aFileNamedAsTheMemoryIsRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("werger-location-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let database = root.appendingPathComponent("werger.sqlite")
        try Data("x".utf8).write(to: database)
        #expect(throws: MemoryError.notAFolder(path: database.path)) { try MemoryLocation.resolve(option: database.path, environment: [:]) }
        #expect(throws: MemoryError.notAFolder(path: database.path)) {
            try MemoryLocation.resolve(option: nil, environment: ["WERGER_MEMORY": database.path])
        }
        #expect(MemoryError.notAFolder(path: database.path).description
                == "\(database.path): names the memory's database; --memory takes its folder: --memory \(root.path)")
        let notes = root.appendingPathComponent("notes.txt")
        try Data("x".utf8).write(to: notes)
        #expect(MemoryError.notAFolder(path: notes.path).description
                == "\(notes.path): is a file, not a memory folder; pass the folder that holds (or will hold) werger.sqlite")
        #expect(throws: MemoryError.notAFolder(path: notes.path)) { try MemoryLocation.resolve(option: notes.path, environment: [:]) }
        // A folder that does not exist yet is fine: the first write makes it. But not one named as the database.
        #expect(try MemoryLocation.resolve(option: root.appendingPathComponent("new").path, environment: [:]).folder.lastPathComponent == "new")
        let unborn = root.appendingPathComponent("new/werger.sqlite").path
        #expect(throws: MemoryError.notAFolder(path: unborn)) { try MemoryLocation.resolve(option: unborn, environment: [:]) }
    }
}

@Suite struct TMXDateTests {
    @Test(arguments: ["20261128T090000Z", "19991231T235959Z", "20000229T120000Z"])
    func formatsWhatItParses(_ text: String) throws {
        #expect(TMXDate.format(try #require(TMXDate.parse(text))) == text)
    }

    @Test(arguments: ["", "2026", "20261328T090000Z", "yesterday"])
    func rejectsNonDates(_ text: String) {
        #expect(TMXDate.parse(text) == nil)
    }
}
