import Foundation
import Ingest

/// Runs reading and processing on `jobs` threads, so that several files are
/// decompressed at once and, within a file, decompression overlaps with
/// parsing and detection.
///
/// Each thread, in turn: processes a queued batch if there is one; otherwise
/// claims the next unread file and reads it, handing each batch to the queue
/// when there is room (for an idle thread to take) and processing it itself
/// when there is not. So with one job everything happens in one thread, with
/// many files every thread reads its own file, and with one big file one thread
/// inflates while the others parse — the work balances without tuning.
final class ReadScheduler: @unchecked Sendable {
    struct Item { var file: Int32; var batch: LineBatch }

    private let condition = NSCondition()
    private var queue: [Item] = []
    private let capacity: Int
    private var nextFile = 0
    private var activeReaders = 0
    private let files: [Int32]

    /// `files`: indices of the files to read, in order.
    init(files: [Int32], jobs: Int) {
        self.files = files
        capacity = jobs > 1 ? 2 * jobs : 0
    }

    /// Runs `jobs` threads until every file is read and every batch processed.
    /// `read(file, sink)` reads one file, calling `sink` with each batch; `process` handles one batch on the calling thread.
    func run(jobs: Int, worker: @escaping @Sendable (Int) -> Worker) {
        let group = DispatchGroup()
        for t in 0..<jobs {
            group.enter()
            let thread = Thread { [self] in
                let w = worker(t)
                loop(w)
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
    }

    /// What one thread does with files and batches.
    struct Worker {
        var read: (Int32, (LineBatch) -> Void) -> Void
        var process: (Int32, LineBatch) -> Void
    }

    private enum Task { case batch(Item), file(Int32), done }

    private func next() -> Task {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if !queue.isEmpty {
                let item = queue.removeFirst()
                condition.broadcast()
                return .batch(item)
            }
            if nextFile < files.count {
                let f = files[nextFile]
                nextFile += 1
                activeReaders += 1
                return .file(f)
            }
            if activeReaders == 0 { return .done }
            condition.wait()
        }
    }

    /// Queues a batch if there is room; false means the caller processes it.
    private func offer(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard queue.count < capacity else { return false }
        queue.append(item)
        condition.broadcast()
        return true
    }

    private func finishedReading() {
        condition.lock()
        activeReaders -= 1
        condition.broadcast()
        condition.unlock()
    }

    private func loop(_ w: Worker) {
        while true {
            switch next() {
            case .batch(let item):
                w.process(item.file, item.batch)
            case .file(let f):
                w.read(f) { batch in
                    if !self.offer(Item(file: f, batch: batch)) { w.process(f, batch) }
                }
                finishedReading()
            case .done:
                return
            }
        }
    }
}
