#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a stream of decompressed bytes into lines and gathers them into batches,
/// after ripgrep's line buffer: an incomplete last line is carried forward, a line
/// over the cap is dropped as it streams by (never buffered whole) and remembered
/// by number. A batch is handed on only at a line boundary, so the pending partial
/// line never leaves; the buffer holds at most `batchBytes + maximumLineLength + 1`
/// bytes (the `+ 1` for a `\r` that turns out to precede the `\n`).
struct LineSplitter {
    let maximumLineLength: Int
    let batchBytes: Int

    private var buffer: [UInt8] = []
    private var lines: [LineBatch.Line] = []
    private var tooLong: [Int] = []
    private var blank = 0
    /// Where the pending (incomplete) line starts in `buffer`.
    private var lineStart = 0
    /// The pending line is over the cap: its bytes are being dropped until its `\n`.
    private var skipping = false
    private var sequence = 0

    private(set) var lineCount = 0
    private(set) var deliveredLines = 0
    private(set) var blankLines = 0
    private(set) var tooLongLineNumbers: [Int] = []

    init(options: ReadOptions) {
        maximumLineLength = options.maximumLineLength
        batchBytes = options.batchBytes
        buffer.reserveCapacity(min(batchBytes, 1 << 24) + 64)
    }

    /// Takes the next bytes of the stream. Returns false when the sink said stop.
    mutating func feed(_ data: UnsafeRawBufferPointer, sink: (LineBatch) -> SinkDecision) -> Bool {
        guard let base = data.baseAddress else { return true }
        var offset = 0
        let n = data.count
        while offset < n {
            let newline = memchr(base + offset, 0x0A, n - offset)
            let segmentEnd = newline.map { UnsafeRawPointer($0) - base } ?? n
            if !skipping {
                let pending = buffer.count - lineStart
                if pending + (segmentEnd - offset) > maximumLineLength + 1 {
                    buffer.removeLast(pending)
                    skipping = true
                } else {
                    buffer.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: segmentEnd - offset))
                }
            }
            guard newline != nil else { break }
            offset = segmentEnd + 1
            if !endLine(sink: sink) { return false }
        }
        return true
    }

    /// The end of the stream. A final line without `\n` is a line when the stream
    /// is `complete`; after a failure it is dropped, being possibly cut short.
    mutating func finish(complete: Bool, sink: (LineBatch) -> SinkDecision) -> Bool {
        if complete && (skipping || buffer.count > lineStart) {
            if !endLine(sink: sink) { return false }
        } else {
            buffer.removeLast(buffer.count - lineStart)
            skipping = false
        }
        if lines.isEmpty && tooLong.isEmpty && blank == 0 { return true }
        return flush(sink: sink)
    }

    private mutating func endLine(sink: (LineBatch) -> SinkDecision) -> Bool {
        lineCount += 1
        if skipping {
            skipping = false
            tooLong.append(lineCount)
            tooLongLineNumbers.append(lineCount)
        } else {
            var end = buffer.count
            if end > lineStart && buffer[end - 1] == 0x0D { end -= 1 }
            if end - lineStart > maximumLineLength {
                tooLong.append(lineCount)
                tooLongLineNumbers.append(lineCount)
                buffer.removeLast(buffer.count - lineStart)
            } else if Self.isBlank(buffer, lineStart..<end) {
                blank += 1
                blankLines += 1
                buffer.removeLast(buffer.count - lineStart)
            } else {
                lines.append(LineBatch.Line(range: lineStart..<end, number: lineCount))
                deliveredLines += 1
                lineStart = buffer.count
            }
        }
        return buffer.count >= batchBytes ? flush(sink: sink) : true
    }

    static func isBlank(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        for k in r {
            let c = b[k]
            if c != 0x20 && c != 0x09 && c != 0x0D { return false }
        }
        return true
    }

    private mutating func flush(sink: (LineBatch) -> SinkDecision) -> Bool {
        let decision = sink(LineBatch(sequence: sequence, bytes: buffer, lines: lines, tooLongLineNumbers: tooLong,
                                      blankLines: blank))
        sequence += 1
        // Keeps the storage when the sink let go of the batch; makes new storage when
        // it kept it (handed it to another thread).
        buffer.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        tooLong.removeAll(keepingCapacity: true)
        blank = 0
        lineStart = 0
        return decision == .proceed
    }
}
