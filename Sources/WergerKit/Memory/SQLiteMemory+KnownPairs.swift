import GRDB

extension SQLiteMemory {
    /// The memory as an anchor source for the aligner: sentence pairs it holds in `source` and
    /// `target` (compared in matching form).
    public func knownPairs(from source: LanguageTag, to target: LanguageTag) -> KnownPairSource {
        MemoryKnownPairs(path: location.database.path, source: source.identifier, target: target.identifier)
    }
}

/// Looks source segments up by `variant(language, matching)` — the lookup an index on those two
/// columns serves — and joins the unit's target variant through the primary key.
struct MemoryKnownPairs: KnownPairSource {
    let path: String
    let source: String
    let target: String

    func knownTargets(forSources sources: [String]) throws -> [String: Set<String>] {
        guard !sources.isEmpty else { return [:] }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(120)
        var found: [String: Set<String>] = [:]
        do {
            // A connection of its own, read-only, for the length of the lookup.
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in
                // SQLite allows 32766 parameters; batches of 500 keep each statement small.
                var offset = 0
                while offset < sources.count {
                    let batch = Array(sources[offset..<min(offset + 500, sources.count)])
                    offset += batch.count
                    let marks = Array(repeating: "?", count: batch.count).joined(separator: ",")
                    let sql = """
                        SELECT s.matching, t.matching FROM variant s
                        JOIN variant t ON t.unit = s.unit AND t.language = ?
                        WHERE s.language = ? AND s.matching IN (\(marks))
                        """
                    let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments([target, source] + batch))
                    while let row = try rows.next() {
                        let from: String = row[0], to: String = row[1]
                        found[from, default: []].insert(to)
                    }
                }
            }
        } catch {
            throw SQLiteMemory.translate(error, path: path)
        }
        return found
    }
}
