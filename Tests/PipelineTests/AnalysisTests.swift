import Foundation
import Testing
import GRDB
import Pipeline
import Writers
import TestSupport

@Suite struct AnalysisTests {
    @Test func everyConcatenatedGzipMemberIsRead() throws {
        let w = Workspace()
        let lines = Story.lines()
        let thirds = stride(from: 0, to: lines.count, by: lines.count / 3 + 1).map { Array(lines[$0..<min($0 + lines.count / 3 + 1, lines.count)]) }
        var bytes: [UInt8] = []
        for part in thirds { bytes += try gzip(part.joined(separator: "\n") + "\n") }
        try w.dir.write("export.jsonl.gz", Data(bytes))
        let s = try w.analyze([w.dir.file("export.jsonl.gz").path])
        #expect(s.linesRead == lines.count)
        #expect(s.records == lines.count)
        #expect(s.outcome == .success)
        let members: Int? = try w.scalar("SELECT COUNT(*) FROM input_files WHERE status = 'analyzed'")
        #expect(members == 1)
    }

    @Test func aTruncatedGzipFailsItsFileAndTheOthersStillCount() throws {
        let w = Workspace()
        let lines = Story.lines()
        let good = Array(lines.prefix(lines.count / 2)), rest = Array(lines.suffix(from: lines.count / 2))
        try w.dir.write("in/a.jsonl", good.joined(separator: "\n") + "\n")
        let whole = try gzip(rest.joined(separator: "\n") + "\n")
        try w.dir.write("in/b.jsonl.gz", Data(whole.prefix(whole.count * 2 / 3)))
        let log = LogLines()
        let s = try w.analyze([w.dir.file("in").path], log: log)
        #expect(s.outcome == .filesFailed)
        let failed = try #require(s.files.first { $0.status == .failed })
        #expect(failed.path.hasSuffix("in/b.jsonl.gz"))
        #expect(failed.lines > 0 && failed.lines < rest.count, "the lines read before the truncation are reported")
        #expect(failed.failure?.contains("truncated") == true, "\(failed.failure ?? "")")
        #expect(log.all.contains { $0.contains("b.jsonl.gz: file failed") && $0.contains("\(failed.lines) complete lines") })
        #expect(s.records == good.count, "the good file counts, nothing of the failed one does")
        #expect(s.rejectedByReason["file_failed"] == failed.lines)
        #expect(s.linesRead == s.records + s.blankLines + s.linesRejected)
        let status: String? = try w.scalar("SELECT status || ':' || lines FROM input_files WHERE path LIKE '%b.jsonl.gz'")
        #expect(status == "failed:\(failed.lines)")
    }

    @Test func everyRejectedLineIsCountedWithItsReasonAndTheLinesAddUp() throws {
        let w = Workspace()
        let good = Story.lines(rooms: 3)
        var lines = good
        lines.insert("{not json", at: 2)                                                     // invalid_json
        lines.insert("[1,2,3]", at: 5)                                                       // not_an_object
        lines.insert(#"{"type":"message","message_id":"x","sender_id":"c0","sent_at":"2020-03-01T00:00:00Z"}"#, at: 7) // missing room_id
        lines.insert(#"{"type":"message","message_id":"y","room_id":"r0","sender_id":"c0","sent_at":"yesterday"}"#, at: 9)
        lines.insert("", at: 11)                                                             // blank
        lines.insert("   \r", at: 12)                                                        // blank (CRLF)
        lines.insert(#"{"type":"poll","poll_id":"p"}"#, at: 13)                              // unknown type: a record, skipped
        lines.insert(#"{"type":"message","text":""# + String(repeating: "a", count: 3000) + #""}"#, at: 14) // too long for a 2 KiB cap
        var bytes = Array(lines.joined(separator: "\n").utf8)
        bytes += Array("\n".utf8) + [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D] + Array("\n".utf8)   // invalid UTF-8
        try w.dir.write("day.jsonl", Data(bytes))
        let config = AnalyzeConfiguration(inputs: [w.dir.file("day.jsonl").path], databasePath: w.db, reportsDirectory: w.reports,
                                          policy: try .builtIn(), jobs: 2, maxLineBytes: 2048)
        let log = LogLines()
        let s = try Analysis(configuration: config, detector: FakeDetector(), log: { log.append($0) }).run()
        #expect(s.outcome == .linesRejected)
        #expect(s.rejectedByReason == ["invalid_json": 1, "not_an_object": 1, "missing_field:room_id": 1,
                                       "bad_timestamp:sent_at": 1, "line_too_long": 1, "invalid_utf8": 1])
        #expect(s.blankLines == 2)
        #expect(s.recordsByType["unknown"] == 1)
        #expect(s.linesRead == lines.count + 1)
        #expect(s.linesRead == s.records + s.blankLines + s.linesRejected)
        #expect(log.all.contains { $0.hasSuffix("day.jsonl:3: rejected: invalid_json") }, "\(log.all)")
        let stored: [String] = try DatabaseQueue(path: w.db).read { db in
            try String.fetchAll(db, sql: "SELECT line || ':' || reason FROM rejections ORDER BY line")
        }
        #expect(stored == ["3:invalid_json", "6:not_an_object", "8:missing_field:room_id", "10:bad_timestamp:sent_at",
                           "15:line_too_long", "\(lines.count + 1):invalid_utf8"])
    }

