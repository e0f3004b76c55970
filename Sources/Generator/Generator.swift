// Generator writes synthetic message exports (format version 1) of any size,
// with a ground truth beside them: for every planted contact detail, the kind
// and the verdict the built-in policy gives it, and for every call, whether a
// move off the platform followed it. Engineers benchmark and tune on its
// exports; tests and `eval` score the whole pipeline against its truth.
//
// It depends on ExportFormat (the record types) and zlib only. In particular
// it knows nothing of Detection or Policy: its truth is computed from the
// scenario it wrote (it knows each room's phase, plan and relationships, and
// what it planted where), so comparing the pipeline with it is a real check.
//
// Shape: rooms are cut into numbered blocks, each drawing from its own seeded
// stream, and blocks into chunks. A chunk's blocks are generated in parallel,
// then each file's share of the chunk is shuffled and deflated in parallel
// with the other files, then the chunk is dropped. Memory is therefore
// bounded by one chunk, and the output is byte-identical whatever `--jobs`.
import Foundation
import ExportFormat

/// One file written.
public struct WrittenFile: Sendable, Equatable {
    public var path: String
    public var bytesOnDisk: Int64
    public var uncompressedBytes: Int64
    public var records: Int
    public var gzipMembers: Int
}

/// What a run of the generator wrote.
public struct GenerationReport: Sendable {
    public var files: [WrittenFile]
    public var rooms: Int
    public var messages: Int
    public var recordsByType: [String: Int]
    public var plantedFindings: Int
    public var hardNegatives: Int
    public var calls: Int
    /// The truth folder (`DIR/truth`).
    public var truthDirectory: String
    /// The most record and truth bytes held in memory at once: bounded by the chunk size, not the export size.
    public var peakHeldBytes: Int
    public var chunks: Int

    public var uncompressedBytes: Int64 { files.reduce(0) { $0 + $1.uncompressedBytes } }
    public var bytesOnDisk: Int64 { files.reduce(0) { $0 + $1.bytesOnDisk } }
}

public enum ExportGenerator {
    /// The truth files, relative to the output folder. None ends in `.jsonl` or
    /// `.jsonl.gz`, so `analyze DIR` never reads them as export records.
    public static let truthFolder = "truth"

