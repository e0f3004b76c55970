import Foundation
import ExportFormat
import Ingest
import Detection
import Policy
import Analytics
import Writers

/// Where messages for people go: standard error in the command, a buffer in tests.
public typealias MessageLog = @Sendable (String) -> Void

/// The nightly job: read the inputs, detect, settle rooms, judge, write the
/// database and the reports.
public struct Analysis: Sendable {
    public let configuration: AnalyzeConfiguration
    let detector: any TextDetector
    let log: MessageLog

    public init(configuration: AnalyzeConfiguration, detector: any TextDetector, log: @escaping MessageLog) {
        self.configuration = configuration
        self.detector = detector
        self.log = log
    }

    /// Runs the analysis; throws only when nothing could be recorded (the database failed).
    public func run() throws -> RunSummary {
        let clock = ContinuousClock.now
        let started = Timestamp.now
        let config = configuration
        let store = try Store(path: config.databasePath)
        let timings = StageTimings(log: log)
        var collection = try collect { hash in try !config.force && store.isAnalyzed(contentHash: hash) }
        HeapTuning.returnFreedMemory()
        timings.mark("read, decode, detect")
        let known = try store.loadLedger(for: collection.harvest.ledger, rooms: collection.harvest.rooms.strings)
        // The harvest (32 bytes a message) and the settled facts are handed on, not
        // kept alive beside what is made of them: each is the peak of its stage.
        let harvest = collection.harvest
        collection.harvest = Harvest()
        // The run's writes begin as soon as settling has completed the night's ledger updates (with more than one
        // job, on a thread of their own while the rooms are settled).
        let recorder = Recorder(store: store, policy: config.policy, callWindowSeconds: config.callWindowSeconds,
                                reportsDirectory: config.reportsDirectory)
        let recording = recorder.begin(mode: .analyze, inputs: config.inputs, jobs: config.jobs, files: collection.files,
                                       recordsByType: collection.recordsByType, started: started)
        var settlement = Settler.settle(consume harvest, known: known, policy: config.policy, jobs: config.jobs,
                                        ledgerComplete: { recorder.ledgerComplete(recording, $0) })
        HeapTuning.returnFreedMemory()
        timings.mark("settle")
        let settled = settlement.facts
        settlement.facts = SettledFacts()
        defer { timings.mark("judge, write, reports") }
        return try recorder.record(recording, settled: consume settled, ledger: settlement.ledger, messages: settlement.messages,
                                   duplicateMessages: settlement.duplicateMessages, clock: clock)
    }

    /// What reading produced: every input file accounted for, and the harvest of
    /// those read to the end (a failed file contributes nothing).
    struct Collection {
        var files: [InputFileRecord]
        var harvest: Harvest
        var recordsByType: [String: Int]
    }

