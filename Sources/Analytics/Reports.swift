import Statistics
import Policy

/// Computes the report tables of docs/METRICS.md from their inputs. Pure: the
/// same inputs give the same tables, rows in a fixed order.
public struct ReportBuilder: Sendable {
    public var order: ReportOrder

    public init(order: ReportOrder) { self.order = order }

    public func build(messagesByGroup: [MessageGroup], messagesByDay: [MessageGroup], rooms: [RoomGroup],
                      findings: [FindingGroup], calls: CallInputs) -> [ReportTable] {
        [violationRates(messagesByGroup), roomViolationRates(rooms), exceptionUsage(findings)]
            + callFailure(calls) + [findingsByKind(findings), daily(messagesByDay)]
    }

    static func rate(_ k: Int, _ n: Int) -> [ReportValue] {
        let p = Proportion(successes: k, trials: n)
        let ci = p.wilsonInterval()
        return [.decimal(p.estimate), .decimal(ci?.low), .decimal(ci?.high)]
    }

    func violationRates(_ groups: [MessageGroup]) -> ReportTable {
        let sorted = groups.filter { $0.messages > 0 }.sorted(by: order.key {
            [order.epochRank($0.epoch), .phase($0.phase), .role($0.senderRole), .plan($0.clientPlan)]
        })
        return ReportTable(
            name: "violation_rates",
            columns: ["epoch", "phase", "sender_role", "client_plan", "messages", "violating_messages", "rate", "ci_low", "ci_high"],
            rows: sorted.map { g in
                [.text(g.epoch), .text(g.phase), .text(g.senderRole), .text(g.clientPlan), .integer(g.messages),
                 .integer(g.violatingMessages)] + Self.rate(g.violatingMessages, g.messages)
            })
    }

    func roomViolationRates(_ groups: [RoomGroup]) -> ReportTable {
        let sorted = groups.filter { $0.rooms > 0 }.sorted(by: order.key {
            [order.epochRank($0.epoch), .phase($0.phase), .plan($0.clientPlan)]
        })
        return ReportTable(
            name: "room_violation_rates",
            columns: ["epoch", "phase", "client_plan", "rooms", "violating_rooms", "rate", "ci_low", "ci_high"],
            rows: sorted.map { g in
                [.text(g.epoch), .text(g.phase), .text(g.clientPlan), .integer(g.rooms), .integer(g.violatingRooms)]
                    + Self.rate(g.violatingRooms, g.rooms)
            })
    }

    /// Candidates of a phase and role: findings the rule prohibited there (violations plus excused ones).
    func exceptionUsage(_ findings: [FindingGroup]) -> ReportTable {
        struct PhaseRole: Hashable { var phase: String; var role: String }
        var candidates: [PhaseRole: Int] = [:]
        var excused: [String: [PhaseRole: Int]] = [:]
        for f in findings where f.verdict == Verdict.violation.rawValue || f.verdict == Verdict.excused.rawValue {
            let key = PhaseRole(phase: f.phase, role: f.senderRole)
            candidates[key, default: 0] += f.findings
            if let e = f.exception { excused[e, default: [:]][key, default: 0] += f.findings }
        }
        let exceptions = order.exceptions + excused.keys.filter { !order.exceptions.contains($0) }.sorted()
        let keys = candidates.keys.sorted(by: order.key { [.phase($0.phase), .role($0.role)] })
        var rows: [[ReportValue]] = []
        for e in exceptions {
            for k in keys {
                let n = excused[e]?[k] ?? 0, c = candidates[k]!
                rows.append([.text(e), .text(k.phase), .text(k.role), .integer(n), .decimal(Proportion(successes: n, trials: c).estimate), .integer(c)])
            }
        }
        return ReportTable(name: "exception_usage",
                           columns: ["exception", "phase", "sender_role", "findings_excused", "share_of_candidates", "candidates"],
                           rows: rows)
    }

    /// The splits of the call reports: everything, then by phase, then by media, in their fixed orders (a phase or
    /// medium without calls has no split).
    func callSplits(_ calls: CallInputs) -> [(split: String, value: String, counts: [CallInputs.Count])] {
        var out = [("all", "all", calls.counts)]
        for p in ReportOrder.phases { let c = calls.counts.filter { $0.phase == p }; if !c.isEmpty { out.append(("phase", p, c)) } }
        for m in ReportOrder.media { let c = calls.counts.filter { $0.media == m }; if !c.isEmpty { out.append(("media", m, c)) } }
        return out
    }

