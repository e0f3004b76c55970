/// Maps identifiers (room and sender ids) to dense integers, so the per-message
/// record stays a few fixed bytes whatever the ids look like.
struct Interner: Sendable {
    private(set) var strings: [String] = []
    private var indices: [String: Int32] = [:]

    mutating func intern(_ s: String) -> Int32 {
        if let i = indices[s] { return i }
        let i = Int32(strings.count)
        strings.append(s)
        indices[s] = i
        return i
    }

    func index(of s: String) -> Int32? { indices[s] }

    subscript(i: Int32) -> String { strings[Int(i)] }

    var count: Int { strings.count }

    /// Adds `other`'s strings; returns, for each of `other`'s indices, the index here.
    mutating func absorb(_ other: Interner) -> [Int32] {
        other.strings.map { intern($0) }
    }
}

/// A stable 64-bit hash of a message id (FNV-1a, then a 64-bit finalizer for
/// spread), used to find duplicate message ids without keeping the ids.
enum MessageKey {
    static func of(_ id: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01b3
        }
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }
}
