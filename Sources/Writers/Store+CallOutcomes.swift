import GRDB
import Analytics

/// Each call's outcome (did a move off the platform follow within the window,
/// and how soon), kept night by night like the running totals: working it out
/// for every stored call made the call report's query grow with the history
/// and hold a row per call in memory.
///
/// A run works out again only the calls it can change: its own calls, those of
/// files it replaces, and every call in a room where it adds or removes a move
/// off the platform. A call is counted by its first stored row (by row id), as
/// before; `call_outcome_window` says which window the stored outcomes used,
/// and a run with another window works every call out again.
extension Store {
    static let moveKindList = MoveKinds.all.map { "'\($0.rawValue)'" }.sorted().joined(separator: ",")

    private func noteAffectedCalls(_ db: Database, sql: String, arguments: StatementArguments) throws {
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS affected_calls (call_id TEXT PRIMARY KEY) WITHOUT ROWID")
        try db.execute(sql: "INSERT OR IGNORE INTO temp.affected_calls (call_id) " + sql, arguments: arguments)
    }

    /// The calls whose outcome may change when the facts of `files` come or go: theirs, and every call in a room
    /// where they hold a move off the platform.
    func noteCallsAffected(byFiles files: [Int64], _ db: Database) throws {
        guard !files.isEmpty else { return }
        let list = files.map(String.init).joined(separator: ",")
        try noteAffectedCalls(db, sql: "SELECT call_id FROM calls WHERE input_file_id IN (\(list))", arguments: [])
        // The files' own calls are in already: only other files' calls are looked for (on a first night, none;
        // looking up every call again cost 0.1 s of a 2 GB night's 0.4 s here).
        try noteAffectedCalls(db, sql: """
            SELECT call_id FROM calls WHERE input_file_id NOT IN (\(list)) AND room_id IN (
                SELECT room_id FROM findings WHERE input_file_id IN (\(list))
                  AND kind IN (\(Self.moveKindList)) AND sender_role IN ('client','freelancer'))
            """, arguments: [])
    }

    /// Works out again the outcomes of the calls noted as affected (every call when the window changed) and
    /// brings the totals up to date.
    func updateCallOutcomes(windowSeconds: Int64, _ db: Database) throws {
        let stored = try Int64.fetchOne(db, sql: "SELECT seconds FROM call_outcome_window")
        if stored != windowSeconds {
            try db.execute(sql: "DELETE FROM call_outcomes; DELETE FROM call_outcome_totals; DELETE FROM call_outcome_window")
            try db.execute(sql: "INSERT INTO call_outcome_window (seconds) VALUES (?)", arguments: [windowSeconds])
            try noteAffectedCalls(db, sql: "SELECT DISTINCT call_id FROM calls", arguments: [])
        }
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS affected_calls (call_id TEXT PRIMARY KEY) WITHOUT ROWID")
        defer { try? db.execute(sql: "DROP TABLE temp.affected_calls") }
        try db.execute(sql: """
            UPDATE call_outcome_totals SET calls = call_outcome_totals.calls - x.n, moved = call_outcome_totals.moved - x.m
            FROM (SELECT outcome, phase, media, COUNT(*) AS n, COUNT(delay_ns) AS m FROM call_outcomes
                  WHERE call_id IN (SELECT call_id FROM temp.affected_calls) GROUP BY outcome, phase, media) AS x
            WHERE call_outcome_totals.outcome = x.outcome AND call_outcome_totals.phase = x.phase AND call_outcome_totals.media = x.media;
            DELETE FROM call_outcomes WHERE call_id IN (SELECT call_id FROM temp.affected_calls);
            """)
        try db.execute(sql: """
            INSERT INTO call_outcomes (call_id, room_id, outcome, phase, media, delay_ns)
            SELECT c.call_id, c.room_id, CASE c.status WHEN 'completed' THEN 'completed' ELSE 'failed_or_dropped' END,
                   c.phase, IFNULL(c.media, 'unknown'),
                   (SELECT MIN(f.sent_at_ns) FROM findings f
                     WHERE f.room_id = c.room_id AND f.kind IN (\(Self.moveKindList)) AND f.sender_role IN ('client','freelancer')
                       AND f.sent_at_ns > IFNULL(c.ended_at_ns, c.started_at_ns)
                       AND f.sent_at_ns <= IFNULL(c.ended_at_ns, c.started_at_ns) + ?) - IFNULL(c.ended_at_ns, c.started_at_ns)
            FROM calls c
            WHERE c.rowid IN (SELECT MIN(rowid) FROM calls WHERE call_id IN (SELECT call_id FROM temp.affected_calls) GROUP BY call_id)
              AND c.status IN ('failed','dropped','completed')
            ORDER BY c.call_id   -- in key order: 1.16 -> 0.81 s for a night's 116 k outcomes in the sqlite3 shell
            """, arguments: [windowSeconds * 1_000_000_000])
        try db.execute(sql: """
            INSERT INTO call_outcome_totals (outcome, phase, media, calls, moved)
            SELECT outcome, phase, media, COUNT(*), COUNT(delay_ns) FROM call_outcomes
            WHERE call_id IN (SELECT call_id FROM temp.affected_calls) GROUP BY outcome, phase, media
            ON CONFLICT (outcome, phase, media) DO UPDATE SET calls = calls + excluded.calls, moved = moved + excluded.moved;
            DELETE FROM call_outcome_totals WHERE calls = 0;
            """)
    }

    /// The call report's inputs from the stored outcomes: counts from the totals, each median from the one or
    /// two middle delays of its split (read off an index, not by reading every call).
    static func callInputs(_ db: Database) throws -> CallInputs {
        let counts = try Row.fetchAll(db, sql: "SELECT outcome, phase, media, calls, moved FROM call_outcome_totals WHERE calls > 0").map { r in
            CallInputs.Count(group: CallOutcome.Group(rawValue: r["outcome"])!, phase: r["phase"], media: r["media"], calls: r["calls"], moved: r["moved"])
        }
        var medians: [CallInputs.SplitGroup: Double] = [:]
        for group in CallOutcome.Group.allCases {
            let inGroup = counts.filter { $0.group == group }
            var splits: [(split: String, value: String, column: String?, moved: Int)] = [("all", "all", nil, inGroup.reduce(0) { $0 + $1.moved })]
            for p in Set(inGroup.map(\.phase)).sorted() {
                splits.append(("phase", p, "phase", inGroup.filter { $0.phase == p }.reduce(0) { $0 + $1.moved }))
            }
            for m in Set(inGroup.map(\.media)).sorted() {
                splits.append(("media", m, "media", inGroup.filter { $0.media == m }.reduce(0) { $0 + $1.moved }))
            }
            for s in splits where s.moved > 0 {
                let filter = s.column.map { " AND \($0) = ?" } ?? ""
                var arguments: StatementArguments = [group.rawValue]
                if s.column != nil { arguments += [s.value] }
                arguments += [s.moved % 2 == 0 ? 2 : 1, (s.moved - 1) / 2]
                let middle = try Int64.fetchAll(db, sql: """
                    SELECT delay_ns FROM call_outcomes WHERE outcome = ?\(filter) AND delay_ns IS NOT NULL
                    ORDER BY delay_ns LIMIT ? OFFSET ?
                    """, arguments: arguments)
                medians[CallInputs.SplitGroup(split: s.split, value: s.value, group: group)] = CallInputs.medianMinutes(ofMiddle: middle)
            }
        }
        return CallInputs(counts: counts, medianMinutesToMove: medians)
    }
}
