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

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        self.sql = sql
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

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
        v.withUTF8 { b in
            _ = sqlite3_bind_text(statement.sqliteStatement, column, UnsafeRawPointer(b.baseAddress!).assumingMemoryBound(to: CChar.self),
                                  Int32(b.count), Self.transient)
        }
    }

    mutating func bind(_ value: String?) {
        if let value { bind(value) } else { bindNull() }
    }

    mutating func bindNull() {
        column += 1
        sqlite3_bind_null(statement.sqliteStatement, column)
    }

    /// Inserts the bound row; every column must have been bound.
    mutating func insert() throws {
        defer {
            sqlite3_reset(statement.sqliteStatement)
            column = 0
        }
        let code = sqlite3_step(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(statement.sqliteStatement)))
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
    }
}
