import Crypto

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one input as a stream of line batches with bounded memory: fixed-size
/// chunks from the file, inflated when the first bytes are the gzip signature,
/// split into lines, handed to a sink batch by batch. Statistics come back as a
/// `FileReadSummary`; nothing here throws, since a bad file is a result to report
/// (ripgrep's error policy: report, count, continue).
public struct ExportReader: Sendable {
    public init() {}

    public func read(_ input: InputFile, options: ReadOptions = ReadOptions(),
                     sink: (LineBatch) -> SinkDecision) -> FileReadSummary {
        var summary = FileReadSummary(displayPath: input.displayPath)
        if let reason = input.unavailable {
            summary.status = .failed(reason: reason)
            return summary
        }
        let fd: Int32
        var owned = false
        switch input.source {
        case .standardInput:
            fd = 0
        case .fileDescriptor(let d):
            fd = d
        case .path(let path):
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                summary.status = .failed(reason: "cannot open: \(errnoText())")
                return summary
            }
            owned = true
        }
        defer { if owned { close(fd) } }

        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: max(options.chunkSize, 2), alignment: 16)
        defer { chunk.deallocate() }
        var hasher = SHA256()
        var splitter = LineSplitter(options: options)
        var inflater: GzipInflater? = nil
        var failure: String? = nil
        var stopped = false
        var sawEOF = false

        // The first read waits for two bytes (a pipe may deliver one) to see the signature.
        var filled = 0
        while filled < 2 {
            let n = readRetrying(fd, chunk.baseAddress! + filled, chunk.count - filled)
            if n < 0 {
                failure = "read error: \(errnoText())"
                break
            }
            if n == 0 {
                sawEOF = true
                break
            }
            filled += n
        }
        if filled >= 2 && chunk[0] == 0x1F && chunk[1] == 0x8B {
            inflater = GzipInflater()
            summary.compression = .gzip
        }

        var pending = UnsafeRawBufferPointer(start: chunk.baseAddress, count: filled)
        while true {
            if pending.count > 0 {
                if options.hashesContent { hasher.update(bufferPointer: pending) }
                summary.bytesRead += pending.count
                // After a gzip failure the rest is only hashed, so the hash still covers the file.
                if failure == nil {
                    if let inflater {
                        do throws(GzipInflater.Failure) {
                            try inflater.feed(pending) { splitter.feed($0, sink: sink) }
                        } catch .stopped {
                            stopped = true
                        } catch {
                            failure = Self.describe(error, members: inflater.members)
                        }
                    } else {
                        summary.decompressedBytes += pending.count
                        stopped = !splitter.feed(pending, sink: sink)
                    }
                }
            }
            if stopped || sawEOF || (failure != nil && pending.count == 0) { break }
            let n = readRetrying(fd, chunk.baseAddress!, chunk.count)
            if n < 0 {
                failure = failure ?? "read error: \(errnoText())"
                break
            }
            if n == 0 { sawEOF = true }
            pending = UnsafeRawBufferPointer(start: chunk.baseAddress, count: n)
        }

        if let inflater {
            if failure == nil && !stopped {
                do throws(GzipInflater.Failure) { try inflater.finish() } catch { failure = Self.describe(error, members: inflater.members) }
            }
            summary.gzipMembers = inflater.members
            summary.decompressedBytes = inflater.decompressedBytes
        }
        if !stopped {
            stopped = !splitter.finish(complete: failure == nil, sink: sink)
        }
        summary.lines = splitter.lineCount
        summary.deliveredLines = splitter.deliveredLines
        summary.blankLines = splitter.blankLines
        summary.tooLongLineNumbers = splitter.tooLongLineNumbers
        if stopped {
            summary.status = .stopped
        } else if let failure {
            summary.status = .failed(reason: failure)
        }
        if sawEOF && !stopped && options.hashesContent {
            summary.sha256 = hex(hasher.finalize())
        }
        return summary
    }

    /// SHA-256 (hex) of a file's bytes as stored, without decompressing or
    /// splitting it: to skip a file already analyzed before reading it. Equals the
    /// `sha256` of a complete `read` of the same file. Nil for standard input and
    /// descriptors (they cannot be read twice) and for files that cannot be read.
    public func contentHash(of input: InputFile) -> String? {
        guard case .path(let path) = input.source, input.unavailable == nil else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        var hasher = SHA256()
        while true {
            let n = readRetrying(fd, chunk.baseAddress!, chunk.count)
            if n < 0 { return nil }
            if n == 0 { return hex(hasher.finalize()) }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(start: chunk.baseAddress, count: n))
        }
    }

    static func describe(_ failure: GzipInflater.Failure, members: Int) -> String {
        switch failure {
        case .corrupt(let message): return "corrupt gzip data in member \(members + 1): \(message)"
        case .truncated: return "truncated gzip stream: the file ends inside member \(members + 1)"
        case .dataAfterMembers: return "data after gzip member \(members) is neither gzip nor zero padding"
        case .stopped: return "stopped"
        }
    }
}

func readRetrying(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ count: Int) -> Int {
    while true {
        let n = read(fd, p, count)
        if n < 0 && errno == EINTR { continue }
        return n
    }
}

func hex(_ digest: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in digest {
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
}
