import Synchronization

/// What matching needs to know about a variant's language: which texts are compared with each
/// other (`key`: `en-GB` and `en-US` are both `en`; `ckb` and `ku-Arab` are both Sorani), which
/// locale-dependent folds apply, and the ICU locale for word boundaries.
public struct MatchingLanguage: Hashable, Sendable {
    /// The language whose texts are compared with each other: LanguageTag's `ruleLanguage`.
    public let key: String
    /// The ICU locale for word boundaries.
    public let locale: String
    /// "tr" for Turkish and Azerbaijani (dotted and dotless i), else nil.
    public let caseLocale: String?
    /// Sorani text may use the legacy `ه` + ZWNJ spelling for `ە`.
    public let soraniLegacySpelling: Bool

    public init(_ tag: LanguageTag) {
        key = tag.ruleLanguage
        locale = tag.icuLocale
        caseLocale = (tag.language == "tr" || tag.language == "az") ? "tr" : nil
        soraniLegacySpelling = key == "ckb"
    }

    /// A stored variant's language, as written in the memory. Tags are checked on the way in;
    /// should one not parse, its primary subtag still keeps its texts together.
    public static func of(_ identifier: String) -> MatchingLanguage {
        if let known = cache.withLock({ $0[identifier] }) { return known }
        let language: MatchingLanguage
        if let tag = try? LanguageTag(identifier) {
            language = MatchingLanguage(tag)
        } else {
            let primary = String(identifier.lowercased().split(separator: "-").first ?? "")
            language = MatchingLanguage(key: primary, locale: primary)
        }
        cache.withLock { $0[identifier] = language }
        return language
    }

    /// No language: the folds every language shares (no Turkish casing, no legacy Sorani spelling),
    /// for texts compared only with each other, such as glossary terms.
    public static let neutral = MatchingLanguage(key: "", locale: "")

    private init(key: String, locale: String) {
        self.key = key
        self.locale = locale
        caseLocale = nil
        soraniLegacySpelling = false
    }

    private static let cache = Mutex<[String: MatchingLanguage]>([:])
}
