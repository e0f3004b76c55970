import Foundation

/// Counts of a cohort classified by exposure and outcome:
///
/// |           | outcome | no outcome |
/// |-----------|---------|------------|
/// | exposed   | a       | b          |
/// | unexposed | c       | d          |
///
/// For the call-failure report: exposed = the call failed or dropped,
/// outcome = a move off the platform followed within the window.
///
/// Four counts that add up (`+`), so partial tables from parallel workers merge
/// exactly. Effect sizes are computed from the merged counts.
///
/// ## Zero cells and zero margins
/// - If a **margin** is zero (no exposed, no unexposed, nobody with the
///   outcome, or everybody with it), the table says nothing about association:
///   `relativeRisk` and `oddsRatio` are nil and every Fisher p-value is 1.
/// - Otherwise, if **any cell** is zero, 0.5 is added to all four cells
///   (Haldane–Anscombe) for both the estimate and its interval, and the result
///   says so (`RatioEstimate.isCorrected`). Without zero cells nothing is added.
/// Note that statsmodels' `Table2x2(shift_zeros=True)`, despite its
/// documentation, replaces only the zero cells by 0.5; that is not this rule.
public struct TwoByTwoTable: Sendable, Hashable {
    /// a: exposed, with the outcome.
    public private(set) var exposedWithOutcome: Int
    /// b: exposed, without the outcome.
    public private(set) var exposedWithoutOutcome: Int
    /// c: unexposed, with the outcome.
    public private(set) var unexposedWithOutcome: Int
    /// d: unexposed, without the outcome.
    public private(set) var unexposedWithoutOutcome: Int

    public init(exposedWithOutcome: Int, exposedWithoutOutcome: Int,
                unexposedWithOutcome: Int, unexposedWithoutOutcome: Int) {
        precondition(exposedWithOutcome >= 0 && exposedWithoutOutcome >= 0
                     && unexposedWithOutcome >= 0 && unexposedWithoutOutcome >= 0,
                     "2x2 table counts must be non-negative")
        self.exposedWithOutcome = exposedWithOutcome
        self.exposedWithoutOutcome = exposedWithoutOutcome
        self.unexposedWithOutcome = unexposedWithOutcome
        self.unexposedWithoutOutcome = unexposedWithoutOutcome
    }

    /// The table in the row-major layout of SciPy and statsmodels: `[[a, b], [c, d]]`.
    public init(_ rows: [[Int]]) {
        precondition(rows.count == 2 && rows.allSatisfy { $0.count == 2 }, "a 2x2 table needs two rows of two")
        self.init(exposedWithOutcome: rows[0][0], exposedWithoutOutcome: rows[0][1],
                  unexposedWithOutcome: rows[1][0], unexposedWithoutOutcome: rows[1][1])
    }

    public static let zero = TwoByTwoTable(exposedWithOutcome: 0, exposedWithoutOutcome: 0,
                                           unexposedWithOutcome: 0, unexposedWithoutOutcome: 0)

    /// Counts one more subject.
    public mutating func record(exposed: Bool, outcome: Bool) {
        switch (exposed, outcome) {
        case (true, true): exposedWithOutcome += 1
        case (true, false): exposedWithoutOutcome += 1
        case (false, true): unexposedWithOutcome += 1
        case (false, false): unexposedWithoutOutcome += 1
        }
    }

    public static func + (lhs: TwoByTwoTable, rhs: TwoByTwoTable) -> TwoByTwoTable {
        TwoByTwoTable(exposedWithOutcome: lhs.exposedWithOutcome + rhs.exposedWithOutcome,
                      exposedWithoutOutcome: lhs.exposedWithoutOutcome + rhs.exposedWithoutOutcome,
                      unexposedWithOutcome: lhs.unexposedWithOutcome + rhs.unexposedWithOutcome,
                      unexposedWithoutOutcome: lhs.unexposedWithoutOutcome + rhs.unexposedWithoutOutcome)
    }

    public static func += (lhs: inout TwoByTwoTable, rhs: TwoByTwoTable) { lhs = lhs + rhs }

    // MARK: Margins and row proportions

