import Testing
import Analytics
import Policy
import TestSupport
@testable import Writers

@Suite struct ByteOrderTests {
    @Test("grouped is a stable sort by group", arguments: [(1, 0, 1), (2, 1, 1), (3, 500, 4), (4, 10_000, 7), (5, 300, 1)] as [(UInt64, Int, Int)])
    func groupedIsStableSort(seed: UInt64, count: Int, groups: Int) {
        var rng = SplitMix64(seed: seed)
        let group = (0..<count).map { _ in Int(rng.next(in: 0...UInt64(groups - 1))) }
        let expected = (0..<count).sorted { (group[$0], $0) < (group[$1], $1) }
        #expect(ByteOrder.grouped((0..<Int32(count)), groups: groups) { group[$0] }.map(Int.init) == expected)
        // Grouping keeps the order it is given within a group.
        let reversed = (0..<Int32(count)).reversed()
        let expectedReversed = reversed.map(Int.init).sorted { (group[$0], -$0) < (group[$1], -$1) }
        #expect(ByteOrder.grouped(reversed, groups: groups) { group[$0] }.map(Int.init) == expectedReversed)
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

    @Test("room counts go in file by file, then by room id bytes, epoch, phase and plan, whatever order they came in",
          arguments: [1, 2, 3] as [UInt64])
    func roomCountOrderIsCanonical(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let rooms = ["r_2", "r_10", "r_1", "é", "e\u{301}", "r_0000000000000000a", "r_0000000000000000b", ""]
        var facts: [RoomFact] = []
        var seen = Set<RoomFactKey>()
        for _ in 0..<400 {
            let key = RoomFactKey(file: Int32(rng.next(in: 0...2)), roomID: rooms.randomElement(using: &rng)!,
                                  epoch: ["e1", "e2", "E"].randomElement(using: &rng)!, phase: Phase.allCases.randomElement(using: &rng)!,
                                  clientPlan: ["basic", "plus"].randomElement(using: &rng)!)
            guard seen.insert(key).inserted else { continue }
            facts.append(RoomFact(key: key, count: MessageCount(messages: 1)))
        }
        let expected = facts.map(\.key).sorted { a, b in
            if a.file != b.file { return a.file < b.file }
            let x = Array(a.roomID.utf8), y = Array(b.roomID.utf8)
            if x != y { return x.lexicographicallyPrecedes(y) }
            return (a.epoch, a.phase.rawValue, a.clientPlan) < (b.epoch, b.phase.rawValue, b.clientPlan)
        }
        for _ in 0..<3 {
            facts.shuffle(using: &rng)
            #expect(Store.roomCountOrder(facts, files: 3).map { facts[Int($0)].key } == expected)
        }
    }
}
