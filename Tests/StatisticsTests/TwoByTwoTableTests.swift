import Testing
import TestSupport
@testable import Statistics

@Suite("2x2 table: relative risk and odds ratio")
struct TwoByTwoTableTests {
    struct RatioCase: CustomTestStringConvertible, Sendable {
        var table: [[Int]]
        var rr: Double, rrLow: Double, rrHigh: Double
        var or: Double, orLow: Double, orHigh: Double
        var testDescription: String { "\(table)" }
    }

    /// Tables without zero cells. Expected values from SciPy 1.17.1:
    /// ```python
    /// from scipy.stats.contingency import relative_risk, odds_ratio
    /// (a, b), (c, d) = t
    /// rr = relative_risk(a, a + b, c, c + d); rr.relative_risk, rr.confidence_interval(0.95)
    /// o = odds_ratio(t, kind="sample"); o.statistic, o.confidence_interval(0.95)
    /// ```
    /// [[3, 1], [1, 3]] is Fisher's lady tasting tea (Fisher 1935; Agresti,
    /// Categorical Data Analysis, 2nd ed., Table 3.8); [[1, 9], [11, 3]] is the
    /// worked example of Wikipedia's "Fisher's exact test".
    static let uncorrected: [RatioCase] = [
        .init(table: [[3, 1], [1, 3]], rr: 3.0, rrLow: 0.5012843093869408, rrHigh: 17.953883318244678,
              or: 9.0, orLow: 0.36663693192554553, orHigh: 220.92700692915736),
        .init(table: [[8, 2], [1, 5]], rr: 4.800000000000001, rrLow: 0.7809705659985721, rrHigh: 29.501752054560956,
              or: 20.0, orLow: 1.4161851393939529, orHigh: 282.44894602634895),
        .init(table: [[1, 9], [11, 3]], rr: 0.1272727272727273, rrLow: 0.019432203414004902, rrHigh: 0.8335826237679139,
              or: 0.030303030303030304, orLow: 0.002671575637462158, orHigh: 0.3437198755183587),
        .init(table: [[2, 7], [8, 2]], rr: 0.27777777777777773, rrLow: 0.07871977108880941, rrHigh: 0.9801920503568309,
              or: 0.07142857142857142, orLow: 0.007860065302497398, orHigh: 0.6491092147422038),
        .init(table: [[1, 1], [1, 1]], rr: 1.0, rrLow: 0.1408634940932175, rrHigh: 7.099071384231335,
              or: 1.0, orLow: 0.01984252396814992, orHigh: 50.3968145184122),
        .init(table: [[1200, 998_800], [1000, 999_000]], rr: 1.2, rrLow: 1.1034555887443518, rrHigh: 1.3049913514313793,
              or: 1.2002402883460153, orLow: 1.1035754526607382, orHigh: 1.3053722301412851),
        .init(table: [[51234, 1_948_766], [50001, 1_949_999]],
              rr: 1.0246595068098638, rrLow: 1.0122709652472088, rrHigh: 1.0371996638661158,
              or: 1.0253078171621055, orLow: 1.0125916062268208, orHigh: 1.038183719348588),
        .init(table: [[15000, 985_000], [10000, 990_000]], rr: 1.5, rrLow: 1.4627443428978912, rrHigh: 1.5382045474484287,
              or: 1.5076142131979695, orLow: 1.4697202950104804, orHigh: 1.546485153367447),
    ]

