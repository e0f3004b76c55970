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

    /// Writes a whole run in one transaction: the run, its files, the facts of
    /// the files it analyzed (replacing those of files re-analyzed with
    /// `--force`), the ledger updates, and the rebuilt report tables. Returns the run id.
    ///
    /// `facts` refer to files by their index in `files`.
    @discardableResult
    public func record(run: RunRecord, files: [InputFileRecord], facts: RunFacts, reports: (Database) throws -> Void) throws -> Int64 {
        try queue.inTransaction { db in
            let runID = try insertRun(run, db)
            var fileIDs: [Int64] = []
            for f in files {
                if f.status == .analyzed { try retireAnalyzed(contentHash: f.contentHash, db) }
                fileIDs.append(try insertFile(f, runID: runID, db))
            }
            try insertFacts(facts, runID: runID, fileIDs: fileIDs, db)
            try saveLedger(facts.ledger, db)
            try reports(db)
            return .commit
        }
        return try queue.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM runs")! }
    }

    func insertRun(_ r: RunRecord, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO runs (mode, started_at, finished_at, wall_seconds, inputs, files_analyzed, files_skipped, files_failed,
                lines_read, blank_lines, records, records_by_type, lines_rejected, rejected_by_reason, duplicate_messages,
                messages, findings_by_verdict, uncompressed_bytes, policy, policy_hash, tool_version, jobs, exit_status)
            VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [r.mode.rawValue, r.startedAt.rfc3339, r.finishedAt.rfc3339, r.wallSeconds, Self.json(r.inputs),
                             r.linesRead, r.blankLines, r.records, Self.json(r.recordsByType), r.linesRejected,
                             Self.json(r.rejectedByReason), r.duplicateMessages, r.messages, Self.json(r.findingsByVerdict),
                             r.uncompressedBytes, r.policyName, r.policyHash, r.toolVersion, r.jobs, Int(r.exitStatus)])
        return db.lastInsertedRowID
    }

    /// An earlier analysis of the same content is superseded: its facts go, its row stays as history.
    func retireAnalyzed(contentHash: String, _ db: Database) throws {
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM input_files WHERE content_hash = ? AND status = 'analyzed'",
                                     arguments: [contentHash])
        for id in ids {
            for table in ["message_counts", "room_counts", "findings", "calls"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE input_file_id = ?", arguments: [id])
            }
            try db.execute(sql: "UPDATE input_files SET status = 'replaced' WHERE id = ?", arguments: [id])
        }
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

    func insertFacts(_ facts: RunFacts, runID: Int64, fileIDs: [Int64], _ db: Database) throws {
        let counts = try db.makeStatement(sql: """
            INSERT INTO message_counts (input_file_id, epoch, phase, stage, sender_role, client_plan, date, messages, violating_messages)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (k, v) in facts.messageCounts.sorted(by: { $0.key < $1.key }) {
            try counts.execute(arguments: [fileIDs[Int(k.file)], k.epoch, k.phase.rawValue, k.stage?.rawValue, k.senderRole.rawValue,
                                           k.clientPlan, k.date, v.messages, v.violatingMessages])
        }
        let rooms = try db.makeStatement(sql: """
            INSERT INTO room_counts (input_file_id, room_id, epoch, phase, client_plan, messages, violating_messages)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        // Rooms are many; rows need no order, so they go in as they come.
        for (k, v) in facts.roomFacts {
            try rooms.execute(arguments: [fileIDs[Int(k.file)], k.roomID, k.epoch, k.phase.rawValue, k.clientPlan, v.messages, v.violatingMessages])
        }
        let findings = try db.makeStatement(sql: """
            INSERT INTO findings (run_id, input_file_id, message_id, room_id, sender_id, sender_role, client_plan, sent_at, sent_at_ns,
                kind, platform, intent, detector_rule, source, span_start, span_end, epoch, phase, stage, verdict, exception,
                policy_rule, explanation, evidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for f in facts.findings {
            let d = f.finding
            findings.setUncheckedArguments([
                runID, fileIDs[Int(f.file)], f.messageID, f.roomID, f.senderID, f.senderRole.rawValue, f.clientPlan,
                f.sentAt.rfc3339, f.sentAt.nanosecondsSinceEpoch, d.kind.rawValue, d.platform, d.intent.rawValue, d.detectorRule,
                d.context.source.label, d.start, d.end, f.epoch, f.phase.phase.rawValue, f.phase.stage?.rawValue,
                f.verdict.rawValue, f.exception, f.policyRule, f.explanation, d.evidence,
            ])
            try findings.execute()
        }
        let calls = try db.makeStatement(sql: """
            INSERT INTO calls (input_file_id, call_id, room_id, initiator_id, initiator_role, status, media, started_at, started_at_ns,
                ended_at, ended_at_ns, epoch, phase, stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for c in facts.calls {
            try calls.execute(arguments: [
                fileIDs[Int(c.file)], c.callID, c.roomID, c.initiatorID, c.initiatorRole.rawValue, c.status.rawValue, c.media?.rawValue,
                c.startedAt.rfc3339, c.startedAt.nanosecondsSinceEpoch, c.endedAt?.rfc3339, c.endedAt?.nanosecondsSinceEpoch,
                c.epoch, c.phase.phase.rawValue, c.phase.stage?.rawValue,
            ])
        }
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: try! e.encode(value), as: UTF8.self)
    }
}
