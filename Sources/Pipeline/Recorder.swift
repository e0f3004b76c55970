import Foundation
import ExportFormat
import Policy
import Analytics
import Writers

/// The last stage of `analyze` and `merge`: judges settled facts with every
/// room the ledger knows, writes the run in one transaction with its rebuilt
/// reports, then writes the CSVs.
struct Recorder: Sendable {
    let store: Store
    let policy: PolicyDocument
    let callWindowSeconds: Int64
    let reportsDirectory: String

    /// A run on its way into the database, from the end of reading to the CSVs.
    ///
    /// With more than one job, the run's transaction opens on a thread of its own as soon as the night's ledger
    /// updates are complete (`ledgerComplete`), while settling goes on: the run's row, the files and the ledger
    /// go in first (the ledger's rows put in key order on a third thread), the calls once settling has given
    /// their phases, the judged facts once judging is done. With one job, the same steps one after the other,
    /// after settling.
    final class Recording: @unchecked Sendable {
        fileprivate let mode: RunRecord.Mode
        fileprivate let inputs: [String]
        fileprivate let jobs: Int
        fileprivate let files: [InputFileRecord]
        fileprivate let started: Timestamp
        fileprivate var summary: RunSummary
        fileprivate var delta: Handoff<LedgerDelta>?
        fileprivate let calls = Handoff<[CallFact]>.Awaited()
        fileprivate let judged = Handoff<Store.JudgedRun>.Awaited()
        fileprivate var writer: Background<Result<Written, Error>>?
        fileprivate let log: MessageLog = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }

