import Foundation
import GRDB

/// The SQLite database of runs, input files, facts, findings, the room ledger
/// and the report tables (docs/DATABASE.md).
///
/// One type owns the database. Migrations are named and forward-only; the
/// schema guards invariants with NOT NULL, CHECK and foreign keys. A run's rows
/// are written in one transaction, so a run that dies leaves nothing behind.
public final class Store: Sendable {
    public let queue: DatabaseQueue
    public let path: String

    /// SQLite's page cache, in KiB.
    static let cacheKiB = 65536
    /// The page cache until the judged facts come: the ledger and the calls go in beside settling and judging,
    /// rows in key order need few pages, and a full cache then would add to their memory (it took the peak over
    /// 1 GiB at 10 M messages once).
    static let cacheUntilJudgedKiB = 8192

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A night writes a couple of million rows into indexed tables: keep their pages in memory,
            // within the memory bound (docs/ARCHITECTURE.md). The ledger goes in in key order, so the
            // random-order index inserts left need far less than the 256 MiB this once was.
            try db.execute(sql: "PRAGMA cache_size = -\(Store.cacheKiB)")
        }
        queue = try DatabaseQueue(path: path, configuration: config)
        // Between runs the database is in WAL mode: readers and a run's writes then never wait for each other.
        // Another connection in the middle of its own switch may refuse it; the journal then stays as it is.
        try queue.writeWithoutTransaction { db in try Self.switchJournal(to: .wal, db) }
        try Self.migrator.migrate(queue)
    }

    /// How SQLite keeps a transaction undoable (docs/DATABASE.md, "Reading the database while a run writes").
    enum Journal: String {
        /// Every changed page goes to the `-wal` file and is copied into the database by the checkpoint after the
        /// commit: each page is written twice; readers go on reading the last committed state meanwhile.
        case wal
        /// A rollback journal: a page that existed before the run is saved to the `-journal` file before it
        /// changes, new pages go straight to the database: a night's rows, most of them on new pages, are
        /// written once. Readers wait while the run holds the database, so it is only taken when no other
        /// connection is open.
        case delete
    }

    /// Switches the journal mode, without waiting: leaving or entering WAL needs the database to itself, and
    /// where another connection holds it the mode stays as it is.
    static func switchJournal(to mode: Journal, _ db: Database) throws {
        let wait = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
        try db.execute(sql: "PRAGMA busy_timeout = 0")
        defer { try? db.execute(sql: "PRAGMA busy_timeout = \(wait)") }
        do {
            let now = try String.fetchOne(db, sql: "PRAGMA journal_mode = \(mode.rawValue)")
            // A rollback journal is synced at each step of a commit (FULL); WAL needs that only at checkpoints.
            try db.execute(sql: "PRAGMA synchronous = \(now == Journal.delete.rawValue ? "FULL" : "NORMAL")")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {}
    }

    /// An in-memory database, for tests.
    public init() throws {
        path = ":memory:"
        var config = Configuration()
        config.foreignKeysEnabled = true
        queue = try DatabaseQueue(configuration: config)
        try Self.migrator.migrate(queue)
    }

    /// The schema version: the names of the migrations applied.
    public func appliedMigrations() throws -> [String] {
        try queue.read { db in try Self.migrator.appliedMigrations(db) }
    }
}
