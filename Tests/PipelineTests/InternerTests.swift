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
}
