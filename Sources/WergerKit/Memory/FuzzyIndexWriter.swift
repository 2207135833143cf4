import Foundation
import GRDB
import GRDBSQLite

/// Writes the fuzzy index inside an import's transaction: one `fuzzy_shape` row per variant (its
/// word hashes, for exact distance checks without re-reading text) and, per index key, posting
/// lists of unit ids.
///
/// Postings are gathered in memory and written as one chunk per key when the buffer is full and at
/// the end of the import: a million-unit import writes a few chunks per key instead of seventy
/// million rows. A later import adds chunks; a key with many chunks is merged into one.
final class FuzzyIndexWriter {
    fileprivate struct Postings {
        var bytes: [UInt8] = []
        var last: Int64 = 0
        var count: Int32 = 0
    }

    private let db: Database
    private let shape: Statement
    private let posting: Statement
    private var pending: [Int64: Postings] = [:]
    private var pendingBytes = 0
    private var touched = Set<Int64>()
    private var nextChunk: Int64

    /// Buffer size before a chunk is written (bounds an import's memory).
    static let flushBytes = 48 << 20
    /// A key with more chunks than this is merged at the end of an import.
    static let maximumChunks = 16

    init(_ db: Database) throws {
        self.db = db
        shape = try db.cachedStatement(sql: "INSERT INTO fuzzy_shape (unit, position, language, words) VALUES (?, ?, ?, ?)")
        posting = try db.cachedStatement(sql: "INSERT INTO fuzzy_posting (feature, chunk, count, units) VALUES (?, ?, ?, ?)")
        nextChunk = (try Int64.fetchOne(db, sql: "SELECT MAX(chunk) FROM fuzzy_posting") ?? 0) + 1
    }

    /// Indexes the variant at `position` of unit `unit`.
    func add(unit: Int64, position: Int, language: String, words: [UInt64], features: [Int64]) throws {
        let s = shape.sqliteStatement
        sqlite3_bind_int64(s, 1, unit)
        sqlite3_bind_int64(s, 2, Int64(position))
        _ = sqlite3_bind_text(s, 3, language, -1, sqliteTransient)
        // 32 bits of each word hash: a collision can only make a distance look smaller, so it
        // costs an extra exact check, never a missed match.
        var packed = [UInt32](repeating: 0, count: words.count)
        for i in words.indices { packed[i] = UInt32(truncatingIfNeeded: words[i] ^ (words[i] >> 32)) }
        packed.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(s, 4, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), sqliteTransient)
        }
        try step(s)
        for feature in features {
            pending[feature, default: Postings()].append(unit, bytes: &pendingBytes)
        }
        if pendingBytes >= Self.flushBytes { try flush() }
    }

    /// Recomputes every variant's matching form and indexes it (a migration: the memory was made
    /// before the fuzzy index, or before the folds changed).
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM fuzzy_shape; DELETE FROM fuzzy_posting")
        let index = try FuzzyIndexWriter(db)
        let tokenizer = MatchTokenizer()
        let update = try db.makeStatement(sql: "UPDATE variant SET matching = ? WHERE unit = ? AND position = ?")
        let rows = try Row.fetchCursor(db, sql: "SELECT unit, position, language, text FROM variant ORDER BY unit, position")
        while let row = try rows.next() {
            let unit: Int64 = row[0], position: Int = row[1], identifier: String = row[2], text: String = row[3]
            let language = MatchingLanguage.of(identifier)
            let tokens = tokenizer.tokens(of: text, language: language)
            let words = tokens.words
            let seed = MatchFeatures.seed(language: language.key)
            try update.execute(arguments: [String(decoding: tokens.form, as: UTF16.self), unit, position])
            try index.add(unit: unit, position: position, language: language.key, words: words,
                          features: MatchFeatures.words(words, seed: seed) + MatchFeatures.pairs(words, seed: seed))
        }
        try index.finish()
    }

    /// Writes what is buffered, then merges keys that have gathered too many chunks.
    func finish() throws {
        try flush()
        let count = try db.cachedStatement(sql: "SELECT COUNT(*) FROM fuzzy_posting WHERE feature = ?")
        for feature in touched {
            let chunks = try Int.fetchOne(count, arguments: [feature]) ?? 0
            if chunks > Self.maximumChunks { try merge(feature) }
        }
        touched.removeAll()
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        let p = posting.sqliteStatement
        for (feature, postings) in pending {
            sqlite3_bind_int64(p, 1, feature)
            sqlite3_bind_int64(p, 2, nextChunk)
            sqlite3_bind_int64(p, 3, Int64(postings.count))
            postings.bytes.withUnsafeBytes { raw in
                _ = sqlite3_bind_blob(p, 4, raw.baseAddress, Int32(raw.count), sqliteTransient)
            }
            try step(p)
            touched.insert(feature)
        }
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
        nextChunk += 1
    }

    /// Rewrites a key's chunks as one sorted list.
    private func merge(_ feature: Int64) throws {
        var units: [Int64] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT units FROM fuzzy_posting WHERE feature = ?", arguments: [feature])
        while let row = try rows.next() {
            let data: [UInt8] = (row[0] as Data?).map { Array($0) } ?? []
            PostingList.decode(data) { units.append($0) }
        }
        units.sort()
        var merged = Postings()
        var ignored = 0
        for unit in units where merged.count == 0 || unit != merged.last { merged.append(unit, bytes: &ignored) }
        try db.execute(sql: "DELETE FROM fuzzy_posting WHERE feature = ?", arguments: [feature])
        let p = posting.sqliteStatement
        sqlite3_bind_int64(p, 1, feature)
        sqlite3_bind_int64(p, 2, nextChunk)
        sqlite3_bind_int64(p, 3, Int64(merged.count))
        merged.bytes.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(p, 4, raw.baseAddress, Int32(raw.count), sqliteTransient)
        }
        try step(p)
    }

    private func step(_ statement: OpaquePointer) throws { try runStatement(statement, in: db) }
}

private extension FuzzyIndexWriter.Postings {
    /// Appends a unit id (ascending within a chunk) as a delta varint; a unit listed twice for one
    /// key (two variants in one language) is listed once.
    mutating func append(_ unit: Int64, bytes total: inout Int) {
        if count > 0 && unit == last { return }
        var delta = UInt64(unit - last)
        while delta >= 0x80 {
            bytes.append(UInt8(delta & 0x7F) | 0x80)
            delta >>= 7
            total += 1
        }
        bytes.append(UInt8(delta))
        total += 1
        last = unit
        count += 1
    }
}

/// The on-disk form of a posting list: ascending unit ids as delta varints.
enum PostingList {
    static func decode(_ bytes: [UInt8], _ body: (Int64) -> Void) {
        bytes.withUnsafeBufferPointer { decode($0, body) }
    }

    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int64) -> Void) {
        var value: Int64 = 0
        var i = 0
        let n = bytes.count
        while i < n {
            var delta: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                let b = bytes[i]
                i += 1
                delta |= UInt64(b & 0x7F) << shift
                if b < 0x80 { break }
                shift += 7
            }
            value += Int64(delta)
            body(value)
        }
    }
}
