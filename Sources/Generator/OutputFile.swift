import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One output file: plain bytes, or gzip through zlib's deflate (with several
/// members when asked), written in large buffered writes. Used by one worker
/// at a time.
final class OutputFile: @unchecked Sendable {
    let path: String
    private let fd: Int32
    private let gzip: Bool
    private var stream = z_stream()
    private var buffer: [UInt8]
    private var buffered = 0
    private(set) var uncompressedBytes: Int64 = 0
    private(set) var bytesOnDisk: Int64 = 0
    private(set) var members = 0
    private(set) var records = 0
    private var memberOpen = false

    static let bufferSize = 1 << 18

    init(path: String, gzip: Bool, level: Int) throws {
        self.path = path
        self.gzip = gzip
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw GeneratorError.cannotWrite(path, String(cString: strerror(errno))) }
        buffer = [UInt8](repeating: 0, count: Self.bufferSize)
        if gzip {
            // windowBits 15 + 16: a gzip wrapper (header with mtime 0, so output depends on input alone).
            let status = deflateInit2_(&stream, Int32(level), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                       zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else { throw GeneratorError.zlib(path, status) }
            members = 1
            memberOpen = true
        }
    }

    /// Appends one record (already ending in a newline).
    func write(record: ArraySlice<UInt8>) throws {
        records += 1
        try write(record)
    }

    func write(_ bytes: ArraySlice<UInt8>) throws {
        uncompressedBytes += Int64(bytes.count)
        if !gzip {
            if buffered + bytes.count > buffer.count { try flushBuffer() }
            if bytes.count > buffer.count { try writeAll(bytes); return }
            let at = buffered
            buffer.withUnsafeMutableBufferPointer { b in
                bytes.withUnsafeBufferPointer { src in
                    guard let from = src.baseAddress, src.count > 0 else { return }
                    (b.baseAddress! + at).update(from: from, count: src.count)
                }
            }
            buffered += bytes.count
            return
        }
        try bytes.withUnsafeBufferPointer { src in
            guard let base = src.baseAddress, src.count > 0 else { return }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = UInt32(src.count)
            try deflateAll(flush: Z_NO_FLUSH)
        }
    }

    /// Ends the current gzip member and begins the next (as `cat a.gz b.gz` would make).
    func startNewMember() throws {
        guard gzip else { return }
        try finishMember()
        guard deflateReset(&stream) == Z_OK else { throw GeneratorError.zlib(path, -1) }
        members += 1
        memberOpen = true
    }

    func close() throws {
        if gzip {
            if memberOpen { try finishMember() }
            deflateEnd(&stream)
        }
        try flushBuffer()
        _ = posixClose(fd)
    }

    private func finishMember() throws {
        stream.next_in = nil
        stream.avail_in = 0
        try deflateAll(flush: Z_FINISH)
        memberOpen = false
    }

    private func deflateAll(flush: Int32) throws {
        while true {
            if buffered == buffer.count { try flushBuffer() }
            let room = buffer.count - buffered
            let status: Int32 = buffer.withUnsafeMutableBufferPointer { b in
                stream.next_out = b.baseAddress! + buffered
                stream.avail_out = UInt32(room)
                return deflate(&stream, flush)
            }
            buffered += room - Int(stream.avail_out)
            if status == Z_STREAM_END { return }
            guard status == Z_OK || status == Z_BUF_ERROR else { throw GeneratorError.zlib(path, status) }
            if flush == Z_NO_FLUSH && stream.avail_in == 0 && stream.avail_out > 0 { return }
        }
    }

    private func flushBuffer() throws {
        guard buffered > 0 else { return }
        try writeAll(buffer[0..<buffered])
        buffered = 0
    }

    private func writeAll(_ bytes: ArraySlice<UInt8>) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw GeneratorError.cannotWrite(path, String(cString: strerror(errno)))
                }
                offset += n
            }
        }
        bytesOnDisk += Int64(bytes.count)
    }
}

// The C names, spelled once: `close` and `write` are also methods above.
@inline(__always) private func posixClose(_ fd: Int32) -> Int32 { close(fd) }
@inline(__always) private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }

public enum GeneratorError: Error, CustomStringConvertible {
    case cannotWrite(String, String)
    case zlib(String, Int32)
    case notEmpty(String)
    case invalidSettings(String)

    public var description: String {
        switch self {
        case .cannotWrite(let p, let why): return "cannot write \(p): \(why)"
        case .zlib(let p, let status): return "zlib failed on \(p) (status \(status))"
        case .notEmpty(let p): return "\(p) already holds an export or a truth/ folder; pass --force to replace them"
        case .invalidSettings(let why): return why
        }
    }
}
