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
        default:
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement)))
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
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
