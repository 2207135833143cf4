import Testing
@testable import WergerKit

@Suite("String.utf16Units: the UTF-16 code units segment ranges count")
struct UTF16UnitsTests {
    @Test("the same units as the string's UTF-16 view, astral characters as surrogate pairs", arguments: [
        "", "Plain ASCII.", "وەزارەتی دارایی ١٬١٤٠ حاڵەت؟", "Ewropayê û Kurdistanê", "e\u{301}", "Flag 🇮🇶 and 𝔘 𐍈.",
        "ZWNJ\u{200C}ی", "\u{FEFF}BOM",
    ])
    func sameAsView(_ text: String) {
        #expect(text.utf16Units == Array(text.utf16))
    }

    @Test("a segment after an astral character keeps its text exactly")
    func segmentsAfterSurrogates() throws {
        let document = SegmentedText(name: "en", language: try LanguageTag("en"), paragraphs: [["Rain 🌧️ fell.", "Roads 𝔘 closed."], ["Later, sun."]])
        #expect(document.texts == ["Rain 🌧️ fell.", "Roads 𝔘 closed.", "Later, sun."])
        #expect(document.text(of: 0..<2) == "Rain 🌧️ fell. Roads 𝔘 closed.")
        #expect(document.text(of: 1..<3) == "Roads 𝔘 closed.\n\nLater, sun.")
    }
}
