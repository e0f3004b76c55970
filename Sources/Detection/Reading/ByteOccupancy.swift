/// Which bytes of a text are already taken by a kept match: checking a new match
/// against all kept ones would make a long message with many matches quadratic.
///
/// Texts that reach the recognizers are short (most under 256 bytes), and seven of these
/// are made per text: the first 256 bytes live inline, so a short text allocates none.
struct ByteOccupancy {
    private static let inlineBytes = 256
    private var inline: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Bytes from 256 on, only for longer texts.
    private var rest: [UInt64]

    init(count: Int) {
        rest = count < Self.inlineBytes ? [] : [UInt64](repeating: 0, count: (count - Self.inlineBytes) / 64 + 1)
    }

    @inline(__always)
    private func word(_ w: Int) -> UInt64 {
        switch w {
        case 0: return inline.0
        case 1: return inline.1
        case 2: return inline.2
        case 3: return inline.3
        default: return rest[w &- 4]
        }
    }

    @inline(__always)
    private mutating func set(_ w: Int, _ bit: UInt64) {
        switch w {
        case 0: inline.0 |= bit
        case 1: inline.1 |= bit
        case 2: inline.2 |= bit
        case 3: inline.3 |= bit
        default: rest[w &- 4] |= bit
        }
    }

    func overlaps(_ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            if (word(i >> 6) >> UInt64(i & 63)) & 1 == 1 { return true }
            i += 1
        }
        return false
    }

    mutating func insert(_ r: Range<Int>) {
        for i in r { set(i >> 6, 1 << UInt64(i & 63)) }
    }
}