    func callFailure(_ calls: CallInputs) -> [ReportTable] {
        var correlation = ReportTable(
            name: "call_failure_correlation",
            columns: ["call_outcome", "calls", "followed_by_move", "move_rate", "split", "split_value", "ci_low", "ci_high",
                      "median_minutes_to_move"])
        var summary = ReportTable(
            name: "call_failure_summary",
            columns: ["split", "split_value", "failed_moved", "failed_not_moved", "completed_moved", "completed_not_moved",
                      "relative_risk", "rr_ci_low", "rr_ci_high", "odds_ratio", "or_ci_low", "or_ci_high", "p_value", "corrected"])
        for (split, value, subset) in callSplits(calls) {
            var moved: [CallOutcome.Group: Int] = [:], notMoved: [CallOutcome.Group: Int] = [:]
            for group in CallOutcome.Group.allCases {
                let inGroup = subset.filter { $0.group == group }
                let n = inGroup.reduce(0) { $0 + $1.calls }, k = inGroup.reduce(0) { $0 + $1.moved }
                moved[group] = k
                notMoved[group] = n - k
                let rate = Self.rate(k, n)
                let median = calls.medianMinutesToMove[CallInputs.SplitGroup(split: split, value: value, group: group)]
                correlation.rows.append([.text(group.rawValue), .integer(n), .integer(k), rate[0],
                                         .text(split), .text(value), rate[1], rate[2], .decimal(median)])
            }
            let table = TwoByTwoTable(exposedWithOutcome: moved[.failedOrDropped]!, exposedWithoutOutcome: notMoved[.failedOrDropped]!,
                                      unexposedWithOutcome: moved[.completed]!, unexposedWithoutOutcome: notMoved[.completed]!)
            let rr = table.relativeRisk(), or = table.oddsRatio()
            let p: Double? = table.exposed == 0 || table.unexposed == 0 ? nil : table.fisherExactTest.twoSided
            summary.rows.append([
                .text(split), .text(value), .integer(table.exposedWithOutcome), .integer(table.exposedWithoutOutcome),
                .integer(table.unexposedWithOutcome), .integer(table.unexposedWithoutOutcome),
                .decimal(rr?.estimate), .decimal(rr?.interval.low), .decimal(rr?.interval.high),
                .decimal(or?.estimate), .decimal(or?.interval.low), .decimal(or?.interval.high),
                .pValue(p), .integer(rr?.isCorrected == true ? 1 : 0),
            ])
        }
        return [correlation, summary]
    }

    func findingsByKind(_ findings: [FindingGroup]) -> ReportTable {
        struct Key: Hashable { var epoch, phase, kind, verdict: String }
        var counts: [Key: Int] = [:]
        for f in findings { counts[Key(epoch: f.epoch, phase: f.phase, kind: f.kind, verdict: f.verdict), default: 0] += f.findings }
        let rows = counts.sorted(by: order.key {
            [order.epochRank($0.key.epoch), .phase($0.key.phase), .alphabetical($0.key.kind), .verdict($0.key.verdict)]
        }).map { k, n -> [ReportValue] in [.text(k.epoch), .text(k.phase), .text(k.kind), .text(k.verdict), .integer(n)] }
        return ReportTable(name: "findings_by_kind", columns: ["epoch", "phase", "kind", "verdict", "findings"], rows: rows)
    }

    func daily(_ days: [MessageGroup]) -> ReportTable {
        let sorted = days.filter { $0.messages > 0 }.sorted(by: order.key { [.alphabetical($0.date), .phase($0.phase)] })
        return ReportTable(
            name: "daily",
            columns: ["date", "phase", "messages", "violating_messages", "rate", "ci_low", "ci_high"],
            rows: sorted.map { g in
                [.text(g.date), .text(g.phase), .integer(g.messages), .integer(g.violatingMessages)] + Self.rate(g.violatingMessages, g.messages)
            })
    }
}
