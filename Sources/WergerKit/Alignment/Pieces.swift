/// A piece of a segment: the aligner's unit. Most segments are one piece; a segment with a *soft
/// boundary* — a sentence mark followed by a space where the segmenter chose not to cut (an
/// abbreviation, a next word in lower case, a pause in a quotation; a whole quotation when the text
/// was cut with `QuotationPolicy.whole`) — is several, and the aligner
/// cuts there only when the other side's sentences show a cut belongs there. Segmentation mistakes
/// on either side then cost one link at most instead of two.
struct Piece {
    /// The piece's place in the document, in UTF-16 code units.
    var range: Range<Int>
    var paragraph: Int
    var text: String
    /// Whether the boundary before this piece is soft (inside a segment); false for a segment's first piece.
    var soft: Bool
    /// What cutting at that soft boundary costs: more where the segmenter was likely right.
    var cutCost: Float
    /// Whether a cut here may earn the both-sides bonus (not after an abbreviation, before a word in
    /// lower case, or between a quoted question and its attribution).
    var pairable: Bool
    /// What holding this piece's segment and the one before as one costs when the boundary between
    /// them is the segmenter's but doubtful (after a likely abbreviation or a fragment of a few
    /// characters, before a word in lower case, after a quoted question in a script without case or
    /// before a short segment); 0 where it is not doubtful and a bead may not hold both.
    var joinCost: Float = 0
    var joinable: Bool { joinCost > 0 }
}

/// How sure the segmenter was not to cut at a soft boundary.
enum SoftBoundaryKind {
    /// After a short word and a full stop (`Gov.`, `J.`, `U.S.`, `د.`): most likely an abbreviation.
    case abbreviation
    /// The next word starts in lower case (Latin script).
    case lowercase
    /// A quoted question or exclamation and what follows (`“Where did the money go?” Ahmed asked.`).
    case attribution
    /// Anything else: an ellipsis, a mark the rules keep, a quotation a `.whole` segmenter kept.
    case other
}

enum PieceCutter {
    static func pieces(of text: SegmentedText, weights: AlignmentWeights) -> [Piece] {
        // Segments given one a line are kept as they are: a piece each, never cut, never joined.
        if text.given {
            return text.segments.enumerated().map { k, segment in
                Piece(range: segment.range, paragraph: segment.paragraph, text: text.texts[k], soft: false, cutCost: 0, pairable: false)
            }
        }
        var pieces: [Piece] = []
        pieces.reserveCapacity(text.segments.count + text.segments.count / 8)
        let arabic = text.language.usesArabicScript
        var previousUnits: [UInt16] = []
        for (k, segment) in text.segments.enumerated() {
            let units = Array(text.units[segment.range])
            var joinCost: Float = 0
            if k > 0 && text.segments[k - 1].paragraph == segment.paragraph {
                if doubtfulBoundary(after: previousUnits, before: units, arabicScript: arabic) {
                    joinCost = weights.join
                } else if endsQuotedQuestion(previousUnits), arabic || units.lazy.filter(isSpace).count < 4 {
                    joinCost = weights.joinQuotation
                }
            }
            previousUnits = units
            let firstPiece = pieces.count
            var start = 0
            var soft = false
            var cost: Float = 0
            var pairable = false
            for (end, next, kind) in softBoundaries(units, arabicScript: arabic, nonFinalWords: text.nonFinalWords) {
                pieces.append(Piece(range: (segment.range.lowerBound + start)..<(segment.range.lowerBound + end),
                                    paragraph: segment.paragraph, text: String(decoding: units[start..<end], as: UTF16.self),
                                    soft: soft, cutCost: cost, pairable: pairable))
                start = next
                soft = true
                pairable = kind == .other
                switch kind {
                case .abbreviation: cost = weights.cutAbbreviation
                case .lowercase: cost = weights.cutLowercase
                case .attribution: cost = weights.cutAttribution
                case .other: cost = weights.cut
                }
            }
            pieces.append(Piece(range: (segment.range.lowerBound + start)..<segment.range.upperBound, paragraph: segment.paragraph,
                                text: start == 0 ? text.texts[k] : String(decoding: units[start...], as: UTF16.self),
                                soft: soft, cutCost: cost, pairable: pairable))
            pieces[firstPiece].joinCost = joinCost
        }
        return pieces
    }

