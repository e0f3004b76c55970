import Foundation

/// How numbers become CSV cells, so that every spreadsheet reads them the same
/// everywhere:
/// - never localized: a full stop as the decimal mark, no grouping separators,
///   whatever the locale of the machine, the process or the reader;
/// - a value that does not exist (a rate over zero messages, a ratio with a
///   zero margin) is an empty cell, never `NaN`, `inf` or 0;
/// - rates, shares, intervals and ratios in fixed notation, never scientific,
///   so a column sorts and charts as plain decimals.
public enum CSVField {
    /// Decimal places of rates, shares, intervals and ratios.
    public static let decimalPlaces = 6

    /// A count: the integer as it is, `1234567`.
    public static func count(_ value: Int) -> String { String(value) }

    /// A yes/no column: `true` or `false`, which spreadsheets read as booleans.
    public static func flag(_ value: Bool) -> String { value ? "true" : "false" }

    /// A rate, share, interval bound or ratio in fixed notation with
    /// `decimals` places, `0.012346`; empty for nil or a non-finite value.
    /// Rounds the exact binary value half to even, as C's `printf` does. A
    /// value that rounds to zero is written without a minus sign.
    public static func fixed(_ value: Double?, decimals: Int = decimalPlaces) -> String {
        precondition((0...17).contains(decimals), "between 0 and 17 decimal places")
        guard let value, value.isFinite else { return "" }
        let text = printed(value, "%.\(decimals)f")
        if text.hasPrefix("-") && !text.contains(where: { $0 >= "1" && $0 <= "9" }) {
            return String(text.dropFirst())
        }
        return text
    }

    /// A p-value: fixed with six decimals from 0.0001 up (`0.034965`,
    /// `1.000000`), scientific with four significant digits below it
    /// (`1.321e-223`), empty for nil or a non-finite value.
    ///
    /// Why two notations: fixed six decimals would print every p-value under
    /// 5e-7 as `0.000000` and leave one or two significant digits below 1e-4,
    /// while "how small" is what a reader wants to know of a tiny p-value.
    /// Spreadsheets (Excel, LibreOffice, Google Sheets) and CSV readers
    /// (pandas, R) all parse `1.321e-223` as a number. A p-value smaller than
    /// a Double can hold (about 1e-308) is written `0.000e+00`.
    public static func pValue(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value >= 1e-4 { return fixed(value, decimals: 6) }
        return printed(value, "%.3e")
    }

    /// `printf` formatting with a full stop as the decimal mark. On Linux,
    /// `String(format:)` follows the C locale of the process, so once anything
    /// calls `setlocale(LC_ALL, "")` a German locale turns 0.5 into `0,5`
    /// (observed). printf never localizes digits, signs or the exponent
    /// letter, so whatever else appears is the locale's decimal mark.
    static func printed(_ value: Double, _ format: String) -> String {
        withFullStop(String(format: format, value))
    }

    /// Replaces the decimal mark in printf output (any run of characters that
    /// are not ASCII digits, signs or `e`) by a full stop.
    static func withFullStop(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var inMark = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9", "-", "+", "e", "E":
                result.append(scalar)
                inMark = false
            default:
                if !inMark { result.append(".") }
                inMark = true
            }
        }
        return String(result)
    }
}
