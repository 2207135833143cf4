/// The shape of a bead: how many source and target segments it groups.
public enum BeadKind: String, Sendable, CaseIterable, Hashable {
    case oneToOne = "1-1"
    case oneToZero = "1-0"
    case zeroToOne = "0-1"
    case oneToTwo = "1-2"
    case twoToOne = "2-1"
    case twoToTwo = "2-2"
    /// One sentence against three: over-split by a segmenter, or cut twice by the translator.
    case oneToThree = "1-3"
    case threeToOne = "3-1"
    /// One sentence against four: a long sentence a translator cut into four.
    case oneToFour = "1-4"
    case fourToOne = "4-1"

    public init?(source: Int, target: Int) {
        switch (source, target) {
        case (1, 1): self = .oneToOne
        case (1, 0): self = .oneToZero
        case (0, 1): self = .zeroToOne
        case (1, 2): self = .oneToTwo
        case (2, 1): self = .twoToOne
        case (2, 2): self = .twoToTwo
        case (1, 3): self = .oneToThree
        case (3, 1): self = .threeToOne
        case (1, 4): self = .oneToFour
        case (4, 1): self = .fourToOne
        default: return nil
        }
    }

    public var sourceCount: Int {
        switch self {
        case .zeroToOne: 0
        case .twoToOne, .twoToTwo: 2
        case .threeToOne: 3
        case .fourToOne: 4
        default: 1
        }
    }

    public var targetCount: Int {
        switch self {
        case .oneToZero: 0
        case .oneToTwo, .twoToTwo: 2
        case .oneToThree: 3
        case .oneToFour: 4
        default: 1
        }
    }

    /// A null bead: a sentence the translator dropped (1-0) or added (0-1).
    public var isNull: Bool { self == .oneToZero || self == .zeroToOne }
}

/// An aligned group of segments: source segments `source` are translated by target segments `target`
/// (indexes into the two documents' segments). Beads come in document order and cover every segment
/// of both sides exactly once.
public struct Bead: Hashable, Sendable {
    public var source: Range<Int>
    public var target: Range<Int>
    /// How sure the aligner is of this bead, 0–1 (see docs/alignment.md).
    public var confidence: Double

    public init(source: Range<Int>, target: Range<Int>, confidence: Double) {
        self.source = source
        self.target = target
        self.confidence = confidence
    }

    public var kind: BeadKind { BeadKind(source: source.count, target: target.count)! }
}
