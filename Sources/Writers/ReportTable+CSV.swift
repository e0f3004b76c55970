import Foundation
import Analytics

extension ReportTable {
    /// The report as CSV cells, numbers formatted by `CSVField`.
    public var csv: CSVTable {
        CSVTable(header: columns, rows: rows.map { row in
            row.map { v in
                switch v {
                case .text(let s): return s
                case .integer(let i): return CSVField.count(i)
                case .decimal(let d): return CSVField.fixed(d)
                case .pValue(let p): return CSVField.pValue(p)
                }
            }
        })
    }

    /// Writes every report as `<name>.csv` into `directory` (created if needed),
    /// each through a temporary file renamed into place.
    public static func writeCSV(_ tables: [ReportTable], to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for t in tables {
            try t.csv.write(to: directory.appendingPathComponent("\(t.name).csv"))
        }
    }
}
