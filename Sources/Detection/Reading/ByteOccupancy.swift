/// Which bytes of a text are already taken by a kept match: checking a new match
/// against all kept ones would make a long message with many matches quadratic.
struct ByteOccupancy {
    private var bits: [UInt64]

    init(count: Int) { bits = [UInt64](repeating: 0, count: count / 64 + 1) }

    func overlaps(_ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            if (bits[i >> 6] >> UInt64(i & 63)) & 1 == 1 { return true }
            i += 1
        }
        return false
    }

    mutating func insert(_ r: Range<Int>) {
        for i in r { bits[i >> 6] |= 1 << UInt64(i & 63) }
    }
}
