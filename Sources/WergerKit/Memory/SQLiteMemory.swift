import Foundation
import GRDB
import GRDBSQLite

/// A translation memory in one SQLite file, through GRDB: WAL mode, a busy timeout (a second
/// importer waits), foreign keys, named append-only migrations and constraints in the schema.
public final class SQLiteMemory: TranslationMemoryReader, TranslationMemoryWriter {
    public let location: MemoryLocation
    let pool: DatabasePool

    /// Opens (or creates) the memory at `location`. A new memory is seeded from the folder's TMX
    /// files (the shipped starter memory): `seed` imports them; it runs only when the database is new.
    public init(location: MemoryLocation, readOnly: Bool = false,
                seed: ((SQLiteMemory, [URL]) throws -> Void)? = nil) throws {
        self.location = location
        let path = location.database.path
        if !readOnly, !FileManager.default.fileExists(atPath: location.folder.path) {
            do {
                try FileManager.default.createDirectory(at: location.folder, withIntermediateDirectories: true)
            } catch {
                throw MemoryError.io(path: location.folder.path, detail: "cannot create the memory folder: \(error.localizedDescription)")
            }
        }
        // Two processes opening a new memory at once must not both create the schema and seed it:
        // the first to take the folder's lock does; the other then finds it done.
        let lock = readOnly ? nil : try FolderLock(folder: location.folder)
        defer { lock?.release() }
        var isNew = (fileSize(atPath: path) ?? 0) == 0
        // Check the schema through a read-only connection first: a writable one lets GRDB write on
        // opening, which must not happen to a damaged or foreign file.
        if !isNew, try Self.isUnfinished(path) {
            if readOnly {
                // Another werger may be making it now: wait until it is done (the folder's lock,
                // shared: a reader waits only here, never behind an import), then look again.
                let shared = try FolderLock.shared(folder: location.folder)
                defer { shared?.release() }
                // Still unfinished, or gone (its seeding failed): the caller may make it again.
                let gone = (fileSize(atPath: path) ?? 0) == 0
                if try gone || Self.isUnfinished(path) { throw MemoryError.unfinished(path: path) }
            } else {
                // Its making was cut short (Ctrl-C, a kill, a power cut while it was being seeded):
                // it holds part of its seed files, or not even its schema, and must not be read as
                // complete. The writer, alone under the folder's lock, starts again.
                for file in [path, path + "-wal", path + "-shm"] { unlink(file) }
                isNew = true
            }
        }
        if isNew, readOnly { throw MemoryError.unfinished(path: path) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(MemoryWait.limit)
        configuration.foreignKeysEnabled = true
        configuration.readonly = readOnly
        configuration.label = "werger"
        // Lookups read posting lists and candidate rows all over the file: mapped pages spare a
        // copy per page read (a third of a lookup's time with plain reads).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 1073741824") }
        do {
            // Opening for writing waits while another process writes (GRDB sets the journal mode).
            let opened = readOnly ? Self.readingPath(path) : path
            pool = try MemoryWait.telling(path: path) { try DatabasePool(path: opened, configuration: configuration) }
            // Marked unfinished until its schema is made and its seed files are in (`precheck`).
            if isNew { try pool.write { db in try db.execute(sql: "PRAGMA user_version = \(Self.unfinishedMark)") } }
            try pool.read { db in
                if !isNew, try Self.isForeign(db) {
                    throw MemoryError.corrupt(path: path, detail: "another program's SQLite database")
                }
                if try Self.migrator.hasBeenSuperseded(db) { throw MemoryError.newerVersion(path: path) }
                if readOnly, try !Self.migrator.hasCompletedMigrations(db) { throw MemoryError.olderVersion(path: path) }
            }
            if !readOnly { try Self.migrator.migrate(pool) }
        } catch let error as MemoryError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
        guard isNew else { return }
        if let seed {
            do { try seed(self, location.seedFiles) } catch {
                // A half-seeded memory would pass for a complete one: remove it, and its log and
                // index, and report. Closed first, while the folder is still locked: SQLite's last
                // close deletes the log by name, which could be the next werger's by then.
                try? pool.close()
                for file in [path, path + "-wal", path + "-shm"] { unlink(file) }
                throw error
            }
        }
        do {
            try pool.write { db in try db.execute(sql: "PRAGMA user_version = 0") }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// `PRAGMA user_version` while a new memory is being made (Werger's schema history is GRDB's
    /// `grdb_migrations`; the user version is otherwise 0).
    static let unfinishedMark = 0x5EED

    /// The tables Werger's schema steps make (and GRDB's record of them).
    static let ownTables: Set<String> = ["grdb_migrations", "unit", "variant", "property", "note", "fuzzy_posting"]

    /// A file that does not start like an SQLite database is not opened at all (opening one
    /// for writing lets SQLite and GRDB write to it).
    private static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MemoryError.io(path: path, detail: "cannot be read; check its permissions")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard header == Data("SQLite format 3\0".utf8) else {
            throw MemoryError.corrupt(path: path, detail: "not an SQLite database")
        }
    }

    /// The name SQLite opens a memory by for reading. A memory in a folder this user may not write
    /// (a newsroom's shared memory on a read-only mount) cannot have its WAL index (`-shm`) made
    /// there, and SQLite refuses to read it; with no write-ahead log left beside it (a memory closed
    /// cleanly has none) nothing is newer than the file itself, so it is opened as immutable: no
    /// locks, no index. (Debian's SQLite reads URI file names.)
    static func readingPath(_ path: String) -> String {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard access(folder, W_OK) != 0, (fileSize(atPath: path + "-wal") ?? 0) == 0,
              !FileManager.default.fileExists(atPath: path + "-shm") else { return path }
        return URL(fileURLWithPath: path).absoluteString + "?immutable=1"
    }

    /// Throws for a damaged, foreign or newer memory; returns whether its making was left unfinished
    /// (still marked so, or without Werger's tables at all).
    private static func isUnfinished(_ path: String) throws -> Bool {
        try checkHeader(path)
        return try precheck(path)
    }

    private static func precheck(_ path: String) throws -> Bool {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(MemoryWait.limit)
        var unfinished = false
        do {
            let queue = try DatabaseQueue(path: readingPath(path), configuration: configuration)
            try queue.read { db in
                // Marked by Werger while it made the memory: unfinished, whichever of its tables it has
                // so far (GRDB makes its `grdb_migrations` before the first step, which alone looks
                // foreign). A file that holds any other table is another program's, mark or not.
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if try Int.fetchOne(db, sql: "PRAGMA user_version") == unfinishedMark, tables.allSatisfy(ownTables.contains) {
                    unfinished = true
                    return
                }
                if try isForeign(db) { throw MemoryError.corrupt(path: path, detail: "another program's SQLite database") }
                if try migrator.hasBeenSuperseded(db) { throw MemoryError.newerVersion(path: path) }
                // Touch the first pages of every table: damage there shows now, not halfway through a write.
                for table in ["unit", "variant", "property", "note"] where tables.contains(table) {
                    _ = try Row.fetchOne(db, sql: "SELECT * FROM \(table) LIMIT 1")
                }
                if tables.contains("unit") { _ = try Int.fetchOne(db, sql: "SELECT MAX(id) FROM unit") }
                // No Werger table (so no table at all, or it would be foreign): cut short before the
                // mark was made. Such a file holds nothing.
                unfinished = !tables.contains("unit")
            }
            try queue.close()
            return unfinished
        } catch let error as MemoryError {
            throw error
        } catch {
            throw translate(error, path: path)
        }
    }

    /// An SQLite database with tables but without Werger's schema history belongs to another program.
    private static func isForeign(_ db: Database) throws -> Bool {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        guard !tables.isEmpty else { return false }
        guard tables.contains("grdb_migrations") else { return true }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        return !applied.contains("2026-11-29 translation units")
    }

    /// The schema, one named step per change. Steps are never edited once shipped: a new step is added.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("2026-11-29 translation units") { db in
            try db.execute(sql: """
                CREATE TABLE unit (
                    id INTEGER PRIMARY KEY,
                    uid TEXT NOT NULL CHECK (uid <> ''),
                    fingerprint INTEGER NOT NULL UNIQUE,
                    origin TEXT NOT NULL CHECK (origin <> ''),
                    document TEXT,
                    previous TEXT,
                    next TEXT,
                    created TEXT,
                    creator TEXT,
                    changed TEXT,
                    changer TEXT
                );
                CREATE TABLE variant (
                    unit INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL CHECK (position >= 0),
                    language TEXT NOT NULL CHECK (language <> ''),
                    text TEXT NOT NULL,
                    markup TEXT,
                    matching TEXT NOT NULL,
                    created TEXT,
                    creator TEXT,
                    changed TEXT,
                    changer TEXT,
                    PRIMARY KEY (unit, position)
                ) WITHOUT ROWID;
                CREATE TABLE property (
                    unit INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (unit, position)
                ) WITHOUT ROWID;
                CREATE TABLE note (
                    unit INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (unit, position)
                ) WITHOUT ROWID;
                """)
        }
        // The matching issue: the Arabic-script folds change `variant.matching`, and the fuzzy
        // index is built from it; a memory made before both is brought up to date here.
        migrator.registerMigration("2026-11-30 fuzzy index") { db in
            // `words`: the variant's word hashes (MatchTokens.words, 16 bits each), so a candidate's
            // word distance is checked without tokenizing its text. The stored matching form goes:
            // the index replaces it, and forms are recomputed from the text where needed.
            try db.execute(sql: """
                ALTER TABLE variant DROP COLUMN matching;
                ALTER TABLE variant ADD COLUMN words BLOB;
                CREATE TABLE fuzzy_posting (
                    feature INTEGER NOT NULL,
                    chunk INTEGER NOT NULL,
                    count INTEGER NOT NULL CHECK (count > 0),
                    units BLOB NOT NULL
                );
                CREATE UNIQUE INDEX fuzzy_posting_feature ON fuzzy_posting (feature, chunk, count);
                """)
            try FuzzyIndexWriter.rebuild(db)
        }
        return migrator
    }()

