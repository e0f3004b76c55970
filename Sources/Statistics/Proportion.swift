import Foundation

/// A binomial proportion as counts: `successes` out of `trials`.
///
/// Kept as counts so partial results add up (`+`); the estimate and its interval
/// are derived from the merged counts.
public struct Proportion: Sendable, Hashable {
    public private(set) var successes: Int
    public private(set) var trials: Int

    public init(successes: Int, trials: Int) {
        precondition(successes >= 0 && trials >= successes,
                     "a proportion needs 0 <= successes <= trials, got \(successes)/\(trials)")
        self.successes = successes
        self.trials = trials
    }

    public static let zero = Proportion(successes: 0, trials: 0)

    /// `successes / trials`, or nil when there are no trials (there is nothing to estimate).
    public var estimate: Double? {
        trials == 0 ? nil : Double(successes) / Double(trials)
    }

    /// The Wilson score interval (Wilson 1927), nil when there are no trials.
    ///
    /// Chosen over the Wald interval because it stays inside [0, 1] and keeps
    /// its coverage for rare events and small groups, which is exactly where
    /// violation rates live. At 0 successes `low` is exactly 0 and at
    /// `successes == trials` `high` is exactly 1; the interval is never empty.
    ///
    /// The lower bound is computed as the product of the two roots over the
    /// upper one (`low · high = x² / (n (n + z²))`) rather than as
    /// `center − half`, which would cancel catastrophically for rare events.
    public func wilsonInterval(z: Double = StandardNormal.z95) -> ConfidenceInterval? {
        guard trials > 0 else { return nil }
        let n = Double(trials), x = Double(successes), z2 = z * z
        let denominator = n + z2
        let center = (x + z2 / 2) / denominator
        let half = z * (x * (n - x) / n + z2 / 4).squareRoot() / denominator
        let high = successes == trials ? 1 : min(1, center + half)
        let low = successes == 0 ? 0 : max(0, (x * x / n) / (denominator * high))
        return ConfidenceInterval(low: low, high: high)
    }

    public static func + (lhs: Proportion, rhs: Proportion) -> Proportion {
        Proportion(successes: lhs.successes + rhs.successes, trials: lhs.trials + rhs.trials)
    }

    public static func += (lhs: inout Proportion, rhs: Proportion) { lhs = lhs + rhs }

    /// Counts one more trial.
    public mutating func record(success: Bool) {
        trials += 1
        if success { successes += 1 }
    }
}
