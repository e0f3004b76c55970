import GRDB
import GRDBSQLite

/// One prepared INSERT run many times with values bound straight through the
/// SQLite C API: the bulk loads of a run (hundreds of thousands of rows a
/// night) go at the speed of SQLite, without building an argument array per
/// row. Measured here: GRDB's `execute(arguments:)` ≈ 0.2 M rows/s on these
/// tables, this ≈ 1 M rows/s (docs/ARCHITECTURE.md).
struct BulkInsert {
    let statement: Statement
    let sql: String
    private var column: Int32 = 0
    /// The row's text, held until the row is inserted so SQLite binds it without a copy of its own
    /// (a `SQLITE_TRANSIENT` bind costs a malloc and a free per value: ≈ 20% of a night's inserts).
    private let text = TextArena()

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        self.sql = sql
    }

    mutating func bind(_ value: Int64) {
        column += 1
        sqlite3_bind_int64(statement.sqliteStatement, column, value)
    }

    mutating func bind(_ value: Int) { bind(Int64(value)) }

    mutating func bind(_ value: Int32) { bind(Int64(value)) }

    mutating func bind(_ value: Int64?) {
        if let value { bind(value) } else { bindNull() }
    }

    mutating func bind(_ value: String) {
        column += 1
        var v = value
        let kept = v.withUTF8 { text.keep(UnsafeRawBufferPointer($0)) }
        // SQLITE_STATIC: the bytes stay put until `insert()` has stepped and reset the statement.
        sqlite3_bind_text(statement.sqliteStatement, column, kept.baseAddress, Int32(kept.count), nil)
    }

    mutating func bind(_ value: String?) {
        if let value { bind(value) } else { bindNull() }
    }

    mutating func bindNull() {
        column += 1
        sqlite3_bind_null(statement.sqliteStatement, column)
    }

    /// Runs the statement with the bound row and reads the first row it returns (`RETURNING`), or nil when it
    /// returns none (an `UPDATE … RETURNING` that matched nothing).
    mutating func run<T>(returning read: (OpaquePointer) -> T) throws -> T? {
        defer {
            sqlite3_reset(statement.sqliteStatement)
            sqlite3_clear_bindings(statement.sqliteStatement)
            text.reset()
            column = 0
        }
        let code = sqlite3_step(statement.sqliteStatement)
        switch code {
        case SQLITE_ROW: return read(statement.sqliteStatement)
        case SQLITE_DONE: return nil
        default: throw Self.failure(code, statement.sqliteStatement, sql: sql)
        }
    }

    /// The error a step that failed with `code` reports, with SQLite's message.
    static func failure(_ code: Int32, _ statement: OpaquePointer, sql: String) -> DatabaseError {
        let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(statement)))
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }

    /// Inserts the bound row; every column must have been bound.
    mutating func insert() throws {
        try execute()
    }

    /// Runs the statement (an UPDATE or DELETE as well) with the bound values.
    mutating func execute() throws {
        _ = try run(returning: { _ in () })
    }
}

/// Byte storage for the text of one row: chunks that never move while the row
/// is bound, emptied (not freed) once it is inserted.
final class TextArena {
    private var chunks: [UnsafeMutableRawBufferPointer] = []
    private var current = 0
    private var used = 0
    private static let chunkSize = 64 * 1024

    /// A copy of `bytes` that stays valid until `reset()`. Empty text gets a valid (non-null) pointer, as SQLite
    /// reads a null pointer as SQL NULL.
    func keep(_ bytes: UnsafeRawBufferPointer) -> UnsafeBufferPointer<CChar> {
        if chunks.isEmpty || used + bytes.count > chunks[current].count {
            advance(toFit: bytes.count)
        }
        let start = chunks[current].baseAddress! + used
        if bytes.count > 0 { start.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
        used += bytes.count
        return UnsafeBufferPointer(start: start.assumingMemoryBound(to: CChar.self), count: bytes.count)
    }

    private func advance(toFit count: Int) {
        if !chunks.isEmpty { current += 1 }
        while current < chunks.count && chunks[current].count < count { current += 1 }
        if current == chunks.count {
            chunks.append(.allocate(byteCount: max(Self.chunkSize, count), alignment: 16))
        }
        used = 0
    }

    func reset() {
        current = 0
        used = 0
    }

    deinit {
        for c in chunks { c.deallocate() }
    }
}

/// Rows for one INSERT, sent to SQLite `batch` rows per statement (`INSERT … VALUES (…), (…), …`). A statement's
/// start and end — its cursors opened and closed, its halt — cost SQLite as much as a row of these tables does;
/// one statement of many rows pays them once for all of them (callgrind, a night's writes: `sqlite3VdbeHalt`,
/// cursor and memory churn were a quarter of the inserts' instructions one row at a time).
///
/// Made only through `rows(_:into:columns:then:batch:_:)`, which sends what is left when the rows end: no row
/// bound can be forgotten. The rows go in in the order they were bound, so conflicts resolve as one by one.
struct BatchedInsert {
    private enum Value {
        case integer(Int64)
        case text(UnsafeBufferPointer<CChar>)
        case null
    }

