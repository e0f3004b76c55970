import Testing
import TestSupport
@testable import Writers

@Suite struct ByteOrderTests {
    @Test("grouped is a stable sort by group", arguments: [(1, 0, 1), (2, 1, 1), (3, 500, 4), (4, 10_000, 7), (5, 300, 1)] as [(UInt64, Int, Int)])
    func groupedIsStableSort(seed: UInt64, count: Int, groups: Int) {
        var rng = SplitMix64(seed: seed)
        let group = (0..<count).map { _ in Int(rng.next(in: 0...UInt64(groups - 1))) }
        let expected = (0..<count).sorted { (group[$0], $0) < (group[$1], $1) }
        #expect(ByteOrder.grouped(count, groups: groups) { group[$0] }.map(Int.init) == expected)
    }

    @Test("indices follows the UTF-8 bytes, then the tie")
    func indicesByBytes() {
        let keys = ["b", "a", "ab", "é", "z", "", "abcdefghijklmnopq", "abcdefghijklmnopb", "a"]
        let expected = keys.indices.sorted { a, b in
            let x = Array(keys[a].utf8), y = Array(keys[b].utf8)
            return x == y ? a < b : x.lexicographicallyPrecedes(y)
        }
        #expect(ByteOrder.indices(keys.count, key: { keys[$0] }, tie: { $0 < $1 }).map(Int.init) == expected)
    }
}
