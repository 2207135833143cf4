/// Why a document pair cannot be aligned. Messages name the files and say what to check.
public enum AlignmentError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A side with no text at all (an empty file, only white space).
    case empty(document: String)
    /// One side is many times longer than the other: not an article and its translation.
    case lengthMismatch(source: String, target: String, ratio: Double)
    /// A document whose letters are mostly in another script than its language's, or an Arabic
    /// document given as Sorani, or a Sorani one as Arabic (`LanguageContradiction`): the wrong file,
    /// or the wrong `--from`/`--to`.
    case wrongLanguage(document: String, LanguageContradiction)

    public var description: String {
        switch self {
        case .empty(let document):
            return "\(document): no text to align; check that it is the right file"
        case .lengthMismatch(let source, let target, let ratio):
            let (long, short, factor) = ratio >= 1 ? (target, source, ratio) : (source, target, 1 / ratio)
            let shown = (factor * 10).rounded() / 10
            return "\(long) is \(shown) times as long as \(short); they are not one article and its translation"
        case .wrongLanguage(let document, let contradiction):
            let check = "check --from and --to, and the order of the two files"
            let language = contradiction.language
            switch contradiction.evidence {
            case .script(let found, let share, let expected, _):
                return "\(document): \(Int((share * 100).rounded()))% of its letters are \(ScriptCensus.name(of: found)) script, but \(language) is "
                    + "written in \(ScriptCensus.names(ofLettersIn: expected)) script; \(check)"
            case .alphabet(let readsAs, let share):
                let percent = "\(Int((share * 100).rounded()))%"
                let evidence = readsAs == "ar"
                    ? "it reads as Arabic: almost none of Sorani's letters ە ێ ۆ ڵ ڕ, and \(percent) of its letters are Arabic's أ إ ؤ"
                    : "it reads as Sorani: \(percent) of its letters are Sorani's ە ێ ۆ ڵ ڕ, which Arabic does not write"
                return "\(document): given as \(language), but \(evidence); \(check)"
            }
        }
    }
}
