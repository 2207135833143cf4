import Foundation

/// A bilingual glossary: terms whose translation the user knows (names, institutions), each an
/// extra anchor. A segment pair where one side holds a term and the other its translation is
/// likelier to be a bead.
public struct Glossary: Sendable, Equatable {
    /// Terms in matching form (`MatchingForm.of`), so case and letter variants do not matter.
    public var entries: [(source: String, target: String)] { zip(sources, targets).map { ($0, $1) } }
    let sources: [String]
    let targets: [String]

    public init(entries: [(source: String, target: String)]) {
        let kept = entries.map { (MatchingForm.of($0.source), MatchingForm.of($0.target)) }.filter { !$0.0.isEmpty && !$0.1.isEmpty }
        sources = kept.map(\.0)
        targets = kept.map(\.1)
    }

    public static func == (a: Glossary, b: Glossary) -> Bool { a.sources == b.sources && a.targets == b.targets }

    /// Reads a TSV glossary: `source<TAB>target` per line; a first line of two language tags
    /// (`en<TAB>ckb`) is a header and skipped; `#` starts a comment line. `name` is shown in errors.
    /// With the alignment's languages, a header of the pair the other way round (`ckb<TAB>en`) swaps
    /// the columns, and one of another pair is refused: its terms would anchor nothing, or the wrong thing.
    public static func parse(_ text: String, name: String, from: LanguageTag? = nil, to: LanguageTag? = nil) throws(GlossaryError) -> Glossary {
        var entries: [(source: String, target: String)] = []
        var swapped = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw GlossaryError(file: name, line: index + 1)
            }
            if index == 0, fields[0].count <= 8, fields[1].count <= 8,
               let first = try? LanguageTag(fields[0]), let second = try? LanguageTag(fields[1]) {
                if let from, let to {
                    let header = [first.ruleLanguage, second.ruleLanguage], pair = [from.ruleLanguage, to.ruleLanguage]
                    if header == pair.reversed() { swapped = true } else if header != pair {
                        throw GlossaryError(file: name, line: 1, problem: "a glossary of \(first.identifier)→\(second.identifier), "
                                            + "not \(from.identifier)→\(to.identifier); pass one of the languages you align")
                    }
                }
                continue
            }
            entries.append(swapped ? (fields[1], fields[0]) : (fields[0], fields[1]))
        }
        return Glossary(entries: entries)
    }

    /// The indexes of the entries whose source (or target) term occurs in `matchingForm` (`occurs`).
    func terms(in matchingForm: String, side: KeyPath<Glossary, [String]>) -> [Int] {
        var found: [Int] = []
        for (index, term) in self[keyPath: side].enumerated() where Self.occurs(term, in: matchingForm) { found.append(index) }
        return found
    }

    /// Whether `term` occurs in `text` as a word, not inside another: a glossary's `UN` is not in
    /// `under`, nor `EU` in `museum`, which as substrings made every such sentence an anchor. A word
    /// may carry an Arabic-script clitic before the term (`والأمم المتحدة` for `الأمم المتحدة`), and
    /// after a term of four letters or more an ending (Kurmanji `Hewlêrê`, Sorani `هەولێرەوە`); after a
    /// shorter one, no letter (`UN` is not in `UNICEF`).
    static func occurs(_ term: String, in text: String) -> Bool {
        var from = text.startIndex
        while let range = text.range(of: term, range: from..<text.endIndex) {
            let ends = term.count >= 4 || range.upperBound == text.endIndex || !text[range.upperBound].isLetter
            if ends, startsWord(at: range.lowerBound, in: text) { return true }
            from = text.index(after: range.lowerBound)
        }
        return false
    }

    private static func startsWord(at start: String.Index, in text: String) -> Bool {
        var prefix = ""
        var k = start
        while k > text.startIndex {
            let before = text.index(before: k)
            guard text[before].isLetter else { break }
            prefix.insert(text[before], at: prefix.startIndex)
            if prefix.count > 3 { return false }
            k = before
        }
        return prefix.isEmpty || arabicClitics.contains(prefix)
    }

    /// Conjunctions, prepositions and the article written onto an Arabic-script word, as the
    /// matching form spells them (`ك` is `ک` there).
    private static let arabicClitics: Set<String> = ["و", "ب", "ل", "ک", "ف", "ال", "وال", "بال", "فال", "کال", "لل", "ولل", "وب", "ول", "وک"]
}

/// A glossary line that is not `source<TAB>target`, or a header of another language pair.
public struct GlossaryError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public var problem = "expected a source term, a tab and a target term"
    public var description: String { "\(file): line \(line): \(problem)" }
}
