/// The CSV reports of the outputs contract (spec/outputs.md): file names and
/// columns. Nightly jobs and spreadsheets are built on these, so the columns
/// are fixed here, once, and never depend on flags or data; renaming or
/// removing one needs a schema version bump.
public enum CSVReport: String, CaseIterable, Sendable {
    case violationRates = "violation_rates.csv"
    case exceptionUsage = "exception_usage.csv"
    case callFailureCorrelation = "call_failure_correlation.csv"
    /// The effect sizes of the call-failure 2x2 table: one row, in its own file
    /// because its columns differ from the per-outcome rows beside it.
    case callFailureSummary = "call_failure_summary.csv"
    case findingsByKind = "findings_by_kind.csv"
    case daily = "daily.csv"

    public var fileName: String { rawValue }

    public var header: [String] {
        switch self {
        case .violationRates:
            ["epoch", "phase", "sender_role", "client_plan", "messages", "violating_messages", "rate", "ci_low", "ci_high"]
        case .exceptionUsage:
            ["exception", "phase", "sender_role", "findings_excused", "share_of_candidates"]
        case .callFailureCorrelation:
            ["call_outcome", "calls", "followed_by_move", "move_rate"]
        case .callFailureSummary:
            ["relative_risk", "rr_ci_low", "rr_ci_high", "odds_ratio", "or_ci_low", "or_ci_high", "p_value",
             "zero_cell_corrected"]
        case .findingsByKind:
            ["epoch", "phase", "kind", "verdict", "findings"]
        case .daily:
            ["date", "phase", "messages", "violating_messages", "rate"]
        }
    }

    /// An empty table with this report's columns.
    public func table() -> CSVTable { CSVTable(header: header) }
}