    private let db: Database
    private let head: String, tail: String
    private let columns: Int, batch: Int
    private let full: Statement
    private var values: [Value] = []
    /// The rows' text, held until they are sent, so SQLite binds it without a copy of its own.
    private let text = TextArena()

    /// Runs `body`, which binds rows (`bind` each of `columns` values, then `endRow`), and inserts them.
    /// `head` is the statement up to `VALUES` (`INSERT INTO t (a, b)`), `tail` what follows the rows
    /// (an `ON CONFLICT` clause, or nothing).
    static func rows(_ db: Database, into head: String, columns: Int, then tail: String = "", batch: Int = 64,
                     _ body: (inout BatchedInsert) throws -> Void) throws {
        var rows = try BatchedInsert(db, head: head, tail: tail, columns: columns, batch: batch)
        try body(&rows)
        try rows.flush()
    }

    private init(_ db: Database, head: String, tail: String, columns: Int, batch: Int) throws {
        precondition(columns > 0 && batch > 0 && columns * batch <= 32_766, "SQLite binds at most 32,766 values a statement")
        self.db = db
        self.head = head
        self.tail = tail
        self.columns = columns
        self.batch = batch
        full = try db.makeStatement(sql: Self.sql(head: head, tail: tail, columns: columns, rows: batch))
        values.reserveCapacity(columns * batch)
    }

    static func sql(head: String, tail: String, columns: Int, rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return head + " VALUES " + Array(repeating: row, count: rows).joined(separator: ", ") + (tail.isEmpty ? "" : " " + tail)
    }

    mutating func bind(_ value: Int64) { values.append(.integer(value)) }

    mutating func bind(_ value: Int) { bind(Int64(value)) }

    mutating func bind(_ value: Int32) { bind(Int64(value)) }

    mutating func bind(_ value: Int64?) {
        if let value { bind(value) } else { values.append(.null) }
    }

    mutating func bind(_ value: String) {
        var v = value
        values.append(.text(v.withUTF8 { text.keep(UnsafeRawBufferPointer($0)) }))
    }

    mutating func bind(_ value: String?) {
        if let value { bind(value) } else { values.append(.null) }
    }

    /// Ends a row (every column bound); a full batch goes to SQLite.
    mutating func endRow() throws {
        precondition(values.count % columns == 0, "a row of \(columns) columns was bound with \(values.count % columns) left over")
        if values.count == columns * batch { try send(full) }
    }

    private mutating func flush() throws {
        precondition(values.count % columns == 0, "the last row was not ended")
        guard !values.isEmpty else { return }
        try send(try db.makeStatement(sql: Self.sql(head: head, tail: tail, columns: columns, rows: values.count / columns)))
    }

    private mutating func send(_ statement: Statement) throws {
        let s = statement.sqliteStatement
        defer {
            sqlite3_reset(s)
            sqlite3_clear_bindings(s)
            values.removeAll(keepingCapacity: true)
            text.reset()
        }
        for (i, v) in values.enumerated() {
            let column = Int32(i + 1)
            switch v {
            case .integer(let n): sqlite3_bind_int64(s, column, n)
            // SQLITE_STATIC: the bytes stay put until the statement has stepped and been reset.
            case .text(let t): sqlite3_bind_text(s, column, t.baseAddress, Int32(t.count), nil)
            case .null: sqlite3_bind_null(s, column)
            }
        }
        let code = sqlite3_step(s)
        guard code == SQLITE_DONE else { throw BulkInsert.failure(code, s, sql: statement.sql) }
    }
}
