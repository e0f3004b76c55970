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
    }
}
