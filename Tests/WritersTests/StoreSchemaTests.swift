import Testing
import GRDB
@testable import Writers

/// The schema's CHECK constraints are written as `=`/`OR` chains rather than
/// `IN` lists (for the speed of bulk loads): they must still accept every
/// listed value, reject anything else, and treat NULL as `IN` does.
@Suite struct StoreSchemaTests {
    @Test("oneOf is the same test as IN, NULL included", arguments: ["'pre_contract'", "'post_contract'", "'Pre_contract'", "''", "NULL", "'x'"])
    func oneOfMatchesIn(value: String) throws {
        let store = try Store()
        let phases = Store.phases
        let list = phases.map { "'\($0)'" }.joined(separator: ",")
        try store.queue.read { db in
            let viaIn = try DatabaseValue.fetchOne(db, sql: "SELECT \(value) IN (\(list))")
            let viaOneOf = try DatabaseValue.fetchOne(db, sql: "SELECT \(Store.oneOf(value, phases))")
            #expect(viaIn == viaOneOf)
        }
    }

    private func insertCall(_ store: Store, phase: String, stage: String?, role: String = "client") throws {
        try store.queue.write { db in
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM input_files")! == 0 {
                try db.execute(sql: """
                    INSERT INTO runs (id, mode, started_at, finished_at, wall_seconds, inputs, files_analyzed, files_skipped,
                        files_failed, lines_read, blank_lines, records, records_by_type, lines_rejected, rejected_by_reason,
                        duplicate_messages, messages, findings_by_verdict, uncompressed_bytes, policy, policy_hash, tool_version,
                        jobs, exit_status)
                    VALUES (1, 'analyze', 't', 't', 0, '[]', 0, 0, 0, 0, 0, 0, '{}', 0, '{}', 0, 0, '{}', 0, 'p', 'h', 'v', 1, 0)
                    """)
                try db.execute(sql: """
                    INSERT INTO input_files (id, run_id, path, content_hash, bytes, uncompressed_bytes, lines, blank_lines, records,
                        rejected_lines, status) VALUES (1, 1, 'f', 'h', 0, 0, 0, 0, 0, 0, 'analyzed')
                    """)
            }
            try db.execute(sql: """
                INSERT INTO calls (input_file_id, call_id, room_id, initiator_id, initiator_role, status, started_at, started_at_ns,
                    epoch, phase, stage) VALUES (1, 'c', 'r', 'u', ?, 'failed', 't', 0, 'e', ?, ?)
                """, arguments: [role, phase, stage])
        }
    }

    @Test("every phase and stage the schema lists is accepted")
    func acceptsListed() throws {
        let store = try Store()
        try insertCall(store, phase: "pre_contract", stage: "inquiry")
        try insertCall(store, phase: "pre_contract", stage: "offer")
        try insertCall(store, phase: "active_contract", stage: nil)
        try insertCall(store, phase: "post_contract", stage: nil, role: "unknown")
        let n = try store.queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM calls")! }
        #expect(n == 4)
    }

    @Test("values outside the lists, and a stage outside the pre-contract phase, are refused", arguments: [
        ("during", nil, "client"), ("pre_contract", nil, "client"), ("pre_contract", "signed", "client"),
        ("active_contract", "offer", "client"), ("post_contract", nil, "admin"), ("PRE_CONTRACT", "inquiry", "client"),
    ] as [(String, String?, String)])
    func refusesOthers(phase: String, stage: String?, role: String) throws {
        let store = try Store()
        #expect(throws: DatabaseError.self) { try insertCall(store, phase: phase, stage: stage, role: role) }
    }
}