    /// Tables with a zero cell (and no zero margin): 0.5 added to every cell.
    /// Expected values from statsmodels 0.15.0 on the shifted table (its own
    /// `shift_zeros=True` replaces only the zero cells by 0.5, which is not
    /// Haldane–Anscombe):
    /// ```python
    /// import numpy as np
    /// from statsmodels.stats.contingency_tables import Table2x2
    /// s = Table2x2(np.asarray(t) + 0.5, shift_zeros=False)
    /// s.riskratio, s.riskratio_confint(alpha=0.05), s.oddsratio, s.oddsratio_confint(alpha=0.05)
    /// ```
    static let corrected: [RatioCase] = [
        .init(table: [[0, 5], [4, 3]], rr: 0.14814814814814814, rrLow: 0.009727451326410782, rrHigh: 2.2562820479127437,
              or: 0.0707070707070707, orLow: 0.0028408753023031587, orHigh: 1.7598413573174088),
        .init(table: [[5, 0], [3, 4]], rr: 2.0952380952380953, rrLow: 0.9210229813099591, rrHigh: 4.7664637743274225,
              or: 14.142857142857142, orLow: 0.5682330375076177, orHigh: 352.00418659322304),
        .init(table: [[3, 4], [0, 5]], rr: 5.25, rrLow: 0.32973967984738983, rrHigh: 83.58866610398994,
              or: 8.555555555555555, orLow: 0.3437459115786823, orHigh: 212.94080423540652),
        .init(table: [[3, 4], [5, 0]], rr: 0.4772727272727273, rrLow: 0.20979913985417972, rrHigh: 1.0857492378504097,
              or: 0.0707070707070707, orLow: 0.0028408753023031587, orHigh: 1.7598413573174088),
        .init(table: [[10, 0], [0, 10]], rr: 21.0, rrLow: 1.3956697081018725, rrHigh: 315.97733864967614,
              or: 441.0, orLow: 7.97945957075691, orHigh: 24372.703223252487),
        .init(table: [[3, 999_997], [0, 1_000_000]], rr: 6.999999999999999, rrLow: 0.36157869435212825, rrHigh: 135.5168342753091,
              or: 7.0000210000525005, orLow: 0.36157884159219505, orHigh: 135.51759219484666),
    ]

    private func check(_ c: RatioCase, corrected: Bool) throws {
        let table = TwoByTwoTable(c.table)
        let rr = try #require(table.relativeRisk())
        let or = try #require(table.oddsRatio())
        #expect(rr.isCorrected == corrected && or.isCorrected == corrected)
        #expect(isClose(rr.estimate, c.rr, relative: closedForm), "RR \(rr.estimate) vs \(c.rr)")
        #expect(isClose(rr.interval.low, c.rrLow, relative: closedForm), "RR low \(rr.interval.low) vs \(c.rrLow)")
        #expect(isClose(rr.interval.high, c.rrHigh, relative: closedForm), "RR high \(rr.interval.high) vs \(c.rrHigh)")
        #expect(isClose(or.estimate, c.or, relative: closedForm), "OR \(or.estimate) vs \(c.or)")
        #expect(isClose(or.interval.low, c.orLow, relative: closedForm), "OR low \(or.interval.low) vs \(c.orLow)")
        #expect(isClose(or.interval.high, c.orHigh, relative: closedForm), "OR high \(or.interval.high) vs \(c.orHigh)")
    }

    @Test("without zero cells: Katz and Woolf intervals match SciPy", arguments: uncorrected)
    func uncorrectedMatchesSciPy(_ c: RatioCase) throws { try check(c, corrected: false) }

    @Test("with a zero cell: Haldane–Anscombe corrected, matches statsmodels", arguments: corrected)
    func correctedMatchesStatsmodels(_ c: RatioCase) throws { try check(c, corrected: true) }

    @Test("a zero margin: no relative risk, no odds ratio", arguments: [
        [[0, 0], [3, 4]],  // nobody exposed
        [[3, 4], [0, 0]],  // nobody unexposed
        [[0, 3], [0, 4]],  // nobody with the outcome
        [[3, 0], [4, 0]],  // everybody with the outcome
        [[0, 0], [0, 0]],  // empty
        [[0, 0], [0, 9]],
    ])
    func zeroMarginHasNoRatios(_ cells: [[Int]]) {
        let table = TwoByTwoTable(cells)
        #expect(table.hasZeroMargin)
        #expect(!table.needsZeroCellCorrection)
        #expect(table.relativeRisk() == nil)
        #expect(table.oddsRatio() == nil)
    }

