import Foundation
import Testing
@testable import WergerKit

/// Reads a TMX text (written to a temporary file) and returns its units and diagnostics.
func readTMX(_ text: String, bytes: [UInt8]? = nil) throws -> (units: [TranslationUnit], problems: [FormatDiagnostic]) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("werger-\(UUID().uuidString).tmx")
    try Data(bytes ?? Array(text.utf8)).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    var units: [TranslationUnit] = []
    var problems: [FormatDiagnostic] = []
    try TMXReader(path: url.path).read(unit: { units.append($0) }, diagnostic: { problems.append($0) })
    return (units, problems)
}

private let header = """
    <?xml version="1.0" encoding="UTF-8"?>
    <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>

    """

@Suite struct TMXReaderTests {
    @Test func readsLanguagesTextsPropertiesNotesAndDates() throws {
        let (units, problems) = try readTMX(header + """
            <tu tuid="7" creationdate="20261128T090000Z" creationid="ali">
              <note>checked</note><prop type="x-document">article-3</prop><prop type="x-topic">water</prop>
              <tuv xml:lang="ckb"><seg>ئاو</seg></tuv>
              <tuv xml:lang="EN-us"><seg>Water &amp; power</seg></tuv>
            </tu></body></tmx>
            """)
        #expect(problems.isEmpty)
        let unit = try #require(units.first)
        #expect(unit.id == "7")
        #expect(unit.variants.map(\.language) == ["en-US", "ckb"])  // the source language first
        #expect(unit.variants.map(\.text) == ["Water & power", "ئاو"])
        #expect(unit.notes == ["checked"])
        #expect(unit.document == "article-3")
        #expect(unit.properties == [Property(type: "x-topic", value: "water")])
        #expect(unit.creator == "ali" && unit.created == TMXDate.parse("20261128T090000Z"))
    }

    @Test func keepsLevelTwoMarkupAndLeavesCodesOutOfTheText() throws {
        let (units, _) = try readTMX(header + """
            <tu><tuv xml:lang="en"><seg>The <bpt i="1" x="1">&lt;b&gt;</bpt>KRG<ept i="1">&lt;/b&gt;</ept> met<ph x="2">&lt;br/&gt;</ph> <hi type="x">today</hi>.</seg></tuv>
            <tuv xml:lang="ar"><seg>اجتمعت <bpt i="1" x="1">&lt;b&gt;</bpt>الحكومة<ept i="1">&lt;/b&gt;</ept>.</seg></tuv></tu></body></tmx>
            """)
        let variant = try #require(units.first?.variants.first)
        #expect(variant.text == "The KRG met today.")
        #expect(variant.markup == #"The <bpt i="1" x="1">&lt;b&gt;</bpt>KRG<ept i="1">&lt;/b&gt;</ept> met<ph x="2">&lt;br/&gt;</ph> <hi type="x">today</hi>."#)
    }