    /// A segmenter boundary worth doubting: the previous segment ends in a likely abbreviation or is
    /// a fragment (`U.S.`, `St.`, `Bû.`), or the next one starts with a Latin lower-case letter.
    static func doubtfulBoundary(after previous: [UInt16], before next: [UInt16], arabicScript: Bool) -> Bool {
        var end = previous.count
        while end > 0, isClosing(previous[end - 1]) { end -= 1 }
        guard end > 0 else { return false }
        let letters = previous[..<end].filter { !isSpace($0) }.count
        if letters <= 5 { return true }
        if previous[end - 1] == 0x2E, isAbbreviation(previous, before: end - 1, arabicScript: arabicScript) { return true }
        if let first = next.first, first >= 0x61 && first <= 0x7A { return true }
        return false
    }

    /// A segment ending in a quoted question or exclamation. After one, in a script without case,
    /// the segmenter cannot tell whether the sentence goes on (`"نوفمبر قادم!" كما تظاهروا` —
    /// English `"November is coming!" as they demonstrated` — against `"ما هذا؟" سألني أحد
    /// المارة.`); in any script a short segment after one may be its attribution with a verb the
    /// rules lack (Kurmanji `"Hûn amade ne?" CNN rapor kir.`). Eight draws, each step on top of the
    /// others: after a quoted one in Arabic script +0.05, a segment of fewer than four spaces after
    /// a quoted one +0.02. (After an unquoted one too, segments of fewer than eight spaces: +0.03,
    /// but a short sentence a translator dropped after a question — `Where did the money go? The
    /// money went to roads.` — is then glued to it instead of left out.)
    static func endsQuotedQuestion(_ previous: [UInt16]) -> Bool {
        var end = previous.count
        while end > 0, isClosing(previous[end - 1]) { end -= 1 }
        guard end > 0, end < previous.count else { return false }
        let mark = previous[end - 1]
        return mark == 0x21 || mark == 0x3F || mark == 0x61F
    }

    /// Soft boundaries in one segment: where the first piece ends, where the next starts, and how
    /// sure the segmenter was.
    static func softBoundaries(_ u: [UInt16], arabicScript: Bool, nonFinalWords: WordSet = WordSet([])) -> [(end: Int, next: Int, kind: SoftBoundaryKind)] {
        var found: [(Int, Int, SoftBoundaryKind)] = []
        let n = u.count
        var p = 0
        while p < n - 2 {
            defer { p += 1 }
            let mark = u[p]
            guard mark == 0x2E || mark == 0x21 || mark == 0x3F || mark == 0x61F || mark == 0x2026 || mark == 0x6D4 else { continue }
            var q = p + 1
            while q < n, isClosing(u[q]) { q += 1 }
            guard q < n, isSpace(u[q]) else { continue }
            var r = q
            while r < n, isSpace(u[r]) { r += 1 }
            guard r < n, isStart(u[r]) else { continue }
            var kind = SoftBoundaryKind.other
            if mark == 0x2E, isAbbreviation(u, before: p, arabicScript: arabicScript) {
                // A title before a name (`Rep. Maxine Waters`, `Dr. Ford`) is no place to cut, and a
                // piece fewer lets a 2-1 bead span a segment with several soft boundaries (a bead
                // holds four pieces a side at most). Eight draws 96.245 → 96.255.
                if isTitle(u, before: p) { p = r - 1; continue }
                kind = .abbreviation
            } else if mark == 0x2E, !nonFinalWords.isEmpty, u.withUnsafeBufferPointer({ text in
                let word = word(u, before: p)
                return nonFinalWords.contains(WordKey(text, word.startIndex..<word.endIndex), in: text)
            }) {
                // A full stop after a word no sentence ends with (Kurmanji `ku.`) is a slip.
                kind = .abbreviation
            } else if mark != 0x2E, q > p + 1 {
                kind = .attribution
            } else if u[r] >= 0x61 && u[r] <= 0x7A || u[r] >= 0xDF && u[r] <= 0xFF || u[r] == 0x15F || u[r] == 0xEA {
                kind = .lowercase
            }
            found.append((q, r, kind))
            p = r - 1
        }
        return found
    }

