import Foundation

/// One meaning in two or more languages, with its provenance: a TMX `<tu>`.
public struct TranslationUnit: Hashable, Sendable {
    /// The unit's id: the TMX `tuid` when it had one, else derived from its content.
    public var id: String?
    public var variants: [Variant]
    /// When and by whom the unit was created and last changed (TMX `creationdate` etc.).
    public var created: Date?
    public var creator: String?
    public var changed: Date?
    public var changer: String?
    /// Where the unit came from: the file it was imported from, "align", "manual".
    public var origin: String
    /// The document the unit's segment belongs to (TMX `<prop type="x-document">`, or the article).
    public var document: String?
    /// The neighbouring source segments, when known (for in-context matches).
    public var previous: String?
    public var next: String?
    public var notes: [String]
    /// TMX `<prop>`s other than those above, in order.
    public var properties: [Property]

    public init(id: String? = nil, variants: [Variant], created: Date? = nil, creator: String? = nil,
                changed: Date? = nil, changer: String? = nil, origin: String, document: String? = nil,
                previous: String? = nil, next: String? = nil, notes: [String] = [], properties: [Property] = []) {
        self.id = id
        self.variants = variants
        self.created = created
        self.creator = creator
        self.changed = changed
        self.changer = changer
        self.origin = origin
        self.document = document
        self.previous = previous
        self.next = next
        self.notes = notes
        self.properties = properties
    }

    /// The first variant whose texts are compared with `language`'s (`ckb` and `ku-Arab`, `en` and
    /// `en-GB`): the variant a match in that language offers.
    public func variant(in language: MatchingLanguage) -> Variant? {
        variants.first { MatchingLanguage.of($0.language).key == language.key }
    }

    /// A content fingerprint: the same variants (languages, texts, inline markup) give the same
    /// fingerprint, whatever the provenance. Importing a file twice adds nothing because of it.
    public var fingerprint: String {
        var hasher = StableHasher()
        for variant in variants.sorted(by: { ($0.language, $0.text) < ($1.language, $1.text) }) {
            hasher.combine(variant.language)
            hasher.combine(variant.text)
            hasher.combine(variant.markup ?? "")
        }
        return hasher.hex
    }
}

/// A translation unit's text in one language: a TMX `<tuv>`.
public struct Variant: Hashable, Sendable {
    /// The canonical BCP 47 tag.
    public var language: String
    /// The text exactly as written, inline codes left out.
    public var text: String
    /// The `<seg>` content as TMX level-2 XML when it holds inline codes (`<bpt>`, `<ph>`, …), so
    /// they are written back unchanged.
    public var markup: String?
    public var created: Date?
    public var creator: String?
    public var changed: Date?
    public var changer: String?

    public init(language: String, text: String, markup: String? = nil, created: Date? = nil, creator: String? = nil,
                changed: Date? = nil, changer: String? = nil) {
        self.language = language
        self.text = text
        self.markup = markup
        self.created = created
        self.creator = creator
        self.changed = changed
        self.changer = changer
    }
}

/// A TMX `<prop type="…">value</prop>`.
public struct Property: Hashable, Sendable {
    public var type: String
    public var value: String
    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }
}

/// A hash that is the same in every process (Swift's `Hasher` is seeded per run): two FNV-1a
/// 64-bit lanes with different offsets, over the UTF-8 bytes with a separator between fields.
struct StableHasher {
    private var a: UInt64 = 0xcbf29ce484222325
    private var b: UInt64 = 0x84222325cbf29ce4

    mutating func combine(_ string: String) {
        for byte in string.utf8 { mix(byte) }
        mix(0xFF)  // never in UTF-8: separates fields
    }

    private mutating func mix(_ byte: UInt8) {
        a = (a ^ UInt64(byte)) &* 0x100000001b3
        b = (b ^ UInt64(byte)) &* 0x100000001b3 &+ 0x9E3779B97F4A7C15
    }

    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for lane in [a, b] {
            for shift in stride(from: 60, through: 0, by: -4) { bytes.append(digits[Int((lane >> UInt64(shift)) & 0xF)]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