    public var exposed: Int { exposedWithOutcome + exposedWithoutOutcome }
    public var unexposed: Int { unexposedWithOutcome + unexposedWithoutOutcome }
    public var withOutcome: Int { exposedWithOutcome + unexposedWithOutcome }
    public var withoutOutcome: Int { exposedWithoutOutcome + unexposedWithoutOutcome }
    public var total: Int { exposed + unexposed }

    /// The outcome among the exposed (for the report: the move rate after failed calls).
    public var exposedOutcome: Proportion { Proportion(successes: exposedWithOutcome, trials: exposed) }
    /// The outcome among the unexposed (the move rate after completed calls).
    public var unexposedOutcome: Proportion { Proportion(successes: unexposedWithOutcome, trials: unexposed) }

    /// True when a row or column total is zero: no association can be estimated.
    public var hasZeroMargin: Bool {
        exposed == 0 || unexposed == 0 || withOutcome == 0 || withoutOutcome == 0
    }

    /// True when 0.5 is added to every cell for the ratio estimates: some cell
    /// is zero but no margin is.
    public var needsZeroCellCorrection: Bool {
        !hasZeroMargin && Swift.min(exposedWithOutcome, exposedWithoutOutcome,
                                    unexposedWithOutcome, unexposedWithoutOutcome) == 0
    }

    // MARK: Effect sizes

    /// Risk of the outcome among the exposed over the risk among the unexposed,
    /// `(a / (a + b)) / (c / (c + d))`, with the Katz log interval:
    /// `exp(ln RR ± z · sqrt(1/a − 1/(a+b) + 1/c − 1/(c+d)))`.
    /// Nil when a margin is zero; zero cells are corrected as the type says.
    public func relativeRisk(z: Double = StandardNormal.z95) -> RatioEstimate? {
        guard let cells = cellsForRatios else { return nil }
        let (a, b, c, d) = cells.values
        let standardError = (1 / a - 1 / (a + b) + 1 / c - 1 / (c + d)).squareRoot()
        return RatioEstimate(estimate: (a / (a + b)) / (c / (c + d)), standardErrorOfLog: standardError,
                             z: z, isCorrected: cells.corrected)
    }

    /// Odds of the outcome among the exposed over the odds among the unexposed,
    /// `(a · d) / (b · c)` (the sample odds ratio, not the conditional MLE of R's
    /// `fisher.test`), with the Woolf log interval:
    /// `exp(ln OR ± z · sqrt(1/a + 1/b + 1/c + 1/d))`.
    /// Nil when a margin is zero; zero cells are corrected as the type says.
    public func oddsRatio(z: Double = StandardNormal.z95) -> RatioEstimate? {
        guard let cells = cellsForRatios else { return nil }
        let (a, b, c, d) = cells.values
        let standardError = (1 / a + 1 / b + 1 / c + 1 / d).squareRoot()
        return RatioEstimate(estimate: (a * d) / (b * c), standardErrorOfLog: standardError,
                             z: z, isCorrected: cells.corrected)
    }

    /// Fisher's exact test of independence, conditional on the margins.
    public var fisherExactTest: FisherExactTest { FisherExactTest(self) }

    /// The four cells as used by the ratio estimates, or nil with a zero margin.
    private var cellsForRatios: (values: (Double, Double, Double, Double), corrected: Bool)? {
        if hasZeroMargin { return nil }
        let shift = needsZeroCellCorrection ? 0.5 : 0
        return ((Double(exposedWithOutcome) + shift, Double(exposedWithoutOutcome) + shift,
                 Double(unexposedWithOutcome) + shift, Double(unexposedWithoutOutcome) + shift),
                needsZeroCellCorrection)
    }
}

/// A ratio (relative risk or odds ratio) with its log-normal confidence interval.
public struct RatioEstimate: Sendable, Hashable {
    public var estimate: Double
    public var interval: ConfidenceInterval
    /// The standard error of `ln(estimate)`.
    public var standardErrorOfLog: Double
    /// True when 0.5 was added to every cell because one was zero (Haldane–Anscombe).
    public var isCorrected: Bool

    init(estimate: Double, standardErrorOfLog: Double, z: Double, isCorrected: Bool) {
        self.estimate = estimate
        interval = ConfidenceInterval(low: estimate * exp(-z * standardErrorOfLog),
                                      high: estimate * exp(z * standardErrorOfLog))
        self.standardErrorOfLog = standardErrorOfLog
        self.isCorrected = isCorrected
    }
}
