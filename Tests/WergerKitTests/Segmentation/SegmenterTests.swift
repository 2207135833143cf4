import Foundation
import Testing
@testable import WergerKit

/// Boundaries a translator expects, one rule family at a time. Each case lists the segments; the
/// text is the segments joined by a space unless given.
@Suite struct SegmenterRuleTests {
    private func expect(_ language: String, _ expected: [String], text: String? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let input = text ?? expected.joined(separator: " ")
        let actual = try segmentTexts(input, language)
        #expect(actual.map(collapsed) == expected.map(collapsed), sourceLocation: sourceLocation)
    }

    @Test func titlesAndAbbreviationsDoNotEndASentence() throws {
        try expect("en", ["Dr. Karwan Ali met Gen. Sirwan Barzani and Gov. Hawre Saleh in Erbil on Oct. 3."])
        try expect("en", ["Sen. John Smith Jr. of Acme Inc. spoke at St. Joseph's on Tuesday."])
        try expect("en", ["The data included phone numbers for U.S. Sens. Lindsey Graham and Mike Lee."])
        try expect("en", ["The plan, e.g. the new water line, is No. 5 on the list."])
        try expect("en", ["The meeting ended at 3 p.m. Baghdad time on Monday."])
        try expect("en", ["The rally is scheduled for 7 p.m. ET tonight.", "He left at 9 p.m.", "Police said so."])
    }

    @Test func aMonthAbbreviationHoldsADateButEndsASentenceBeforeACapital() throws {
        try expect("en", ["The airport will stay closed until Oct.", "President Joko Widodo visited the city on Sunday."])
        try expect("en", ["Votes are cast on Nov. 6 in every state."])
        try expect("en", ["Jun. is a great month, she said."])
    }

    @Test func closingAbbreviationsEndASentenceBeforeASentenceStart() throws {
        try expect("en", ["Most of the aid came from the U.S.", "The rest came from Europe."])
        try expect("en", ["The U.S. Army left.", "He left at 6 p.m.", "Travelers arrived later."])
        try expect("en", ["He works for the U.N. in Geneva."])
    }

    @Test func initialsStayWithTheName() throws {
        try expect("en", ["J. R. Smith and Alfred E. Sloan visited Duhok."])
        try expect("en", ["We make a good team, you and I.", "Did you see Albert I. Jones?"])
        // A Latin letter in Arabic-script text is a grade or a group before an Arabic word, an initial before a Latin name.
        try expect("ar", ["حصل 72 في المائة من الطلاب على A.", "يبين هذا أن المدارس تدعم اللغات."])
        try expect("ckb", ["ئەم هەڵبژاردنە لە لایەن J. Smith ڕێکخرا."])
        // `و` ("and") is a word, not an initial like `د.`; a text cut after it (a draft, a caption) ends there.
        try expect("ckb", ["ئەوان هاتن و.", "پاشان ڕۆیشتن."])
        try expect("ckb", ["د. ئەحمەد هات."])
        // A Latin initial spelled in Sorani letters (P.), and دکتۆر ("Dr.") written out with the
        // English title's period: the name goes on.
        try expect("ckb", ["پاف دیدی، پی. دیدی دەناسرا."])
        try expect("ckb", ["ئەو سکاڵای دژی دکتۆر. کریستین بلەزی فۆرد کرد.", "ئەو قسەیەی کرد."])
    }

    @Test func acronymsEndSentences() throws {
        try expect("en", ["The project was approved by the KRG.", "It starts in May."])
        try expect("en", ["The talks involved NATO.", "UNICEF sent tents.", "Funding came from UNICEF.", "Work began."])
    }