    @Test func readsTheOldLangAttributeAndUTF16() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-16"?>
            <tmx version="1.1"><header srclang="EN-US"/><body>
            <tu><tuv lang="EN-US"><seg>Hello</seg></tuv><tuv lang="KMR"><seg>Silav</seg></tuv></tu></body></tmx>
            """
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (units, problems) = try readTMX("", bytes: bytes)
        #expect(problems.isEmpty)
        #expect(units.first?.variants.map(\.language) == ["en-US", "kmr"])
        #expect(units.first?.variants.map(\.text) == ["Hello", "Silav"])
    }

    @Test func invalidUnitsAreSkippedWithTheirLine() throws {
        let (units, problems) = try readTMX(header + """
            <tu><tuv><seg>no language</seg></tuv><tuv xml:lang="ckb"><seg>x</seg></tuv></tu>
            <tu><tuv xml:lang="en"><seg>alone</seg></tuv></tu>
            <tu><tuv xml:lang="xx-zz-9"><seg>a</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu>
            <tu><tuv xml:lang="en"><seg>good</seg></tuv><tuv xml:lang="kmr"><seg>baş</seg></tuv></tu>
            </body></tmx>
            """)
        #expect(units.count == 1)
        #expect(problems.map(\.line) == [3, 4, 5])
        #expect(problems[0].description.contains("<tuv> has no xml:lang"))
        #expect(problems[1].message.contains("1 variant"))
        #expect(problems[2].message.contains("'xx-zz-9'"))
    }

    @Test func malformedXMLIsAnErrorWithLineAndColumn() throws {
        #expect {
            try readTMX(header + "<tu><tuv xml:lang=\"en\"><seg>open</tuv></tu></body></tmx>")
        } throws: { error in
            guard let error = error as? FormatError else { return false }
            return error.line == 3 && error.column != nil && error.message.contains("mismatch")
        }
        #expect(throws: FormatError.self) { try readTMX("<notmx/>") }
        #expect(throws: FormatError.self) { try readTMX("plain text, not XML") }
    }

    @Test func anEntityBombIsAnErrorNotAnOutOfMemory() throws {
        var entities = "<!ENTITY a0 \"lol lol lol lol lol lol lol lol lol lol\">"
        for i in 1...12 { entities += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE tmx [\(entities)]><tmx version=\"1.4\"><header/><body>"
            + "<tu><tuv xml:lang=\"en\"><seg>&a12;</seg></tuv><tuv xml:lang=\"ar\"><seg>x</seg></tuv></tu></body></tmx>"
        do {
            let (units, _) = try readTMX(bomb)
            // If the reader got through, it did not expand the entities.
            #expect((units.first?.variants.first?.text.count ?? 0) < 1000)
        } catch {
            #expect(error is FormatError)
        }
    }

    @Test func externalEntitiesAreNeverResolved() throws {
        let text = "<?xml version=\"1.0\"?><!DOCTYPE tmx [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]><tmx version=\"1.4\"><header/><body>"
            + "<tu><tuv xml:lang=\"en\"><seg>[&secret;]</seg></tuv><tuv xml:lang=\"ar\"><seg>x</seg></tuv></tu></body></tmx>"
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "\u{0}"
        if let (units, _) = try? readTMX(text) {
            #expect(!(units.first?.variants.first?.text.contains(hostname) ?? false))
        }
    }

    @Test(.enabled(if: Shared.exists, "../shared is absent: the interop files are read in CI"))
    func readsEveryInteropFile() throws {
        let folder = Shared.root.appendingPathComponent("interop/tmx")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmx") }.sorted()
        #expect(names.count >= 17)
        for name in names {
            var units: [TranslationUnit] = []
            var problems: [FormatDiagnostic] = []
            try TMXReader(path: folder.appendingPathComponent(name).path).read(unit: { units.append($0) }, diagnostic: { problems.append($0) })
            #expect(problems.isEmpty, "\(name): \(problems)")
            #expect(units.count >= 2, "\(name)")
            #expect(units.allSatisfy { $0.variants.first?.language == "en" && $0.variants.count >= 2 }, "\(name)")
            let targets = Set(units.flatMap { $0.variants.dropFirst().map(\.language) })
            for language in ["ar", "ckb", "kmr"] where name.hasSuffix("_en-\(language).tmx") {
                #expect(targets == [language], "\(name): \(targets)")
            }
            if name.contains("multitarget") {
                #expect(units.allSatisfy { $0.variants.map(\.language) == ["en", "ar", "ckb", "kmr"] })
            }
            // Texts keep what the tools wrote: the newline, the emoji, the RLM, the ZWNJ.
            let texts = units.flatMap { $0.variants.map(\.text) }
            if name.contains("level1") || name.contains("po2tmx") {
                #expect(texts.contains { $0.contains("Breaking news\nErbil") }, "\(name)")
            }
            if name.contains("en-ckb") { #expect(texts.contains { $0.contains("\u{200C}") }, "\(name): ZWNJ") }
            if name.contains("level2") { #expect(units.contains { $0.variants.contains { $0.markup?.contains("<bpt") == true } }) }
        }
    }
}
