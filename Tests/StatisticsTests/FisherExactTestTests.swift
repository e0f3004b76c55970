import Foundation
import Testing
import TestSupport
@testable import Statistics

@Suite("Fisher's exact test")
struct FisherExactTestTests {
    struct FisherCase: CustomTestStringConvertible, Sendable {
        var table: [[Int]]
        var twoSided: Double, less: Double, greater: Double
        var testDescription: String { "\(table)" }
    }

    /// Expected values from SciPy 1.17.1:
    /// ```python
    /// from scipy.stats import fisher_exact
    /// [fisher_exact(t, alternative=a).pvalue for a in ("two-sided", "less", "greater")]
    /// ```
    /// - [[3, 1], [1, 3]]: Fisher's lady tasting tea (Fisher 1935; Agresti,
    ///   Categorical Data Analysis, 2nd ed., §3.5.2: one-sided P = 0.243, two-sided 0.486).
    /// - [[8, 2], [1, 5]]: the example of SciPy's documentation (0.034965…).
    /// - [[1, 9], [11, 3]]: the worked example of Wikipedia's "Fisher's exact test" (0.002759).
    /// - [[1, 4], [4, 1]] and [[500100, 499900], [499900, 500100]]: symmetric margins,
    ///   where the mirror table is exactly as likely and must be counted.
    static let cases: [FisherCase] = [
        .init(table: [[3, 1], [1, 3]], twoSided: 0.48571428571428565, less: 0.9857142857142858, greater: 0.24285714285714283),
        .init(table: [[8, 2], [1, 5]], twoSided: 0.034965034965034975, less: 0.9991258741258742, greater: 0.024475524475524483),
        .init(table: [[1, 9], [11, 3]], twoSided: 0.0027594561852200836, less: 0.0013797280926100418, greater: 0.9999663480953022),
        .init(table: [[1, 4], [4, 1]], twoSided: 0.2063492063492064, less: 0.1031746031746032, greater: 0.996031746031746),
        .init(table: [[2, 7], [8, 2]], twoSided: 0.02301413756522116, less: 0.01852172595206651, greater: 0.9990149169715733),
        // One empty cell, each of the four.
        .init(table: [[0, 5], [4, 3]], twoSided: 0.0808080808080808, less: 0.0707070707070707, greater: 1.0),
        .init(table: [[5, 0], [3, 4]], twoSided: 0.0808080808080808, less: 1.0, greater: 0.0707070707070707),
        .init(table: [[3, 4], [0, 5]], twoSided: 0.20454545454545453, less: 1.0, greater: 0.1590909090909091),
        .init(table: [[3, 4], [5, 0]], twoSided: 0.0808080808080808, less: 0.0707070707070707, greater: 1.0),
        // Two empty cells.
        .init(table: [[1, 0], [0, 1]], twoSided: 1.0, less: 1.0, greater: 0.5),
        .init(table: [[10, 0], [0, 10]], twoSided: 1.082508822446903e-05, less: 1.0, greater: 5.412544112234515e-06),
        // Million-scale margins.
        .init(table: [[1200, 998_800], [1000, 999_000]],
              twoSided: 2.1591027933740326e-05, less: 0.9999910871995574, greater: 1.0795513966870165e-05),
        .init(table: [[51234, 1_948_766], [50001, 1_949_999]],
              twoSided: 8.778695132934495e-05, less: 0.999957252366249, greater: 4.3893475664672474e-05),
        .init(table: [[500_100, 499_900], [499_900, 500_100]],
              twoSided: 0.7783817704597376, less: 0.6118932492192388, greater: 0.3891908852298688),
        .init(table: [[15000, 985_000], [10000, 990_000]],
              twoSided: 1.3205199559841098e-223, less: 1.0, greater: 6.602599779920549e-224),
        .init(table: [[3, 999_997], [0, 1_000_000]], twoSided: 0.24999962497779532, less: 1.0, greater: 0.12499981248889766),
        .init(table: [[7, 3_000_000], [25, 2_999_990]],
              twoSided: 0.002102346064611492, less: 0.001051199154640326, greater: 0.9997324750035312),
        // So extreme that the p-value underflows a Double.
        .init(table: [[2_000_000, 1], [1, 2_000_000]], twoSided: 0.0, less: 1.0, greater: 0.0),
    ]

