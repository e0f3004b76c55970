import Testing
@testable import Pipeline
import TestSupport

/// The bucketed parallel sort and the room ranges of settling against the plain ways.
@Suite struct SettleSortTests {
    @Test(arguments: [(100, 1), (50_000, 1), (50_000, 3)])
    func bucketedSortEqualsAPlainSort(count: Int, jobs: Int) {
        var g = SplitMix64(seed: UInt64(count * 10 + jobs))
        var stubs: [MessageStub] = (0..<count).map { i in
            // Some keys repeat (duplicate message ids), some share the top byte only.
            let key = i % 7 == 0 ? UInt64(i % 50) << 56 : g.next() % UInt64(count / 2 + 1) &* 0x9E37_79B9_7F4A_7C15
            return MessageStub(sentAt: Int64(i), key: key, room: Int32(i % 13), sender: 0,
                               file: Int32(g.next() % 3), line: Int32(g.next() % 1_000_000))
        }
        let expected = stubs.sorted { a, b in
            (a.key, a.file, a.line) < (b.key, b.file, b.line)
        }
        Settler.sortByKeyThenOrigin(&stubs, jobs: jobs)
        #expect(stubs.map(\.key) == expected.map(\.key))
        #expect(stubs.map(\.file) == expected.map(\.file))
        #expect(stubs.map(\.line) == expected.map(\.line))
    }

    @Test("grouping by room in place: each room's stretch holds exactly its stubs",
          arguments: [(0, 5, 1), (1, 1, 1), (3_000, 1, 2), (60_000, 700, 1), (60_000, 5_000, 3), (20_000, 300_000, 2)])
    func groupByRoomPutsEachStubInItsRoom(count: Int, rooms: Int, jobs: Int) {
        var g = SplitMix64(seed: UInt64(count + rooms))
        var stubs: [MessageStub] = (0..<count).map { i in
            // Rooms of very unequal sizes, some empty.
            let room = g.next() % 4 == 0 ? Int32(g.next() % UInt64(rooms)) : Int32(g.next() % UInt64(max(1, rooms / 10)))
            return MessageStub(sentAt: Int64(i), key: g.next(), room: room, sender: Int32(i % 17), file: 0, line: Int32(i))
        }
        let before = stubs
        let start = Settler.groupByRoom(&stubs, rooms: rooms, jobs: jobs)
        #expect(start.count == rooms + 1 && start.first == 0 && start.last == count)
        #expect(zip(stubs, stubs.dropFirst()).allSatisfy { $0.room <= $1.room })
        #expect(stubs.map(\.line).sorted() == before.map(\.line).sorted())
        var byRoom: [Int32: [Int32]] = [:]
        for s in before { byRoom[s.room, default: []].append(s.line) }
        for r in 0..<rooms {
            #expect(stubs[start[r]..<start[r + 1]].map(\.line).sorted() == (byRoom[Int32(r)] ?? []).sorted())
        }
    }

    @Test("stub chunks: appended in order, moved whole with an adjustment, taken as one array")
    func stubChunks() {
        var a = StubChunks(), b = StubChunks()
        let n = StubChunks.chunkCapacity + 10
        for i in 0..<n { a.append(MessageStub(sentAt: Int64(i), key: UInt64(i), room: 1, sender: 2, file: 0, line: Int32(i))) }
        for i in 0..<5 { b.append(MessageStub(sentAt: Int64(i), key: UInt64(i), room: 3, sender: 4, file: 1, line: Int32(i))) }
        #expect(a.count == n && a.chunks.count == 2)
        a.absorb(b) { s in s.room += 10 }
        let all = a.takeAll()
        #expect(all.count == n + 5 && a.count == 0 && a.chunks.isEmpty)
        #expect(all.prefix(n).enumerated().allSatisfy { $0.element.line == Int32($0.offset) && $0.element.room == 1 })
        #expect(all.suffix(5).allSatisfy { $0.room == 13 && $0.file == 1 })
    }

    @Test(arguments: [1, 2, 8, 40])
    func roomRangesCoverEveryRoomOnce(parts: Int) {
        var g = SplitMix64(seed: UInt64(parts))
        var start = [0]
        for _ in 0..<100 { start.append(start.last! + Int(g.next() % 50)) }
        let ranges = Settler.roomRanges(start: start, parts: parts)
        #expect(ranges.flatMap { Array($0) } == Array(0..<100))
        #expect(ranges.count <= max(parts, 1))
    }

    @Test(arguments: [0, 10, 100_000])
    func originFilterNeverMissesAMember(members: Int) {
        var g = SplitMix64(seed: UInt64(members))
        let origins = (0..<members).map { _ in LineOrigin(file: Int32(g.next() % 4), line: Int32(g.next() % 10_000_000)).packed }
        let filter = OriginFilter(origins)
        #expect(origins.allSatisfy(filter.mayContain))
        // And it is a filter: most non-members are told apart.
        let strangers = (0..<10_000).map { i in LineOrigin(file: 9, line: Int32(i)).packed }
        #expect(strangers.filter(filter.mayContain).count < 2_000)
    }
}