    @Test func quotationWithAttributionIsOneSegment() throws {
        try expect("en", ["“Where did the money go?” Ahmed asked.", "Nobody answered."])
        try expect("en", ["“We waited. Nobody came,” she said.", "The mayor disagreed."])
        try expect("en", ["“This is great.”", "She held the book out to show him."])
        try expect("en", ["“Are you ready?” CNN reported.", "Rescue teams arrived on Sunday."])
        // A capitalised clause that introduces the next quotation starts a sentence; one that goes on
        // with the same quotation (`"and …`) attributes it.
        try expect("en", ["\"I do not think that is uncommon, do you?\"", "She continued, \"I was greatly helped by a woman.\""])
        try expect("en", ["\"Where did the money go?\" Ahmed asked, \"and who took it?\""])
        try expect("ckb", ["«پارەکە بۆ کوێ چوو؟» ئەحمەد پرسی.", "کەس وەڵامی نەدایەوە."])
        try expect("ar", ["«أين ذهبت الأموال؟» سأل أحمد.", "لم يجب أحد."])
        try expect("kmr", ["“Pere çûn ku derê?” Ahmed pirsî.", "Kesî bersiv neda."])
        try expect("kmr", ["“Hûn amade ne?” CNN rapor kir.", "Kesî bersiv neda."])
    }

    @Test func byTheSentencePolicyCutsAQuotationIntoItsSentences() throws {
        func texts(_ text: String, _ language: String, _ policy: QuotationPolicy) throws -> [String] {
            let segmenter = try Segmenter(language: LanguageTag(language), quotations: policy)
            return segmenter.segments(in: text).map { String($0.text(in: text)) }
        }
        let english = "“We waited. Nobody came,” she said. The mayor disagreed."
        #expect(try texts(english, "en", .whole) == ["“We waited. Nobody came,” she said.", "The mayor disagreed."])
        #expect(try texts(english, "en", .bySentence) == ["“We waited.", "Nobody came,” she said.", "The mayor disagreed."])
        let sorani = "«ئێمە چاوەڕێمان کرد. کەس نەهات» ئەو گوتی."
        #expect(try texts(sorani, "ckb", .bySentence) == ["«ئێمە چاوەڕێمان کرد.", "کەس نەهات» ئەو گوتی."])
        // A pause inside a quotation is not a sentence end, even where no letter case tells.
        let pause = "گوتی: «بەڵێنیان پێدابووین تا هاوین ئاو بگاتە ماڵەکانمان … ئێستا باسی ٢٠٢٦ دەکەن»."
        #expect(try texts(pause, "ckb", .bySentence) == [pause])
        // Brackets stay whole: an editor's insertion is not the writer's sentence.
        let bracket = "He said the plan [the council's plan. Not his.] would fail."
        #expect(try texts(bracket, "en", .bySentence) == [bracket])
    }

    @Test func aSentenceWithASpeechVerbAfterAQuotationIsNotItsAttribution() throws {
        // After a quotation closed by a full stop, an attribution is short; a long clause is the next sentence.
        try expect("en", ["“It was a good day.” Ahmed said.", "Nobody answered."])
        try expect("en", ["“It was a good day.”", "Flake said that his office had issued a statement before the doors closed."])
        try expect("ckb", ["یەکێکی تر وتی، \"ژنان دەسەڵاتیان نیە.\"",
                           "فلیک وتی نووسینگەکەی ئاگاداریەکی دەرکردووە و پێش داخرانی ئەسانسەر زیاتر قسە دەکات."])
        // A question is not an attribution, even when its last verb is one (`دەڵێت`, says).
        try expect("ckb", ["ژنێک وتی، \"من ڕێک لە بەردەمی تۆ وەستاوم.\"", "پێت‌وایە ئەو ڕاستییەکەی بە خەڵک دەڵێت؟"])
    }

    @Test func anAttributionBeforeAQuotationStartsTheNextSegment() throws {
        try expect("ar", ["قال الوزير: «انتهى العمل.»", "وسأل المزارع أحمد: «وماذا نفعل نحن؟»"])
    }

    @Test func ellipsisBeforeANewSentenceEndsOne() throws {
        try expect("en", ["The talks went on and on…", "Then the minister left."])
        try expect("en", ["He waited . . . and waited."])
    }