    @Test("p-values match SciPy", arguments: cases)
    func matchesSciPy(_ c: FisherCase) {
        let test = TwoByTwoTable(c.table).fisherExactTest
        #expect(isClose(test.twoSided, c.twoSided, relative: pValue), "two-sided \(test.twoSided) vs \(c.twoSided)")
        #expect(isClose(test.less, c.less, relative: pValue), "less \(test.less) vs \(c.less)")
        #expect(isClose(test.greater, c.greater, relative: pValue), "greater \(test.greater) vs \(c.greater)")
    }

    /// Exact to 1e-9 where SciPy itself is only good to about 1e-10: these are
    /// exact rational sums rounded at the end (R's 1e-7 tie tolerance):
    /// ```python
    /// from math import comb; from fractions import Fraction; import mpmath as m; m.mp.dps = 50
    /// (a, b), (c, d) = t; r1, r2, c1 = a + b, c + d, a + c
    /// ps = {k: comb(r1, k) * comb(r2, c1 - k) for k in range(max(0, c1 - r2), min(r1, c1) + 1)}
    /// sel = sum(v for v in ps.values() if Fraction(v) <= Fraction(ps[a]) * (1 + Fraction(1, 10**7)))
    /// m.mpf(sel) / m.mpf(comb(r1 + r2, c1))
    /// ```
    @Test("two-sided p-values match exact rational arithmetic", arguments: [
        ([[1200, 998_800], [1000, 999_000]], 2.159102792869686e-5),
        ([[7, 3_000_000], [25, 2_999_990]], 0.0021023460641839508),
        ([[3, 999_997], [0, 1_000_000]], 0.2499996249998125),
    ])
    func matchesExactArithmetic(_ cells: [[Int]], _ expected: Double) {
        let p = TwoByTwoTable(cells).fisherExactTest.twoSided
        #expect(isClose(p, expected, relative: 1e-9), "\(p) vs \(expected)")
    }

    @Test("a zero margin gives p = 1 for every alternative", arguments: [
        [[0, 0], [3, 4]], [[3, 4], [0, 0]], [[0, 3], [0, 4]], [[3, 0], [4, 0]], [[0, 0], [0, 0]],
    ])
    func zeroMargin(_ cells: [[Int]]) {
        #expect(TwoByTwoTable(cells).fisherExactTest == FisherExactTest(twoSided: 1, less: 1, greater: 1))
    }

