// Statistics is pure math for the reports: binomial proportion intervals,
// 2x2 tables (relative risk, odds ratio, their intervals), Fisher's exact test,
// medians and quantiles. No I/O, no domain types: callers hand in counts and
// values, and get back numbers or nil.
//
// Two rules shape every type here:
// - A value that does not exist is nil, never NaN or infinity, so a report
//   shows an empty cell instead of a number nobody can interpret.
// - Whatever is computed from counts keeps only the counts and derives the rest
//   on demand, so partial results from parallel workers merge by adding counts
//   (`+`), and the merged estimate is exactly the one of the whole input.
//
// Every function has known-answer tests against SciPy / statsmodels values.
import Foundation

/// A two-sided confidence interval, `low <= high`.
public struct ConfidenceInterval: Sendable, Hashable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    public func contains(_ value: Double) -> Bool { low <= value && value <= high }
}

/// Quantiles of the standard normal distribution used for intervals.
public enum StandardNormal {
    /// The 97.5% quantile: a two-sided 95% interval is estimate ± z95 × standard error.
    /// `scipy.stats.norm.ppf(0.975)`.
    public static let z95 = 1.959963984540054
}
