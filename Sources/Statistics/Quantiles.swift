import Foundation

/// Quantiles of a list of values, for figures such as the median time from a
/// call to the move off the platform.
///
/// Quantiles are not mergeable from partial quantiles, so callers merge the
/// values themselves (concatenate the lists) and ask here once at the end.
public enum Quantiles {
    /// The median: the middle value, or for an even count the mean of the two
    /// middle values. Nil for an empty list.
    public static func median(_ values: [Double]) -> Double? {
        quantile(0.5, of: values)
    }

    /// The p-quantile, 0 <= p <= 1, by linear interpolation between order
    /// statistics (Hyndman & Fan type 7: the default of R's `quantile` and
    /// NumPy's `quantile`): with the values sorted as x₀ … xₙ₋₁ and
    /// h = (n − 1) p, the result is x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
    /// p = 0 gives the minimum, p = 1 the maximum, p = 0.5 the median.
    /// Nil for an empty list. Values must not be NaN.
    public static func quantile(_ p: Double, of values: [Double]) -> Double? {
        precondition(p >= 0 && p <= 1, "a quantile needs 0 <= p <= 1, got \(p)")
        precondition(!values.contains { $0.isNaN }, "quantiles of NaN are undefined")
        return quantile(p, ofSorted: values.sorted())
    }

    /// Several quantiles of one list, sorting it once.
    public static func quantiles(_ ps: [Double], of values: [Double]) -> [Double]? {
        precondition(ps.allSatisfy { $0 >= 0 && $0 <= 1 }, "quantiles need 0 <= p <= 1")
        precondition(!values.contains { $0.isNaN }, "quantiles of NaN are undefined")
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return nil }
        return ps.map { quantile($0, ofSorted: sorted)! }
    }

    private static func quantile(_ p: Double, ofSorted sorted: [Double]) -> Double? {
        guard let first = sorted.first else { return nil }
        if sorted.count == 1 { return first }
        let h = Double(sorted.count - 1) * p
        let lower = Int(h.rounded(.down))
        let fraction = h - Double(lower)
        if fraction == 0 { return sorted[lower] }
        let a = sorted[lower], b = sorted[lower + 1]
        // The even-count median is exactly (a + b) / 2, computed without overflow.
        if fraction == 0.5 { return a / 2 + b / 2 }
        return a + fraction * (b - a)
    }
}
