import Testing
import GRDB
@testable import Writers

/// Rows sent many to a statement end exactly as rows sent one at a time: every
/// row bound goes in (a last, partial batch too), in the order bound, with its
/// text, integers and NULLs; conflicts inside one batch resolve as they would
/// row by row; a row SQLite refuses fails the whole insert.
@Suite struct BatchedInsertTests {
    struct Row: Equatable {
        var key: String
        var at: Int64?
        var note: String?
    }

    /// Rows with repeated keys (about one in three), empty and non-ASCII text, and NULLs.
    static func rows(_ n: Int) -> [Row] {
        let keys = max(1, (2 * n) / 3)
        return (0..<n).map { i in
            let at: Int64? = i % 5 == 0 ? nil : Int64(1_000 - (i * 7) % 13)
            let note: String? = i % 4 == 0 ? nil : (i % 4 == 1 ? "" : "n\(i) ü ✓")
            return Row(key: "k\(i % keys)", at: at, note: note)
        }
    }

    static let schema = """
        CREATE TABLE plain (id INTEGER PRIMARY KEY, key TEXT NOT NULL, at INTEGER, note TEXT);
        CREATE TABLE earliest (key TEXT PRIMARY KEY, at INTEGER, note TEXT) WITHOUT ROWID;
        """
    static let upsert = "ON CONFLICT (key) DO UPDATE SET at = excluded.at, note = excluded.note WHERE excluded.at < earliest.at"

    /// Both tables as loaded one row a statement, and in batches of `batch`.
    func load(_ rows: [Row], batch: Int?) throws -> (plain: [[DatabaseValue]], earliest: [[DatabaseValue]]) {
        let q = try DatabaseQueue()
        try q.write { db in
            try db.execute(sql: Self.schema)
            if let batch {
                try BatchedInsert.rows(db, into: "INSERT INTO plain (key, at, note)", columns: 3, batch: batch) { b in
                    for r in rows {
                        b.bind(r.key); b.bind(r.at); b.bind(r.note)
                        try b.endRow()
                    }
                }
                try BatchedInsert.rows(db, into: "INSERT INTO earliest (key, at, note)", columns: 3, then: Self.upsert, batch: batch) { b in
                    for r in rows {
                        b.bind(r.key); b.bind(r.at); b.bind(r.note)
                        try b.endRow()
                    }
                }
            } else {
                for r in rows {
                    try db.execute(sql: "INSERT INTO plain (key, at, note) VALUES (?, ?, ?)", arguments: [r.key, r.at, r.note])
                    try db.execute(sql: "INSERT INTO earliest (key, at, note) VALUES (?, ?, ?) " + Self.upsert, arguments: [r.key, r.at, r.note])
                }
            }
        }
        return try q.read { db in
            let plain = try GRDB.Row.fetchAll(db, sql: "SELECT id, key, at, note FROM plain ORDER BY id").map { Array($0.databaseValues) }
            let earliest = try GRDB.Row.fetchAll(db, sql: "SELECT key, at, note FROM earliest ORDER BY key").map { Array($0.databaseValues) }
            return (plain, earliest)
        }
    }

    @Test("every row goes in, in order, whatever is left for the last batch", arguments: [0, 1, 3, 4, 5, 8, 9, 31])
    func batchesEqualRowByRow(count: Int) throws {
        let rows = Self.rows(count)
        let one = try load(rows, batch: nil)
        let batched = try load(rows, batch: 4)
        #expect(batched.plain.count == count)
        #expect(batched.plain == one.plain)
        #expect(batched.earliest == one.earliest)
    }

    @Test func statementsHoldTheRowsAsked() {
        #expect(BatchedInsert.sql(head: "INSERT INTO t (a, b)", tail: "", columns: 2, rows: 3)
                == "INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?)")
        #expect(BatchedInsert.sql(head: "INSERT INTO t (a)", tail: "ON CONFLICT DO NOTHING", columns: 1, rows: 1)
                == "INSERT INTO t (a) VALUES (?) ON CONFLICT DO NOTHING")
    }

    @Test("a refused row fails the insert, in a full batch or in the last one", arguments: [2, 8])
    func aRefusedRowFails(refused: Int) throws {
        let q = try DatabaseQueue()
        try q.write { db in
            try db.execute(sql: Self.schema)
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON plain WHEN NEW.key = 'u\(refused)' BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        #expect(throws: DatabaseError.self) {
            try q.write { db in
                try BatchedInsert.rows(db, into: "INSERT INTO plain (key, at, note)", columns: 3, batch: 4) { b in
                    for (i, r) in Self.rows(9).enumerated() {
                        b.bind("u\(i)"); b.bind(r.at); b.bind(r.note)
                        try b.endRow()
                    }
                }
            }
        }
        #expect(try q.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM plain") } == 0)
    }
}
