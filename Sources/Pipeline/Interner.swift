import Foundation

/// Maps identifiers (room and sender ids) to dense integers, so the per-message
/// record stays a few fixed bytes whatever the ids look like.
///
/// Two lookups per message go through here, so it is its own open-addressing
/// table keyed by a 64-bit FNV-1a hash of the id's bytes rather than a
/// `[String: Int32]`: Swift's String hashing (SipHash over normalized text)
/// was the single largest cost of the harvest outside the detector.
struct Interner: Sendable {
    private(set) var strings: [String] = []
    /// Power-of-two table; 0 is empty, else the hash's high 32 bits and index + 1.
    private var slots: [UInt64] = []

    mutating func intern(_ s: String) -> Int32 {
        let h = Self.hash(s)
        if let i = find(s, hash: h) { return i }
        if (strings.count + 1) * 2 > slots.count { grow() }
        let i = Int32(strings.count)
        strings.append(s)
        place(index: i, hash: h)
        return i
    }

    /// The index of the id whose UTF-8 bytes these are (valid UTF-8), interning it first: the same index as
    /// `intern` of its `String`, which is made only when the id is new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = MessageKey.of(bytes)
        if let i = find(bytes, hash: h) { return i }
        return intern(String(decoding: bytes, as: UTF8.self))
    }

    /// The interned instance equal to `s` (interning it first): keeping it instead of `s` shares one copy.
    mutating func canonical(_ s: String) -> String {
        strings[Int(intern(s))]
    }

    func index(of s: String) -> Int32? {
        find(s, hash: Self.hash(s))
    }

    subscript(i: Int32) -> String { strings[Int(i)] }

    var count: Int { strings.count }

    /// Adds `other`'s strings; returns, for each of `other`'s indices, the index here.
    mutating func absorb(_ other: Interner) -> [Int32] {
        reserve(count + other.count)
        return other.strings.map { intern($0) }
    }

    /// Ids are told apart by their bytes, as their hash is (`String`'s `==` would take two spellings of one
    /// accented letter for the same id, and cost a Unicode-aware comparison each time).
    private func find(_ s: String, hash h: UInt64) -> Int32? {
        if let found = s.utf8.withContiguousStorageIfAvailable({ find($0, hash: h) }) { return found }
        var copy = s
        return copy.withUTF8 { find($0, hash: h) }
    }

    /// Like `find(_:hash:)`, comparing bytes (the interned strings are native: their UTF-8 is contiguous).
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> Int32? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        let tag = h >> 32
        var p = Int(truncatingIfNeeded: h) & mask
        while true {
            let v = slots[p]
            if v == 0 { return nil }
            if v >> 32 == tag {
                let i = Int(v & 0xFFFF_FFFF) - 1
                let same = strings[i].utf8.withContiguousStorageIfAvailable { s in
                    s.count == bytes.count && (s.count == 0 || memcmp(s.baseAddress!, bytes.baseAddress!, s.count) == 0)
                } ?? strings[i].utf8.elementsEqual(bytes)
                if same { return Int32(i) }
            }
            p = (p + 1) & mask
        }
    }

    private mutating func place(index i: Int32, hash h: UInt64) {
        let mask = slots.count - 1
        var p = Int(truncatingIfNeeded: h) & mask
        while slots[p] != 0 { p = (p + 1) & mask }
        slots[p] = (h >> 32) << 32 | UInt64(i + 1)
    }

    private mutating func reserve(_ n: Int) {
        var size = max(slots.count, 16)
        while n * 2 > size { size *= 2 }
        if size != slots.count { rebuild(size) }
    }

    private mutating func grow() { rebuild(max(16, slots.count * 2)) }

    private mutating func rebuild(_ size: Int) {
        slots = [UInt64](repeating: 0, count: size)
        for (i, s) in strings.enumerated() { place(index: Int32(i), hash: Self.hash(s)) }
    }

    /// The same well-spread 64-bit hash as message keys.
    static func hash(_ s: String) -> UInt64 { MessageKey.of(s) }
}

/// A stable 64-bit hash of a message id (FNV-1a, then a 64-bit finalizer for
/// spread), used to find duplicate message ids without keeping the ids.
enum MessageKey {
    /// Three a message (its id, room and sender): over the contiguous UTF-8 when the string has it.
    static func of(_ id: String) -> UInt64 {
        if let h = id.utf8.withContiguousStorageIfAvailable({ of($0) }) { return h }
        return of(id.utf8)
    }

    /// The same hash of an id's UTF-8 bytes.
    static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
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
