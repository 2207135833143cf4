import GRDB
import GRDBSQLite

extension SQLiteMemory {
    /// Runs `body` with the memory's fuzzy index and units, in one read transaction: every lookup
    /// of an article sees the same memory. Nothing is loaded up front; the index stays on disk.
    public func withIndex<T>(_ body: (MemoryIndexReader) throws -> T) throws -> T {
        do {
            return try pool.read { db in try body(try MemoryIndexReader(db)) }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: location.database.path)
        }
    }
}

/// The fuzzy index and the units of an open SQLite memory, valid inside `withIndex`.
public final class MemoryIndexReader: FuzzyIndexReading, UnitSource {
    private let db: Database
    private let count: Statement
    private let postings: Statement
    private let shapes: Statement
    public let maximumUnit: Int64

    init(_ db: Database) throws {
        self.db = db
        count = try db.makeStatement(sql: "SELECT COALESCE(SUM(count), 0) FROM fuzzy_posting WHERE feature = ?")
        postings = try db.makeStatement(sql: "SELECT units FROM fuzzy_posting WHERE feature = ?")
        shapes = try db.makeStatement(sql: "SELECT position, language, words, text, markup IS NOT NULL FROM variant WHERE unit = ?")
        maximumUnit = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM unit") ?? 0
    }

    public func postingCount(_ feature: Int64) throws -> Int {
        let s = count.sqliteStatement
        defer { sqlite3_reset(s) }
        sqlite3_bind_int64(s, 1, feature)
        guard try step(s) else { return 0 }
        return Int(sqlite3_column_int64(s, 0))
    }

    public func forEachPostingBlock(_ feature: Int64, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let s = postings.sqliteStatement
        defer { sqlite3_reset(s) }
        sqlite3_bind_int64(s, 1, feature)
        while try step(s) {
            let length = Int(sqlite3_column_bytes(s, 0))
            guard length > 0, let base = sqlite3_column_blob(s, 0) else { continue }
            try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: length))
        }
    }

    public func shapes(of unit: Int64) throws -> [VariantShape] {
        let s = shapes.sqliteStatement
        defer { sqlite3_reset(s) }
        sqlite3_bind_int64(s, 1, unit)
        var result: [VariantShape] = []
        while try step(s) { result.append(Self.shape(s, column: 0)) }
        return result
    }

    /// A shape from columns position, language, words, text, has-tags starting at `column`.
    private static func shape(_ s: OpaquePointer, column c: Int32) -> VariantShape {
        let length = Int(sqlite3_column_bytes(s, c + 2)) / 2
        var words = [UInt16](repeating: 0, count: length)
        if length > 0, let base = sqlite3_column_blob(s, c + 2) {
            let bytes = base.assumingMemoryBound(to: UInt8.self)
            for i in 0..<length { words[i] = UInt16(bytes[2 * i]) | UInt16(bytes[2 * i + 1]) << 8 }
        }
        return VariantShape(position: Int(sqlite3_column_int64(s, c)),
                            language: MatchingLanguage.of(String(cString: sqlite3_column_text(s, c + 1))).key,
                            words: words, text: String(cString: sqlite3_column_text(s, c + 3)),
                            hasTags: sqlite3_column_int(s, c + 4) != 0)
    }

    public func unit(_ id: Int64) throws -> TranslationUnit? {
        var found: TranslationUnit?
        try UnitReader(db, languages: nil, only: id).forEach { found = $0 }
        return found
    }

    /// Every variant in `language` (a matching key), in unit order: the brute-force reference
    /// the index is checked against.
    public func forEachShape(language: String, _ body: (Int64, VariantShape) throws -> Void) throws {
        let statement = try db.makeStatement(sql: """
            SELECT unit, position, language, words, text, markup IS NOT NULL FROM variant ORDER BY unit, position
            """)
        let s = statement.sqliteStatement
        defer { sqlite3_reset(s) }
        while try step(s) {
            let tag = String(cString: sqlite3_column_text(s, 2))
            guard MatchingLanguage.of(tag).key == language else { continue }
            try body(sqlite3_column_int64(s, 0), Self.shape(s, column: 1))
        }
    }

    /// The languages of the stored variants, as matching languages (for a search in all of them).
    public func languages() throws -> [MatchingLanguage] {
        let tags = try String.fetchAll(db, sql: "SELECT DISTINCT language FROM variant")
        var seen = Set<String>()
        return tags.map(MatchingLanguage.of).filter { seen.insert($0.key).inserted }
    }

    private func step(_ s: OpaquePointer) throws -> Bool {
        let code = sqlite3_step(s)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
}