    /// No order is promised, within a file or across files; nothing may depend on it.
    @Test(arguments: [1, 2, 3])
    func shufflingRecordsAcrossFilesGivesIdenticalReports(seed: UInt64) throws {
        let lines = Story.lines()
        let ordered = Workspace()
        try ordered.dir.write("all.jsonl", lines.joined(separator: "\n") + "\n")
        try ordered.analyze([ordered.dir.file("all.jsonl").path], jobs: 1)

        let shuffled = Workspace()
        var g = SplitMix64(seed: seed)
        var parts: [[String]] = Array(repeating: [], count: 4)
        for line in lines.shuffled(using: &g) { parts[Int.random(in: 0..<4, using: &g)].append(line) }
        for (i, p) in parts.enumerated() {
            let text = p.joined(separator: i == 1 ? "\r\n" : "\n") + "\n"
            if i % 2 == 0 { try shuffled.dir.write("x/part\(i).jsonl.gz", Data(try gzip(text))) } else { try shuffled.dir.write("x/part\(i).jsonl", text) }
        }
        try shuffled.analyze([shuffled.dir.file("x").path], jobs: 3)

        #expect(try shuffled.csvReports() == ordered.csvReports())
        #expect(try shuffled.findings() == ordered.findings())
        #expect(try !ordered.findings().isEmpty)
    }

    @Test func aSecondRunAddsNothingAndForceReplaces() throws {
        let w = Workspace()
        try w.dir.write("in/a.jsonl", Story.lines(rooms: 10).joined(separator: "\n"))
        try w.dir.write("in/b.jsonl.gz", Data(try gzip(Story.lines(rooms: 20).suffix(100).joined(separator: "\n"))))
        let first = try w.analyze([w.dir.file("in").path])
        let reports = try w.csvReports(), findings = try w.findings()

        let second = try w.analyze([w.dir.file("in").path])
        #expect(second.files.map(\.status) == [.skippedAlreadyAnalyzed, .skippedAlreadyAnalyzed])
        #expect(second.records == 0 && second.outcome == .success)
        #expect(try w.csvReports() == reports)
        #expect(try w.findings() == findings)

        // The same content under another name is the same file.
        try FileManager.default.copyItem(atPath: w.dir.file("in/a.jsonl").path, toPath: w.dir.file("copy.jsonl").path)
        let copy = try w.analyze([w.dir.file("copy.jsonl").path])
        #expect(copy.files.map(\.status) == [.skippedAlreadyAnalyzed])

        let forced = try w.analyze([w.dir.file("in/a.jsonl").path], force: true)
        #expect(forced.files.map(\.status) == [.analyzed])
        #expect(forced.records == first.files[0].records)
        #expect(try w.csvReports() == reports)
        #expect(try w.findings() == findings)
        let statuses: [String] = try DatabaseQueue(path: w.db).read { db in
            try String.fetchAll(db, sql: "SELECT status FROM input_files WHERE path LIKE '%in/a.jsonl' ORDER BY id")
        }
        #expect(statuses == ["replaced", "skipped_already_analyzed", "analyzed"])
        let runs: Int? = try w.scalar("SELECT COUNT(*) FROM runs")
        #expect(runs == 4)
    }

