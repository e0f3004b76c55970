import GRDB
import Analytics

/// The report inputs summed over every analyzed file in the database.
public struct ReportInputs: Sendable {
    public var messagesByGroup: [MessageGroup]
    public var messagesByDay: [MessageGroup]
    public var rooms: [RoomGroup]
    public var findings: [FindingGroup]
    public var calls: CallInputs
}

extension Store {
    /// Reads what the reports are computed from. Facts of replaced and failed
    /// files are never in the fact tables (nor in the running totals), so everything there counts.
    public static func reportInputs(_ db: Database) throws -> ReportInputs {
        let groups = try Row.fetchAll(db, sql: """
            SELECT epoch, phase, sender_role, client_plan, SUM(messages) AS m, SUM(violating_messages) AS v
            FROM message_counts GROUP BY epoch, phase, sender_role, client_plan
            """).map { r in
            MessageGroup(epoch: r["epoch"], phase: r["phase"], senderRole: r["sender_role"], clientPlan: r["client_plan"],
                         messages: r["m"], violatingMessages: r["v"])
        }
        let days = try Row.fetchAll(db, sql: """
            SELECT date, phase, SUM(messages) AS m, SUM(violating_messages) AS v FROM message_counts GROUP BY date, phase
            """).map { r in MessageGroup(phase: r["phase"], date: r["date"], messages: r["m"], violatingMessages: r["v"]) }
        // Rooms and findings from the running totals (Store+Totals.swift): what every stored night sums to,
        // without grouping their facts again.
        let rooms = try Row.fetchAll(db, sql: """
            SELECT epoch, phase, client_plan, rooms, violating_rooms FROM room_group_totals WHERE rooms > 0
            """).map { r in
            RoomGroup(epoch: r["epoch"], phase: r["phase"], clientPlan: r["client_plan"], rooms: r["rooms"], violatingRooms: r["violating_rooms"])
        }
        let findings = try Row.fetchAll(db, sql: """
            SELECT epoch, phase, sender_role, kind, verdict, NULLIF(exception, '') AS exception, findings
            FROM finding_group_totals WHERE findings > 0
            """).map { r in
            FindingGroup(epoch: r["epoch"], phase: r["phase"], senderRole: r["sender_role"], kind: r["kind"],
                         verdict: r["verdict"], exception: r["exception"], findings: r["findings"])
        }
        let calls = try callInputs(db)
        return ReportInputs(messagesByGroup: groups, messagesByDay: days, rooms: rooms, findings: findings, calls: calls)
    }

    /// Replaces the report tables' rows with `tables` (same names and columns).
    public static func replaceReports(_ tables: [ReportTable], _ db: Database) throws {
        for t in tables {
            try db.execute(sql: "DELETE FROM \(t.name)")
            let placeholders = Array(repeating: "?", count: t.columns.count).joined(separator: ", ")
            let stmt = try db.makeStatement(sql: "INSERT INTO \(t.name) (\(t.columns.joined(separator: ", "))) VALUES (\(placeholders))")
            for row in t.rows {
                try stmt.execute(arguments: StatementArguments(row.map { v -> (any DatabaseValueConvertible)? in
                    switch v {
                    case .text(let s): return s
                    case .integer(let i): return i
                    case .decimal(let d), .pValue(let d): return d
                    }
                }))
            }
        }
    }
}
