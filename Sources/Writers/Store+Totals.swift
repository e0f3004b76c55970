import GRDB
import GRDBSQLite
import Analytics
import Policy

/// Running totals the reports read, kept up to date by each run: added to for
/// the files it analyzes, taken from for the files it replaces. Grouping a
/// night's facts with every earlier night's made the report queries grow with
/// the history (six nights of 150 MB: 0.15 s → 1.03 s, one more tenth of a
/// second a night); these totals change only by what a run brings, so the
/// report queries read a few hundred rows however many nights are stored.
///
/// - `room_phase_totals`: per room and epoch, phase and plan, how many room
///   fact rows (one per file) hold it, and how many of those have a violating
///   message. A room counts once in its group, whichever files it appears in.
/// - `room_group_totals`: per epoch, phase and plan, rooms and violating rooms:
///   the room phase rows with at least one fact row, and with at least one
///   violating one. Changed only when a room phase row appears, disappears or
///   crosses zero violating rows.
/// - `finding_group_totals`: findings per epoch, phase, role, kind, verdict and
///   exception (`''` for none: a key column cannot hold NULL and still collide).
///
/// The repeat offenders are kept the same way: only senders with a violation
/// in the files of this run (or in the files it replaces) are worked out again.
extension Store {
    struct GroupKey: Hashable {
        var epoch: String
        var phase: String
        var clientPlan: String
    }

    struct FindingGroupKey: Hashable {
        var epoch, phase, senderRole, kind, verdict, exception: String
    }

    /// Adds a run's facts to the totals and brings the repeat offenders of its violating senders up to date.
    /// `touchedSenders`: senders whose violations went with replaced files (from `retireTotals`).
    func addTotals(_ facts: RunFacts, roomKeys: RunRoomKeys, touchedSenders: Set<String>, _ db: Database,
                   mark: (String) -> Void = { _ in }) throws {
        var groups: [GroupKey: (rooms: Int64, violating: Int64)] = [:]
        // A room key new to the totals goes in with one plain insert; a known one is updated, and says what
        // it held before (an upsert `RETURNING` for every key cost three times as much).
        var insert = try BulkInsert(db, """
            INSERT INTO room_phase_totals (room_id, epoch, phase, client_plan, fact_rows, violating_rows) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (room_id, epoch, phase, client_plan) DO NOTHING
            """)
        var update = try BulkInsert(db, """
            UPDATE room_phase_totals SET fact_rows = fact_rows + ?, violating_rows = violating_rows + ?
            WHERE room_id = ? AND epoch = ? AND phase = ? AND client_plan = ?
            RETURNING violating_rows
            """)
        try roomKeys.forEach { d in
            insert.bind(d.roomID); insert.bind(d.epoch); insert.bind(d.phase); insert.bind(d.clientPlan)
            insert.bind(d.factRows); insert.bind(d.violatingRows)
            try insert.insert()
            let newRoom = db.changesCount == 1
            var newlyViolating = newRoom && d.violatingRows > 0
            if !newRoom {
                update.bind(d.factRows); update.bind(d.violatingRows)
                update.bind(d.roomID); update.bind(d.epoch); update.bind(d.phase); update.bind(d.clientPlan)
                let violating = try update.run(returning: { sqlite3_column_int64($0, 0) })
                newlyViolating = d.violatingRows > 0 && violating == d.violatingRows
            }
            if newRoom || newlyViolating {
                let g = GroupKey(epoch: d.epoch, phase: d.phase, clientPlan: d.clientPlan)
                groups[g, default: (0, 0)].rooms += newRoom ? 1 : 0
                groups[g, default: (0, 0)].violating += newlyViolating ? 1 : 0
            }
        }
        try applyRoomGroups(groups, db)
        mark("running totals: rooms")

        var findingGroups: [FindingGroupKey: Int64] = [:]
        var senders = touchedSenders
        for f in facts.findings {
            findingGroups[FindingGroupKey(epoch: f.epoch, phase: f.phase.phase.rawValue, senderRole: f.senderRole.rawValue,
                                          kind: f.finding.kind.rawValue, verdict: f.verdict.rawValue, exception: f.exception ?? ""),
                          default: 0] += 1
            if f.verdict == .violation { senders.insert(f.senderID) }
        }
        try applyFindingGroups(findingGroups, db)
        mark("running totals: findings")
        try rebuildRepeatOffenders(of: senders, db)
    }

