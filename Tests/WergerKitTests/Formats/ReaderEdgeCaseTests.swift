import Foundation
import Testing
@testable import WergerKit

/// Inputs other tools write that once lost or altered a translator's text.
@Suite struct ReaderEdgeCaseTests {
    private func importing(_ name: String, _ text: String, languages: [LanguageTag]? = nil)
        throws -> (summary: ImportSummary, units: [TranslationUnit], problems: [FormatDiagnostic]) {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        var problems: [FormatDiagnostic] = []
        let summary = try Importer(languages: languages).importFile(try temporary.file(name, text), into: memory,
                                                                     diagnostic: { problems.append($0) })
        return (summary, try allUnits(memory), problems)
    }

    @Test func aStrayQuoteInsideACSVFieldIsText() throws {
        let result = try importing("stray.csv", "en,ckb\n5\" screen,a\nb\"c,d\nHello,Silav\n")
        #expect(result.units.map { $0.variants.map(\.text) } == [["5\" screen", "a"], ["b\"c", "d"], ["Hello", "Silav"]])
    }

    @Test func jsonLinesKeepVariantsTheLanguageListLeavesOut() throws {
        let result = try importing("partial.jsonl", #"{"variants":{"en":"Hi","ckb":"Silav","ar":"مرحبا"},"languages":["en","ckb"]}"# + "\n")
        #expect(result.units.first?.variants.map(\.language) == ["en", "ckb", "ar"])
    }

    @Test func emptyTargetsAreNotTranslations() throws {
        let tmx = """
            <?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body>
            <tu><tuv xml:lang="en"><seg>Untranslated</seg></tuv><tuv xml:lang="ckb"><seg/></tuv></tu>
            <tu><tuv xml:lang="en"><seg>Done</seg></tuv><tuv xml:lang="ckb"><seg>تەواو</seg></tuv><tuv xml:lang="ar"><seg> </seg></tuv></tu>
            </body></tmx>
            """
        let result = try importing("empty.tmx", tmx)
        #expect(result.summary == ImportSummary(added: 1, duplicates: 0, skipped: 1))
        #expect(result.units.first?.variants.map(\.language) == ["en", "ckb"])
    }

    @Test func declaredEntitiesGiveTheirTextAndUndeclaredOnesSkipTheUnit() throws {
        let tmx = """
            <?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY co "Acme Corp">]><tmx version="1.4"><header srclang="en"/><body>
            <tu><tuv xml:lang="en"><seg>&co; said no</seg></tuv><tuv xml:lang="kmr"><seg>&co; got na</seg></tuv></tu>
            </body></tmx>
            """
        let result = try importing("entity.tmx", tmx)
        #expect(result.units.first?.variants.map(\.text) == ["Acme Corp said no", "Acme Corp got na"])
    }

    @Test func anEmptyOriginPropertyFallsBackToTheFileName() throws {
        let tmx = """
            <?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body>
            <tu><prop type="x-origin"></prop><tuv xml:lang="en"><seg>A</seg></tuv><tuv xml:lang="ar"><seg>ب</seg></tuv></tu>
            </body></tmx>
            """
        #expect(try importing("origin.tmx", tmx).units.first?.origin == "origin.tmx")
    }

    @Test func aHeaderThatDisagreesWithFromAndToIsReported() throws {
        let result = try importing("pairs.tsv", "en\tar\nGood.\tجيد.\n", languages: [LanguageTag("en"), LanguageTag("ckb")])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.line == 1)
    }

    @Test func theStoreRefusesTextsTMXCannotHold() throws {
        let temporary = TemporaryMemory()
        let memory = try temporary.open()
        #expect(throws: MemoryError.self) {
            try memory.write { session in try session.add(unit(("en", "Bell\u{1} here"), ("ckb", "زەنگ"))) }
        }
        #expect(throws: MemoryError.self) {
            try memory.write { session in try session.add(unit(("en", "Empty target"), ("ckb", "  "))) }
        }
    }
}