    /// Resolves the inputs, skips those `alreadyAnalyzed` says were analyzed before,
    /// reads the rest concurrently, and accounts for every line.
    func collect(alreadyAnalyzed: (String) throws -> Bool) throws -> Collection {
        let config = configuration
        let specs = config.inputs.map(InputSpec.init(argument:))
        for (arg, spec) in zip(config.inputs, specs) where InputSpec.resolve([spec]).isEmpty {
            log("\(arg): no *.jsonl or *.jsonl.gz files in this directory")
        }
        let inputs = InputSpec.resolve(specs)
        // Files are hashed before reading, to skip those analyzed before; several at once.
        let hashes = ParallelSlots<String?>(count: inputs.count, initial: nil)
        Parallel.forEach(inputs.count, jobs: config.jobs) { i in
            hashes[i] = inputs[i].unavailable == nil ? ExportReader().contentHash(of: inputs[i]) : nil
        }
        let preHashes = hashes.values
        var toRead: [Int32] = []
        for (i, hash) in preHashes.enumerated() {
            if let hash, try alreadyAnalyzed(hash) { continue }
            toRead.append(Int32(i))
        }

        var harvested = readAndHarvest(inputs, indices: toRead, prehashed: preHashes.map { $0 != nil })

        var out = Collection(files: [], harvest: Harvest(), recordsByType: [:])
        var complete: [Harvest] = []
        for (i, input) in inputs.enumerated() {
            guard let s = harvested.summaries[Int32(i)] else {
                out.files.append(InputFileRecord(path: input.displayPath, contentHash: preHashes[i] ?? "", bytes: 0, uncompressedBytes: 0,
                                                 lines: 0, blankLines: 0, records: 0, rejectedLines: 0, status: .skippedAlreadyAnalyzed))
                continue
            }
            let hash = s.sha256 ?? preHashes[i] ?? ""
            // Taken out, so that merging below frees each piece as it goes.
            let pieces = harvested.harvests.removeValue(forKey: Int32(i)) ?? []
            var tally = FileTally()
            for p in pieces { if let t = p.files[Int32(i)] { tally.merge(t) } }
            switch s.status {
            case .complete:
                if input.source == .standardInput, try alreadyAnalyzed(hash) {
                    out.files.append(InputFileRecord(path: input.displayPath, contentHash: hash, bytes: Int64(s.bytesRead),
                                                     uncompressedBytes: Int64(s.decompressedBytes), lines: 0, blankLines: 0, records: 0,
                                                     rejectedLines: 0, status: .skippedAlreadyAnalyzed))
                    continue
                }
                let rejections = tally.sortedRejections
                report(rejections, of: input.displayPath)
                var record = InputFileRecord(path: input.displayPath, contentHash: hash, bytes: Int64(s.bytesRead),
                                             uncompressedBytes: Int64(s.decompressedBytes), lines: s.lines, blankLines: s.blankLines,
                                             records: tally.records, rejectedLines: rejections.count, status: .analyzed,
                                             rejections: rejections)
                record.recordsByType = tally.recordsByType
                out.files.append(record)
                out.recordsByType.merge(tally.recordsByType, uniquingKeysWith: +)
                complete += pieces
            case .failed, .stopped:
                let reason = if case .failed(let r) = s.status { r } else { "reading stopped" }
                log("\(input.displayPath): file failed: \(reason) (\(s.lines) complete lines read before); nothing from it counts")
                out.files.append(InputFileRecord(path: input.displayPath, contentHash: hash, bytes: Int64(s.bytesRead),
                                                 uncompressedBytes: Int64(s.decompressedBytes), lines: s.lines, blankLines: 0, records: 0,
                                                 rejectedLines: s.lines, status: .failed, failure: reason))
            }
        }
        // With more than one job, the pieces' ledger updates are merged on a thread of their own meanwhile (they
        // merge in any order; two thirds of merging was theirs).
        var ledgers: Background<LedgerDelta>?
        if config.jobs > 1 && complete.count > 1 {
            var deltas: [LedgerDelta] = []
            for i in complete.indices {
                deltas.append(complete[i].ledger)
                complete[i].ledger = LedgerDelta()
            }
            let handed = Handoff(deltas)
            ledgers = Background {
                var merged = LedgerDelta(), list = handed.take()
                for i in list.indices {
                    // Swapped out, so that each piece's tables go once merged.
                    var d = LedgerDelta()
                    swap(&d, &list[i])
                    merged.merge(d)
                }
                return merged
            }
        }
        // The per-file harvests are merged one by one and let go, giving their memory back.
        for i in complete.indices {
            // Swapped out first, so the piece is not also held by the array while it is merged.
            var piece = Harvest()
            swap(&piece, &complete[i])
            out.harvest.merge(consume piece)
            HeapTuning.returnFreedMemory()
        }
        if let ledgers { out.harvest.ledger = ledgers.wait() }
        return out
    }

    /// Reports rejected lines on the log: the first few per file (all are stored).
    func report(_ rejections: [(line: Int, reason: String)], of path: String) {
        let shown = configuration.rejectionsShownPerFile
        for r in rejections.prefix(shown) { log("\(path):\(r.line): rejected: \(r.reason)") }
        if rejections.count > shown {
            log("\(path): … and \(rejections.count - shown) more rejected lines (table `rejections` of the database)")
        }
    }

    struct Harvested {
        var malformedKeyedLines = 0
        var summaries: [Int32: FileReadSummary] = [:]
        /// Per file, the harvest of every thread that worked on it: merged once, into
        /// the run's harvest, so that no stub is ever held twice by a merge in between.
        var harvests: [Int32: [Harvest]] = [:]
    }