    /// Writes an export and its truth into `directory`. With `replacing`, an
    /// earlier export (`export-*.jsonl*`) and `truth/` there are removed first;
    /// without it their presence is an error. `progress` is told after each chunk.
    @discardableResult
    public static func generate(_ settings: GeneratorSettings, into directory: String, replacing: Bool = false,
                                progress: ((_ chunk: Int, _ of: Int) -> Void)? = nil) throws -> GenerationReport {
        if let problem = settings.problem() { throw GeneratorError.invalidSettings(problem) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let existing = try fm.contentsOfDirectory(atPath: directory).filter {
            $0 == truthFolder || ($0.hasPrefix("export-") && ($0.hasSuffix(".jsonl") || $0.hasSuffix(".jsonl.gz")))
        }
        if !existing.isEmpty {
            guard replacing else { throw GeneratorError.notEmpty(directory) }
            for name in existing { try fm.removeItem(atPath: directory + "/" + name) }
        }
        let truthDirectory = directory + "/" + truthFolder
        try fm.createDirectory(atPath: truthDirectory, withIntermediateDirectories: true)

        let plan = RunPlan.make(settings)
        let width = max(4, String(settings.files).count)
        let files = try (0..<settings.files).map { i in
            try OutputFile(path: directory + "/export-" + String(i + 1).leftPadded(width) + (settings.gzip ? ".jsonl.gz" : ".jsonl"),
                           gzip: settings.gzip, level: settings.compressionLevel)
        }
        let truth = try TruthFiles(directory: truthDirectory)
        var carried = Array(repeating: RecordBuffer(), count: settings.files)
        var tally = Tally()
        var peak = 0

        for chunk in 0..<plan.chunkCount {
            let blocks = plan.blockRange(chunk: chunk)
            let outputs = parallelMap(blocks.count, jobs: settings.jobs) { i in
                var g = BlockGenerator(plan: plan, block: blocks.lowerBound + i)
                return g.run()
            }
            let held = outputs.reduce(0) { $0 + $1.heldBytes } + carried.reduce(0) { $0 + $1.bytes.count }
            peak = max(peak, held)
            let isLast = chunk == plan.chunkCount - 1
            // Each file's records for this chunk, reordered and written; the truth alongside, in block order.
            let carriedNow = carried
            let nextCarried = try parallelMap(settings.files + 1, jobs: settings.jobs) { f -> Result<RecordBuffer, Error> in
                do {
                    if f == settings.files {
                        for o in outputs { try truth.append(o) }
                        return .success(RecordBuffer())
                    }
                    return .success(try writeChunk(file: files[f], index: f, chunk: chunk, plan: plan, outputs: outputs,
                                                   carried: carriedNow[f], isLast: isLast))
                } catch { return .failure(error) }
            }.map { try $0.get() }
            carried = Array(nextCarried.prefix(settings.files))
            for o in outputs { tally.add(o.tally) }
            progress?(chunk + 1, plan.chunkCount)
        }
        for f in files { try f.close() }
        let written = files.map {
            WrittenFile(path: $0.path, bytesOnDisk: $0.bytesOnDisk, uncompressedBytes: $0.uncompressedBytes,
                        records: $0.records, gzipMembers: $0.members)
        }
        try truth.finish(summary: Summary.json(settings: settings, plan: plan, tally: tally, files: written, directory: directory))
        let calls = tally.callsByStatus.values.reduce(0, +)
        return GenerationReport(files: written, rooms: tally.rooms, messages: tally.messages.reduce(0, +),
                                recordsByType: tally.recordsByType, plantedFindings: tally.findings.values.reduce(0, +),
                                hardNegatives: tally.negatives.values.reduce(0, +), calls: calls,
                                truthDirectory: truthDirectory, peakHeldBytes: peak, chunks: plan.chunkCount)
    }

    /// Writes file `index`'s share of a chunk: its records from every block,
    /// shuffled within a short window (exports are roughly, never strictly,
    /// ordered), with the records held back from the previous chunk dropped in
    /// at random places. Returns the records to hold back for the next chunk.
    static func writeChunk(file: OutputFile, index: Int, chunk: Int, plan: RunPlan, outputs: [BlockOutput],
                           carried: RecordBuffer, isLast: Bool) throws -> RecordBuffer {
        var rng = RandomStream(seed: plan.settings.seed, purpose: .fileChunk, index: UInt64(chunk), subindex: UInt64(index))
        // (block, record) pairs; block -1 is the carried buffer.
        var order: [(Int32, Int32)] = []
        for (b, o) in outputs.enumerated() {
            for r in 0..<o.immediate[index].count { order.append((Int32(b), Int32(r))) }
        }
        let window = 48
        if order.count > 1 {
            for i in 0..<(order.count - 1) {
                let j = i + rng.below(min(window, order.count - i))
                order.swapAt(i, j)
            }
        }
        for r in 0..<carried.count {
            order.append((-1, Int32(r)))
            let j = rng.below(order.count)
            order.swapAt(order.count - 1, j)
        }
        var held = RecordBuffer()
        if isLast {
            // Nothing comes after the last chunk: what was held back arrives at the very end.
            for (b, o) in outputs.enumerated() {
                for r in 0..<o.deferred[index].count { order.append((Int32(-2 - b), Int32(r))) }
            }
        } else {
            for o in outputs {
                for r in 0..<o.deferred[index].count { held.append(o.deferred[index].record(r)) }
            }
        }
        let members = plan.settings.membersPerFile
        let chunks = plan.chunkCount
        var member = file.members - 1
        for (q, (b, r)) in order.enumerated() {
            if members > 1 {
                let m = Int((Int64(chunk) * Int64(order.count) + Int64(q)) * Int64(members) / (Int64(chunks) * Int64(order.count)))
                if m > member && file.records > 0 { try file.startNewMember(); member = m }
            }
            let bytes: ArraySlice<UInt8>
            if b == -1 { bytes = carried.record(Int(r)) }
            else if b < -1 { bytes = outputs[Int(-2 - b)].deferred[index].record(Int(r)) }
            else { bytes = outputs[Int(b)].immediate[index].record(Int(r)) }
            try file.write(record: bytes)
        }
        return held
    }
}

/// `body(0) … body(count - 1)` on up to `jobs` threads; results in index order.
func parallelMap<T>(_ count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    if jobs <= 1 || count <= 1 { return (0..<count).map(body) }
    let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer { slots.deallocate() }
    let next = WorkCounter()
    let box = SlotBox(slots)
    DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
        while let i = next.take(below: count) {
            box.slots[i] = body(i)
        }
    }
    // Move the results out, so the buffer holds nothing when it is freed.
    return (0..<count).map { (slots.baseAddress! + $0).move()! }
}

/// Hands out work indices to the threads of `parallelMap`.
private final class WorkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// Each thread writes only the slots of the indices it took.
private final class SlotBox<T>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<T?>
    init(_ s: UnsafeMutableBufferPointer<T?>) { slots = s }
}
