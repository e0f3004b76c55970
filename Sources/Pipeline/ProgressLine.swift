import Foundation
import Ingest

/// A one-line progress report on standard error, redrawn twice a second while
/// a run reads its inputs: files done, megabytes, messages per second, time
/// left. Only when standard error is a terminal; the command decides.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let totalFiles: Int
    private let totalBytes: Int64
    private var filesDone = 0
    private var compressedDone: Int64 = 0
    private var decompressed: Int64 = 0
    private var decompressedAtFileEnds: Int64 = 0
    private var messages = 0
    private let began = ContinuousClock.now
    private var timer: DispatchSourceTimer?

    init(files: [InputFile]) {
        totalFiles = files.count
        totalBytes = files.reduce(0) { total, f in
            guard case .path(let p) = f.source,
                  let size = (try? FileManager.default.attributesOfItem(atPath: p))?[.size] as? NSNumber else { return total }
            return total + size.int64Value
        }
    }

    func start() {
        let t = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        t.schedule(deadline: .now() + 0.5, repeating: 0.5)
        t.setEventHandler { [weak self] in self?.draw() }
        t.resume()
        timer = t
    }

    func stop() {
        timer?.cancel()
        timer = nil
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    func batchDone(bytes: Int, messages m: Int) {
        lock.lock()
        decompressed += Int64(bytes)
        messages += m
        lock.unlock()
    }

    func fileDone(bytes: Int) {
        lock.lock()
        filesDone += 1
        compressedDone += Int64(bytes)
        decompressedAtFileEnds = decompressed
        lock.unlock()
    }

    private func draw() {
        lock.lock()
        let (files, done, mb, msgs, atEnds) = (filesDone, compressedDone, decompressed, messages, decompressedAtFileEnds)
        lock.unlock()
        let elapsed = began.secondsElapsed
        var line = "\r\u{1B}[K  files \(files)/\(totalFiles) · \(String(format: "%.0f", Double(mb) / 1e6)) MB · "
            + "\(String(format: "%.0f", Double(msgs) / max(elapsed, 0.001))) messages/s"
        // Time left from the compressed size still to read, at the ratio seen in finished files.
        if done > 0, totalBytes > 0, atEnds > 0 {
            let ratio = Double(atEnds) / Double(done)
            let estimatedTotal = Double(totalBytes) * ratio
            let rate = Double(mb) / max(elapsed, 0.001)
            let left = max(0, (estimatedTotal - Double(mb)) / max(rate, 1))
            line += String(format: " · about %d:%02d left", Int(left) / 60, Int(left) % 60)
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
