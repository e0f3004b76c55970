/// Arrays made for each text that passes the prefilter (the normalized bytes and their
/// offset map, the clause bounds).
///
/// `Array(repeating:count:)` and `Array(unsafeUninitializedCapacity:)` allocate through
/// the standard library's one unspecialized entry point, which looks up the storage
/// class's generic metadata on every call: about 400 instructions an array, as much as
/// filling a 100-byte text's offsets. `reserveCapacity` on an empty array allocates
/// through code specialized for the element type, and `append(contentsOf:)` of a
/// buffer is one copy.
enum FreshArray {
    /// `n` zeros.
    @inline(__always)
    static func zeros<T: FixedWidthInteger>(_ n: Int) -> [T] {
        var a: [T] = []
        a.reserveCapacity(n)
        a.append(contentsOf: repeatElement(0, count: n))
        return a
    }

    /// `first, first + 1, …, first + n - 1`: the offset map of ASCII text, where byte
    /// `i` is scalar `i`.
    @inline(__always)
    static func counting(from first: Int32, count n: Int) -> [Int32] {
        var a: [Int32] = []
        appendCounting(from: first, count: n, to: &a)
        return a
    }

    /// Appends `first, first + 1, …, first + n - 1` to `a` (one copy for short texts).
    @inline(__always)
    static func appendCounting(from first: Int32, count n: Int, to a: inout [Int32]) {
        a.reserveCapacity(a.count + n)
        let f = Int(first)
        if f >= 0 && f + n <= countingTable.count {
            countingTable.withUnsafeBufferPointer { a.append(contentsOf: UnsafeBufferPointer(rebasing: $0[f..<(f + n)])) }
        } else {
            for i in 0..<n { a.append(first &+ Int32(truncatingIfNeeded: i)) }
        }
    }

    /// 0, 1, …, 4096: copied from for texts of up to 4 KB (16 KB of table; longer texts count).
    private static let countingTable: [Int32] = (0...4096).map { Int32($0) }

    /// A copy of `p`.
    @inline(__always)
    static func copy(_ p: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var a: [UInt8] = []
        a.reserveCapacity(p.count)
        a.append(contentsOf: p)
        return a
    }
}
