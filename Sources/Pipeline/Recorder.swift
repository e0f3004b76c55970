import Foundation
import ExportFormat
import Policy
import Analytics
import Writers

/// The last stage of `analyze` and `merge`: judges settled facts with every
/// room the ledger knows, writes the run in one transaction with its rebuilt
/// reports, then writes the CSVs.
struct Recorder {
    let store: Store
    let policy: PolicyDocument
    let callWindowSeconds: Int64
    let reportsDirectory: String

    /// `ledger`: everything known about rooms — earlier nights updated with this run's records.
    ///
    /// With more than one job, the run's transaction opens on a thread of its own before judging: what is known
    /// already (the files, the calls, the ledger's updates, put in key order on a third thread) goes in while
    /// the findings are judged, and the judged facts follow. With one job, the same steps one after the other.
    func record(mode: RunRecord.Mode, inputs: [String], jobs: Int, files: [InputFileRecord], recordsByType: [String: Int],
                settled: consuming SettledFacts, ledger: RoomLedger, messages: Int, duplicateMessages: Int, started: Timestamp,
                clock: ContinuousClock.Instant) throws -> RunSummary {
        let log: MessageLog = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let timings = StageTimings(log: log)
        var summary = RunSummary(files: files, linesRead: 0, blankLines: 0, recordsByType: recordsByType, rejectedByReason: [:],
                                 messages: messages, duplicateMessages: duplicateMessages, findingsByVerdict: [:],
                                 bytesRead: files.reduce(0) { $0 + $1.bytes }, uncompressedBytes: files.reduce(0) { $0 + $1.uncompressedBytes },
                                 wallSeconds: 0, policyLabel: policy.label, databasePath: store.path, reportsDirectory: reportsDirectory)
        for f in files {
            summary.linesRead += f.lines
            summary.blankLines += f.blankLines
            if f.status == .failed, f.lines > 0 { summary.rejectedByReason["file_failed", default: 0] += f.lines }
            for r in f.rejections { summary.rejectedByReason[r.reason, default: 0] += 1 }
        }
        let counted = summary
        let provisional = runRecord(mode: mode, inputs: inputs, jobs: jobs, started: started, summary: counted)

        // The calls and the ledger's updates are written before judging; the delta goes once its rows are made.
        let calls = settled.calls
        settled.calls = []
        let delta = Handoff(settled.ledger)
        settled.ledger = LedgerDelta()
        let pending = Handoff(settled)
        let judgeOnce = { @Sendable [policy] () -> Store.JudgedRun in
            let facts = pending.take().finalize(judge: Judge(policy: policy), ledger: ledger, jobs: jobs)
            HeapTuning.returnFreedMemory()
            timings.mark("judge")
            var judged = counted
            judged.findingsByVerdict = Dictionary(uniqueKeysWithValues: facts.findingsByVerdict.map { ($0.key.rawValue, $0.value) })
            judged.wallSeconds = clock.secondsElapsed
            let run = runRecord(mode: mode, inputs: inputs, jobs: jobs, started: started, summary: judged)
            // With more than one job the writer is still storing the ledger when judging ends: the room keys for
            // the running totals are made here meanwhile.
            guard jobs > 1 else { return Store.JudgedRun(run: run, facts: facts) }
            let keys = RunRoomKeys(facts)
            timings.mark("running totals: room keys of the run")
            return Store.JudgedRun(run: run, facts: facts, roomKeys: { keys })
        }
        let order = ReportOrder(policy: policy)
        let write = { @Sendable [store, callWindowSeconds] (ledgerRows: () -> LedgerRows, judged: () -> Store.JudgedRun,
                                                            mark: @escaping (String) -> Void) throws -> (run: RunRecord, tables: [ReportTable]) in
            var run = provisional
            var tables: [ReportTable] = []
            try store.record(files: files, calls: calls, ledger: ledgerRows,
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

        let written: (run: RunRecord, tables: [ReportTable])
        if jobs > 1 {
            let judged = Handoff<Store.JudgedRun>.Awaited()
            let writerTimings = StageTimings(log: log)
            // The ledger's rows are put in key order on a thread of their own while the calls go in.
            let rows = Background { LedgerRows(delta.take()) }
            let writer = Background { Result { try write({ rows.wait() }, { judged.wait() }, writerTimings.mark) } }
            judged.fulfil(judgeOnce())
            written = try writer.wait().get()
            timings.mark("writes, on their own thread (timed there)")
        } else {
            written = try write({ LedgerRows(delta.take()) }, judgeOnce, timings.mark)
        }
        try ReportTable.writeCSV(written.tables, to: URL(fileURLWithPath: reportsDirectory))
        timings.mark("CSV files")
        summary.findingsByVerdict = written.run.findingsByVerdict
        summary.wallSeconds = clock.secondsElapsed
        return summary
    }

    private func runRecord(mode: RunRecord.Mode, inputs: [String], jobs: Int, started: Timestamp, summary: RunSummary) -> RunRecord {
        RunRecord(mode: mode, startedAt: started, finishedAt: .now, wallSeconds: summary.wallSeconds,
                  inputs: inputs, linesRead: summary.linesRead, blankLines: summary.blankLines,
                  recordsByType: summary.recordsByType, rejectedByReason: summary.rejectedByReason,
                  duplicateMessages: summary.duplicateMessages, messages: summary.messages,
                  findingsByVerdict: summary.findingsByVerdict, uncompressedBytes: summary.uncompressedBytes,
                  policyName: policy.name, policyHash: policy.contentHash, toolVersion: ToolVersion.current,
                  jobs: jobs, exitStatus: summary.outcome.exitStatus)
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
