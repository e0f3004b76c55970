import Testing
import TestSupport
@testable import Statistics

@Suite("Proportion: estimate and Wilson score interval")
struct ProportionTests {
    struct WilsonCase: CustomTestStringConvertible, Sendable {
        var successes: Int, trials: Int, low: Double, high: Double
        var testDescription: String { "\(successes)/\(trials)" }
    }

    /// Expected values from statsmodels 0.15.0:
    /// ```python
    /// from statsmodels.stats.proportion import proportion_confint
    /// proportion_confint(x, n, alpha=0.05, method="wilson")
    /// ```
    /// 81/263, 15/148, 0/20 and 1/29 are the worked examples of Newcombe (1998),
    /// "Two-sided confidence intervals for the single proportion: comparison of
    /// seven methods", Statistics in Medicine 17:857–872, Table II, method 3:
    /// 0.2553–0.3662, 0.0624–0.1605, 0–0.1611, 0.0061–0.1718.
    static let wilsonCases: [WilsonCase] = [
        .init(successes: 0, trials: 10, low: 0.0, high: 0.27753279986288926),
        .init(successes: 10, trials: 10, low: 0.7224672001371106, high: 1.0),
        .init(successes: 1, trials: 10, low: 0.017876213095072924, high: 0.40415002679523854),
        .init(successes: 5, trials: 10, low: 0.23659309051256394, high: 0.7634069094874361),
        .init(successes: 0, trials: 1, low: 0.0, high: 0.7934506856227627),
        .init(successes: 1, trials: 1, low: 0.2065493143772374, high: 1.0),
        .init(successes: 81, trials: 263, low: 0.2552885198782742, high: 0.36620957698280004),
        .init(successes: 15, trials: 148, low: 0.06238639953073628, high: 0.16048724172330803),
        .init(successes: 0, trials: 20, low: 0.0, high: 0.1611251580528194),
        .init(successes: 1, trials: 29, low: 0.006113214292762667, high: 0.17175521879320294),
        .init(successes: 1, trials: 1_000_000, low: 1.7652457674537176e-07, high: 5.664911804311445e-06),
        .init(successes: 123_456, trials: 1_000_000, low: 0.12281269653142285, high: 0.12410219641400438),
        .init(successes: 999_999, trials: 1_000_000, low: 0.9999943350881957, high: 0.9999998234754233),
        .init(successes: 3, trials: 7, low: 0.15821985525146964, high: 0.7495416354723428),
    ]

    @Test("Wilson interval matches statsmodels", arguments: wilsonCases)
    func wilsonMatchesStatsmodels(_ c: WilsonCase) throws {
        let interval = try #require(Proportion(successes: c.successes, trials: c.trials).wilsonInterval())
        #expect(isClose(interval.low, c.low, relative: closedForm), "low \(interval.low) vs \(c.low)")
        #expect(isClose(interval.high, c.high, relative: closedForm), "high \(interval.high) vs \(c.high)")
    }

    @Test("no trials: no estimate and no interval")
    func noTrials() {
        let empty = Proportion(successes: 0, trials: 0)
        #expect(empty.estimate == nil)
        #expect(empty.wilsonInterval() == nil)
        #expect(empty == .zero)
    }

    @Test("0 successes pins low at 0 and all successes pins high at 1", arguments: [1, 2, 17, 1000, 123_456_789])
    func boundsAtTheEdges(trials: Int) throws {
        let none = try #require(Proportion(successes: 0, trials: trials).wilsonInterval())
        #expect(none.low == 0)
        #expect(none.high > 0 && none.high < 1)
        let all = try #require(Proportion(successes: trials, trials: trials).wilsonInterval())
        #expect(all.high == 1)
        #expect(all.low > 0 && all.low < 1)
        // The two are mirror images.
        #expect(isClose(all.low, 1 - none.high, relative: 1e-12))
    }

    @Test("the interval contains the estimate and stays inside [0, 1]")
    func containsEstimate() throws {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<2_000 {
            let trials = Int.random(in: 1...5_000, using: &rng)
            let successes = Int.random(in: 0...trials, using: &rng)
            let p = Proportion(successes: successes, trials: trials)
            let interval = try #require(p.wilsonInterval())
            let estimate = try #require(p.estimate)
            #expect(interval.low >= 0 && interval.high <= 1 && interval.contains(estimate),
                    "\(successes)/\(trials): \(interval)")
        }
    }

    @Test("estimate is successes over trials")
    func estimate() {
        #expect(Proportion(successes: 3, trials: 12).estimate == 0.25)
        #expect(Proportion(successes: 0, trials: 5).estimate == 0)
        #expect(Proportion(successes: 5, trials: 5).estimate == 1)
    }

    @Test("merging adds counts, and the merged interval is the interval of the whole")
    func merging() {
        var merged = Proportion.zero
        merged += Proportion(successes: 3, trials: 10)
        merged += Proportion(successes: 0, trials: 0)
        merged += Proportion(successes: 78, trials: 253)
        #expect(merged == Proportion(successes: 81, trials: 263))
        #expect(merged.wilsonInterval() == Proportion(successes: 81, trials: 263).wilsonInterval())

        var recorded = Proportion.zero
        for success in [true, false, false, true, false] { recorded.record(success: success) }
        #expect(recorded == Proportion(successes: 2, trials: 5))
    }

    @Test("a wider z gives a wider interval")
    func zControlsWidth() throws {
        let p = Proportion(successes: 30, trials: 100)
        let i95 = try #require(p.wilsonInterval())
        let i99 = try #require(p.wilsonInterval(z: 2.5758293035489004))
        #expect(i99.low < i95.low && i99.high > i95.high)
    }
}
