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
            return "\(document): \(contradiction.describe("the file")); check --from and --to, and the order of the two files"
        }
    }
}
