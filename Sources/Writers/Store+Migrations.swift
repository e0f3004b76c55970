import GRDB

extension Store {
    /// Named, forward-only migrations. Never edit one that has shipped: add the next.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1_runs_files_facts_ledger_reports") { db in
            try db.execute(sql: schemaV1)
        }
        m.registerMigration("v2_running_totals") { db in
            try db.execute(sql: schemaV2)
        }
        m.registerMigration("v3_call_outcomes") { db in
            try db.execute(sql: schemaV3)
        }
        // Runs recorded before stored their outcome's ordinal (0-3) as `exit_status`, not the command's exit
        // status (0, 2, 3, 4): a run with rejected lines read 1, as if it had failed.
        m.registerMigration("v4_runs_exit_status") { db in
            try db.execute(sql: "UPDATE runs SET exit_status = CASE exit_status WHEN 1 THEN 2 WHEN 2 THEN 3 WHEN 3 THEN 4 ELSE exit_status END")
        }
        return m
    }

    static let phases = ["pre_contract", "active_contract", "post_contract"]
    static let roles = ["client", "freelancer", "system", "unknown"]
    static let verdicts = ["violation", "excused", "allowed", "info"]

    /// A stage exactly when the phase is pre-contract (NULL is not let through as `IN` would let it).
    static let stageCheck = "(phase = 'pre_contract') = (stage IS NOT NULL AND \(oneOf("stage", ["inquiry", "offer"])))"

    /// `(column = 'a' OR column = 'b' …)`: the same test as `column IN ('a', 'b', …)`, NULL included, but SQLite
    /// 3.40 builds a temporary b-tree for an `IN` list each time a statement runs, so a `CHECK … IN` in a bulk
    /// load costs one temporary b-tree per row (≈ 40% of the insert time, measured with callgrind).
    static func oneOf(_ column: String, _ values: [String]) -> String {
        "(" + values.map { "\(column) = '\($0)'" }.joined(separator: " OR ") + ")"
    }

    static let schemaV1 = """
    CREATE TABLE runs (
        id                  INTEGER PRIMARY KEY,
        mode                TEXT NOT NULL CHECK (\(oneOf("mode", ["analyze", "merge"]))),
        started_at          TEXT NOT NULL,
        finished_at         TEXT NOT NULL,
        wall_seconds        REAL NOT NULL CHECK (wall_seconds >= 0),
        inputs              TEXT NOT NULL,               -- JSON array of the inputs as given
        files_analyzed      INTEGER NOT NULL CHECK (files_analyzed >= 0),
        files_skipped       INTEGER NOT NULL CHECK (files_skipped >= 0),
        files_failed        INTEGER NOT NULL CHECK (files_failed >= 0),
        lines_read          INTEGER NOT NULL CHECK (lines_read >= 0),
        blank_lines         INTEGER NOT NULL CHECK (blank_lines >= 0),
        records             INTEGER NOT NULL CHECK (records >= 0),
        records_by_type     TEXT NOT NULL,               -- JSON object: type → count
        lines_rejected      INTEGER NOT NULL CHECK (lines_rejected >= 0),
        rejected_by_reason  TEXT NOT NULL,               -- JSON object: reason → count
        duplicate_messages  INTEGER NOT NULL CHECK (duplicate_messages >= 0),
        messages            INTEGER NOT NULL CHECK (messages >= 0),
        findings_by_verdict TEXT NOT NULL,               -- JSON object: verdict → count
        uncompressed_bytes  INTEGER NOT NULL CHECK (uncompressed_bytes >= 0),
        policy              TEXT NOT NULL,               -- the policy's name
        policy_hash         TEXT NOT NULL,               -- SHA-256 of the policy file
        tool_version        TEXT NOT NULL,
        jobs                INTEGER NOT NULL CHECK (jobs >= 1),
        exit_status         INTEGER NOT NULL,
        CHECK (lines_read = blank_lines + records + lines_rejected)
    );

    CREATE TABLE input_files (
        id                  INTEGER PRIMARY KEY,
        run_id              INTEGER NOT NULL REFERENCES runs(id),
        path                TEXT NOT NULL,
        content_hash        TEXT NOT NULL,               -- SHA-256 of the file's bytes (`sha256sum`)
        bytes               INTEGER NOT NULL CHECK (bytes >= 0),
        uncompressed_bytes  INTEGER NOT NULL CHECK (uncompressed_bytes >= 0),
        lines               INTEGER NOT NULL CHECK (lines >= 0),
        blank_lines         INTEGER NOT NULL CHECK (blank_lines >= 0),
        records             INTEGER NOT NULL CHECK (records >= 0),
        rejected_lines      INTEGER NOT NULL CHECK (rejected_lines >= 0),
        status              TEXT NOT NULL CHECK (\(oneOf("status", ["analyzed", "replaced", "skipped_already_analyzed", "failed"]))),
        failure             TEXT,
        CHECK (lines = blank_lines + records + rejected_lines),
        CHECK ((status = 'failed') = (failure IS NOT NULL))
    );
    -- A file's content counts once: at most one analyzed row per hash.
    CREATE UNIQUE INDEX input_files_one_analyzed_per_hash ON input_files(content_hash) WHERE status = 'analyzed';
    CREATE INDEX input_files_run ON input_files(run_id);

    CREATE TABLE rejections (
        input_file_id       INTEGER NOT NULL REFERENCES input_files(id),
        line                INTEGER NOT NULL CHECK (line >= 1),
        reason              TEXT NOT NULL,
        PRIMARY KEY (input_file_id, line)
    ) WITHOUT ROWID;

    CREATE TABLE message_counts (
        input_file_id       INTEGER NOT NULL REFERENCES input_files(id),
        epoch               TEXT NOT NULL,
        phase               TEXT NOT NULL CHECK (\(oneOf("phase", phases))),
        stage               TEXT CHECK (\(stageCheck)),
        sender_role         TEXT NOT NULL CHECK (\(oneOf("sender_role", roles))),
        client_plan         TEXT NOT NULL,
        date                TEXT NOT NULL,
        messages            INTEGER NOT NULL CHECK (messages >= 1),
        violating_messages  INTEGER NOT NULL CHECK (violating_messages BETWEEN 0 AND messages)
    );
    CREATE INDEX message_counts_file ON message_counts(input_file_id);

    CREATE TABLE room_counts (
        input_file_id       INTEGER NOT NULL REFERENCES input_files(id),
        room_id             TEXT NOT NULL,
        epoch               TEXT NOT NULL,
        phase               TEXT NOT NULL CHECK (\(oneOf("phase", phases))),
        client_plan         TEXT NOT NULL,
        messages            INTEGER NOT NULL CHECK (messages >= 1),
        violating_messages  INTEGER NOT NULL CHECK (violating_messages BETWEEN 0 AND messages)
    );
    CREATE INDEX room_counts_file ON room_counts(input_file_id);

    CREATE TABLE findings (
        id                  INTEGER PRIMARY KEY,
        run_id              INTEGER NOT NULL REFERENCES runs(id),
        input_file_id       INTEGER NOT NULL REFERENCES input_files(id),
        message_id          TEXT NOT NULL,
        room_id             TEXT NOT NULL,
        sender_id           TEXT NOT NULL,
        sender_role         TEXT NOT NULL CHECK (\(oneOf("sender_role", roles))),
        client_plan         TEXT NOT NULL,
        sent_at             TEXT NOT NULL,               -- RFC 3339, UTC
        sent_at_ns          INTEGER NOT NULL,            -- nanoseconds since 1970, for ordering
        kind                TEXT NOT NULL,
        platform            TEXT,
        intent              TEXT NOT NULL CHECK (\(oneOf("intent", ["share", "request"]))),
        detector_rule       TEXT NOT NULL,
        source              TEXT NOT NULL,               -- `text` or `attachment:<kind>`
        span_start          INTEGER NOT NULL CHECK (span_start >= 0),
        span_end            INTEGER NOT NULL CHECK (span_end > span_start),
        epoch               TEXT NOT NULL,
        phase               TEXT NOT NULL CHECK (\(oneOf("phase", phases))),
        stage               TEXT CHECK (\(stageCheck)),
        verdict             TEXT NOT NULL CHECK (\(oneOf("verdict", verdicts))),
        exception           TEXT CHECK ((verdict = 'excused') = (exception IS NOT NULL)),
        policy_rule         TEXT NOT NULL,
        explanation         TEXT NOT NULL,
        evidence            TEXT NOT NULL                -- masked: no contact detail in clear
    );
    CREATE INDEX findings_file ON findings(input_file_id);
    CREATE INDEX findings_room_time ON findings(room_id, sent_at_ns);
    CREATE INDEX findings_sender ON findings(sender_id);

    CREATE TABLE calls (
        input_file_id       INTEGER NOT NULL REFERENCES input_files(id),
        call_id             TEXT NOT NULL,
        room_id             TEXT NOT NULL,
        initiator_id        TEXT NOT NULL,
        initiator_role      TEXT NOT NULL CHECK (\(oneOf("initiator_role", roles))),
        status              TEXT NOT NULL CHECK (\(oneOf("status", ["completed", "failed", "dropped", "missed", "declined"]))),
        media               TEXT CHECK (\(oneOf("media", ["audio", "video", "screen_share"]))),
        started_at          TEXT NOT NULL,
        started_at_ns       INTEGER NOT NULL,
        ended_at            TEXT,
        ended_at_ns         INTEGER,
        epoch               TEXT NOT NULL,
        phase               TEXT NOT NULL CHECK (\(oneOf("phase", phases))),
        stage               TEXT CHECK (\(stageCheck))
    );
    CREATE INDEX calls_file ON calls(input_file_id);
    CREATE INDEX calls_call ON calls(call_id);

    -- The room ledger: what earlier nights told about rooms, contracts and offered channels.
    CREATE TABLE ledger_rooms (
        room_id             TEXT PRIMARY KEY,
        client_id           TEXT NOT NULL,
        freelancer_id       TEXT NOT NULL,
        client_plan         TEXT CHECK (\(oneOf("client_plan", ["basic", "plus", "business", "enterprise"]))),
        created_at_ns       INTEGER
    ) WITHOUT ROWID;

    CREATE TABLE ledger_contract_events (
        contract_id         TEXT NOT NULL,
        event               TEXT NOT NULL CHECK (\(oneOf("event", ["offer_sent", "started", "ended"]))),
        room_id             TEXT NOT NULL,
        at_ns               INTEGER NOT NULL,
        PRIMARY KEY (contract_id, event)
    ) WITHOUT ROWID;

    CREATE TABLE ledger_offers (
        room_id             TEXT NOT NULL,
        party_id            TEXT NOT NULL,
        channel             TEXT NOT NULL,
        at_ns               INTEGER NOT NULL,
        PRIMARY KEY (room_id, party_id, channel)
    ) WITHOUT ROWID;

    -- Report tables: rebuilt after every run from the facts of every analyzed file;
    -- the same columns as the CSV reports (docs/METRICS.md).
    CREATE TABLE violation_rates (
        epoch TEXT NOT NULL, phase TEXT NOT NULL, sender_role TEXT NOT NULL, client_plan TEXT NOT NULL,
        messages INTEGER NOT NULL, violating_messages INTEGER NOT NULL,
        rate REAL, ci_low REAL, ci_high REAL
    );
    CREATE TABLE room_violation_rates (
        epoch TEXT NOT NULL, phase TEXT NOT NULL, client_plan TEXT NOT NULL,
        rooms INTEGER NOT NULL, violating_rooms INTEGER NOT NULL,
        rate REAL, ci_low REAL, ci_high REAL
    );
    CREATE TABLE exception_usage (
        exception TEXT NOT NULL, phase TEXT NOT NULL, sender_role TEXT NOT NULL,
        findings_excused INTEGER NOT NULL, candidates INTEGER NOT NULL, share_of_candidates REAL
    );
    CREATE TABLE call_failure_correlation (
        split TEXT NOT NULL, split_value TEXT NOT NULL, call_outcome TEXT NOT NULL,
        calls INTEGER NOT NULL, followed_by_move INTEGER NOT NULL, move_rate REAL,
        ci_low REAL, ci_high REAL, median_minutes_to_move REAL
    );
    CREATE TABLE call_failure_summary (
        split TEXT NOT NULL, split_value TEXT NOT NULL,
        failed_moved INTEGER NOT NULL, failed_not_moved INTEGER NOT NULL,
        completed_moved INTEGER NOT NULL, completed_not_moved INTEGER NOT NULL,
        relative_risk REAL, rr_ci_low REAL, rr_ci_high REAL,
        odds_ratio REAL, or_ci_low REAL, or_ci_high REAL,
        p_value REAL, corrected INTEGER NOT NULL
    );
    CREATE TABLE findings_by_kind (
        epoch TEXT NOT NULL, phase TEXT NOT NULL, kind TEXT NOT NULL, verdict TEXT NOT NULL, findings INTEGER NOT NULL
    );
    CREATE TABLE daily (
        date TEXT NOT NULL, phase TEXT NOT NULL, messages INTEGER NOT NULL, violating_messages INTEGER NOT NULL,
        rate REAL, ci_low REAL, ci_high REAL
    );
    CREATE TABLE repeat_offenders (
        sender_id TEXT NOT NULL, sender_role TEXT NOT NULL, rooms INTEGER NOT NULL, violations INTEGER NOT NULL,
        first_violation_at TEXT NOT NULL, last_violation_at TEXT NOT NULL, kinds TEXT NOT NULL
    );
    """

    /// Running totals for the reports (Store+Totals.swift), filled from the facts already stored, and the
    /// tables that let a run load only the part of the ledger its rooms can ask about (`loadLedger(for:rooms:)`).
    static let schemaV2 = """
    CREATE TABLE room_phase_totals (
        room_id             TEXT NOT NULL,
        epoch               TEXT NOT NULL,
        phase               TEXT NOT NULL,
        client_plan         TEXT NOT NULL,
        fact_rows           INTEGER NOT NULL CHECK (fact_rows >= 0),      -- room_counts rows (one per file) with this key
        violating_rows      INTEGER NOT NULL CHECK (violating_rows BETWEEN 0 AND fact_rows),
        PRIMARY KEY (room_id, epoch, phase, client_plan)
    ) WITHOUT ROWID;
    CREATE TABLE room_group_totals (
        epoch               TEXT NOT NULL,
        phase               TEXT NOT NULL,
        client_plan         TEXT NOT NULL,
        rooms               INTEGER NOT NULL CHECK (rooms >= 0),
        violating_rooms     INTEGER NOT NULL CHECK (violating_rooms BETWEEN 0 AND rooms),
        PRIMARY KEY (epoch, phase, client_plan)
    ) WITHOUT ROWID;
    CREATE TABLE finding_group_totals (
        epoch               TEXT NOT NULL,
        phase               TEXT NOT NULL,
        sender_role         TEXT NOT NULL,
        kind                TEXT NOT NULL,
        verdict             TEXT NOT NULL,
        exception           TEXT NOT NULL,                                 -- '' when none
        findings            INTEGER NOT NULL CHECK (findings >= 0),
        PRIMARY KEY (epoch, phase, sender_role, kind, verdict, exception)
    ) WITHOUT ROWID;
    INSERT INTO room_phase_totals
        SELECT room_id, epoch, phase, client_plan, COUNT(*), SUM(violating_messages > 0)
        FROM room_counts GROUP BY room_id, epoch, phase, client_plan;
    INSERT INTO room_group_totals
        SELECT epoch, phase, client_plan, COUNT(*), SUM(violating_rows > 0)
        FROM room_phase_totals GROUP BY epoch, phase, client_plan;
    INSERT INTO finding_group_totals
        SELECT epoch, phase, sender_role, kind, verdict, IFNULL(exception, ''), COUNT(*)
        FROM findings GROUP BY epoch, phase, sender_role, kind, verdict, IFNULL(exception, '');
    -- Which rooms a client and freelancer pair has had, and which contracts each room's events have named:
    -- what a run needs to load only its part of the ledger. Tables rather than indexes so that a night's rows
    -- go in in their own key order (an index would take them in the ledger's order: two seconds more on the
    -- 2 GB export). Rows are never taken out, so they may name a room's earlier pair or an event's earlier
    -- room: a superset, which only loads a few rooms more.
    CREATE TABLE ledger_pair_rooms (
        client_id           TEXT NOT NULL,
        freelancer_id       TEXT NOT NULL,
        room_id             TEXT NOT NULL,
        PRIMARY KEY (client_id, freelancer_id, room_id)
    ) WITHOUT ROWID;
    CREATE TABLE ledger_room_contracts (
        room_id             TEXT NOT NULL,
        contract_id         TEXT NOT NULL,
        PRIMARY KEY (room_id, contract_id)
    ) WITHOUT ROWID;
    INSERT INTO ledger_pair_rooms SELECT DISTINCT client_id, freelancer_id, room_id FROM ledger_rooms;
    INSERT INTO ledger_room_contracts SELECT DISTINCT room_id, contract_id FROM ledger_contract_events;
    """

    /// Each call's outcome, kept night by night (Store+CallOutcomes.swift). Left empty: the window of an older
    /// database's outcomes is not known, so the next run works them all out.
    static let schemaV3 = """
    CREATE TABLE call_outcomes (
        call_id             TEXT PRIMARY KEY,
        room_id             TEXT NOT NULL,
        outcome             TEXT NOT NULL CHECK (outcome = 'failed_or_dropped' OR outcome = 'completed'),
        phase               TEXT NOT NULL,
        media               TEXT NOT NULL,                  -- audio, video, screen_share or unknown
        delay_ns            INTEGER CHECK (delay_ns > 0)    -- from the call's end to the first move within the window; NULL: none
    ) WITHOUT ROWID;
    CREATE INDEX call_outcomes_delay ON call_outcomes(outcome, delay_ns) WHERE delay_ns IS NOT NULL;
    CREATE INDEX call_outcomes_phase_delay ON call_outcomes(outcome, phase, delay_ns) WHERE delay_ns IS NOT NULL;
    CREATE INDEX call_outcomes_media_delay ON call_outcomes(outcome, media, delay_ns) WHERE delay_ns IS NOT NULL;
    CREATE TABLE call_outcome_totals (
        outcome             TEXT NOT NULL,
        phase               TEXT NOT NULL,
        media               TEXT NOT NULL,
        calls               INTEGER NOT NULL CHECK (calls >= 0),
        moved               INTEGER NOT NULL CHECK (moved BETWEEN 0 AND calls),
        PRIMARY KEY (outcome, phase, media)
    ) WITHOUT ROWID;
    CREATE TABLE call_outcome_window (seconds INTEGER NOT NULL);   -- the window the stored outcomes used
    CREATE INDEX calls_room ON calls(room_id);
    """
}