    private static let spelledInitials: Set<[UInt16]> = Set(
        ["جەی", "ئاڕ", "کەی", "ئێڵ", "ئێم", "ئێن", "ئێس", "ئێف", "ئێچ", "دەبلیو", "ئێکس", "جيه", "آر", "إم", "إس", "إف", "إتش", "دبليو", "إكس", "كيه"]
            .map { Array($0.utf16) })

    private static func isClosing(_ u: UInt16) -> Bool {
        switch u {
        case 0x22, 0x27, 0x29, 0x5D, 0xBB, 0x2019, 0x201D, 0x203A: return true
        default: return false
        }
    }

    /// A capitalised Latin word of two to four letters before the full stop at `p` (`Rep.`, `Dr.`, `Capt.`).
    private static func isTitle(_ u: [UInt16], before p: Int) -> Bool {
        let word = word(u, before: p)
        guard (2...4).contains(word.count), let first = word.first, first >= 0x41 && first <= 0x5A else { return false }
        return word.dropFirst().allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }

    /// The word that ends at `p`: back to a space or an opening mark (`"Dr.` → `Dr`).
    private static func word(_ u: [UInt16], before p: Int) -> ArraySlice<UInt16> {
        var start = p
        while start > 0, !isSpace(u[start - 1]), !isOpening(u[start - 1]) { start -= 1 }
        return u[start..<p]
    }

    /// An opening bracket or quotation mark before a word (`"Dr.`, `(St.`).
    private static func isOpening(_ u: UInt16) -> Bool {
        switch u {
        case 0x22, 0x27, 0x28, 0x5B, 0xAB, 0x2018, 0x201C, 0x2039: return true
        default: return false
        }
    }

    private static func isSpace(_ u: UInt16) -> Bool { u == 0x20 || u == 0xA0 || u == 0x09 || u == 0x202F || u == 0x2009 }

    /// A letter, a digit or an opening mark starts the next sentence.
    private static func isStart(_ u: UInt16) -> Bool {
        switch u {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: return true
        case 0x22, 0x27, 0x28, 0xAB, 0x2018, 0x201C, 0x2039: return true
        case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return u != 0x60C && u != 0x61B && u != 0x61F
        default: return false
        }
    }

    /// A full stop after a short capitalised Latin word (an opening quotation mark before it not
    /// counted: `"Dr.`), a single letter other than Kurmanji's `e` and `û` and Arabic-script `و`, or
    /// a word with inner full stops (`U.S.`); in Arabic script after a single letter (`د.`, `م.`).
    private static func isAbbreviation(_ u: [UInt16], before p: Int, arabicScript: Bool) -> Bool {
        let word = word(u, before: p)
        if word.isEmpty { return false }
        if word.contains(0x2E) { return true }
        let first = word.first!
        if first >= 0x30 && first <= 0x39 { return false }
        let latinUpper = first >= 0x41 && first <= 0x5A
        // A single letter is an initial (`J.`, `د.`) or an abbreviation (`Roe v. Wade`, `p. 4`) —
        // except a word that ends sentences: Kurmanji's copula and conjunction (`… rast e.`, `… û.`).
        if word.count == 1 {
            if first == 0x65 || first == 0x648 { return false }  // Kurmanji `e`, Arabic-script `و` ("and")
            return !(first >= 0xDF && first <= 0x24F && Unicode.Scalar(first).map { $0.properties.isLowercase } ?? false)
        }
        // `Gov.`, `Dr.`, `Capt.`: a capitalised word of up to four letters (eight draws: 96.26 up to
        // three, 96.35 up to four — `Capt.`, `Sens.`, `Prof.`). Not an acronym (`CNN.`, `UN.`,
        // `BBC.`), which ends its sentence like any word.
        if latinUpper && word.count <= 4 && word.dropFirst().contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return true }
        // Latin initials spelled in Arabic letters (جەی. ئاڕ. / جيه. آر.).
        if arabicScript, spelledInitials.contains(Array(word)) { return true }
        return false
    }
}
