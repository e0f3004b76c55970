/// Arrays sized for each text that passes the prefilter (the normalized bytes' offset
/// maps, the clause bounds; most are the reused arrays of a `Workspace`).
///
/// `Array(repeating:count:)` and `Array(unsafeUninitializedCapacity:)` allocate through
/// the standard library's one unspecialized entry point, which looks up the storage
/// class's generic metadata on every call: about 400 instructions an array, as much as
/// filling a 100-byte text's offsets. `reserveCapacity` allocates through code
/// specialized for the element type, and `append(contentsOf:)` of a buffer is one copy
/// where `repeatElement` is a loop.
enum FreshArray {
    /// `n` zeros.
    @inline(__always)
    static func zeros<T: FixedWidthInteger>(_ n: Int) -> [T] {
        var a: [T] = []
        a.reserveCapacity(n)
        a.append(contentsOf: repeatElement(0, count: n))
        return a
    }

    /// Appends `first, first + 1, …, first + n - 1` to `a`: the offset map of ASCII text,
    /// where byte `i` is scalar `i` (one copy for texts of up to 4 KB).
    @inline(__always)
    static func appendCounting(from first: Int32, count n: Int, to a: inout [Int32]) {
        a.reserveCapacity(a.count + n)
        let f = Int(first)
        if f >= 0 && f + n <= countingTable.count {
            countingTable.withUnsafeBufferPointer {
                a.append(contentsOf: UnsafeBufferPointer(rebasing: $0[f..<(f + n)]))
            }
        } else {
            for i in 0..<n { a.append(first &+ Int32(truncatingIfNeeded: i)) }
        }
    }

    /// 0, 1, …, 4096 (16 KB).
    private static let countingTable: [Int32] = (0...4096).map { Int32($0) }
}
