import Foundation
import Testing
@testable import Generator

/// `parallelMap` hands back every result in index order and keeps none of them:
/// a result it kept would make memory grow with the export, chunk after chunk.
@Suite struct ParallelMapTests {
    final class Census: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var alive: Int { lock.withLock { count } }
        func change(_ d: Int) { lock.withLock { count += d } }
    }

    final class Tracked: @unchecked Sendable {
        let value: Int
        let census: Census
        init(_ v: Int, _ c: Census) { value = v; census = c; c.change(1) }
        deinit { census.change(-1) }
    }

    @Test(arguments: [1, 2, 5])
    func resultsInOrderAndReleased(jobs: Int) {
        let census = Census()
        do {
            let results = parallelMap(100, jobs: jobs) { Tracked($0 * 3, census) }
            #expect(results.map(\.value) == (0..<100).map { $0 * 3 })
            #expect(census.alive == 100)
        }
        #expect(census.alive == 0)
    }
}
