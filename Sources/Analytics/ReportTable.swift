/// A value in a report cell, typed so that every writer formats it the same way.
public enum ReportValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    /// A rate, share, interval bound, ratio or number of minutes; nil when it does not exist.
    case decimal(Double?)
    /// A p-value; nil when it does not exist.
    case pValue(Double?)
}

/// One report: a fixed header and rows. The same table feeds the SQLite report
/// table and the CSV file of the same name, so the two cannot disagree.
public struct ReportTable: Sendable, Hashable {
    /// The table name in SQLite and the CSV file's stem (`violation_rates`).
    public var name: String
    public var columns: [String]
    public var rows: [[ReportValue]]

    public init(name: String, columns: [String], rows: [[ReportValue]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}