    @Test("correction applies exactly when a cell is zero and no margin is")
    func whenTheCorrectionApplies() {
        #expect(!TwoByTwoTable([[1, 2], [3, 4]]).needsZeroCellCorrection)
        #expect(TwoByTwoTable([[0, 2], [3, 4]]).needsZeroCellCorrection)
        #expect(TwoByTwoTable([[1, 0], [3, 4]]).needsZeroCellCorrection)
        #expect(TwoByTwoTable([[1, 2], [0, 4]]).needsZeroCellCorrection)
        #expect(TwoByTwoTable([[1, 2], [3, 0]]).needsZeroCellCorrection)
        #expect(TwoByTwoTable([[5, 0], [0, 5]]).needsZeroCellCorrection)
        #expect(!TwoByTwoTable([[0, 2], [0, 4]]).needsZeroCellCorrection)
    }

    @Test("ratios are finite and their intervals contain them, for random tables")
    func randomTablesAreWellFormed() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let cells = (0..<4).map { _ in Int.random(in: 0...6, using: &rng) }
            let table = TwoByTwoTable([[cells[0], cells[1]], [cells[2], cells[3]]])
            guard let rr = table.relativeRisk(), let or = table.oddsRatio() else {
                #expect(table.hasZeroMargin, "\(cells): nil ratio without a zero margin")
                continue
            }
            for r in [rr, or] {
                #expect(r.estimate.isFinite && r.estimate > 0 && r.interval.low > 0 && r.interval.high.isFinite)
                #expect(r.interval.contains(r.estimate), "\(cells): \(r)")
            }
        }
    }

    @Test("swapping the rows inverts both ratios")
    func rowSwapInverts() throws {
        let table = TwoByTwoTable([[12, 30], [5, 41]])
        let swapped = TwoByTwoTable([[5, 41], [12, 30]])
        let rr = try #require(table.relativeRisk()), rrSwapped = try #require(swapped.relativeRisk())
        #expect(isClose(rr.estimate, 1 / rrSwapped.estimate, relative: 1e-12))
        #expect(isClose(rr.interval.low, 1 / rrSwapped.interval.high, relative: 1e-12))
        let or = try #require(table.oddsRatio()), orSwapped = try #require(swapped.oddsRatio())
        #expect(isClose(or.estimate, 1 / orSwapped.estimate, relative: 1e-12))
        #expect(isClose(or.interval.high, 1 / orSwapped.interval.low, relative: 1e-12))
    }

    @Test("margins, row proportions, recording and merging")
    func countsAddUp() {
        var recorded = TwoByTwoTable.zero
        for (exposed, outcome) in [(true, true), (true, false), (true, false), (false, true), (false, false)] {
            recorded.record(exposed: exposed, outcome: outcome)
        }
        #expect(recorded == TwoByTwoTable([[1, 2], [1, 1]]))

        let whole = TwoByTwoTable([[8, 2], [1, 5]])
        let merged = TwoByTwoTable([[5, 0], [1, 2]]) + TwoByTwoTable([[3, 2], [0, 3]])
        #expect(merged == whole)
        // The parts have zero cells, the whole has none: merging counts (not
        // estimates) is what makes the merged estimate the uncorrected one.
        #expect(merged.oddsRatio()?.isCorrected == false)
        #expect(merged.oddsRatio()?.estimate == 20)

        #expect(whole.exposed == 10 && whole.unexposed == 6 && whole.withOutcome == 9
                && whole.withoutOutcome == 7 && whole.total == 16)
        #expect(whole.exposedOutcome == Proportion(successes: 8, trials: 10))
        #expect(whole.unexposedOutcome == Proportion(successes: 1, trials: 6))
    }
}