    // MARK: Writing

    public func write<T>(_ body: (ImportSession) throws -> T) throws -> T {
        let path = location.database.path
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                // A larger page cache for the bulk of an import: the unique fingerprint index is
                // written in random order (64 MiB keeps a million-unit import off the disk).
                try db.execute(sql: "PRAGMA cache_size = -65536")
                // IMMEDIATE: a second importer waits (busy timeout) instead of failing mid-way; the
                // wait, not the import, is what the user is told about.
                try MemoryWait.telling(path: path) { try db.execute(sql: "BEGIN IMMEDIATE TRANSACTION") }
                do {
                    let index = try FuzzyIndexWriter(db)
                    let inserter = try UnitInserter(db, index: index)
                    let session = ImportSession(insert: { try inserter.insert($0) })
                    result = try body(session)
                    try index.finish()
                    try db.execute(sql: "COMMIT TRANSACTION")
                } catch {
                    if !db.isInsideTransaction { throw error }
                    try? db.execute(sql: "ROLLBACK TRANSACTION")
                    throw error
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    // MARK: Reading

    public func statistics() throws -> MemoryStatistics {
        do {
            return try pool.read { db in
                let units = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit") ?? 0
                var variants: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT language, COUNT(*) FROM variant GROUP BY language") {
                    variants[row[0]] = row[1]
                }
                let pairs = try Row.fetchAll(db, sql: """
                    SELECT s.language, t.language, COUNT(*) FROM variant s
                    JOIN variant t ON t.unit = s.unit AND t.position > 0
                    WHERE s.position = 0 GROUP BY s.language, t.language ORDER BY COUNT(*) DESC, s.language, t.language
                    """).map { MemoryStatistics.Pair(from: $0[0], to: $0[1], units: $0[2]) }
                let last = try String.fetchOne(db, sql: "SELECT MAX(COALESCE(changed, created)) FROM unit")
                let size = [location.database.path, location.database.path + "-wal"].reduce(0) { total, file in
                    total + (fileSize(atPath: file) ?? 0)
                }
                return MemoryStatistics(units: units, variants: variants, pairs: pairs, size: size, lastChange: last)
            }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: location.database.path)
        }
    }

