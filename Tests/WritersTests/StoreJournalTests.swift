import Foundation
import Testing
import GRDB
import ExportFormat
import Policy
import Analytics
import TestSupport
@testable import Writers

/// A run writes through a rollback journal when it has the database to itself (each page written once) and
/// through the WAL when another connection is open, so a reader never holds a run up; between runs the
/// database is in WAL mode either way.
@Suite struct StoreJournalTests {
    static let run = RunRecord(mode: .analyze, startedAt: Timestamp(secondsSinceEpoch: 1_600_000_000),
                               finishedAt: Timestamp(secondsSinceEpoch: 1_600_000_001), wallSeconds: 1, inputs: ["day.jsonl"],
                               linesRead: 0, blankLines: 0, recordsByType: [:], rejectedByReason: [:], duplicateMessages: 0,
                               messages: 0, findingsByVerdict: [:], uncompressedBytes: 0, policyName: "p", policyHash: "h",
                               toolVersion: "test", jobs: 1, exitStatus: 0)

    /// Records an empty run; returns the journal mode in force inside its transaction. `inside` runs there too.
    @discardableResult
    static func record(_ store: Store, failing: Bool = false, inside: () throws -> Void = {}) throws -> String {
        var mode = ""
        try store.record(files: [], ledger: { LedgerRows(LedgerDelta()) }, calls: { [] },
                         judged: {
                             if failing { throw CocoaError(.featureUnsupported) }
                             return Store.JudgedRun(run: run, facts: RunFacts())
                         },
                         provisional: run, callWindowSeconds: 1800,
                         reports: { db in
                             mode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
                             try inside()
                         })
        return mode
    }

    static func journal(_ path: String) throws -> String {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    static func runs(_ db: Database) throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs") ?? -1 }

    /// A database in a fresh directory (kept alive by the returned directory) and its store.
    static func fresh() throws -> (dir: TemporaryDirectory, path: String, store: Store) {
        let dir = TemporaryDirectory("journal")
        let path = dir.file("db.sqlite").path
        return (dir, path, try Store(path: path))
    }

    @Test("alone, a run writes through a rollback journal and leaves the database in WAL mode")
    func aloneRollbackJournal() throws {
        let (dir, path, store) = try Self.fresh()
        defer { withExtendedLifetime(dir) {} }
        #expect(try Self.journal(path) == "wal")
        #expect(try Self.record(store) == "delete")
        #expect(try Self.journal(path) == "wal")
        #expect(try store.queue.read(Self.runs) == 1)
    }

    @Test("alone, the run holds the database: a reader that comes during it waits, it does not hold the run up")
    func lateReaderWaits() throws {
        let (dir, path, store) = try Self.fresh()
        defer { withExtendedLifetime(dir) {} }
        var config = Configuration()
        config.busyMode = .immediateError
        var refused: ResultCode?
        try Self.record(store) {
            do {
                let reader = try DatabaseQueue(path: path, configuration: config)
                _ = try reader.read(Self.runs)
            } catch let error as DatabaseError {
                refused = error.resultCode
            }
        }
        #expect(refused == .SQLITE_BUSY)
        #expect(try DatabaseQueue(path: path).read(Self.runs) == 1)
    }

    @Test("with a reader in a transaction, a run goes through the WAL and the reader keeps its snapshot")
    func readerKeepsWAL() throws {
        let (dir, path, store) = try Self.fresh()
        defer { withExtendedLifetime(dir) {} }
        try Self.record(store)
        let reader = try DatabaseQueue(path: path)
        let (before, during, seen) = try reader.read { db in
            let before = try Self.runs(db)
            let during = try Self.record(store)
            return (before, during, try Self.runs(db))
        }
        #expect(during == "wal")
        #expect(before == 1)
        #expect(seen == 1, "the reader's transaction sees the state it began with")
        #expect(try reader.read(Self.runs) == 2)
        #expect(try Self.journal(path) == "wal")
    }

    @Test("a run that fails leaves nothing behind and the database in WAL mode")
    func failedRunRollsBack() throws {
        let (dir, path, store) = try Self.fresh()
        defer { withExtendedLifetime(dir) {} }
        try Self.record(store)
        #expect(throws: CocoaError.self) { try Self.record(store, failing: true) }
        #expect(try store.queue.read(Self.runs) == 1)
        #expect(try Self.journal(path) == "wal")
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
    }

    @Test("a database left in rollback-journal mode (a run killed mid-way) is back in WAL mode when opened")
    func reopenedInWAL() throws {
        let (dir, path, _) = try Self.fresh()
        defer { withExtendedLifetime(dir) {} }
        try DatabaseQueue(path: path).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        #expect(try Self.journal(path) == "delete")
        _ = try Store(path: path)
        #expect(try Self.journal(path) == "wal")
    }
}