    @Test func photoCreditIsItsOwnSegmentAfterAFinishedCaption() throws {
        try expect("en", ["Workers lay pipes near Dukan Lake on Tuesday.", "(Photo: Rudaw)"])
        try expect("en", ["Families at the camp (Photo: UNICEF)"])
        try expect("ckb", ["کرێکاران بۆری ئاو ڕادەخەن.", "(وێنە: ڕووداو)"])
        try expect("kmr", ["Karker lûleyên avê datînin.", "(Wêne: Rûdaw)"])
        try expect("ar", ["عمال يمدون أنابيب المياه.", "(صورة: رووداو)"])
    }

    @Test func arabicScriptPunctuationAndAbbreviations() throws {
        try expect("ar", ["قال د. أحمد علي، وزير الزراعة، إن العمل بدأ؛ وسينتهي في عام 2026 م. تقريباً.", "وأضاف أن التمويل متوفر."])
        try expect("ar", ["قدم أ.د. كاوه عزيز تقريره عن آثار القرن الثالث ق.م في أربيل."])
        try expect("ckb", ["د. شیلان ڕەسوڵ، وەزیری کشتوکاڵ، گوتی کارەکە دەستی پێکردووە؛ بەڵام پارە نییە.", "ئایا حکومەت وەڵام دەداتەوە؟", "هێشتا نازانرێت."])
        try expect("fa", ["دکتر احمدی گفت: کار آغاز شد.", "آیا بودجه کافی است؟"])
    }

    @Test func kurmanjiAbbreviations() throws {
        try expect("kmr", ["Dr. Şîlan Resûl û Prof. Kawa Ezîz hatin Hewlêrê.", "Civîn du saetan dom kir."])
        try expect("kmr", ["Kela Hewlêrê ji sala 5000 b.z. ve heye û pir kevn e."])
        try expect("kmr", ["Li kampê av, elektrîk û hwd. kêm in.", "Rêveberî alîkarî xwest."])
        // English titles kept in names copied from English copy.
        try expect("kmr", ["U.S. Rep. Maxine Waters û Sen. Elizabeth Warren roja Şemiyê axivîn.", "Civîn li St. Louis bû."])
        try expect("kmr", ["Rizgarker Kapt. Larry Giles got ku sehmasî hatibû dîtin.", "Gen. Sîrwan Barzanî jî li wir bû."])
        // A month written short holds its date; `ber` is also a word ("front") that ends a sentence.
        try expect("kmr", ["Civîn di 12 Ber. 2018 de li Hewlêrê hat lidarxistin."])
        try expect("kmr", ["Zarok li derî man li ber.", "Dayika wan hat."])
        // English months and the legal `v.` copied from English copy hold their sentence together.
        try expect("kmr", ["Ew piştî navnivîsiya Sept. salekê li Iraqê ma."])
        try expect("kmr", ["Doza Grace v. Sessions li dadgehê ye."])
        // Translators copy the English title's period onto Birêz ("Mr.") and Xanim ("Mrs."): the
        // name goes on. As plain words they end a sentence before a word that starts one.
        try expect("kmr", ["“Alîkarî lazim e,” Xanima. Sumbung got.", "Birêz. Joko Widodo jî hat Paluyê."])
        try expect("kmr", ["Ew mirovekî birêz.", "Ew hat."])
    }

    @Test func kurmanjiSentencesMayStartInLowerCaseAfterAWord() throws {
        // Kurmanji writers and translators often start a sentence in lower case.
        try expect("kmr", ["Şeş kes li Barcelonayê bi polîsan re şer kirin.", "grûpek ji wan hatin girtin."])
        try expect("kmr", ["Pirsgirêk mezin e.", "wî got ku ew ê bersiv bide."])
        // Not after an abbreviation, a date mark, an initial, an exclamation or an omission.
        try expect("kmr", ["Alîkarî xwarin, betanî, derman û hwd. bi kamyonan hat.", "Belavkirin sibê dest pê dike."])
        try expect("kmr", ["Peyman ji pargîdaniya Zagros Build Ltd. re hat dayîn."])
        try expect("kmr", ["Ev mizgeft di sala 1893 p.z. de hatiye avakirin."])
        try expect("kmr", ["Welatiyekî bi navê K. M. ji me re got ku meaşê xwe negirtiye."])
        try expect("kmr", ["Welatiyekî qîriya “Şerm e!” û polîsan ew derxist derve."])
        try expect("kmr", ["Wan li bendê man... û kesek nehat."])
        // English keeps a word in lower case after a full stop in its sentence.
        try expect("en", ["The plant is run by Zagros Build Inc. and its partners."])
    }