    /// Reads the files at `indices` on `jobs` threads; returns each file's read summary and harvest.
    ///
    /// With `keyed`, each line is a keyed line of the distributed job (`KeyedLine`):
    /// it carries the file and line it came from, and is counted under that file.
    /// `prehashed[i]`: input `i` was hashed before, so reading it does not hash it again.
    func readAndHarvest(_ inputs: [InputFile], indices: [Int32], keyed: Bool = false, prehashed: [Bool] = []) -> Harvested {
        let config = configuration
        HeapTuning.keepFreedMemory()
        let options = ReadOptions(maximumLineLength: config.maxLineBytes)
        let unhashed = ReadOptions(maximumLineLength: config.maxLineBytes, hashesContent: false)
        let harvester = Harvester(detector: detector, contexts: FindingContextScanner(policy: config.policy))
        let results = ThreadResults(count: config.jobs)
        let progress = config.progress ? ProgressLine(files: indices.map { inputs[Int($0)] }) : nil
        progress?.start()
        let scheduler = ReadScheduler(files: indices, jobs: config.jobs)
        scheduler.run(jobs: config.jobs) { t in
            let state = results.slot(t)
            let decoder = RecordDecoder()
            let reader = ExportReader()
            return ReadScheduler.Worker(
                read: { f, sink in
                    let hashed = Int(f) < prehashed.count && prehashed[Int(f)]
                    let s = reader.read(inputs[Int(f)], options: hashed ? unhashed : options) { batch in
                        sink(batch)
                        return .proceed
                    }
                    state.summaries[f] = s
                    progress?.fileDone(bytes: s.bytesRead)
                },
                process: { f, batch in
                    var h = state.harvests[f] ?? Harvest()
                    state.harvests[f] = nil
                    // One pair of interners per thread for all its files (every file names nearly every
                    // room and sender: per file, they were a quarter of the memory of reading).
                    swap(&h.rooms, &state.rooms)
                    swap(&h.senders, &state.senders)
                    defer {
                        swap(&h.rooms, &state.rooms)
                        swap(&h.senders, &state.senders)
                        state.harvests[f] = h
                    }
                    var messages = 0
                    for i in batch.lines.indices {
                        batch.withLine(at: i) { raw in
                            var origin = LineOrigin(file: f, line: Int32(batch.lines[i].number))
                            var line = raw
                            if keyed {
                                guard let k = KeyedLine(raw) else { state.malformedKeyedLines += 1; return }
                                origin = LineOrigin(file: k.file, line: k.line)
                                line = k.payload
                                h.files[k.file, default: FileTally()].count(line: line)
                                if KeyedLine.isBlank(line) { return }
                                if KeyedLine.isTooLongMarker(line) {
                                    h.files[k.file, default: FileTally()].rejections.append((k.line, RejectionReason.lineTooLong.code))
                                    return
                                }
                            }
                            // Messages as bytes: no `String` is made for what is only hashed, interned or read.
                            let outcome = decoder.decode(line) { m in
                                messages += 1
                                harvester.add(m, origin: origin, to: &h)
                            }
                            guard let outcome else { return }
                            if case .record(.message) = outcome { messages += 1 }
                            harvester.add(outcome, origin: origin, to: &h)
                        }
                    }
                    if keyed {
                        state.malformedKeyedLines += batch.tooLongLineNumbers.count
                    } else {
                        for n in batch.tooLongLineNumbers {
                            h.files[f, default: FileTally()].rejections.append((Int32(n), RejectionReason.lineTooLong.code))
                        }
                    }
                    progress?.batchDone(bytes: batch.bytes.count, messages: messages)
                })
        }
        progress?.stop()
        var out = Harvested()
        for state in results.slots {
            out.malformedKeyedLines += state.malformedKeyedLines
            out.summaries.merge(state.summaries) { a, _ in a }
            // Each piece gets its thread's interners (shared storage): its stubs index them.
            for (f, var h) in state.harvests {
                h.rooms = state.rooms
                h.senders = state.senders
                out.harvests[f, default: []].append(h)
            }
            state.harvests = [:]
            state.rooms = Interner()
            state.senders = Interner()
        }
        return out
    }
}

/// Stage durations on the log when `OFFPLATFORM_TIMINGS` is set: where a run's time goes.
/// With the wall time goes the CPU time of all threads, which other work on a shared
/// machine disturbs much less (and shows how parallel a stage is).
final class StageTimings: @unchecked Sendable {
    let log: MessageLog?
    var last = ContinuousClock.now
    var lastCPU = StageTimings.cpuSeconds()

