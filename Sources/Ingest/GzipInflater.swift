import CZlib

/// Streaming gzip decompression with the system zlib, member after member.
///
/// `cat a.gz b.gz` is a valid gzip file of two members; zlib stops at the end of
/// each (`Z_STREAM_END`), so the inflater resets and goes on while input is left.
/// After a member, zero bytes (padding) are ignored to the end of the file;
/// anything else must be another gzip member.
final class GzipInflater {
    enum Failure: Error, Equatable {
        case corrupt(String)
        case truncated
        case dataAfterMembers
        case stopped
    }

    private var stream = z_stream()
    private let output: UnsafeMutableRawBufferPointer
    /// A member has begun and not yet ended.
    private var inMember = false
    private var inPadding = false
    private(set) var members = 0
    private(set) var decompressedBytes = 0

    init(outputSize: Int = 256 << 10) {
        output = .allocate(byteCount: outputSize, alignment: 16)
        // 16 + MAX_WBITS: gzip wrapper only (the caller has seen the magic bytes).
        let rc = inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(rc == Z_OK, "inflateInit2 failed: \(rc)")
    }

    deinit {
        inflateEnd(&stream)
        output.deallocate()
    }

    /// Inflates `input`, handing each piece of output to `sink` (false = stop).
    func feed(_ input: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) -> Bool) throws(Failure) {
        guard let base = input.baseAddress else { return }
        var offset = 0
        while offset < input.count {
            if !inMember {
                if inPadding || (members > 0 && input[offset] == 0) {
                    inPadding = true
                    for k in offset..<input.count where input[k] != 0 { throw .dataAfterMembers }
                    return
                }
                inMember = true
            }
            stream.next_in = UnsafeMutablePointer(mutating: (base + offset).assumingMemoryBound(to: Bytef.self))
            stream.avail_in = UInt32(input.count - offset)
            while true {
                stream.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = UInt32(output.count)
                let rc = inflate(&stream, Z_NO_FLUSH)
                let produced = output.count - Int(stream.avail_out)
                if produced > 0 {
                    decompressedBytes += produced
                    guard sink(UnsafeRawBufferPointer(start: output.baseAddress, count: produced)) else {
                        throw .stopped
                    }
                }
                if rc == Z_STREAM_END {
                    members += 1
                    inMember = false
                    inflateReset(&stream)
                    break
                } else if rc == Z_OK {
                    // Out of input with room to spare: wait for more input.
                    if stream.avail_in == 0 && stream.avail_out != 0 { break }
                } else if rc == Z_BUF_ERROR {
                    break
                } else {
                    let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                    throw .corrupt(message)
                }
            }
            offset = input.count - Int(stream.avail_in)
        }
    }

    /// The end of the input: a member begun and not ended means the file was cut short.
    func finish() throws(Failure) {
        if inMember { throw .truncated }
    }
}
