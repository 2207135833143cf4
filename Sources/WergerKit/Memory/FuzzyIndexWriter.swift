import Foundation
import GRDB
import GRDBSQLite

/// Writes the fuzzy index's posting lists (index key → ascending unit ids) inside an import's
/// transaction.
///
/// A million-unit import produces some seventy million postings. Appending each to its own list
/// would cost a cache miss per posting, so postings are gathered as flat (key, unit) pairs, a few
/// million at a time, grouped by a radix sort (sequential passes, stable, so units stay in
/// ascending order), and appended list by list. Lists are written as rows at the end of the import,
/// and whenever together they hold `heldBytes` (which bounds an import's memory); a list past
/// `rowBytes` is written alone at once, which spares most of those full writes. A key that
/// gathers more than `maximumRows` rows over many imports has them merged into one.
final class FuzzyIndexWriter {
    fileprivate struct Postings {
        var bytes: [UInt8] = []
        var last: Int64 = 0
        var count: Int32 = 0
    }

    private let db: Database
    private let insert: Statement
    private var keys: [UInt64] = []
    private var units: [UInt32] = []
    private var lists: [Int64: Postings] = [:]
    private var listedBytes = 0
    private var nextChunk: Int64
    /// Whether the memory had postings before, how often this import wrote all its lists, and the
    /// most rows one list was written in early: only then can a key have gathered many rows.
    private let hadPostings: Bool
    private var flushes = 0
    private var earlyRows: [Int64: Int] = [:]

    /// Pairs gathered before they are grouped into lists.
    static let batch = 1 << 19
    /// A list this large is written as a row at once.
    static let rowBytes = 1 << 20
    /// When the lists held reach this size, all are written (bounds an import's memory; a
    /// million-unit import writes each list in two or three rows).
    static let heldBytes = 64 << 20
    /// A key with more rows than this is merged at the end of an import.
    static let maximumRows = 16

    init(_ db: Database) throws {
        self.db = db
        insert = try db.cachedStatement(sql: "INSERT INTO fuzzy_posting (feature, chunk, count, units) VALUES (?, ?, ?, ?)")
        let last = try Int64.fetchOne(db, sql: "SELECT MAX(chunk) FROM fuzzy_posting")
        nextChunk = (last ?? 0) + 1
        hadPostings = last != nil
        keys.reserveCapacity(Self.batch)
        units.reserveCapacity(Self.batch)
    }

    /// Lists `unit` under each of `features` (the keys of one variant).
    func add(unit: Int64, features: [Int64]) throws {
        // Unit ids are SQLite row ids, counted from 1: 32 bits hold four billion units.
        guard let id = UInt32(exactly: unit) else { throw MemoryError.invalidUnit("the memory holds more units than its index can (2³² − 1)") }
        for feature in features {
            keys.append(UInt64(bitPattern: feature))
            units.append(id)
        }
        if keys.count >= Self.batch { try group() }
    }

    /// Writes every list, then merges keys that have gathered too many rows.
    func finish() throws {
        try group()
        try writeLists()
        if hadPostings {
            let count = try db.cachedStatement(sql: "SELECT COUNT(*) FROM fuzzy_posting WHERE feature = ?")
            for feature in written where try Int.fetchOne(count, arguments: [feature]) ?? 0 > Self.maximumRows {
                try merge(feature)
            }
        } else if flushes + (earlyRows.values.max() ?? 0) > Self.maximumRows {
            // A very large first import: find the keys with many rows in the index itself.
            let many = try Int64.fetchAll(db, sql: "SELECT feature FROM fuzzy_posting GROUP BY feature HAVING COUNT(*) > ?",
                                          arguments: [Self.maximumRows])
            for feature in many { try merge(feature) }
        }
    }