    init(log: @escaping MessageLog) {
        self.log = ProcessInfo.processInfo.environment["OFFPLATFORM_TIMINGS"] == nil ? nil : log
    }

    func mark(_ stage: String) {
        guard let log else { return }
        let cpu = Self.cpuSeconds()
        let m = Self.memory()
        log(String(format: "timing: %@ %.2f s (cpu %.2f s) · rss %d MB, peak %d MB", stage, last.secondsElapsed,
                   cpu - lastCPU, m.rss, m.peak))
        last = .now
        lastCPU = cpu
    }

    /// Resident and peak resident memory in MB (`/proc/self/status`; zeros where there is none).
    static func memory() -> (rss: Int, peak: Int) {
        var rss = 0, peak = 0
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") || line.hasPrefix("VmHWM:") {
                let kB = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
                if line.hasPrefix("VmRSS:") { rss = kB / 1024 } else { peak = kB / 1024 }
            }
        }
        return (rss, peak)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}

/// Lets a test kill the process at a named point, to prove that a run killed
/// midway leaves nothing behind: `OFFPLATFORM_FAULT=<point>` sends SIGKILL there.
enum FaultInjection {
    static func point(_ name: String) {
        if ProcessInfo.processInfo.environment["OFFPLATFORM_FAULT"] == name { kill(getpid(), SIGKILL) }
    }
}

/// Work spread over at most `jobs` threads.
enum Parallel {
    /// Calls `body` once for each of `0..<count`, on up to `jobs` threads at once.
    static func forEach(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> Void) {
        guard count > 1, jobs > 1 else {
            for i in 0..<count { body(i) }
            return
        }
        let next = ParallelSlots<Int>(count: 1, initial: 0)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
            while true {
                lock.lock()
                let i = next[0]
                next[0] = i + 1
                lock.unlock()
                guard i < count else { return }
                body(i)
            }
        }
    }
}

/// One value per index, each written by one thread only (or under a lock) until
/// the threads are joined. Raw storage: an array in a class would be one
/// variable to the exclusivity checker, and threads write different elements.
final class ParallelSlots<T>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<T>
    init(count: Int, initial: T) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
    subscript(i: Int) -> T {
        get { storage[i] }
        set { storage[i] = newValue }
    }
    var values: [T] { Array(storage) }
}

/// glibc serves each megabyte batch buffer with a fresh mmap and gives it back
/// on free, so every batch paid its page faults again (perf: ~10% of a run in
/// the kernel). Raising the mmap threshold keeps freed buffers in the heap for
/// the next batch. The trim threshold stays as it is: memory freed between
/// stages goes back to the system, or peak resident memory would add up stages.
enum HeapTuning {
    static func keepFreedMemory() {
        #if canImport(Glibc)
        _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD */, 32 << 20)
        _ = glibcMallopt(-8 /* M_ARENA_MAX */, 1)
        #endif
    }

    /// Gives back to the system the pages malloc holds free. After reading, the reader threads' arenas hold the
    /// memory of every batch and every outgrown table; the main thread, which settles, cannot reuse it.
    static func returnFreedMemory() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if canImport(Glibc)
/// `mallopt` from `<malloc.h>`, which the Glibc module does not export.
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32

/// `malloc_trim` from `<malloc.h>`.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Per-thread results, each slot touched by its thread only until all threads are joined.
final class ThreadResults: @unchecked Sendable {
    final class Slot {
        var malformedKeyedLines = 0
        var summaries: [Int32: FileReadSummary] = [:]
        var harvests: [Int32: Harvest] = [:]
        /// Shared by the thread's harvests while it reads (so a failed file may leave ids no stub refers to: harmless).
        var rooms = Interner()
        var senders = Interner()
    }

    let slots: [Slot]
    init(count: Int) { slots = (0..<count).map { _ in Slot() } }
    func slot(_ i: Int) -> Slot { slots[i] }
}

extension ContinuousClock.Instant {
    var secondsElapsed: Double {
        let d = ContinuousClock.now - self
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

extension Timestamp {
    static var now: Timestamp {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Timestamp(nanosecondsSinceEpoch: Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec))
    }
}