    public func forEachUnit(languages: [LanguageTag]?, _ body: (TranslationUnit) throws -> Void) throws {
        do {
            try pool.read { db in try UnitReader(db, languages: languages?.map(\.identifier)).forEach(body) }
        } catch let error as DatabaseError {
            throw Self.translate(error, path: location.database.path)
        }
    }

    /// SQLite's result codes as a translator reads them.
    static func translate(_ error: Error, path: String) -> Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return MemoryError.locked(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM: return MemoryError.readOnly(path: path)
        // A file that exists but cannot be opened is one this user may not write.
        case .SQLITE_CANTOPEN where FileManager.default.fileExists(atPath: path): return MemoryError.readOnly(path: path)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return MemoryError.corrupt(path: path, detail: "damaged or not an SQLite file")
        case .SQLITE_FULL: return MemoryError.io(path: path, detail: "the disk is full")
        case .SQLITE_CANTOPEN: return MemoryError.io(path: path, detail: "cannot be opened")
        case .SQLITE_CONSTRAINT: return MemoryError.invalidUnit(error.message ?? "a constraint failed")
        default: return MemoryError.io(path: path, detail: error.message ?? "database error \(error.resultCode.rawValue)")
        }
    }
}

/// Inserts units with prepared statements, binding values through SQLite's C API: an import
/// inserts millions of rows, and GRDB's `StatementArguments` boxes every value twice.
private struct UnitInserter {
    let unit: Statement
    let variant: Statement
    let property: Statement
    let note: Statement
    let db: Database
    let index: FuzzyIndexWriter

