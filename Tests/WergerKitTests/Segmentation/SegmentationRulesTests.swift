import Testing
@testable import WergerKit

@Suite struct SegmentationRulesTests {
    @Test func parsesSectionsCommentsAndKeys() throws {
        let rules = try SegmentationRules(parsing: """
            # a comment
            [abbreviations]
            Dr. Gen  # trailing comment
            U.S.
            [speech-verbs]
            said
            [options]
            ordinal-numbers
            """, file: "x.rules")
        #expect(rules.abbreviations == ["dr", "gen", "u.s"])
        #expect(rules.speechVerbs == ["said"])
        #expect(rules.options == ["ordinal-numbers"])
    }

    @Test func reportsTheLineOfAnUnknownSection() {
        #expect {
            try SegmentationRules(parsing: "[abbreviations]\nDr\n[nonsense]\n", file: "bad.rules")
        } throws: { error in
            (error as? SegmentationRulesError)?.description == "bad.rules:3: unknown section [nonsense]"
        }
    }

    @Test func everyShippedRuleFileParses() throws {
        for language in ["en", "ckb", "kmr", "ar", "fa", "tr", "da", "de", "es", "it", "ru", "sk", "nl", "hy", "kk", "el", "bg"] {
            let loaded = try SegmentationRules.forLanguage(language)
            #expect(loaded.handTuned, "\(language).rules")
        }
        #expect(try !SegmentationRules.forLanguage("pt").handTuned)
    }

    @Test func danishIncludesEnglish() throws {
        let danish = try SegmentationRules.forLanguage("da").rules
        #expect(danish.abbreviations.contains("mr"))
        #expect(danish.abbreviations.contains("skt"))
    }
}
