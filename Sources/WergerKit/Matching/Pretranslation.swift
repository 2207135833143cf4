/// An article's segments, each with its best match (or none), in article order: what `werger
/// translate` shows and what the leverage report counts.
public struct PretranslatedSegment: Sendable {
    public let index: Int
    public let paragraph: Int
    public let source: String
    public let match: Match?
}

public enum Pretranslation {
    /// Segments `text` and looks every segment up, with its neighbours as context.
    public static func run(_ text: String, segmenter: Segmenter, matcher: Matcher, threshold: Int) throws -> [PretranslatedSegment] {
        let segments = segmenter.segments(in: text).map { (String($0.text(in: text)), $0.paragraph) }
        var result: [PretranslatedSegment] = []
        result.reserveCapacity(segments.count)
        for (i, segment) in segments.enumerated() {
            let query = MatchQuery(segment.0, previous: i > 0 ? segments[i - 1].0 : nil,
                                   next: i + 1 < segments.count ? segments[i + 1].0 : nil)
            let match = try matcher.lookup(query, threshold: threshold, limit: 1).first
            result.append(PretranslatedSegment(index: i, paragraph: segment.1, source: segment.0, match: match))
        }
        return result
    }
}

/// The leverage report: segments, words and characters per match band, repetitions inside the
/// article counted apart (a translator translates a repeated segment once).
public struct LeverageReport: Sendable {
    public enum Band: String, CaseIterable, Sendable {
        case inContext = "in-context"
        case exact = "100"
        case high = "95-99"
        case good = "85-94"
        case fair = "75-84"
        case low = "50-74"
        case noMatch = "no-match"

        public static func of(_ match: Match?) -> Band {
            guard let match else { return .noMatch }
            if match.kind == .inContext { return .inContext }
            switch match.quality {
            case 100: return .exact
            case 95...99: return .high
            case 85...94: return .good
            case 75...84: return .fair
            case 50...74: return .low
            default: return .noMatch
            }
        }
    }

    public struct Counts: Sendable, Equatable {
        public var segments = 0
        public var words = 0
        public var characters = 0

        mutating func add(words: Int, characters: Int) {
            segments += 1
            self.words += words
            self.characters += characters
        }
    }

    public private(set) var bands: [Band: Counts] = [:]
    /// Second and later occurrences of a segment in the article (same matching form).
    public private(set) var repetitions = Counts()
    public private(set) var total = Counts()

    /// Counts `segments`; words are ICU word tokens (numbers included), characters are Unicode
    /// scalars without white space.
    public init(_ segments: [PretranslatedSegment], language: LanguageTag) {
        let tokenizer = MatchTokenizer()
        let matching = MatchingLanguage(language)
        var seen = Set<String>()
        for band in Band.allCases { bands[band] = Counts() }
        for segment in segments {
            let tokens = tokenizer.tokens(of: segment.source, language: matching)
            let words = tokens.tokens.filter { $0.kind != .punctuation }.count
            let characters = segment.source.unicodeScalars.filter { !$0.properties.isWhitespace }.count
            total.add(words: words, characters: characters)
            let form = String(decoding: tokens.form, as: UTF16.self)
            if !seen.insert(form).inserted {
                repetitions.add(words: words, characters: characters)
                continue
            }
            bands[Band.of(segment.match), default: Counts()].add(words: words, characters: characters)
        }
    }
}
