import Foundation

/// One CSV report as product managers open it in a spreadsheet: a fixed header
/// and rows of already formatted cells (see `CSVField` for numbers).
///
/// The text follows RFC 4180: fields separated by commas, records ended by
/// CRLF, a field quoted when it holds a comma, a double quote, CR or LF, with
/// quotes inside doubled; UTF-8 without a byte-order mark. The header row is
/// always written, also when there are no data rows, so a consumer can tell an
/// empty report from a missing one. The header is fixed at creation: the
/// columns of a report never depend on flags or data.
public struct CSVTable: Sendable, Equatable {
    public let header: [String]
    public private(set) var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        precondition(!header.isEmpty, "a CSV report needs at least one column")
        self.header = header
        self.rows = []
        for row in rows { append(row) }
    }

    /// Adds a data row; it must have one cell per header column.
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count,
                     "a row of \(row.count) cells in a report of \(header.count) columns (\(header.joined(separator: ",")))")
        rows.append(row)
    }

    /// The whole report as RFC 4180 text in UTF-8.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * (rows.count + 1))
        Self.appendRecord(header, to: &out)
        for row in rows { Self.appendRecord(row, to: &out) }
        return out
    }

    private static func appendRecord(_ fields: [String], to out: inout [UInt8]) {
        // A record of one empty field would be an empty line, which spreadsheets
        // and many parsers skip; quoting it keeps the row.
        if fields.count == 1 && fields[0].isEmpty {
            out.append(contentsOf: [quote, quote, cr, lf])
            return
        }
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(comma) }
            appendField(field, to: &out)
        }
        out.append(contentsOf: [cr, lf])
    }

    private static func appendField(_ field: String, to out: inout [UInt8]) {
        let bytes = field.utf8
        guard bytes.contains(where: { $0 == comma || $0 == quote || $0 == cr || $0 == lf }) else {
            out.append(contentsOf: bytes)
            return
        }
        out.append(quote)
        for byte in bytes {
            if byte == quote { out.append(quote) }
            out.append(byte)
        }
        out.append(quote)
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
}
