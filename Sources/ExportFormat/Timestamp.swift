/// An instant, exact to the nanosecond, as nanoseconds since 1970-01-01T00:00:00Z.
///
/// Integer nanoseconds rather than `Date` (a `Double`) so that ordering within a
/// room is exact and two parses of the same text are equal. Representable range:
/// 1677-09-21 to 2262-04-11; a timestamp outside it is rejected as `bad_timestamp`.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var nanosecondsSinceEpoch: Int64

    public init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    public init(secondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = secondsSinceEpoch * 1_000_000_000
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool {
        a.nanosecondsSinceEpoch < b.nanosecondsSinceEpoch
    }

    public static let nanosecondsPerSecond: Int64 = 1_000_000_000

    /// Whole seconds since the epoch, rounded toward negative infinity.
    public var secondsSinceEpoch: Int64 {
        let (q, r) = nanosecondsSinceEpoch.quotientAndRemainder(dividingBy: Self.nanosecondsPerSecond)
        return r < 0 ? q - 1 : q
    }

    /// 0 ≤ n < 10⁹: the nanoseconds past `secondsSinceEpoch` (without multiplying back, which overflows near the range's ends).
    var nanosecondOfSecond: Int64 {
        let r = nanosecondsSinceEpoch % Self.nanosecondsPerSecond
        return r < 0 ? r + Self.nanosecondsPerSecond : r
    }

    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(nanosecondsSinceEpoch: nanosecondsSinceEpoch + seconds * Self.nanosecondsPerSecond)
    }

    /// The UTC calendar date, `YYYY-MM-DD`: the day a message counts under in `daily.csv`.
    public var utcDate: String {
        let days = Self.floorDiv(secondsSinceEpoch, 86_400)
        let (y, m, d) = Self.civil(fromDays: days)
        guard (0...9999).contains(y) else { return composedUTCDate }
        return String(unsafeUninitializedCapacity: 10) { b in
            Self.writeDate(y, m, d, into: b)
            return 10
        }
    }

    /// `utcDate` built from padded parts (the tests' reference).
    var composedUTCDate: String {
        let (y, m, d) = Self.civil(fromDays: Self.floorDiv(secondsSinceEpoch, 86_400))
        return Self.pad(y, 4) + "-" + Self.pad(m, 2) + "-" + Self.pad(d, 2)
    }

    /// RFC 3339 in UTC with `Z`, fractional seconds only when non-zero (trailing zeros trimmed).
    /// Written digit by digit into the string's own storage: the findings and calls of a night are stored with
    /// it (hundreds of thousands of calls), and building it from a dozen small strings cost ≈ 10% of their insert.
    public var rfc3339: String {
        let secs = secondsSinceEpoch
        let nanos = nanosecondOfSecond
        let days = Self.floorDiv(secs, 86_400)
        let secOfDay = secs - days * 86_400
        let (y, m, d) = Self.civil(fromDays: days)
        guard (0...9999).contains(y) else { return composedRFC3339 }
        return String(unsafeUninitializedCapacity: 30) { b in
            Self.writeDate(y, m, d, into: b)
            b[10] = UInt8(ascii: "T")
            Self.writeDigits(secOfDay / 3600, 2, into: b, at: 11)
            b[13] = UInt8(ascii: ":")
            Self.writeDigits(secOfDay / 60 % 60, 2, into: b, at: 14)
            b[16] = UInt8(ascii: ":")
            Self.writeDigits(secOfDay % 60, 2, into: b, at: 17)
            var n = 19
            if nanos != 0 {
                b[19] = UInt8(ascii: ".")
                Self.writeDigits(nanos, 9, into: b, at: 20)
                n = 29
                while b[n - 1] == UInt8(ascii: "0") { n -= 1 }
            }
            b[n] = UInt8(ascii: "Z")
            return n + 1
        }
    }

    private static func writeDate(_ y: Int64, _ m: Int64, _ d: Int64, into b: UnsafeMutableBufferPointer<UInt8>) {
        writeDigits(y, 4, into: b, at: 0)
        b[4] = UInt8(ascii: "-")
        writeDigits(m, 2, into: b, at: 5)
        b[7] = UInt8(ascii: "-")
        writeDigits(d, 2, into: b, at: 8)
    }

    /// `width` decimal digits of `v` (0 ≤ v < 10^width), zero-padded.
    private static func writeDigits(_ v: Int64, _ width: Int, into b: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var v = v
        var i = start + width
        while i > start {
            i -= 1
            b[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: v % 10)
            v /= 10
        }
    }

    /// The same text built from padded parts: the reference the fast form is tested against, and the form for
    /// years outside 0…9999.
    var composedRFC3339: String {
        let secs = secondsSinceEpoch
        let nanos = nanosecondOfSecond
        let days = Self.floorDiv(secs, 86_400)
        let secOfDay = secs - days * 86_400
        let (y, m, d) = Self.civil(fromDays: days)
        var s = Self.pad(y, 4) + "-" + Self.pad(m, 2) + "-" + Self.pad(d, 2) + "T"
        s += Self.pad(secOfDay / 3600, 2) + ":" + Self.pad(secOfDay / 60 % 60, 2) + ":" + Self.pad(secOfDay % 60, 2)
        if nanos != 0 {
            var frac = Self.pad(nanos, 9)
            while frac.hasSuffix("0") { frac.removeLast() }
            s += "." + frac
        }
        return s + "Z"
    }

    public var description: String { rfc3339 }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    public static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01.
    public static func civil(fromDays z0: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = z0 + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return (r != 0 && (r < 0) != (b < 0)) ? q - 1 : q
    }

    static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// Timestamps travel (in partial results) as RFC 3339 text in UTC: exact to the
/// nanosecond, and readable.
extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let t = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an RFC 3339 instant: \(text)"))
        }
        self = t
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rfc3339)
    }
}