    /// Sorts the gathered pairs by key (LSD radix on the low 24 bits in two passes, then a stable
    /// fix-up where different keys share them) and appends each key's units to its list.
    private func group() throws {
        let n = keys.count
        guard n > 0 else { return }
        var k = keys, u = units
        var k2 = [UInt64](repeating: 0, count: n), u2 = [UInt32](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 4097)
        for shift: UInt64 in [0, 12] {
            for i in counts.indices { counts[i] = 0 }
            for key in k { counts[Int((key >> shift) & 0xFFF) + 1] += 1 }
            for i in 1...4096 { counts[i] += counts[i - 1] }
            for i in 0..<n {
                let bucket = Int((k[i] >> shift) & 0xFFF)
                let to = counts[bucket]
                counts[bucket] = to + 1
                k2[to] = k[i]
                u2[to] = u[i]
            }
            swap(&k, &k2)
            swap(&u, &u2)
        }
        var start = 0
        while start < n {
            var end = start + 1
            let low = k[start] & 0xFF_FFFF
            var mixed = false
            while end < n, k[end] & 0xFF_FFFF == low {
                if k[end] != k[start] { mixed = true }
                end += 1
            }
            if mixed {
                // Rare: different keys with the same low bits. Units ascend within a key, so sorting
                // by (key, unit) keeps each list in order.
                var pairs: [(key: UInt64, unit: Int64)] = []
                for i in start..<end { pairs.append((k[i], Int64(u[i]))) }
                pairs.sort { a, b in a.key != b.key ? a.key < b.key : a.unit < b.unit }
                var i = 0
                while i < pairs.count {
                    var j = i
                    while j < pairs.count, pairs[j].key == pairs[i].key { j += 1 }
                    try append(Int64(bitPattern: pairs[i].key), pairs[i..<j].map { $0.unit })
                    i = j
                }
            } else {
                try append(Int64(bitPattern: k[start]), u[start..<end].lazy.map { Int64($0) })
            }
            start = end
        }
        keys.removeAll(keepingCapacity: true)
        units.removeAll(keepingCapacity: true)
    }

    private var written = Set<Int64>()

    private func writeLists() throws {
        for (feature, postings) in lists {
            try write(feature, postings)
            if hadPostings { written.insert(feature) }
        }
        lists.removeAll()
        listedBytes = 0
        flushes += 1
    }

    private func append<S: Sequence>(_ feature: Int64, _ sequence: S) throws where S.Element == Int64 {
        var added = 0
        func appendAll(_ postings: inout Postings) -> Bool {
            let before = postings.bytes.count
            for unit in sequence { postings.append(unit) }
            added = postings.bytes.count - before
            return postings.bytes.count >= Self.rowBytes
        }
        let full = appendAll(&lists[feature, default: Postings()])
        listedBytes += added
        if full, let postings = lists.removeValue(forKey: feature) {
            listedBytes -= postings.bytes.count
            try write(feature, postings)
            earlyRows[feature, default: 0] += 1
            if hadPostings { written.insert(feature) }
        }
        if listedBytes >= Self.heldBytes { try writeLists() }
    }

    private func write(_ feature: Int64, _ postings: Postings) throws {
        guard postings.count > 0 else { return }
        let p = insert.sqliteStatement
        sqlite3_bind_int64(p, 1, feature)
        sqlite3_bind_int64(p, 2, nextChunk)
        sqlite3_bind_int64(p, 3, Int64(postings.count))
        postings.bytes.withUnsafeBytes { raw in
            _ = sqlite3_bind_blob(p, 4, raw.baseAddress, Int32(raw.count), sqliteTransient)
        }
        try runStatement(p, in: db)
        nextChunk += 1
    }

    /// Rewrites a key's rows as one sorted list.
    private func merge(_ feature: Int64) throws {
        var all: [Int64] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT units FROM fuzzy_posting WHERE feature = ?", arguments: [feature])
        while let row = try rows.next() {
            PostingList.decode([UInt8]((row[0] as Data?) ?? Data())) { all.append($0) }
        }
        all.sort()
        var merged = Postings()
        for unit in all { merged.append(unit) }
        try db.execute(sql: "DELETE FROM fuzzy_posting WHERE feature = ?", arguments: [feature])
        try write(feature, merged)
    }

    /// Recomputes every variant's word hashes and indexes them (a migration: the memory was made
    /// before the fuzzy index, or before the folds changed).
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM fuzzy_posting")
        let index = try FuzzyIndexWriter(db)
        let tokenizer = MatchTokenizer()
        let update = try db.makeStatement(sql: "UPDATE variant SET words = ? WHERE unit = ? AND position = ?")
        let rows = try Row.fetchCursor(db, sql: "SELECT unit, position, language, text FROM variant ORDER BY unit, position")
        while let row = try rows.next() {
            let unit: Int64 = row[0], position: Int = row[1], language: String = row[2], text: String = row[3]
            let prepared = PreparedVariant(text: text, language: language, tokenizer: tokenizer)
            try update.execute(arguments: [Data(prepared.packedWords), unit, position])
            try index.add(unit: unit, features: prepared.features)
        }
        try index.finish()
    }
}

private extension FuzzyIndexWriter.Postings {
    /// Appends a unit id (ascending) as a delta varint; a unit listed twice for one key (two
    /// variants in one language) is listed once.
    mutating func append(_ unit: Int64) {
        if count > 0 && unit == last { return }
        var delta = UInt64(unit - last)
        while delta >= 0x80 {
            bytes.append(UInt8(delta & 0x7F) | 0x80)
            delta >>= 7
        }
        bytes.append(UInt8(delta))
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
