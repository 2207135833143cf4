import Testing
@testable import WergerKit

/// Latin acronyms spelled in Arabic script are the names the Latin ones are.
@Suite struct SpelledAcronymsTests {
    static func names(_ tokens: [UInt64]) -> Set<UInt64> { Set(tokens.filter { AnchorClass.of($0) == .name }) }

    @Test("CNN, BBC, FBI, MSNBC spelled in Arabic or Sorani give the Latin acronym's name token",
          arguments: [
            ("CNN reported it.", "وذلك حسب تقرير شبكة سي إن إن الإخبارية."),
            ("CNN reported it.", "بە سی ئێن ئێنی وت."),
            ("The BBC said so.", "وقالت بي بي سي ذلك."),
            ("The BBC said so.", "لە بی بی سیدا وترا."),
            ("The FBI will look into it.", "بەڵام ئێف بی ئای لێکۆڵینەوە دەکات."),
            ("MSNBC had 2.89 million.", "وبلغ عدد مشاهدي إم إس إن بي سي 2.89 مليون."),
            ("CBS and ABC and CNN.", "قنوات سي بي أس وإيه بي سي وسي إن إن."),
          ])
    func spelled(english: String, translation: String) throws {
        let tokenizer = AnchorTokenizer(arabicScript: true, soundsLike: true)
        let latin = Self.names(AnchorTokenizer(arabicScript: false, soundsLike: true).tokens(of: english))
        let spelled = Self.names(tokenizer.tokens(of: translation))
        #expect(!latin.isEmpty && latin.isSubset(of: spelled), "\(english) / \(translation)")
    }

    @Test("a run of letter names longer than an acronym gives none; a digit or a mark ends a run")
    func runs() {
        let tokenizer = AnchorTokenizer(arabicScript: true, soundsLike: true)
        #expect(Self.names(tokenizer.tokens(of: String(repeating: "سي تي ", count: 2_000))).isEmpty)
        let bbc = Self.names(AnchorTokenizer(arabicScript: false, soundsLike: true).tokens(of: "The BBC said so."))
        // Each run is read apart: BBC (and its other readings, بي being B or P) both times.
        let twice = tokenizer.tokens(of: "بي بي سي 3 بي بي سي").filter { bbc.contains($0) }
        #expect(twice.count == 2)
        #expect(Self.names(tokenizer.tokens(of: "بي بي، سي")).isEmpty)
    }

    @Test("everyday words that are also letter names (في إن أو أي) are not read as an acronym")
    func commonWords() {
        let tokenizer = AnchorTokenizer(arabicScript: true, soundsLike: true)
        #expect(Self.names(tokenizer.tokens(of: "قال إن في أي مكان أو زمان.")).isEmpty)
    }
}
