import Detection

/// Findings count Unicode scalars; the text is UTF-8 bytes. This maps one to
/// the other so that the work done around a finding (its context here, its
/// masked evidence in Pipeline) reads bytes near the finding instead of
/// decoding the whole text into scalars. Most texts are ASCII, where a scalar
/// offset is a byte offset and no table is built.
public struct ScalarOffsets: Sendable {
    /// The byte offset of each scalar and, last, the byte count; nil for ASCII text.
    @usableFromInline let starts: [Int32]?
    /// The number of Unicode scalars of the text.
    public let scalarCount: Int

    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !Prefilter.isASCII(bytes) else {
            starts = nil
            scalarCount = bytes.count
            return
        }
        var count = 0
        for b in bytes where b & 0xC0 != 0x80 { count += 1 }
        var table = [Int32](repeating: 0, count: count + 1)
        var k = 0
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 {
            table[k] = Int32(i)
            k += 1
        }
        table[count] = Int32(bytes.count)
        starts = table
        scalarCount = count
    }

    /// The byte offset of scalar `i`, for `i` in `0...scalarCount`.
    @inlinable
    public func byteOffset(ofScalar i: Int) -> Int {
        guard let starts else { return i }
        return Int(starts[i])
    }

    /// The scalar whose UTF-8 starts at byte `i`, and its length in bytes
    /// (the bytes of a Swift string are always valid UTF-8).
    @inlinable
    public static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 {
            return (Unicode.Scalar((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))!, 2)
        }
        if b0 < 0xF0 {
            return (Unicode.Scalar((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))!, 3)
        }
        let v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F)
        return (Unicode.Scalar(v)!, 4)
    }
}
