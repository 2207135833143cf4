import Foundation
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
    private let text: Statement
    public let maximumUnit: Int64

    init(_ db: Database) throws {
        self.db = db
        count = try db.makeStatement(sql: "SELECT COALESCE(SUM(count), 0) FROM fuzzy_posting WHERE feature = ?")
        postings = try db.makeStatement(sql: "SELECT units FROM fuzzy_posting WHERE feature = ?")
        shapes = try db.makeStatement(sql: "SELECT position, language, words FROM fuzzy_shape WHERE unit = ?")
        text = try db.makeStatement(sql: "SELECT text, markup IS NOT NULL FROM variant WHERE unit = ? AND position = ?")
        maximumUnit = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM unit") ?? 0
    }

    public func postingCount(_ feature: Int64) throws -> Int {
        let s = count.sqliteStatement
        defer { sqlite3_reset(s) }
        sqlite3_bind_int64(s, 1, feature)
        guard try step(s) else { return 0 }
        return Int(sqlite3_column_int64(s, 0))
    }

    public func forEachPosting(_ feature: Int64, _ body: (Int64) -> Void) throws {
        let s = postings.sqliteStatement
        defer { sqlite3_reset(s) }
        sqlite3_bind_int64(s, 1, feature)
        while try step(s) {
            let length = Int(sqlite3_column_bytes(s, 0))
            guard length > 0, let base = sqlite3_column_blob(s, 0) else { continue }
            PostingList.decode(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: length), body)
        }
    }

    public func shapes(of unit: Int64) throws -> [VariantShape] {
        let s = shapes.sqliteStatement
        defer { sqlite3_reset(s) }
        sqlite3_bind_int64(s, 1, unit)
        var result: [VariantShape] = []
        while try step(s) {
            let position = Int(sqlite3_column_int64(s, 0))
            let language = String(cString: sqlite3_column_text(s, 1))
            let length = Int(sqlite3_column_bytes(s, 2)) / 4
            var words = [UInt32](repeating: 0, count: length)
            if length > 0, let base = sqlite3_column_blob(s, 2) {
                words.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(start: base, count: length * 4)) }
            }
            result.append(VariantShape(position: position, language: language, words: words))
        }
        return result
    }

    public func variantText(unit: Int64, position: Int) throws -> (text: String, hasTags: Bool)? {
        let s = text.sqliteStatement
        defer { sqlite3_reset(s) }
        sqlite3_bind_int64(s, 1, unit)
        sqlite3_bind_int64(s, 2, Int64(position))
        guard try step(s) else { return nil }
        return (String(cString: sqlite3_column_text(s, 0)), sqlite3_column_int(s, 1) != 0)
    }

    public func unit(_ id: Int64) throws -> TranslationUnit? {
        var found: TranslationUnit?
        try UnitReader(db, languages: nil, only: id).forEach { found = $0 }
        return found
    }

    /// Every indexed variant in `language`, in unit order (for brute-force checks of the index).
    public func forEachShape(language: String, _ body: (Int64, VariantShape) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT unit, position, words FROM fuzzy_shape WHERE language = ? ORDER BY unit",
                                       arguments: [language])
        while let row = try rows.next() {
            let blob = [UInt8]((row[2] as Data?) ?? Data())
            let length = blob.count / 4
            var words = [UInt32](repeating: 0, count: length)
            blob.withUnsafeBytes { source in
                words.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: source.prefix(length * 4))) }
            }
            try body(row[0], VariantShape(position: row[1], language: language, words: words))
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
