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
    func record(mode: RunRecord.Mode, inputs: [String], jobs: Int, files: [InputFileRecord], recordsByType: [String: Int],
                settled: consuming SettledFacts, ledger: RoomLedger, messages: Int, duplicateMessages: Int, started: Timestamp,
                clock: ContinuousClock.Instant) throws -> RunSummary {
        let timings = StageTimings(log: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
        var facts = (consume settled).finalize(judge: Judge(policy: policy), ledger: ledger, jobs: jobs)
        HeapTuning.returnFreedMemory()
        timings.mark("judge")
        // The ledger's rows are put in key order on a second thread while this one inserts the facts (after
        // judging, not beside it: together they made the peak of memory). The delta goes once they are made.
        // Then the room keys for the running totals, on the same thread (one after the other, so their working
        // memory never adds up; the facts are shared, not copied: neither side changes them).
        var prepared: Background<(LedgerRows, RunRoomKeys)>?
        if jobs > 1 {
            let delta = Handoff(facts.ledger)
            facts.ledger = LedgerDelta()
            prepared = Background { [facts] in
                let rows = LedgerRows(delta.take())
                return (rows, RunRoomKeys(facts))
            }
        }

        var summary = RunSummary(files: files, linesRead: 0, blankLines: 0, recordsByType: recordsByType, rejectedByReason: [:],
                                 messages: messages, duplicateMessages: duplicateMessages,
                                 findingsByVerdict: Dictionary(uniqueKeysWithValues: facts.findingsByVerdict.map { ($0.key.rawValue, $0.value) }),
                                 bytesRead: files.reduce(0) { $0 + $1.bytes }, uncompressedBytes: files.reduce(0) { $0 + $1.uncompressedBytes },
                                 wallSeconds: 0, policyLabel: policy.label, databasePath: store.path, reportsDirectory: reportsDirectory)
        for f in files {
            summary.linesRead += f.lines
            summary.blankLines += f.blankLines
            if f.status == .failed, f.lines > 0 { summary.rejectedByReason["file_failed", default: 0] += f.lines }
            for r in f.rejections { summary.rejectedByReason[r.reason, default: 0] += 1 }
        }
        summary.wallSeconds = clock.secondsElapsed

        var tables: [ReportTable] = []
        let run = RunRecord(mode: mode, startedAt: started, finishedAt: .now, wallSeconds: summary.wallSeconds,
                            inputs: inputs, linesRead: summary.linesRead, blankLines: summary.blankLines,
                            recordsByType: summary.recordsByType, rejectedByReason: summary.rejectedByReason,
                            duplicateMessages: summary.duplicateMessages, messages: summary.messages,
                            findingsByVerdict: summary.findingsByVerdict, uncompressedBytes: summary.uncompressedBytes,
                            policyName: policy.name, policyHash: policy.contentHash, toolVersion: ToolVersion.current,
                            jobs: jobs, exitStatus: Int32(summary.outcome.rawValue))
        let order = ReportOrder(policy: policy)
        try store.record(run: run, files: files, facts: facts, callWindowSeconds: callWindowSeconds,
                         ledger: prepared.map { p in { p.wait().0 } },
                         roomKeys: prepared.map { p in { p.wait().1 } },
                         mark: timings.mark) { db in
            FaultInjection.point("inside-run-transaction")
            let inputs = try Store.reportInputs(db)
            timings.mark("report queries")
            tables = ReportBuilder(order: order).build(messagesByGroup: inputs.messagesByGroup, messagesByDay: inputs.messagesByDay,
                                                       rooms: inputs.rooms, findings: inputs.findings, calls: inputs.calls)
            try Store.replaceReports(tables, db)
            timings.mark("report tables")
        }
        timings.mark("commit")
        try ReportTable.writeCSV(tables, to: URL(fileURLWithPath: reportsDirectory))
        timings.mark("CSV files")
        summary.wallSeconds = clock.secondsElapsed
        return summary
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
}