    @Test func aKurmanjiConjunctionOrPrepositionEndsNoSentence() throws {
        // A full stop after `ku` ("that"), `û` ("and") or a preposition is a translator's slip.
        try expect("kmr", ["Çîn û Rûsya wiha difikirin ku. Konseya Ewlehiyê divê xelat bide.", "Civîn sibê ye."])
        try expect("kmr", ["Pompeo bi Ri re hevdîtin kir û. Piştre got ku ew ê dîsa bê.", "Ew hat."])
        try expect("kmr", ["Wezaret dest bi. Damezirandina navendê kir.", "Kar dewam dike."])
        try expect("kmr", ["Wan got ku. ew ê bersiv bidin."])
        // `de` closes a circumposition and ends sentences; the rule is Kurmanji's, not English's.
        try expect("kmr", ["Ew di malê de.", "Konseya Ewlehiyê civiya."])
        try expect("en", ["Her name is Ku.", "Konseya is a place."])
    }

    @Test func numbersDoNotEndSentences() throws {
        try expect("en", ["Prices rose 3.5 percent to $1.2 billion on 28.11.2024 at 10.30 local time."])
        try expect("ckb", ["نرخەکان ٣٫٥ لەسەدا بەرز بوونەوە.", "ئەمە هەواڵێکی باش نییە."])
        try expect("en", ["See https://example.org/news.html for details.", "The site opened today."])
    }

    @Test func everyLineBreakEndsASegmentExceptAHardWrap() throws {
        try expect("en", ["Dukan Water Project Delayed", "Read More: Erbil budget talks stall", "The work began."],
                   text: "Dukan Water Project Delayed\n\nRead More: Erbil budget talks stall\nThe work began.")
        try expect("en", ["It was a cold night in the city."], text: "It was a cold \nnight in the city.")
        try expect("en", ["It was cold.", "Night fell."], text: "It was cold. \nNight fell.")
        try expect("ckb", ["ئاو لە دوکانەوە بۆ هەولێر دەگوازرێتەوە."], text: "ئاو لە دوکانەوە \nبۆ هەولێر دەگوازرێتەوە.")
    }

    @Test func listNumbersStayWithTheirItem() throws {
        try expect("en", ["1. Water", "2. Power", "3. Roads"], text: "1. Water\n2. Power\n3. Roads")
        try expect("en", ["1. The first item", "2. The second item"])
        try expect("ar", ["١. المياه", "٢. الكهرباء"], text: "١. المياه\n٢. الكهرباء")
    }

    @Test func otherLanguagesUseICUWithoutLosingText() throws {
        let text = "Das ist gut. Wir trafen Dr. Meyer am 12. Juni. Ende."
        #expect(try segmentTexts(text, "de") == ["Das ist gut.", "Wir trafen Dr. Meyer am 12. Juni.", "Ende."])
        let japanese = "これはペンです。それはマーカーです。"
        #expect(try segmentTexts(japanese, "ja") == ["これはペンです。", "それはマーカーです。"])
        let thai = "สวัสดีครับ ผมชื่อสมชาย"
        let segmenter = try Segmenter(language: LanguageTag("th"))
        #expect(glueViolation(thai, segmenter.segments(in: thai)) == nil)
    }

    @Test func paragraphsAreNumberedByBlankLines() throws {
        let text = "Headline\n\nFirst. Second.\nThird.\n\n\n  Fourth."
        let segmenter = try Segmenter(language: LanguageTag("en"))
        let segments = segmenter.segments(in: text)
        #expect(segments.map(\.paragraph) == [0, 1, 1, 1, 2])
        #expect(segments.map { String($0.text(in: text)) } == ["Headline", "First.", "Second.", "Third.", "Fourth."])
    }

