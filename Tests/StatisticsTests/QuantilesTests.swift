import Testing
import TestSupport
import Statistics

@Suite("Quantiles and the median")
struct QuantilesTests {
    struct QuantileCase: CustomTestStringConvertible, Sendable {
        var values: [Double], median: Double, quantiles: [Double]
        var testDescription: String { "\(values)" }
    }

    static let ps = [0, 0.1, 0.25, 0.75, 0.9, 1]

    /// Expected values from NumPy 2.4.6:
    /// ```python
    /// import numpy as np
    /// np.median(v), np.quantile(v, [0, 0.1, 0.25, 0.75, 0.9, 1], method="linear")
    /// ```
    static let cases: [QuantileCase] = [
        .init(values: [7], median: 7, quantiles: [7, 7, 7, 7, 7, 7]),
        .init(values: [3, 1], median: 2, quantiles: [1, 1.2, 1.5, 2.5, 2.8, 3]),
        .init(values: [5, 1, 4, 2, 3], median: 3, quantiles: [1, 1.4, 2, 4, 4.6, 5]),
        .init(values: [10, 40, 20, 30], median: 25, quantiles: [10, 13, 17.5, 32.5, 37, 40]),
        .init(values: [1.5, 1.5, 1.5], median: 1.5, quantiles: [1.5, 1.5, 1.5, 1.5, 1.5, 1.5]),
        .init(values: [120, 45, 1800, 600, 3, 75], median: 97.5, quantiles: [3, 24, 52.5, 480, 1200, 1800]),
    ]

    @Test("median and quantiles match NumPy's linear method", arguments: cases)
    func matchesNumPy(_ c: QuantileCase) throws {
        #expect(Quantiles.median(c.values) == c.median)
        let computed = try #require(Quantiles.quantiles(Self.ps, of: c.values))
        for (p, (actual, expected)) in zip(Self.ps, zip(computed, c.quantiles)) {
            #expect(isClose(actual, expected, relative: 1e-12), "p = \(p): \(actual) vs \(expected)")
            #expect(Quantiles.quantile(p, of: c.values) == actual)
        }
    }

    @Test("an even count takes the mean of the two middle values")
    func evenCount() {
        #expect(Quantiles.median([4, 1, 3, 2]) == 2.5)
        #expect(Quantiles.median([60, 1]) == 30.5)
        // Without overflow near the top of the range.
        #expect(Quantiles.median([.greatestFiniteMagnitude, .greatestFiniteMagnitude]) == .greatestFiniteMagnitude)
    }

    @Test("no values: no median, no quantile")
    func empty() {
        #expect(Quantiles.median([]) == nil)
        #expect(Quantiles.quantile(0.9, of: []) == nil)
        #expect(Quantiles.quantiles([0.5], of: []) == nil)
    }

    @Test("the order of the input does not matter")
    func orderIndependent() {
        var rng = SplitMix64(seed: 5)
        let values = (0..<101).map { _ in Double(Int.random(in: 0...1800, using: &rng)) }
        let median = Quantiles.median(values)
        #expect(median == Quantiles.median(values.shuffled(using: &rng)))
        #expect(median == values.sorted()[50])
    }
}
