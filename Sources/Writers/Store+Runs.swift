import Foundation
import GRDB
import ExportFormat
import Policy
import Analytics

extension Store {
    /// Whether a file with this content was analyzed before (and not replaced since).
    public func isAnalyzed(contentHash: String) throws -> Bool {
        try queue.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM input_files WHERE content_hash = ? AND status = 'analyzed')",
                              arguments: [contentHash]) ?? false
        }
    }

    /// What a run writes once its findings are judged.
    public struct JudgedRun: Sendable {
        public var run: RunRecord
        public var facts: RunFacts
        /// The room keys of `facts` for the running totals, when made beside the inserts (made here when nil).
        public var roomKeys: (@Sendable () -> RunRoomKeys)?
        /// The orders the findings and the room counts go in (`Store.findingOrder`, `Store.roomCountOrder`),
        /// when made beside the inserts (made here when nil).
        public var findingOrder: (@Sendable () -> [Int32])?
        public var roomCountOrder: (@Sendable () -> [Int32])?

        public init(run: RunRecord, facts: RunFacts, roomKeys: (@Sendable () -> RunRoomKeys)? = nil,
                    findingOrder: (@Sendable () -> [Int32])? = nil, roomCountOrder: (@Sendable () -> [Int32])? = nil) {
            self.run = run
            self.facts = facts
            self.roomKeys = roomKeys
            self.findingOrder = findingOrder
            self.roomCountOrder = roomCountOrder
        }
    }

    /// Writes a whole run in one transaction: the run, its files, the facts of
    /// the files it analyzed (replacing those of files re-analyzed with
    /// `--force`), the ledger updates, the running totals, call outcomes (with `callWindowSeconds`) and repeat
    /// offenders, and the rebuilt report tables.
    /// Returns the run id.
    ///
    /// What is known before judging goes in first — the files, the ledger (`ledger` gives the run's ledger
    /// updates prepared for storing) and the calls (`calls` gives the run's, their phases known) — and only then
    /// is `judged` asked for the rest. Each is asked for when its turn comes, so a caller can go on settling
    /// and judging on other threads while this one writes.
    /// The run's row goes in first too, as `judged` will describe it, and is brought up to date from it.
    /// Facts refer to files by their index in `files`. `mark` is told when each part is written (for stage
    /// timings).
    @discardableResult
    public func record(files: [InputFileRecord], ledger: () -> LedgerRows, calls: () -> [CallFact],
                       judged: () throws -> JudgedRun, provisional: RunRecord, callWindowSeconds: Int64,
                       mark: (String) -> Void = { _ in }, reports: (Database) throws -> Void) throws -> Int64 {
        // A night's rows land mostly on new pages: with a rollback journal they are written once, where WAL writes
        // them twice (to the log, then by the checkpoint). WAL again afterwards, so readers between runs never
        // hold up the next run.
        // Exclusive from the start: with a rollback journal, a reader that came in later would hold up every step
        // that needs the database to itself (and the pages it could not write would stay in memory); it waits
        // for the run instead. Under WAL an exclusive transaction still lets readers read.
        let journaled = path != ":memory:"
        if journaled { try queue.writeWithoutTransaction { db in try Self.switchJournal(to: .delete, db) } }
        defer { if journaled { try? queue.writeWithoutTransaction { db in try Self.switchJournal(to: .wal, db) } } }
        try queue.inTransaction(.exclusive) { db in
            try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheUntilJudgedKiB)")
            let runID = try insertRun(provisional, db)
            var fileIDs: [Int64] = []
            var touchedSenders = Set<String>()
            for f in files {
                if f.status == .analyzed { touchedSenders.formUnion(try retireAnalyzed(contentHash: f.contentHash, db)) }
                fileIDs.append(try insertFile(f, runID: runID, db))
            }
            do {
                // The rows go as soon as they are stored, not at the end of the transaction.
                let rows = ledger()
                mark("ledger rows in key order")
                try saveLedger(rows, db)
            }
            mark("insert ledger")
            let callList = calls()
            mark("waiting for the calls")
            try insertCalls(callList, fileIDs: fileIDs, db)
            mark("insert calls")
            let j = try judged()
            mark("waiting for judging")
            try db.execute(sql: "PRAGMA cache_size = -\(Self.cacheKiB)")
            try updateRun(j.run, id: runID, db)
            try insertFacts(j.facts, runID: runID, fileIDs: fileIDs, db,
                            findingOrder: j.findingOrder ?? { [facts = j.facts] in Self.findingOrder(facts.findings) },
                            roomCountOrder: j.roomCountOrder ?? { [facts = j.facts, n = files.count] in
                                Self.roomCountOrder(facts.roomFacts, files: n)
                            }, mark: mark)
            try noteCallsAffected(byFiles: zip(files, fileIDs).filter { $0.0.status == .analyzed }.map(\.1), db)
            try updateCallOutcomes(windowSeconds: callWindowSeconds, db)
            mark("call outcomes")
            let keys = j.roomKeys?() ?? RunRoomKeys(j.facts)
            mark("running totals: room keys of the run")
            try addTotals(j.facts, roomKeys: keys, touchedSenders: touchedSenders, db, mark: mark)
            mark("repeat offenders")
            try reports(db)
            return .commit
        }
        return try queue.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM runs")! }
    }

    /// The columns of a run's row a run describes (the file counters are counted as its files go in).
    private static let runColumns = ["mode", "started_at", "finished_at", "wall_seconds", "inputs", "lines_read", "blank_lines",
                                     "records", "records_by_type", "lines_rejected", "rejected_by_reason", "duplicate_messages",
                                     "messages", "findings_by_verdict", "uncompressed_bytes", "policy", "policy_hash",
                                     "tool_version", "jobs", "exit_status"]

    private static func runValues(_ r: RunRecord) -> StatementArguments {
        [r.mode.rawValue, r.startedAt.rfc3339, r.finishedAt.rfc3339, r.wallSeconds, Self.json(r.inputs),
         r.linesRead, r.blankLines, r.records, Self.json(r.recordsByType), r.linesRejected,
         Self.json(r.rejectedByReason), r.duplicateMessages, r.messages, Self.json(r.findingsByVerdict),
         r.uncompressedBytes, r.policyName, r.policyHash, r.toolVersion, r.jobs, Int(r.exitStatus)]
    }

    func insertRun(_ r: RunRecord, _ db: Database) throws -> Int64 {
        let columns = Self.runColumns + ["files_analyzed", "files_skipped", "files_failed"]
        let values = Array(repeating: "?", count: Self.runColumns.count) + ["0", "0", "0"]
        try db.execute(sql: "INSERT INTO runs (\(columns.joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")))",
                       arguments: Self.runValues(r))
        return db.lastInsertedRowID
    }

    func updateRun(_ r: RunRecord, id: Int64, _ db: Database) throws {
        let assignments = Self.runColumns.map { "\($0) = ?" }.joined(separator: ", ")
        try db.execute(sql: "UPDATE runs SET \(assignments) WHERE id = ?", arguments: Self.runValues(r) + [id])
    }

    /// An earlier analysis of the same content is superseded: its facts go (and leave the running totals), its
    /// row stays as history. Returns the senders whose violations went with it.
    func retireAnalyzed(contentHash: String, _ db: Database) throws -> Set<String> {
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM input_files WHERE content_hash = ? AND status = 'analyzed'",
                                     arguments: [contentHash])
        var senders = Set<String>()
        for id in ids {
            senders.formUnion(try retireTotals(ofFile: id, db))
            try noteCallsAffected(byFiles: [id], db)
            for table in ["message_counts", "room_counts", "findings", "calls"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE input_file_id = ?", arguments: [id])
            }
            try db.execute(sql: "UPDATE input_files SET status = 'replaced' WHERE id = ?", arguments: [id])
        }
        return senders
    }

    func insertFile(_ f: InputFileRecord, runID: Int64, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO input_files (run_id, path, content_hash, bytes, uncompressed_bytes, lines, blank_lines, records,
                rejected_lines, status, failure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [runID, f.path, f.contentHash, f.bytes, f.uncompressedBytes, f.lines, f.blankLines, f.records,
                             f.rejectedLines, f.status.rawValue, f.failure])
        let id = db.lastInsertedRowID
        let column = ["analyzed": "files_analyzed", "failed": "files_failed", "skipped_already_analyzed": "files_skipped"][f.status.rawValue]
        if let column {
            try db.execute(sql: "UPDATE runs SET \(column) = \(column) + 1 WHERE id = ?", arguments: [runID])
        }
        let stmt = try db.makeStatement(sql: "INSERT OR REPLACE INTO rejections (input_file_id, line, reason) VALUES (?, ?, ?)")
        for r in f.rejections { try stmt.execute(arguments: [id, r.line, r.reason]) }
        return id
    }

    /// The order a run's findings go in: by room id (UTF-8 bytes), then time, then as judged. The room index
    /// then takes them in sequence (inserting a night's findings in message order cost 1.5 s against 0.8 s in
    /// the sqlite3 shell, most of it that index's random inserts).
    public static func findingOrder(_ findings: [JudgedFinding]) -> [Int32] {
        ByteOrder.indices(findings.count, key: { findings[$0].roomID }) { a, b in
            (findings[a].sentAt.nanosecondsSinceEpoch, a) < (findings[b].sentAt.nanosecondsSinceEpoch, b)
        }
    }

    /// The order a run's room counts go in: file by file (`files` of them), within a file by room id (UTF-8
    /// bytes), epoch, phase and plan. The file index then takes each file's rows at its end (a night's million
    /// rows, 1.0 -> 0.6 s in the sqlite3 shell, against four files interleaved), and a night's rows get the same
    /// row ids whatever order the threads settled and judged its rooms in.
    public static func roomCountOrder(_ facts: [RoomFact], files: Int) -> [Int32] {
        let byRoom = ByteOrder.indices(facts.count, key: { facts[$0].key.roomID }) { a, b in
            let x = facts[a].key, y = facts[b].key
            return (x.epoch, x.phase.rawValue, x.clientPlan, x.file) < (y.epoch, y.phase.rawValue, y.clientPlan, y.file)
        }
        return ByteOrder.grouped(byRoom, groups: files) { Int(facts[$0].key.file) }
    }

    /// The judged facts: message counts, findings, room counts, in the orders given (asked for when their turn
    /// comes, so they can be made on another thread meanwhile).
    func insertFacts(_ facts: RunFacts, runID: Int64, fileIDs: [Int64], _ db: Database, findingOrder: () -> [Int32],
                     roomCountOrder: () -> [Int32], mark: (String) -> Void = { _ in }) throws {
        try BatchedInsert.rows(db, into: """
            INSERT INTO message_counts (input_file_id, epoch, phase, stage, sender_role, client_plan, date, messages, violating_messages)
            """, columns: 9) { counts in
            for (k, v) in MessageCountKey.inKeyOrder(facts.messageCounts) {
                counts.bind(fileIDs[Int(k.file)]); counts.bind(k.epoch); counts.bind(k.phase.rawValue); counts.bind(k.stage?.rawValue)
                counts.bind(k.senderRole.rawValue); counts.bind(k.clientPlan); counts.bind(k.date); counts.bind(v.messages)
                counts.bind(v.violatingMessages)
                try counts.endRow()
            }
        }
        mark("insert message counts")
        let findingList = facts.findings
        let findingOrder = findingOrder()
        mark("waiting for the findings' order")
        try BatchedInsert.rows(db, into: """
            INSERT INTO findings (run_id, input_file_id, message_id, room_id, sender_id, sender_role, client_plan, sent_at, sent_at_ns,
                kind, platform, intent, detector_rule, source, span_start, span_end, epoch, phase, stage, verdict, exception,
                policy_rule, explanation, evidence)
            """, columns: 24) { findings in
            for i in findingOrder {
                let f = findingList[Int(i)]
                let d = f.finding
                findings.bind(runID); findings.bind(fileIDs[Int(f.file)]); findings.bind(f.messageID); findings.bind(f.roomID)
                findings.bind(f.senderID); findings.bind(f.senderRole.rawValue); findings.bind(f.clientPlan); findings.bind(f.sentAt.rfc3339)
                findings.bind(f.sentAt.nanosecondsSinceEpoch); findings.bind(d.kind.rawValue); findings.bind(d.platform)
                findings.bind(d.intent.rawValue); findings.bind(d.detectorRule); findings.bind(d.context.source.label); findings.bind(d.start)
                findings.bind(d.end); findings.bind(f.epoch); findings.bind(f.phase.phase.rawValue); findings.bind(f.phase.stage?.rawValue)
                findings.bind(f.verdict.rawValue); findings.bind(f.exception); findings.bind(f.policyRule); findings.bind(f.explanation)
                findings.bind(d.evidence)
                try findings.endRow()
            }
        }
        mark("insert findings")
        let roomFacts = facts.roomFacts
        let roomOrder = roomCountOrder()
        mark("waiting for the room counts' order")
        try BatchedInsert.rows(db, into: """
            INSERT INTO room_counts (input_file_id, room_id, epoch, phase, client_plan, messages, violating_messages)
            """, columns: 7) { rooms in
            for i in roomOrder {
                let r = roomFacts[Int(i)]
                let k = r.key
                rooms.bind(fileIDs[Int(k.file)]); rooms.bind(k.roomID); rooms.bind(k.epoch); rooms.bind(k.phase.rawValue)
                rooms.bind(k.clientPlan); rooms.bind(r.count.messages); rooms.bind(r.count.violatingMessages)
                try rooms.endRow()
            }
        }
        mark("insert room counts")
    }

    func insertCalls(_ callList: [CallFact], fileIDs: [Int64], _ db: Database) throws {
        // In call id order (the id index takes them in sequence); a call's rows keep their order, so its first
        // stored row, the one the reports count, is the same.
        try BatchedInsert.rows(db, into: """
            INSERT INTO calls (input_file_id, call_id, room_id, initiator_id, initiator_role, status, media, started_at, started_at_ns,
                ended_at, ended_at_ns, epoch, phase, stage)
            """, columns: 14) { calls in
            for i in ByteOrder.indices(callList.count, key: { callList[$0].callID }, tie: { $0 < $1 }) {
                let c = callList[Int(i)]
                calls.bind(fileIDs[Int(c.file)]); calls.bind(c.callID); calls.bind(c.roomID); calls.bind(c.initiatorID)
                calls.bind(c.initiatorRole.rawValue); calls.bind(c.status.rawValue); calls.bind(c.media?.rawValue)
                calls.bind(c.startedAt.rfc3339); calls.bind(c.startedAt.nanosecondsSinceEpoch); calls.bind(c.endedAt?.rfc3339)
                calls.bind(c.endedAt?.nanosecondsSinceEpoch); calls.bind(c.epoch); calls.bind(c.phase.phase.rawValue)
                calls.bind(c.phase.stage?.rawValue)
                try calls.endRow()
            }
        }
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: try! e.encode(value), as: UTF8.self)
    }
}
