import Foundation
import GRDB
import Testing
import Analytics
import Policy
import Pipeline
import TestSupport
import Writers

/// The running totals (and the repeat offenders kept up to date sender by
/// sender) against the slow, trusted way: grouping every stored fact again, as
/// the report queries did before the totals. Nights in random files with rooms
/// that come back night after night, files re-analyzed with `--force` under
/// another policy (so facts move between epochs and stop or start violating),
/// and the totals filled by the migration from facts already stored.
@Suite struct RunningTotalsTests {
    /// What the totals should hold, grouped from the fact tables.
    static let reference = [
        "room_phase_totals": """
            SELECT room_id, epoch, phase, client_plan, COUNT(*), SUM(violating_messages > 0) FROM room_counts
            GROUP BY room_id, epoch, phase, client_plan ORDER BY 1, 2, 3, 4
            """,
        "room_group_totals": """
            SELECT epoch, phase, client_plan, COUNT(*), SUM(violating) FROM (
                SELECT room_id, epoch, phase, client_plan, MAX(violating_messages > 0) AS violating
                FROM room_counts GROUP BY room_id, epoch, phase, client_plan)
            GROUP BY epoch, phase, client_plan ORDER BY 1, 2, 3
            """,
        "finding_group_totals": """
            SELECT epoch, phase, sender_role, kind, verdict, IFNULL(exception, ''), COUNT(*) FROM findings
            GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
            """,
        "repeat_offenders": """
            SELECT sender_id,
                   (SELECT GROUP_CONCAT(sender_role, ',') FROM (SELECT DISTINCT sender_role FROM findings g
                        WHERE g.sender_id = f.sender_id AND g.verdict = 'violation' AND g.sender_role IN ('client','freelancer','unknown')
                        ORDER BY sender_role)),
                   COUNT(DISTINCT room_id), COUNT(*),
                   (SELECT sent_at FROM findings g WHERE g.sender_id = f.sender_id AND g.verdict = 'violation' ORDER BY sent_at_ns LIMIT 1),
                   (SELECT sent_at FROM findings g WHERE g.sender_id = f.sender_id AND g.verdict = 'violation' ORDER BY sent_at_ns DESC LIMIT 1),
                   (SELECT GROUP_CONCAT(kind, ',') FROM (SELECT DISTINCT kind FROM findings g
                        WHERE g.sender_id = f.sender_id AND g.verdict = 'violation' ORDER BY kind))
            FROM findings f WHERE verdict = 'violation' AND sender_role IN ('client','freelancer','unknown')
            GROUP BY sender_id HAVING COUNT(DISTINCT room_id) >= 2 ORDER BY 1
            """,
    ]

    /// What the totals hold, in the reference's order.
    static let stored = [
        "room_phase_totals": "SELECT * FROM room_phase_totals ORDER BY 1, 2, 3, 4",
        "room_group_totals": "SELECT * FROM room_group_totals WHERE rooms > 0 ORDER BY 1, 2, 3",
        "finding_group_totals": "SELECT * FROM finding_group_totals WHERE findings > 0 ORDER BY 1, 2, 3, 4, 5, 6",
        "repeat_offenders": "SELECT * FROM repeat_offenders ORDER BY 1",
    ]