    /// Takes the facts of an analyzed file, about to be deleted, out of the totals. Returns the senders whose
    /// violations go with it (their repeat-offender rows are worked out again once the run's facts are in).
    func retireTotals(ofFile id: Int64, _ db: Database) throws -> Set<String> {
        var groups: [GroupKey: (rooms: Int64, violating: Int64)] = [:]
        var update = try BulkInsert(db, """
            UPDATE room_phase_totals SET fact_rows = fact_rows - ?, violating_rows = violating_rows - ?
            WHERE room_id = ? AND epoch = ? AND phase = ? AND client_plan = ?
            RETURNING fact_rows, violating_rows
            """)
        var remove = try BulkInsert(db, """
            DELETE FROM room_phase_totals WHERE room_id = ? AND epoch = ? AND phase = ? AND client_plan = ?
            """)
        let gone = try Row.fetchAll(db, sql: """
            SELECT room_id, epoch, phase, client_plan, COUNT(*) AS n, SUM(violating_messages > 0) AS v
            FROM room_counts WHERE input_file_id = ? GROUP BY room_id, epoch, phase, client_plan
            """, arguments: [id])
        for row in gone {
            let roomID: String = row["room_id"], epoch: String = row["epoch"], phase: String = row["phase"]
            let plan: String = row["client_plan"], n: Int64 = row["n"], v: Int64 = row["v"]
            update.bind(n); update.bind(v); update.bind(roomID); update.bind(epoch); update.bind(phase); update.bind(plan)
            guard let (rows, violating) = try update.run(returning: { (sqlite3_column_int64($0, 0), sqlite3_column_int64($0, 1)) })
            else { continue }
            let g = GroupKey(epoch: epoch, phase: phase, clientPlan: plan)
            if rows == 0 {
                remove.bind(roomID); remove.bind(epoch); remove.bind(phase); remove.bind(plan)
                try remove.execute()
                groups[g, default: (0, 0)].rooms -= 1
                if v > 0 { groups[g, default: (0, 0)].violating -= 1 }
            } else if v > 0 && violating == 0 {
                groups[g, default: (0, 0)].violating -= 1
            }
        }
        try applyRoomGroups(groups, db)

        var findingGroups: [FindingGroupKey: Int64] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT epoch, phase, sender_role, kind, verdict, IFNULL(exception, '') AS exception, COUNT(*) AS n
            FROM findings WHERE input_file_id = ? GROUP BY 1, 2, 3, 4, 5, 6
            """, arguments: [id]) {
            findingGroups[FindingGroupKey(epoch: row["epoch"], phase: row["phase"], senderRole: row["sender_role"], kind: row["kind"],
                                          verdict: row["verdict"], exception: row["exception"])] = -(row["n"] as Int64)
        }
        try applyFindingGroups(findingGroups, db)
        return Set(try String.fetchAll(db, sql: "SELECT DISTINCT sender_id FROM findings WHERE input_file_id = ? AND verdict = 'violation'",
                                       arguments: [id]))
    }

    private func applyRoomGroups(_ groups: [GroupKey: (rooms: Int64, violating: Int64)], _ db: Database) throws {
        for (g, d) in groups where d.rooms != 0 || d.violating != 0 {
            try db.execute(sql: """
                INSERT INTO room_group_totals (epoch, phase, client_plan, rooms, violating_rooms) VALUES (?, ?, ?, 0, 0)
                ON CONFLICT (epoch, phase, client_plan) DO NOTHING
                """, arguments: [g.epoch, g.phase, g.clientPlan])
            try db.execute(sql: """
                UPDATE room_group_totals SET rooms = rooms + ?, violating_rooms = violating_rooms + ?
                WHERE epoch = ? AND phase = ? AND client_plan = ?
                """, arguments: [d.rooms, d.violating, g.epoch, g.phase, g.clientPlan])
        }
        try db.execute(sql: "DELETE FROM room_group_totals WHERE rooms = 0")
    }

    private func applyFindingGroups(_ groups: [FindingGroupKey: Int64], _ db: Database) throws {
        for (g, n) in groups where n != 0 {
            try db.execute(sql: """
                INSERT INTO finding_group_totals (epoch, phase, sender_role, kind, verdict, exception, findings)
                VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING
                """, arguments: [g.epoch, g.phase, g.senderRole, g.kind, g.verdict, g.exception])
            try db.execute(sql: """
                UPDATE finding_group_totals SET findings = findings + ?
                WHERE epoch = ? AND phase = ? AND sender_role = ? AND kind = ? AND verdict = ? AND exception = ?
                """, arguments: [n, g.epoch, g.phase, g.senderRole, g.kind, g.verdict, g.exception])
        }
        try db.execute(sql: "DELETE FROM finding_group_totals WHERE findings = 0")
    }

    /// The repeat-offender rows of `senders`, worked out again from every stored violation; other senders'
    /// rows cannot have changed.
    func rebuildRepeatOffenders(of senders: Set<String>, _ db: Database) throws {
        guard !senders.isEmpty else { return }
        try db.execute(sql: "CREATE TEMP TABLE touched_senders (sender_id TEXT PRIMARY KEY) WITHOUT ROWID")
        defer { try? db.execute(sql: "DROP TABLE temp.touched_senders") }
        var add = try BulkInsert(db, "INSERT INTO temp.touched_senders (sender_id) VALUES (?)")
        for s in ByteOrder.sorted(senders) {
            add.bind(s)
            try add.insert()
        }
        try db.execute(sql: "DELETE FROM repeat_offenders WHERE sender_id IN (SELECT sender_id FROM temp.touched_senders)")
        try db.execute(sql: """
            INSERT INTO repeat_offenders (sender_id, sender_role, rooms, violations, first_violation_at, last_violation_at, kinds)
            SELECT sender_id,
                   (SELECT GROUP_CONCAT(sender_role, ',') FROM (SELECT DISTINCT sender_role FROM findings g
                        WHERE g.sender_id = f.sender_id AND g.verdict = 'violation' AND g.sender_role IN ('client','freelancer','unknown')
                        ORDER BY sender_role)),
                   COUNT(DISTINCT room_id), COUNT(*),
                   (SELECT sent_at FROM findings g WHERE g.sender_id = f.sender_id AND g.verdict = 'violation' ORDER BY sent_at_ns LIMIT 1),
                   (SELECT sent_at FROM findings g WHERE g.sender_id = f.sender_id AND g.verdict = 'violation' ORDER BY sent_at_ns DESC LIMIT 1),
                   (SELECT GROUP_CONCAT(kind, ',') FROM (SELECT DISTINCT kind FROM findings g
                        WHERE g.sender_id = f.sender_id AND g.verdict = 'violation' ORDER BY kind))
            FROM findings f
            WHERE f.sender_id IN (SELECT sender_id FROM temp.touched_senders)
              AND verdict = 'violation' AND sender_role IN ('client','freelancer','unknown')
            GROUP BY sender_id HAVING COUNT(DISTINCT room_id) >= 2
            """)
    }
}

/// A run's room keys across its files (room, epoch, phase, plan), with how many of its room facts (one per file)
/// hold each and how many of those are violating: what the run adds to `room_phase_totals`. Worked out from the
/// facts in memory, with no database, so it can be done beside the fact inserts.
///
/// Packed small: each fact is one `UInt64` (the room's rank among the run's rooms in id order, the epoch, phase
/// and plan as small numbers, and whether it is violating), sorted, so that the keys come out in the totals'
/// B-tree order, about, and a key's facts lie side by side. A dictionary keyed by the four strings took 4 s for
/// a night's 1.2 M facts and held 80 bytes a key; this takes 8 bytes a fact and a sort of integers.
public struct RunRoomKeys: Sendable {
    /// One key of the run and what the run adds to it.
    struct Delta {
        var roomID: String
        var epoch: String
        var phase: String
        var clientPlan: String
        var factRows: Int64
        var violatingRows: Int64
    }

    private let rooms: [String]
    private let epochs: [String]
    private let plans: [String]
    private let packed: [UInt64]
    private static let phases = Phase.allCases

    public init(_ facts: RunFacts) {
        var epochs: [String] = [], plans: [String] = []
        func index(_ s: String, in names: inout [String]) -> UInt64 {
            if let i = names.firstIndex(of: s) { return UInt64(i) }
            names.append(s)
            return UInt64(names.count - 1)
        }
        var firstSeen: [String: UInt32] = [:]
        firstSeen.reserveCapacity(facts.roomFacts.count / 4)
        var seen: [String] = []
        var packed: [UInt64] = []
        packed.reserveCapacity(facts.roomFacts.count)
        for f in facts.roomFacts {
            let room: UInt32
            if let r = firstSeen[f.key.roomID] {
                room = r
            } else {
                room = UInt32(seen.count)
                firstSeen[f.key.roomID] = room
                seen.append(f.key.roomID)
            }
            let phase = UInt64(Self.phases.firstIndex(of: f.key.phase)!)
            packed.append(UInt64(room) << 32 | index(f.key.epoch, in: &epochs) << 20 | phase << 16
                          | index(f.key.clientPlan, in: &plans) << 8 | (f.count.violatingMessages > 0 ? 1 : 0))
        }
        // Epochs come from the policy and plans are the few plan labels: far inside their bits.
        precondition(epochs.count <= 0xFFF && plans.count <= 0xFF, "more epochs or plan labels than the packing holds")
        firstSeen = [:]
        // Rooms ranked by id, so the totals take the keys in about their order.
        let order = ByteOrder.indices(seen.count, key: { seen[$0] })
        var rank = [UInt32](repeating: 0, count: seen.count)
        for (r, i) in order.enumerated() { rank[Int(i)] = UInt32(r) }
        for i in packed.indices { packed[i] = UInt64(rank[Int(packed[i] >> 32)]) << 32 | packed[i] & 0xFFFF_FFFF }
        packed.sort()
        self.rooms = order.map { seen[Int($0)] }
        self.epochs = epochs
        self.plans = plans
        self.packed = packed
    }

    /// Each key once, with its sums, in the packed order.
    func forEach(_ body: (Delta) throws -> Void) rethrows {
        var i = 0
        while i < packed.count {
            let key = packed[i] >> 8
            var rows: Int64 = 0, violating: Int64 = 0
            while i < packed.count && packed[i] >> 8 == key {
                rows += 1
                violating += Int64(packed[i] & 1)
                i += 1
            }
            try body(Delta(roomID: rooms[Int(key >> 24)], epoch: epochs[Int((key >> 12) & 0xFFF)],
                           phase: Self.phases[Int((key >> 8) & 0xF)].rawValue, clientPlan: plans[Int(key & 0xFF)],
                           factRows: rows, violatingRows: violating))
        }
    }
}