    @Test func emptyAndBlankTextsHaveNoSegments() throws {
        let segmenter = try Segmenter(language: LanguageTag("en"))
        #expect(segmenter.segments(in: "").isEmpty)
        #expect(segmenter.segments(in: " \n\n\t ").isEmpty)
    }
}

/// The news cases written for Werger (`Fixtures/segmentation/news-*.jsonl`, and `heldout-*.jsonl`,
/// written apart from the implementation): every one exact.
@Suite struct NewsFixtureTests {
    static let cases = SegmentationCase.fixtures("news-") + SegmentationCase.fixtures("heldout-")

    @Test func fixturesArePresent() {
        for language in ["en", "ckb", "kmr", "ar"] {
            #expect(Self.cases.filter { $0.lang == language && $0.id.hasPrefix("news") }.count >= 40, "news cases, \(language)")
            #expect(Self.cases.filter { $0.lang == language && $0.id.hasPrefix("heldout") }.count >= 40, "held-out cases, \(language)")
        }
    }

    @Test(arguments: cases)
    func segmentsAsATranslatorExpects(_ testCase: SegmentationCase) throws {
        let actual = try segmentTexts(testCase.text, testCase.lang)
        #expect(actual.map(collapsed) == testCase.sentences.map(collapsed))
    }
}

/// Segments plus the gaps between them give back the input, on every input at hand.
@Suite struct GlueInvariantTests {
    @Test(arguments: SegmentationCase.fixtures(""))
    func holdsOnFixtures(_ testCase: SegmentationCase) throws {
        let segmenter = try Segmenter(language: LanguageTag(testCase.lang))
        #expect(glueViolation(testCase.text, segmenter.segments(in: testCase.text)) == nil)
    }

    @Test(.enabled(if: Shared.exists, "../shared is absent: the public golden cases are checked in CI"))
    func holdsOnThePublicGoldenCases() throws {
        let cases = Shared.goldenCases()
        #expect(cases.count > 400)
        for testCase in cases {
            let segmenter = try Segmenter(language: LanguageTag(testCase.lang))
            #expect(glueViolation(testCase.text, segmenter.segments(in: testCase.text)) == nil, "\(testCase.id)")
        }
    }

    @Test(arguments: [
        "", " ", "\n\n\n", ".", "?!", "…", "(", "«»", "\u{200C}", "a\r\nb\rc\u{2029}d\u{85}e",
        "1. 2. 3. 4.", "(a) (b) (c)", "\"\"\"\"", "Dr. Dr. Dr.", "U.S.A.U.S.A.", "🙂. 🙂! 🙂", "\u{FEFF}Hi. There.",
        String(repeating: "word ", count: 5000), String(repeating: "A. ", count: 2000), String(repeating: "؟", count: 100),
        String(repeating: "(Ab. ", count: 3000), String(repeating: "“Ab. ", count: 3000), String(repeating: "«پ. ", count: 3000),
        String(repeating: "x", count: 5000) + ". Next.",
    ])
    func holdsOnAwkwardInputs(_ text: String) throws {
        for language in ["en", "ckb", "kmr", "ar", "fa", "tr", "de", "ja", "hy"] {
            let segmenter = try Segmenter(language: LanguageTag(language))
            #expect(glueViolation(text, segmenter.segments(in: text)) == nil, "\(language)")
        }
    }
}

/// The shipped sample article segments as its expected-segmentation file says.
@Suite struct SampleArticleTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("memory/samples")

    @Test func englishSampleArticle() throws {
        let article = try String(contentsOf: Self.samples.appendingPathComponent("article-en.txt"), encoding: .utf8)
        let expected = try String(contentsOf: Self.samples.appendingPathComponent("article-en.segments.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(expected.count >= 30)
        #expect(try segmentTexts(article, "en") == expected)
    }
}