    static func rows(_ sql: String, _ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: sql).map { r in (0..<r.count).map { "\(r[$0] as DatabaseValue)" }.joined(separator: "|") }
    }

    /// Every call's outcome worked out from all stored calls and findings, as the call report's query did before
    /// the outcomes were kept.
    static func referenceCallInputs(_ db: Database, windowSeconds: Int64) throws -> CallInputs {
        let outcomes = try Row.fetchAll(db, sql: """
            WITH one_per_call AS (
                SELECT * FROM calls WHERE rowid IN (SELECT MIN(rowid) FROM calls GROUP BY call_id)
                  AND status IN ('failed','dropped','completed')
            )
            SELECT c.status, c.phase, IFNULL(c.media, 'unknown') AS media,
                   (SELECT MIN(f.sent_at_ns) FROM findings f
                     WHERE f.room_id = c.room_id AND f.kind IN ('email','messaging_app','meeting_link','offplatform_request','phone')
                       AND f.sender_role IN ('client','freelancer')
                       AND f.sent_at_ns > IFNULL(c.ended_at_ns, c.started_at_ns)
                       AND f.sent_at_ns <= IFNULL(c.ended_at_ns, c.started_at_ns) + ?) - IFNULL(c.ended_at_ns, c.started_at_ns) AS delay_ns
            FROM one_per_call c
            """, arguments: [windowSeconds * 1_000_000_000]).map { r in
            let status: String = r["status"]
            let delay: Int64? = r["delay_ns"]
            return CallOutcome(group: status == "completed" ? .completed : .failedOrDropped, phase: r["phase"], media: r["media"],
                               minutesToMove: delay.map { Double($0) / 60e9 })
        }
        return CallInputs(outcomes: outcomes)
    }

    static func sortedCounts(_ c: CallInputs) -> [String] {
        c.counts.map { "\($0.group.rawValue)|\($0.phase)|\($0.media)|\($0.calls)|\($0.moved)" }.sorted()
    }

    /// Each total against its reference; returns how many rows they held, so a test can see they are not empty.
    @discardableResult
    static func expectTotalsMatchFacts(_ path: String, _ note: Comment, callWindowSeconds: Int64 = 30 * 60) throws -> [String: Int] {
        try DatabaseQueue(path: path).read { db in
            var sizes: [String: Int] = [:]
            for (table, sql) in reference {
                let expected = try rows(sql, db), got = try rows(stored[table]!, db)
                #expect(got == expected, "\(table) after \(note)")
                sizes[table] = got.count
            }
            let calls = try Store.reportInputs(db).calls, expected = try referenceCallInputs(db, windowSeconds: callWindowSeconds)
            #expect(sortedCounts(calls) == sortedCounts(expected), "call counts after \(note)")
            #expect(calls.medianMinutesToMove == expected.medianMinutesToMove, "call medians after \(note)")
            sizes["call counts"] = calls.counts.count
            sizes["call medians"] = calls.medianMinutesToMove.count
            return sizes
        }
    }

    /// The built-in policy with its second epoch starting later: facts of the weeks between change epoch.
    static func shiftedPolicy(_ dir: TemporaryDirectory) throws -> PolicyDocument {
        let original = try String(contentsOf: Paths.packageRoot.appendingPathComponent("Sources/Policy/DefaultPolicy.yaml"), encoding: .utf8)
        #expect(original.contains("starts: 2020-04-03"))
        try dir.write("shifted.yaml", original.replacingOccurrences(of: "starts: 2020-04-03", with: "starts: 2020-05-20"))
        return try PolicyDocument.load(contentsOf: dir.file("shifted.yaml"))
    }

    @Test(arguments: [1, 2, 3])
    func totalsFollowNightsAndReplacements(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let w = Workspace()
        // Four nights; every line of the story lands in a random night, so rooms come back night after night.
        let lines = Story.lines(rooms: 40)
        var nights = [[String]](repeating: [], count: 4)
        for line in lines { nights[Int(rng.next() % 4)].append(line) }
        for (i, night) in nights.enumerated() { try w.dir.write("n\(i).jsonl", night.joined(separator: "\n")) }

        for i in 0..<4 {
            try w.analyze([w.dir.file("n\(i).jsonl").path])
            try Self.expectTotalsMatchFacts(w.db, "night \(i)")
        }
        // Two nights again under a policy whose epochs differ: their facts go, others come.
        let shifted = try Self.shiftedPolicy(w.dir)
        let again = Int(rng.next() % 4)
        try w.analyze([w.dir.file("n\(again).jsonl").path, w.dir.file("n\((again + 1) % 4).jsonl").path], force: true, policy: shifted)
        try Self.expectTotalsMatchFacts(w.db, "re-analysis of nights \(again) and \((again + 1) % 4)")
        // And back.
        try w.analyze([w.dir.file("n\(again).jsonl").path], force: true)
        let sizes = try Self.expectTotalsMatchFacts(w.db, "re-analysis of night \(again)")
        #expect(sizes.values.allSatisfy { $0 > 0 }, "every total holds rows: \(sizes)")
        // A run with another call window works every call's outcome out again.
        try w.analyze([w.dir.file("n\((again + 2) % 4).jsonl").path], force: true, callWindowSeconds: 20 * 60)
        try Self.expectTotalsMatchFacts(w.db, "a run with a 20-minute call window", callWindowSeconds: 20 * 60)
        let (moved20, moved30) = try DatabaseQueue(path: w.db).read { db in
            (try Store.reportInputs(db).calls.counts.reduce(0) { $0 + $1.moved },
             try Self.referenceCallInputs(db, windowSeconds: 30 * 60).counts.reduce(0) { $0 + $1.moved })
        }
        #expect(moved20 > 0 && moved20 < moved30, "the shorter window leaves some calls without a move")

        // The reports read the totals: the same as one run over everything, under the same policies.
        let replaced: Int? = try w.scalar("SELECT COUNT(*) FROM input_files WHERE status = 'replaced'")
        #expect(replaced == 4)
    }

    @Test func migrationFillsTotalsFromStoredFacts() throws {
        let w = Workspace()
        try w.dir.write("n.jsonl", Story.lines(rooms: 30).joined(separator: "\n"))
        try w.analyze([w.dir.file("n.jsonl").path])
        let before = try DatabaseQueue(path: w.db).read { db in try Self.stored.mapValues { try Self.rows($0, db) } }
        #expect(try !before["room_phase_totals"]!.isEmpty && !before["finding_group_totals"]!.isEmpty)

        // A database as the first schema left it: no totals, no migration v2.
        try DatabaseQueue(path: w.db).write { db in
            try db.execute(sql: """
                DROP TABLE room_phase_totals; DROP TABLE room_group_totals; DROP TABLE finding_group_totals;
                DROP TABLE ledger_pair_rooms; DROP TABLE ledger_room_contracts;
                DELETE FROM grdb_migrations WHERE identifier = 'v2_running_totals';
                """)
        }
        let store = try Store(path: w.db)
        #expect(try store.appliedMigrations().contains("v2_running_totals"))
        let after = try store.queue.read { db in try Self.stored.mapValues { try Self.rows($0, db) } }
        #expect(after == before)
    }

    @Test func aCallExportedTwiceCountsByItsFirstRow() throws {
        let w = Workspace()
        var lines = Story.lines(rooms: 6)
        // The same call twice in one night, first as failed, then as completed (ids that sort before and after
        // the others, so that putting calls in id order would move it if a call's rows lost their order).
        for (id, first, second) in [("a-dup", "failed", "completed"), ("zz-dup", "completed", "dropped")] {
            lines.append(ExportLine.call(id, room: "r1", initiator: "c1", started: "2020-04-02T10:00:00Z", ended: "2020-04-02T10:05:00Z", status: first))
            lines.append(ExportLine.call(id, room: "r1", initiator: "c1", started: "2020-04-02T10:00:00Z", ended: "2020-04-02T10:06:00Z", status: second))
        }
        try w.dir.write("n.jsonl", lines.joined(separator: "\n"))
        try w.analyze([w.dir.file("n.jsonl").path])
        let first: String? = try w.scalar("SELECT outcome FROM call_outcomes WHERE call_id = 'a-dup'")
        let second: String? = try w.scalar("SELECT outcome FROM call_outcomes WHERE call_id = 'zz-dup'")
        #expect(first == "failed_or_dropped" && second == "completed")
        try Self.expectTotalsMatchFacts(w.db, "a call exported twice")
    }
}
