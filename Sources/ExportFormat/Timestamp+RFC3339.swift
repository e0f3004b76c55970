/// RFC 3339 `date-time` parsing, strict, exact to the nanosecond.
///
/// Accepted: `YYYY-MM-DDTHH:MM:SS[.F…]Z` with `T` or `t`, `Z` or `z`, or a numeric
/// offset `+HH:MM` / `-HH:MM` (`-00:00` is the same instant as `Z`).
///
/// Decisions where RFC 3339 leaves room (all in docs/INPUT.md):
/// - A space in place of `T` is rejected: the export format says RFC 3339, whose
///   grammar has `T`; a space means a different producer, which we want to see.
/// - The fraction may have any number of digits (at least one). Digits past the
///   ninth are checked to be digits and then dropped (truncated, never rounded up,
///   so a time never moves into the next second).
/// - Impossible dates and times are rejected, never rolled over: month 13,
///   February 30, hour 24, minute 60, offsets beyond `±23:59`.
/// - A leap second `:60` is accepted only where it can occur, at 23:59:60 UTC
///   (after applying the offset), and counts as the first instant of the next
///   UTC day (as POSIX time and Foundation count it), so ordering is preserved.
/// - Instants outside what `Int64` nanoseconds hold (before 1677-09-21T00:12:43.145224192Z
///   or after 2262-04-11T23:47:16.854775807Z) are rejected.
extension Timestamp {
    public init?(rfc3339 text: some StringProtocol) {
        var s = String(text)
        guard let t = s.withUTF8({ Timestamp.parseRFC3339(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = t
    }

    /// The byte-level entry point the record decoder uses (no String is made).
    public static func parseRFC3339(_ b: UnsafeRawBufferPointer) -> Timestamp? {
        let n = b.count
        // The shortest form is `YYYY-MM-DDTHH:MM:SSZ`.
        guard n >= 20, let p = b.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }

        @inline(__always) func digit(_ i: Int) -> Int64? {
            let d = p[i] &- 0x30
            return d < 10 ? Int64(d) : nil
        }
        @inline(__always) func two(_ i: Int) -> Int64? {
            guard let a = digit(i), let b = digit(i + 1) else { return nil }
            return a * 10 + b
        }

        guard let y1 = two(0), let y2 = two(2), p[4] == 0x2D,
              let month = two(5), p[7] == 0x2D,
              let day = two(8), p[10] == 0x54 || p[10] == 0x74,
              let hour = two(11), p[13] == 0x3A,
              let minute = two(14), p[16] == 0x3A,
              let second = two(17)
        else { return nil }
        let year = y1 * 100 + y2
        guard month >= 1, month <= 12, day >= 1, day <= daysInMonth(year, month),
              hour <= 23, minute <= 59, second <= 60
        else { return nil }

        var i = 19
        var nanos: Int64 = 0
        if p[i] == 0x2E {
            i += 1
            let fractionStart = i
            var scale: Int64 = 100_000_000
            while i < n, let d = digit(i) {
                nanos += d * scale
                scale /= 10
                i += 1
            }
            guard i > fractionStart else { return nil }
        }

        guard i < n else { return nil }
        var offsetSeconds: Int64 = 0
        switch p[i] {
        case 0x5A, 0x7A:
            i += 1
        case 0x2B, 0x2D:
            guard n - i >= 6, let oh = two(i + 1), p[i + 3] == 0x3A, let om = two(i + 4),
                  oh <= 23, om <= 59
            else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (p[i] == 0x2D ? -1 : 1)
            i += 6
        default:
            return nil
        }
        guard i == n else { return nil }

        let localSecondOfDay = hour * 3600 + minute * 60 + second
        if second == 60 {
            // Only the last second of a UTC day can be a leap second.
            // The second before it, hh:mm:59, must be 23:59:59 UTC.
            let utcSecondOfDay = ((localSecondOfDay - 1 - offsetSeconds) % 86_400 + 86_400) % 86_400
            guard utcSecondOfDay == 86_399 else { return nil }
        }
        // Days since the epoch stay far inside Int64 for four-digit years; only the
        // final scaling to nanoseconds can overflow.
        let seconds = days(fromCivil: year, month, day) * 86_400 + localSecondOfDay - offsetSeconds
        // Borrowing a second for a negative instant lets Int64.min itself be reached.
        let borrow: Int64 = seconds < 0 && nanos > 0 ? 1 : 0
        let (scaled, o1) = (seconds + borrow).multipliedReportingOverflow(by: nanosecondsPerSecond)
        let (total, o2) = scaled.addingReportingOverflow(nanos - borrow * nanosecondsPerSecond)
        guard !o1, !o2 else { return nil }
        return Timestamp(nanosecondsSinceEpoch: total)
    }

    static func isLeapYear(_ y: Int64) -> Bool {
        (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    }

    static func daysInMonth(_ y: Int64, _ m: Int64) -> Int64 {
        switch m {
        case 2: return isLeapYear(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