        fileprivate init(mode: RunRecord.Mode, inputs: [String], jobs: Int, files: [InputFileRecord], started: Timestamp,
                         summary: RunSummary) {
            self.mode = mode
            self.inputs = inputs
            self.jobs = jobs
            self.files = files
            self.started = started
            self.summary = summary
        }
    }

    fileprivate typealias Written = (run: RunRecord, tables: [ReportTable])

    /// Begins recording a run of `files` (all of them, read or not).
    func begin(mode: RunRecord.Mode, inputs: [String], jobs: Int, files: [InputFileRecord], recordsByType: [String: Int],
               started: Timestamp) -> Recording {
        var summary = RunSummary(files: files, linesRead: 0, blankLines: 0, recordsByType: recordsByType, rejectedByReason: [:],
                                 messages: 0, duplicateMessages: 0, findingsByVerdict: [:],
                                 bytesRead: files.reduce(0) { $0 + $1.bytes }, uncompressedBytes: files.reduce(0) { $0 + $1.uncompressedBytes },
                                 wallSeconds: 0, policyLabel: policy.label, databasePath: store.path, reportsDirectory: reportsDirectory)
        for f in files {
            summary.linesRead += f.lines
            summary.blankLines += f.blankLines
            if f.status == .failed, f.lines > 0 { summary.rejectedByReason["file_failed", default: 0] += f.lines }
            for r in f.rejections { summary.rejectedByReason[r.reason, default: 0] += 1 }
        }
        return Recording(mode: mode, inputs: inputs, jobs: jobs, files: files, started: started, summary: summary)
    }

    /// The run's ledger updates are complete: with more than one job, the run's writes begin now.
    func ledgerComplete(_ recording: Recording, _ delta: consuming LedgerDelta) {
        precondition(recording.delta == nil, "the ledger updates are handed over once")
        let handed = Handoff(delta)
        recording.delta = handed
        guard recording.jobs > 1 else { return }
        let writerTimings = StageTimings(log: recording.log)
        // The row the run has so far (its messages and findings are counted later, and the row brought up to date).
        let provisional = runRecord(recording, summary: recording.summary)
        let rows = Background { LedgerRows(handed.take()) }
        recording.writer = Background { [self] in
            Result { try write(recording, provisional: provisional, ledgerRows: { rows.take() },
                               calls: { recording.calls.wait() }, judged: { recording.judged.wait() }, mark: writerTimings.mark) }
        }
    }

    /// Judges the settled facts and finishes the run: `ledger` is everything known about rooms — earlier nights
    /// updated with this run's records.
    func record(_ recording: Recording, settled: consuming SettledFacts, ledger: RoomLedger, messages: Int,
                duplicateMessages: Int, clock: ContinuousClock.Instant) throws -> RunSummary {
        if recording.delta == nil {
            ledgerComplete(recording, settled.ledger)
            settled.ledger = LedgerDelta()
        }
        let timings = StageTimings(log: recording.log)
        recording.summary.messages = messages
        recording.summary.duplicateMessages = duplicateMessages
        let counted = recording.summary
        let calls = settled.calls
        settled.calls = []
        let pending = Handoff(settled)
        let jobs = recording.jobs
        let judgeOnce = { @Sendable [policy] () -> Store.JudgedRun in
            let facts = pending.take().finalize(judge: Judge(policy: policy), ledger: ledger, jobs: jobs)
            HeapTuning.returnFreedMemory()
            timings.mark("judge")
            var judged = counted
            judged.findingsByVerdict = Dictionary(uniqueKeysWithValues: facts.findingsByVerdict.map { ($0.key.rawValue, $0.value) })
            judged.wallSeconds = clock.secondsElapsed
            let run = runRecord(recording, summary: judged)
            // With more than one job, the orders the findings and the room counts go in, and the room keys for the
            // running totals, are made on a thread of their own while the writer stores the judged facts, each
            // ready before the writer wants it (the findings' order after the message counts, the room counts'
            // after the findings, the keys after the call outcomes).
            guard jobs > 1 else { return Store.JudgedRun(run: run, facts: facts) }
            let findingOrder = Handoff<[Int32]>.Awaited(), roomCountOrder = Handoff<[Int32]>.Awaited()
            let keys = Handoff<RunRoomKeys>.Awaited()
            let files = recording.files.count
            Thread.detachNewThread { [facts] in
                findingOrder.fulfil(Store.findingOrder(facts.findings))
                roomCountOrder.fulfil(Store.roomCountOrder(facts.roomFacts, files: files))
                keys.fulfil(RunRoomKeys(facts))
            }
            return Store.JudgedRun(run: run, facts: facts, roomKeys: { keys.wait() }, findingOrder: { findingOrder.wait() },
                                   roomCountOrder: { roomCountOrder.wait() })
        }

        let written: Written
        if let writer = recording.writer {
            recording.calls.fulfil(calls)
            recording.judged.fulfil(judgeOnce())
            written = try writer.wait().get()
            timings.mark("writes, on their own thread (timed there)")
        } else {
            let delta = recording.delta!
            written = try write(recording, provisional: runRecord(recording, summary: counted), ledgerRows: { LedgerRows(delta.take()) },
                                calls: { calls }, judged: judgeOnce, mark: timings.mark)
        }
        try ReportTable.writeCSV(written.tables, to: URL(fileURLWithPath: reportsDirectory))
        timings.mark("CSV files")
        var summary = counted
        summary.findingsByVerdict = written.run.findingsByVerdict
        summary.wallSeconds = clock.secondsElapsed
        return summary
    }

    /// The whole run in one call, for a caller that settles without handing the ledger over early (`merge`).
    func record(mode: RunRecord.Mode, inputs: [String], jobs: Int, files: [InputFileRecord], recordsByType: [String: Int],
                settled: consuming SettledFacts, ledger: RoomLedger, messages: Int, duplicateMessages: Int, started: Timestamp,
                clock: ContinuousClock.Instant) throws -> RunSummary {
        let recording = begin(mode: mode, inputs: inputs, jobs: jobs, files: files, recordsByType: recordsByType, started: started)
        return try record(recording, settled: settled, ledger: ledger, messages: messages, duplicateMessages: duplicateMessages,
                          clock: clock)
    }

    /// The run's transaction: each closure is asked for its part when the writes reach it.
    private func write(_ recording: Recording, provisional: RunRecord, ledgerRows: () -> LedgerRows, calls: () -> [CallFact],
                       judged: () -> Store.JudgedRun, mark: @escaping (String) -> Void) throws -> Written {
        var run = provisional
        var tables: [ReportTable] = []
        let order = ReportOrder(policy: policy)
        try store.record(files: recording.files, ledger: ledgerRows, calls: calls,
                         judged: { let j = judged(); run = j.run; return j }, provisional: provisional,
                         callWindowSeconds: callWindowSeconds, mark: mark) { db in
            FaultInjection.point("inside-run-transaction")
            let inputs = try Store.reportInputs(db)
            mark("report queries")
            tables = ReportBuilder(order: order).build(messagesByGroup: inputs.messagesByGroup, messagesByDay: inputs.messagesByDay,
                                                       rooms: inputs.rooms, findings: inputs.findings, calls: inputs.calls)
            try Store.replaceReports(tables, db)
            mark("report tables")
        }
        mark("commit")
        return (run, tables)
    }

    private func runRecord(_ r: Recording, summary: RunSummary) -> RunRecord {
        RunRecord(mode: r.mode, startedAt: r.started, finishedAt: .now, wallSeconds: summary.wallSeconds,
                  inputs: r.inputs, linesRead: summary.linesRead, blankLines: summary.blankLines,
                  recordsByType: summary.recordsByType, rejectedByReason: summary.rejectedByReason,
                  duplicateMessages: summary.duplicateMessages, messages: summary.messages,
                  findingsByVerdict: summary.findingsByVerdict, uncompressedBytes: summary.uncompressedBytes,
                  policyName: policy.name, policyHash: policy.contentHash, toolVersion: ToolVersion.current,
                  jobs: r.jobs, exitStatus: summary.outcome.exitStatus)
    }
}

/// A value made on a thread of its own while the caller goes on; `wait()` returns it (as often as asked).
final class Background<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ make: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            value = make()
            done.signal()
        }
    }

    func wait() -> Value {
        done.wait()
        done.signal()
        return value!
    }

    /// Waits for the value and hands it over: this object no longer holds it (call once).
    func take() -> Value {
        done.wait()
        defer { value = nil }
        return value!
    }
}

/// A value handed to another thread once: `take()` leaves nothing behind, so the value goes as soon as its taker
/// is done with it (a closure capturing it would hold it as long as the closure lives).
final class Handoff<Value: Sendable>: @unchecked Sendable {
    private var value: Value?

    init(_ value: Value) { self.value = value }

    func take() -> Value {
        defer { value = nil }
        return value!
    }

    /// A value one thread waits for until another hands it over (once).
    final class Awaited: @unchecked Sendable {
        private var value: Value?
        private let ready = DispatchSemaphore(value: 0)

        func fulfil(_ value: Value) {
            self.value = value
            ready.signal()
        }

        /// Takes the value (waiting for it): the waiter holds the only reference from then on.
        func wait() -> Value {
            ready.wait()
            defer { value = nil }
            return value!
        }
    }
}
