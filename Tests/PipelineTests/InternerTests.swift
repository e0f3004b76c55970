import Testing
@testable import Pipeline
import TestSupport

/// The interner's own hash table against a plain dictionary: same dense
/// indices in first-seen order, same lookups, across table growth.
@Suite struct InternerTests {
    @Test(arguments: [1, 17, 5_000])
    func agreesWithADictionary(distinct: Int) {
        var g = SplitMix64(seed: UInt64(distinct))
        var interner = Interner()
        var reference: [String: Int32] = [:]
        var order: [String] = []
        for _ in 0..<(distinct * 3) {
            let n = Int(g.next() % UInt64(distinct))
            // Ids of many shapes: short, long (not stored inline), non-ASCII.
            let id = n % 3 == 0 ? "room-\(n)" : n % 3 == 1 ? "usr_\(n)_" + String(repeating: "x", count: n % 40) : "раум-\(n)-é"
            let expected = reference[id] ?? {
                reference[id] = Int32(order.count)
                order.append(id)
                return Int32(order.count - 1)
            }()
            #expect(interner.intern(id) == expected)
        }
        #expect(interner.count == order.count)
        #expect(interner.strings == order)
        for (id, i) in reference { #expect(interner.index(of: id) == i) }
        #expect(interner.index(of: "never-seen") == nil)
    }

    /// Ids interned from bytes (the message path) and from `String`s (every other record) share one numbering,
    /// and ids are told apart by their bytes: two spellings of "é" are two ids, as their hashes say.
    @Test func bytesAndStringsShareOneNumberingByBytes() {
        var g = SplitMix64(seed: 77)
        var interner = Interner()
        var reference: [[UInt8]: Int32] = [:]
        let shapes = ["room-%", "caf\u{e9}-%", "cafe\u{301}-%", "комната-%", "%-😀", "usr_%_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]
        for k in 0..<20_000 {
            let shape = shapes[Int(g.next() % UInt64(shapes.count))]
            let id = shape.split(separator: "%", omittingEmptySubsequences: false).joined(separator: String(g.next() % 500))
            let bytes = Array(id.utf8)
            let expected = reference[bytes] ?? {
                let i = Int32(reference.count)
                reference[bytes] = i
                return i
            }()
            let got = k % 2 == 0 ? bytes.withUnsafeBufferPointer { interner.intern($0) } : interner.intern(id)
            #expect(got == expected, "\(id.debugDescription)")
            if got != expected { return }
        }
        #expect(interner.count == reference.count)
        let precomposed = interner.intern("caf\u{e9}-x"), decomposed = interner.intern("cafe\u{301}-x")
        #expect(precomposed != decomposed)
        #expect(Array("cafe\u{301}-x".utf8).withUnsafeBufferPointer { interner.intern($0) } == decomposed)
    }

    /// Two ids of the same length whose hashes share the tag kept in the table and the home slot of a small
    /// table: only comparing their bytes tells them apart.
    @Test func idsWithTheSameTagAndSlotStayApart() throws {
        var seen: [UInt64: String] = [:]
        var pair: (String, String)?
        for n in 100_000...999_999 {
            let id = "id-\(n)"
            let h = MessageKey.of(id)
            let key = (h >> 32) << 4 | (h & 15)
            if let other = seen[key] {
                pair = (other, id)
                break
            }
            seen[key] = id
        }
        let (a, b) = try #require(pair)
        var interner = Interner()
        #expect(interner.intern(a) == 0)
        #expect(Array(b.utf8).withUnsafeBufferPointer { interner.intern($0) } == 1)
        #expect(interner.intern(b) == 1)
        #expect(Array(a.utf8).withUnsafeBufferPointer { interner.intern($0) } == 0)
    }

    @Test func absorbMapsEveryIndex() {
        var a = Interner(), b = Interner()
        for i in 0..<300 { _ = a.intern("r\(i)") }
        for i in 150..<600 { _ = b.intern("r\(i)") }
        let map = a.absorb(b)
        #expect(a.count == 600)
        for i in 0..<b.count { #expect(a[map[i]] == b[Int32(i)]) }
    }

    @Test(arguments: ["", "m-1", "msg_0000000001234567", "сообщение-7", "emoji-😀-id", String(repeating: "x", count: 300)])
    func messageKeyIsFNV1aOfTheUTF8ThenMixed(id: String) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in Array(id.utf8) {
            h ^= UInt64(b)
            h &*= 0x0000_0100_0000_01b3
        }
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        #expect(MessageKey.of(id) == h)
        // A Substring-made or bridged-looking copy hashes the same.
        #expect(MessageKey.of(String(id[...])) == h)
        #expect(Array(id.utf8).withUnsafeBufferPointer { MessageKey.of($0) } == h)
    }
}
