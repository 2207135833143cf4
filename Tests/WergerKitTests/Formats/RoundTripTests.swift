import Foundation
import Testing
@testable import WergerKit

/// One conformance suite every format passes: import → export → import into an empty memory →
/// export again gives identical bytes and the same units.
@Suite struct RoundTripTests {
    static let tricky: [TranslationUnit] = [
        TranslationUnit(id: "u1", variants: [
            Variant(language: "en", text: "Prices rose 3.5% in Erbil & Duhok, \"officials\" said.\nSecond line\twith a tab \\ and <tags>."),
            Variant(language: "ckb", text: "نرخەکان ٣٫٥٪ بەرز بوونەوە، «بەرپرسان» وتیان.\u{200C}"),
            Variant(language: "kmr", text: "Biha bi %3,5 zêde bûn; \u{1F389}"),
            Variant(language: "ar", text: "ارتفعت الأسعار (KRG)\u{200F} بنسبة 3.5%."),
        ], created: TMXDate.parse("20261128T090000Z"), creator: "ali", origin: "tricky.tmx", document: "doc-1",
           previous: "Before.", next: "After.", notes: ["a note & more"], properties: [Property(type: "x-topic", value: "prices")]),
        TranslationUnit(id: "u2", variants: [
            Variant(language: "en", text: "The KRG met.", markup: "The <bpt i=\"1\">&lt;b&gt;</bpt>KRG<ept i=\"1\">&lt;/b&gt;</ept> met."),
            Variant(language: "ckb", text: "حکومەت کۆبووەوە."),
        ], origin: "tricky.tmx"),
        TranslationUnit(variants: [Variant(language: "en", text: "Line one\r\nline two"), Variant(language: "ar", text: "سطر, \"مقتبس\"")],
                        origin: "tricky.tmx"),
    ]

    private func memory(with units: [TranslationUnit]) throws -> (TemporaryMemory, SQLiteMemory) {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        try memory.write { session in for unit in units { try session.add(unit) } }
        return (temporary, memory)
    }

    private func export(_ memory: SQLiteMemory, _ format: ExchangeFormat, languages: [LanguageTag]? = nil) throws -> String {
        var out = ""
        switch format {
        case .tmx:
            let writer = TMXWriter()
            out += writer.header
            try memory.forEachUnit(languages: languages) { out += writer.unit($0) }
            out += writer.footer
        case .jsonl:
            try memory.forEachUnit(languages: languages) { out += JSONLines.line($0) }
        case .tsv, .csv:
            let delimited: DelimitedFormat = format == .tsv ? .tsv : .csv
            let columns = languages?.map(\.identifier) ?? ["en", "ckb", "kmr", "ar"]
            out += delimited.header(columns)
            try memory.forEachUnit(languages: languages) { out += delimited.row($0, languages: columns) }
        }
        return out
    }

    @Test(arguments: [ExchangeFormat.tmx, .jsonl, .tsv, .csv])
    func exportImportExportIsIdentical(_ format: ExchangeFormat) throws {
        let (temporary, first) = try memory(with: Self.tricky)
        let exported = try export(first, format)
        let file = try temporary.file("export.\(format.rawValue)", exported)
        let second = TemporaryMemory()
        let summary = try Importer().importFile(file, into: try second.open())
        #expect(summary == ImportSummary(added: Self.tricky.count, duplicates: 0, skipped: 0))
        let again = try export(try second.open(), format)
        #expect(again == exported)
        if format == .tmx || format == .jsonl {
            // These formats carry everything: the units come back equal.
            #expect(try allUnits(try second.open()) == (try allUnits(first)))
        }
    }

    @Test func bilingualExportsKeepOnlyThePair() throws {
        let (_, memory) = try memory(with: Self.tricky)
        let tsv = try export(memory, .tsv, languages: [LanguageTag("en"), LanguageTag("ckb")])
        #expect(tsv.split(separator: "\n").count == 3)  // header and the two units with Sorani
        #expect(tsv.hasPrefix("en\tckb\n"))
        #expect(tsv.contains("\\n") && tsv.contains("\\t") && tsv.contains("\\\\"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint") && Shared.exists,
                   "xmllint or ../shared is absent: TMX validity is checked in CI"))
    func exportedTMXIsValidAgainstTheDTD() throws {
        let (temporary, memory) = try memory(with: Self.tricky)
        let file = try temporary.file("valid.tmx", try export(memory, .tmx))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--nonet", "--dtdvalid", Shared.root.appendingPathComponent("interop/schemas/tmx/tmx14.dtd").path, file]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let report = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(report)")
    }

    /// Control characters pasted in from PDFs and word processors (U+0002, U+000B) are not XML, not
    /// even as references. The memory refuses them, so only a unit made elsewhere can hold one: the
    /// writer leaves them out, and the file stays one a parser reads.
    @Test func controlCharactersXMLCannotHoldAreLeftOutOfTMX() throws {
        let unit = TranslationUnit(variants: [Variant(language: "en", text: "Soft\u{2}hyphen and a\u{B}break, tab\tkept."),
                                              Variant(language: "ckb", text: "دەق\u{1B}.")],
                                   origin: "pasted", notes: ["note\u{1}"])
        let writer = TMXWriter()
        let tmx = writer.header + writer.unit(unit) + writer.footer
        #expect(!tmx.unicodeScalars.contains { XMLCharacters.isUnwritable($0) })
        #expect(XMLCharacters.firstUnwritable(in: "one\ntwo\u{B}") ?? (0, " ") == (2, "\u{B}"))
        #expect(XMLCharacters.firstUnwritable(in: "plain, \t\r\n and ﻻ") == nil)
        let temporary = TemporaryMemory()
        let file = try temporary.file("controls.tmx", tmx)
        #expect(try Importer().importFile(file, into: try temporary.open()) == ImportSummary(added: 1, duplicates: 0, skipped: 0))
        let texts = try allUnits(try temporary.open()).flatMap { $0.variants.map(\.text) }
        #expect(texts == ["Softhyphen and abreak, tab\tkept.", "دەق."])
    }

    @Test func delimitedFilesWithoutAHeaderNeedTheLanguages() throws {
        let temporary = TemporaryMemory()
        let file = try temporary.file("pairs.tsv", "Good morning.\tبەیانی باش.\nThank you.\tسوپاس.\n")
        #expect(throws: FormatError.self) { try Importer().importFile(file, into: try temporary.open()) }
        let summary = try Importer(languages: [LanguageTag("en"), LanguageTag("ckb")]).importFile(file, into: try temporary.open())
        #expect(summary.added == 2)
    }

    @Test func csvQuotingFollowsRFC4180() throws {
        let temporary = TemporaryMemory()
        let file = try temporary.file("quoted.csv", "en,ar\r\n\"Hello, \"\"world\"\"\nagain\",مرحبا\r\nplain,عادي\r\n")
        let memory = try temporary.open()
        #expect(try Importer().importFile(file, into: memory).added == 2)
        #expect(try allUnits(memory).first?.variants.first?.text == "Hello, \"world\"\nagain")
        let broken = try temporary.file("broken.csv", "en,ar\n\"never closed,x\n")
        #expect(throws: FormatError.self) { try Importer().importFile(broken, into: memory) }
        #expect(try memory.statistics().units == 2)
    }
}