    init(_ db: Database, index: FuzzyIndexWriter) throws {
        self.db = db
        self.index = index
        unit = try db.cachedStatement(sql: """
            INSERT INTO unit (uid, fingerprint, origin, document, previous, next, created, creator, changed, changer)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING
            """)
        variant = try db.cachedStatement(sql: """
            INSERT INTO variant (unit, position, language, text, markup, created, creator, changed, changer, words)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        property = try db.cachedStatement(sql: "INSERT INTO property (unit, position, type, value) VALUES (?, ?, ?, ?)")
        note = try db.cachedStatement(sql: "INSERT INTO note (unit, position, text) VALUES (?, ?, ?)")
    }

    /// Returns false when a unit with the same variants is already stored.
    func insert(_ prepared: PreparedUnit) throws -> Bool {
        let translationUnit = prepared.unit
        guard translationUnit.variants.count >= 2 else { throw MemoryError.invalidUnit("a unit needs two or more variants") }
        // What every reader checks, checked again here for units from the API and `werger add`:
        // an exported memory must always be valid TMX.
        for variant in translationUnit.variants {
            if variant.text.allSatisfy(\.isWhitespace) { throw MemoryError.invalidUnit("the \(variant.language) text is empty") }
            if !XMLCharacters.areSafe(variant.text) { throw MemoryError.invalidUnit("the \(variant.language) text holds control characters") }
        }
        let fingerprint = prepared.fingerprint
        let uid = translationUnit.id.flatMap { $0.isEmpty ? nil : $0 } ?? "w" + fingerprint.prefix(16)
        // The first 64 bits are the key: a million units collide with odds of about 1 in 30 million.
        let key = Int64(bitPattern: UInt64(fingerprint.prefix(16), radix: 16) ?? 0)
        let u = unit.sqliteStatement
        bind(u, 1, uid)
        sqlite3_bind_int64(u, 2, key)
        bind(u, 3, translationUnit.origin)
        bind(u, 4, translationUnit.document)
        bind(u, 5, translationUnit.previous)
        bind(u, 6, translationUnit.next)
        bind(u, 7, translationUnit.created.map(TMXDate.format))
        bind(u, 8, translationUnit.creator)
        bind(u, 9, translationUnit.changed.map(TMXDate.format))
        bind(u, 10, translationUnit.changer)
        try step(u)
        guard sqlite3_changes(db.sqliteConnection) > 0 else { return false }
        let id = sqlite3_last_insert_rowid(db.sqliteConnection)
        let v = variant.sqliteStatement
        for (position, value) in translationUnit.variants.enumerated() {
            sqlite3_bind_int64(v, 1, id)
            sqlite3_bind_int64(v, 2, Int64(position))
            bind(v, 3, value.language)
            bind(v, 4, value.text)
            bind(v, 5, value.markup)
            let derived = prepared.variants[position]
            bind(v, 6, value.created.map(TMXDate.format))
            bind(v, 7, value.creator)
            bind(v, 8, value.changed.map(TMXDate.format))
            bind(v, 9, value.changer)
            derived.packedWords.withUnsafeBytes { raw in
                _ = sqlite3_bind_blob(v, 10, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count), sqliteTransient)
            }
            try step(v)
            try index.add(unit: id, features: derived.features)
        }
        let p = property.sqliteStatement
        for (position, value) in translationUnit.properties.enumerated() {
            sqlite3_bind_int64(p, 1, id)
            sqlite3_bind_int64(p, 2, Int64(position))
            bind(p, 3, value.type)
            bind(p, 4, value.value)
            try step(p)
        }
        let n = note.sqliteStatement
        for (position, text) in translationUnit.notes.enumerated() {
            sqlite3_bind_int64(n, 1, id)
            sqlite3_bind_int64(n, 2, Int64(position))
            bind(n, 3, text)
            try step(n)
        }
        return true
    }

    private func bind(_ statement: OpaquePointer, _ index: Int32, _ value: String?) {
        guard var value else {
            sqlite3_bind_null(statement, index)
            return
        }
        value.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else {
                _ = sqlite3_bind_text(statement, index, "", 0, sqliteTransient)
                return
            }
            _ = sqlite3_bind_text(statement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                  Int32(bytes.count), sqliteTransient)
        }
    }

    private func step(_ statement: OpaquePointer) throws { try runStatement(statement, in: db) }
}

/// SQLite copies bound text before the call returns.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Runs a prepared insert or delete to completion and resets it.
func runStatement(_ statement: OpaquePointer, in db: Database) throws {
    let code = sqlite3_step(statement)
    sqlite3_reset(statement)
    guard code == SQLITE_DONE else {
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
}

/// Reads units in id order: one cursor per table, merged by unit id, so an export of a million
/// units runs four queries, not four million.
struct UnitReader {
    let db: Database
    let languages: [String]?
    /// Only this unit (a match's), else all.
    let only: Int64?

    init(_ db: Database, languages: [String]?, only: Int64? = nil) {
        self.db = db
        self.languages = languages
        self.only = only
    }

    func forEach(_ body: (TranslationUnit) throws -> Void) throws {
        let arguments: StatementArguments = only.map { [$0] } ?? []
        let unitFilter = only == nil ? "" : "WHERE id = ?"
        let filter = only == nil ? "" : "WHERE unit = ?"
        let units = try Row.fetchCursor(db, sql: """
            SELECT id, uid, origin, document, previous, next, created, creator, changed, changer FROM unit \(unitFilter) ORDER BY id
            """, arguments: arguments)
        var variants = PeekingCursor(try Row.fetchCursor(db, sql: """
            SELECT unit, language, text, markup, created, creator, changed, changer FROM variant \(filter) ORDER BY unit, position
            """, arguments: arguments))
        var properties = PeekingCursor(try Row.fetchCursor(db, sql: "SELECT unit, type, value FROM property \(filter) ORDER BY unit, position", arguments: arguments))
        var notes = PeekingCursor(try Row.fetchCursor(db, sql: "SELECT unit, text FROM note \(filter) ORDER BY unit, position", arguments: arguments))
        while let row = try units.next() {
            let id: Int64 = row[0]
            var unit = TranslationUnit(
                id: row[1], variants: [], created: (row[6] as String?).flatMap(TMXDate.parse), creator: row[7],
                changed: (row[8] as String?).flatMap(TMXDate.parse), changer: row[9], origin: row[2], document: row[3],
                previous: row[4], next: row[5])
            while let v = try variants.next(ifUnit: id) {
                unit.variants.append(Variant(
                    language: v[1], text: v[2], markup: v[3], created: (v[4] as String?).flatMap(TMXDate.parse), creator: v[5],
                    changed: (v[6] as String?).flatMap(TMXDate.parse), changer: v[7]))
            }
            while let p = try properties.next(ifUnit: id) { unit.properties.append(Property(type: p[1], value: p[2])) }
            while let n = try notes.next(ifUnit: id) { unit.notes.append(n[1]) }
            if let languages {
                // Only units with every asked language, and only those variants, in the asked order.
                var chosen: [Variant] = []
                for language in languages {
                    guard let v = variantMatching(language, in: unit.variants) else { break }
                    chosen.append(v)
                }
                guard chosen.count == languages.count else { continue }
                unit.variants = chosen
            }
            try body(unit)
        }
    }
}

/// The variant for an asked language: the same tag, else one that only adds a region or script
/// (`ckb-IQ` for `ckb`), else another spelling of the same Kurdish (`ku-Latn` for `kmr`, `ku-Arab`
/// for `ckb`). `km` (Khmer) never stands for `kmr`.
func variantMatching(_ language: String, in variants: [Variant]) -> Variant? {
    if let exact = variants.first(where: { $0.language == language }) { return exact }
    if let narrower = variants.first(where: { $0.language.hasPrefix(language + "-") }) { return narrower }
    guard language == "ckb" || language == "kmr" else { return nil }
    return variants.first { (try? LanguageTag($0.language))?.ruleLanguage == language }
}

/// A row cursor with one row of look-ahead, for merging cursors ordered by unit id.
private struct PeekingCursor {
    var cursor: RowCursor
    var peeked: Row?
    var done = false

    init(_ cursor: RowCursor) { self.cursor = cursor }

    /// The next row if it belongs to unit `id` (rows of earlier, orphaned ids are skipped).
    mutating func next(ifUnit id: Int64) throws -> Row? {
        while true {
            if peeked == nil, !done {
                // Rows are reused by the cursor: copy the one we keep.
                if let row = try cursor.next() { peeked = row.copy() } else { done = true }
            }
            guard let row = peeked else { return nil }
            let unit: Int64 = row[0]
            if unit < id { peeked = nil; continue }
            if unit > id { return nil }
            peeked = nil
            return row
        }
    }
}

/// An advisory lock (flock) on the memory folder's `.werger.lock`, held while a memory is opened:
/// exclusive for writing, which makes creating the schema and seeding happen once; shared for
/// reading, which waits for that to finish.
private struct FolderLock {
    let descriptor: Int32

    init(folder: URL) throws {
        let path = folder.appendingPathComponent(".werger.lock").path
        descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else {
            if errno == EACCES || errno == EROFS { throw MemoryError.readOnly(path: folder.path) }
            throw MemoryError.io(path: path, detail: String(cString: strerror(errno)))
        }
        // Readable by the memory's other users whatever this one's umask (077 would leave them
        // unable to wait for a memory being made); refused harmlessly on another user's file.
        fchmod(descriptor, 0o644)
        try Self.take(descriptor, LOCK_EX, folder: folder, path: path)
    }

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// The lock shared, for reading; nil when there is no lock file to share (no werger has opened
    /// the memory for writing, so none is seeding it) or this user may not open it (the caller then
    /// finds the memory still unfinished, and says so).
    static func shared(folder: URL) throws -> FolderLock? {
        let path = folder.appendingPathComponent(".werger.lock").path
        // Not blocking: a lock "file" that is a FIFO would wait for a writer for ever.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            return nil
        }
        try take(descriptor, LOCK_SH, folder: folder, path: path)
        return FolderLock(descriptor: descriptor)
    }

    private static func take(_ descriptor: Int32, _ operation: Int32, folder: URL, path: String) throws {
        // Another werger creating or seeding this memory: said once, then waited for as long as a
        // write waits for another's transaction, then given up.
        var wait: MemoryWait?
        while flock(descriptor, operation | LOCK_NB) != 0 {
            switch errno {
            case EINTR: continue
            case EWOULDBLOCK:
                if wait == nil { wait = MemoryWait(path: folder.path) }
                guard wait!.keepWaiting() else { close(descriptor); throw MemoryError.locked(path: folder.path) }
            default:
                close(descriptor)
                throw MemoryError.io(path: path, detail: String(cString: strerror(errno)))
            }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Waiting for a memory another process is writing: the user is told once (through `notice`,
/// which the command line points at stderr), and the wait ends after `limit` seconds with
/// `MemoryError.locked`, not never.
public struct MemoryWait {
    /// How long a write waits for another process's (an import of a large TMX takes a minute or two).
    public static let limit: TimeInterval = 120
    /// Told the memory's path once a wait has lasted a second.
    public nonisolated(unsafe) static var notice: @Sendable (String) -> Void = { _ in }

    private let path: String
    private let start = Date()
    private var told = false

    init(path: String) { self.path = path }

    /// Sleeps a little; false once the limit has passed. A wait of a second or more is told.
    mutating func keepWaiting() -> Bool {
        let waited = Date().timeIntervalSince(start)
        guard waited < Self.limit else { return false }
        if waited >= 1, !told {
            told = true
            Self.notice(path)
        }
        usleep(20_000)
        return true
    }

    /// Runs `body` (a step that may wait for another process's lock); if it is still running after
    /// a second, `notice` is told. SQLite's own busy timeout (`limit`) ends the wait.
    static func telling<T>(path: String, _ body: () throws -> T) rethrows -> T {
        let tell = DispatchWorkItem { notice(path) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 1, execute: tell)
        defer { tell.cancel() }
        return try body()
    }
}