    /// The slow trusted definition: every table with the same margins, its
    /// probability from lgamma (exact enough at these sizes), summed if no more
    /// likely than the observed one.
    private func bruteForce(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> FisherExactTest {
        let r1 = a + b, r2 = c + d, c1 = a + c, n = r1 + r2
        func logChoose(_ n: Int, _ k: Int) -> Double {
            lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
        }
        let support = Swift.max(0, c1 - r2)...Swift.min(r1, c1)
        let probability = Dictionary(uniqueKeysWithValues: support.map {
            ($0, exp(logChoose(r1, $0) + logChoose(r2, c1 - $0) - logChoose(n, c1)))
        })
        let observed = probability[a]!
        let twoSided = probability.values.filter { $0 <= observed * (1 + 1e-7) }.reduce(0, +)
        let less = support.filter { $0 <= a }.map { probability[$0]! }.reduce(0, +)
        let greater = support.filter { $0 >= a }.map { probability[$0]! }.reduce(0, +)
        return FisherExactTest(twoSided: Swift.min(1, twoSided), less: Swift.min(1, less), greater: Swift.min(1, greater))
    }

    @Test("agrees with summing every table, for random small tables")
    func differentialAgainstBruteForce() {
        var rng = SplitMix64(seed: 2024)
        for round in 0..<3_000 {
            let limit = round < 1_500 ? 8 : 60
            let a = Int.random(in: 0...limit, using: &rng), b = Int.random(in: 0...limit, using: &rng)
            let c = Int.random(in: 0...limit, using: &rng), d = Int.random(in: 0...limit, using: &rng)
            let table = TwoByTwoTable([[a, b], [c, d]])
            let fast = table.fisherExactTest
            if table.hasZeroMargin {
                #expect(fast == FisherExactTest(twoSided: 1, less: 1, greater: 1))
                continue
            }
            let slow = bruteForce(a, b, c, d)
            #expect(isClose(fast.twoSided, slow.twoSided, relative: 1e-9), "\([[a, b], [c, d]]) two-sided \(fast.twoSided) vs \(slow.twoSided)")
            #expect(isClose(fast.less, slow.less, relative: 1e-9), "\([[a, b], [c, d]]) less \(fast.less) vs \(slow.less)")
            #expect(isClose(fast.greater, slow.greater, relative: 1e-9), "\([[a, b], [c, d]]) greater \(fast.greater) vs \(slow.greater)")
        }
    }

    @Test("p-values are probabilities, and the one-sided ones overlap in exactly the observed table")
    func invariants() {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<500 {
            let cells = (0..<4).map { _ in Int.random(in: 0...400, using: &rng) }
            let table = TwoByTwoTable([[cells[0], cells[1]], [cells[2], cells[3]]])
            let test = table.fisherExactTest
            #expect((0...1).contains(test.twoSided) && (0...1).contains(test.less) && (0...1).contains(test.greater))
            #expect(test.twoSided >= Swift.min(test.less, test.greater) * (1 - 1e-12), "\(cells)")
            if table.hasZeroMargin { continue }
            let h = Hypergeometric(successStates: table.exposed, failureStates: table.unexposed, draws: table.withOutcome)
            let pointMass = exp(h.logProbability(table.exposedWithOutcome))
            #expect(abs(test.less + test.greater - 1 - pointMass) <= 1e-12, "\(cells)")
        }
    }

    @Test("the saddle-point density sums to one and agrees with lgamma at small counts")
    func hypergeometricDensity() {
        for (k, n, draws) in [(5, 7, 6), (40, 13, 20), (1, 1, 1), (300, 200, 250), (10_000, 20_000, 15_000)] {
            let h = Hypergeometric(successStates: k, failureStates: n, draws: draws)
            let total = (h.lowest...h.highest).map { exp(h.logProbability($0)) }.reduce(0, +)
            #expect(abs(total - 1) <= 1e-12, "\((k, n, draws)) sums to \(total)")
            #expect(h.logProbability(h.lowest - 1) == -.infinity && h.logProbability(h.highest + 1) == -.infinity)
            let mostLikely = (h.lowest...h.highest).max { h.logProbability($0) < h.logProbability($1) }!
            #expect(h.logProbability(mostLikely) == h.logProbability(h.mode), "\((k, n, draws))")
        }
        let h = Hypergeometric(successStates: 30, failureStates: 25, draws: 20)
        for x in h.lowest...h.highest {
            func logChoose(_ n: Int, _ k: Int) -> Double {
                lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
            }
            let viaLgamma: Double = logChoose(30, x) + logChoose(25, 20 - x) - logChoose(55, 20)
            #expect(abs(h.logProbability(x) - viaLgamma) <= 1e-12, "x = \(x)")
        }
    }

    @Test("margins of fifty million finish and match SciPy")
    func veryLargeMargins() {
        // fisher_exact([[25_010_000, 24_990_000], [24_985_000, 25_015_000]], alternative=a).pvalue
        let test = TwoByTwoTable([[25_010_000, 24_990_000], [24_985_000, 25_015_000]]).fisherExactTest
        #expect(isClose(test.twoSided, 5.738977552241036e-07, relative: pValue), "\(test.twoSided)")
        #expect(isClose(test.less, 0.9999997136458841, relative: pValue), "\(test.less)")
        #expect(isClose(test.greater, 2.869488776120518e-07, relative: pValue), "\(test.greater)")
    }
}