    @Test func nightsAccumulate() throws {
        let lines = Story.lines()
        let once = Workspace()
        try once.dir.write("all.jsonl", lines.joined(separator: "\n"))
        try once.analyze([once.dir.file("all.jsonl").path])

        // Rooms and contracts the first night, messages and calls the second.
        let nights = Workspace()
        let first = lines.filter { $0.contains(#""type":"room""#) || $0.contains(#""type":"contract""#) }
        let second = lines.filter { !first.contains($0) }
        try nights.dir.write("n1.jsonl", first.joined(separator: "\n"))
        try nights.dir.write("n2.jsonl", second.joined(separator: "\n"))
        try nights.analyze([nights.dir.file("n1.jsonl").path])
        try nights.analyze([nights.dir.file("n2.jsonl").path])
        #expect(try nights.findings() == once.findings())
        #expect(try nights.csvReports() == once.csvReports())
    }

    @Test func jobsDoNotChangeResults() throws {
        let w = Workspace()
        for i in 0..<5 { try w.dir.write("in/\(i).jsonl", Story.lines(rooms: 30).enumerated().filter { $0.offset % 5 == i }.map(\.element).joined(separator: "\n")) }
        let one = try w.analyze([w.dir.file("in").path], jobs: 1, db: w.dir.file("one.sqlite").path, reports: w.dir.file("one").path)
        let four = try w.analyze([w.dir.file("in").path], jobs: 4, db: w.dir.file("four.sqlite").path, reports: w.dir.file("four").path)
        #expect(try w.csvReports(w.dir.file("one").path) == w.csvReports(w.dir.file("four").path))
        #expect(try w.findings(w.dir.file("one.sqlite").path) == w.findings(w.dir.file("four.sqlite").path))
        // With more than one job the run's transaction opens before judging (calls and ledger first), the run's
        // row goes in before its findings are counted and is brought up to date: every table ends the same.
        let tables = try w.tableRows(w.dir.file("one.sqlite").path)
        #expect(tables == (try w.tableRows(w.dir.file("four.sqlite").path)))
        #expect(["calls", "ledger_rooms", "ledger_contract_events", "call_outcomes", "runs"].allSatisfy { !(tables[$0] ?? []).isEmpty })
        for (summary, path) in [(one, "one.sqlite"), (four, "four.sqlite")] {
            #expect(!summary.findingsByVerdict.isEmpty)
            let stored: String? = try w.scalar("SELECT findings_by_verdict FROM runs", w.dir.file(path).path)
            let counts = try JSONDecoder().decode([String: Int].self, from: Data((stored ?? "").utf8))
            #expect(counts == summary.findingsByVerdict, "the run's row counts its judged findings")
        }
    }

    /// A later night reads what the ledger knew before and stores its updates while its rooms are settled (with
    /// more than one job): two nights in a row, with rooms whose records span both, end the same on 1 and 4 jobs.
    @Test func jobsDoNotChangeALaterNight() throws {
        let w = Workspace()
        let lines = Story.lines(rooms: 30)
        for i in 0..<4 { try w.dir.write("night\(i / 2)/\(i).jsonl", lines.enumerated().filter { $0.offset % 4 == i }.map(\.element).joined(separator: "\n")) }
        for (jobs, name) in [(1, "one"), (4, "four")] {
            for night in 0..<2 {
                try w.analyze([w.dir.file("night\(night)").path], jobs: jobs, db: w.dir.file("\(name).sqlite").path, reports: w.dir.file(name).path)
            }
        }
        #expect(try w.csvReports(w.dir.file("one").path) == w.csvReports(w.dir.file("four").path))
        let tables = try w.tableRows(w.dir.file("one.sqlite").path)
        #expect(tables == (try w.tableRows(w.dir.file("four.sqlite").path)))
        #expect(tables["runs"]?.count == 2)
        #expect(["ledger_rooms", "ledger_contract_events", "ledger_offers", "call_outcomes"].allSatisfy { !(tables[$0] ?? []).isEmpty })
    }

    /// A room's messages with findings are counted in the same `room_counts` row as its other messages under the
    /// same key (file, room, epoch, phase, plan): one row per key, on one job and on several.
    @Test(arguments: [1, 3])
    func roomCountsHoldOneRowPerKey(jobs: Int) throws {
        let w = Workspace()
        try w.dir.write("in/night.jsonl", Story.lines(rooms: 30).joined(separator: "\n"))
        try w.analyze([w.dir.file("in").path], jobs: jobs)
        let repeated: Int? = try w.scalar("""
            SELECT COUNT(*) FROM (SELECT 1 FROM room_counts GROUP BY input_file_id, room_id, epoch, phase, client_plan HAVING COUNT(*) > 1)
            """)
        #expect(repeated == 0)
        // Rooms with findings hold messages without any too, so joining is what keeps them to one row.
        let joined: Int? = try w.scalar("""
            SELECT COUNT(*) FROM room_counts WHERE violating_messages > 0 AND violating_messages < messages
            """)
        #expect((joined ?? 0) > 0)
    }

    /// The writes start before judging (on their own thread with more than one job): a write that fails before
    /// judging ends (the calls) or after (the findings) fails the run, without waiting for ever, and leaves the
    /// database as it was.
    @Test("a write that fails before or after judging fails the run and leaves nothing", arguments: [
        ("calls", 1), ("calls", 2), ("findings", 1), ("findings", 2), ("ledger_rooms", 2),
    ])
    func aFailedWriteLeavesNothing(table: String, jobs: Int) throws {
        let w = Workspace()
        let lines = Story.lines(rooms: 12)
        try w.dir.write("n1.jsonl", lines.prefix(lines.count / 2).joined(separator: "\n"))
        try w.dir.write("n2.jsonl", lines.suffix(from: lines.count / 2).joined(separator: "\n"))
        try w.analyze([w.dir.file("n1.jsonl").path], jobs: jobs)
        let before = try w.tableRows()
        try DatabaseQueue(path: w.db).write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON \(table) BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        #expect(throws: (any Error).self) { try w.analyze([w.dir.file("n2.jsonl").path], jobs: jobs) }
        #expect(try w.tableRows() == before, "nothing of the failed run is in the database")
    }

    /// The `runs` row records the command's exit status (README): 0, 2 (lines rejected), 3 (files failed), 4 (nothing
    /// read).
    @Test func theRunRowRecordsTheExitStatus() throws {
        let w = Workspace()
        let lines = Story.lines(rooms: 4)
        try w.dir.write("ok.jsonl", lines.joined(separator: "\n"))
        try w.dir.write("rejects.jsonl", (lines.prefix(5) + ["{not json"]).joined(separator: "\n").replacingOccurrences(of: "m", with: "n"))
        try w.dir.write("broken.jsonl.gz", Data(try gzip(lines.joined(separator: "\n")).prefix(200)))
        var recorded: [(RunOutcome, Int32)] = []
        for names in [["ok.jsonl"], ["rejects.jsonl"], ["ok.jsonl", "broken.jsonl.gz"], ["broken.jsonl.gz"]] {
            let s = try w.analyze(names.map { w.dir.file($0).path })
            let status: Int32? = try w.scalar("SELECT exit_status FROM runs ORDER BY id DESC LIMIT 1")
            recorded.append((s.outcome, try #require(status)))
        }
        #expect(recorded.map(\.0) == [.success, .linesRejected, .filesFailed, .nothingRead])
        #expect(recorded.map(\.1) == [0, 2, 3, 4])
        #expect(recorded.allSatisfy { $0.0.exitStatus == $0.1 })
    }

    /// Runs recorded before migration v4 stored the outcome's ordinal; the migration turns it into the exit status.
    @Test func migrationV4CorrectsStoredExitStatuses() throws {
        let w = Workspace()
        try w.dir.write("n.jsonl", Story.lines(rooms: 3).joined(separator: "\n"))
        try w.analyze([w.dir.file("n.jsonl").path])
        try DatabaseQueue(path: w.db).write { db in
            for old in 1...3 {
                try db.execute(sql: """
                    INSERT INTO runs (mode, started_at, finished_at, wall_seconds, inputs, files_analyzed, files_skipped, files_failed,
                        lines_read, blank_lines, records, records_by_type, lines_rejected, rejected_by_reason, duplicate_messages,
                        messages, findings_by_verdict, uncompressed_bytes, policy, policy_hash, tool_version, jobs, exit_status)
                    SELECT mode, started_at, finished_at, wall_seconds, inputs, files_analyzed, files_skipped, files_failed,
                        lines_read, blank_lines, records, records_by_type, lines_rejected, rejected_by_reason, duplicate_messages,
                        messages, findings_by_verdict, uncompressed_bytes, policy, policy_hash, tool_version, jobs, ?
                    FROM runs WHERE id = 1
                    """, arguments: [old])
            }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4_runs_exit_status'")
        }
        let store = try Store(path: w.db)
        #expect(try store.appliedMigrations().contains("v4_runs_exit_status"))
        let statuses = try store.queue.read { db in try Int.fetchAll(db, sql: "SELECT exit_status FROM runs ORDER BY id") }
        #expect(statuses == [0, 2, 3, 4])
    }

    @Test func nothingToReadIsSaidSo() throws {
        let w = Workspace()
        let s = try w.analyze([w.dir.file("missing.jsonl.gz").path])
        #expect(s.outcome == .nothingRead)
        #expect(s.files.first?.failure?.contains("cannot open") == true)
    }
}
