import GRDB

extension SQLiteMemory {
    /// Up to `limit` of the most recently stored sentence pairs in `source` and `target` (their texts
    /// as written): what the aligner learns a lexicon from when it aligns with this memory. Only the
    /// newest `4 × limit` units are read, so a large memory costs no more than a small one; languages
    /// are compared as matching languages (`ckb` and `ku-Arab` together).
    public func sentencePairs(from source: LanguageTag, to target: LanguageTag, limit: Int) throws -> [(source: String, target: String)] {
        let sourceKey = MatchingLanguage(source).key, targetKey = MatchingLanguage(target).key
        guard sourceKey != targetKey, limit > 0 else { return [] }
        do {
            return try pool.read { db in
                let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM unit") ?? 0
                let rows = try Row.fetchCursor(db, sql: "SELECT unit, language, text FROM variant WHERE unit > ? ORDER BY unit DESC",
                                               arguments: [newest - Int64(limit) * 4])
                var keys: [String: String] = [:]  // stored tag → matching-language key
                var pairs: [(source: String, target: String)] = []
                var unit: Int64 = -1
                var sourceText: String?, targetText: String?
                func take() {
                    if let sourceText, let targetText { pairs.append((sourceText, targetText)) }
                }
                while let row = try rows.next(), pairs.count < limit {
                    let id: Int64 = row[0]
                    if id != unit {
                        take()
                        unit = id
                        sourceText = nil
                        targetText = nil
                    }
                    let tag: String = row[1]
                    let key = keys[tag] ?? { let key = (try? LanguageTag(tag)).map { MatchingLanguage($0).key } ?? tag; keys[tag] = key; return key }()
                    if key == sourceKey, sourceText == nil { sourceText = row[2] }
                    else if key == targetKey, targetText == nil { targetText = row[2] }
                }
                if pairs.count < limit { take() }
                return pairs
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: location.database.path)
        }
    }
}
