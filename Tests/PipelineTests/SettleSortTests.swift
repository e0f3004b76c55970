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
