import ExportFormat

/// JSON Lines written straight into bytes: no Foundation formatting, no
/// intermediate `String` for the text that makes up most of the output.
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func append(ascii s: StaticString) {
        s.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// `s` as the inside of a JSON string (quotes not included). Non-ASCII
    /// stays UTF-8; control characters, `"` and `\` are escaped.
    mutating func appendEscaped(_ s: String) {
        var s = s
        s.withUTF8 { appendEscaped(utf8: $0) }
    }

    mutating func appendEscaped(utf8: UnsafeBufferPointer<UInt8>) {
        for b in utf8 {
            switch b {
            case UInt8(ascii: "\""): append(UInt8(ascii: "\\")); append(b)
            case UInt8(ascii: "\\"): append(UInt8(ascii: "\\")); append(b)
            case 0x0A: append(UInt8(ascii: "\\")); append(UInt8(ascii: "n"))
            case 0x0D: append(UInt8(ascii: "\\")); append(UInt8(ascii: "r"))
            case 0x09: append(UInt8(ascii: "\\")); append(UInt8(ascii: "t"))
            case 0..<0x20:
                append(ascii: "\\u00")
                append(hexDigit(b >> 4)); append(hexDigit(b & 0xF))
            default: append(b)
            }
        }
    }

    /// `"key":"value"` with `value` already escaped.
    @inline(__always)
    mutating func appendField(_ key: StaticString, escaped value: [UInt8]) {
        append(UInt8(ascii: "\""))
        append(ascii: key)
        append(ascii: "\":\"")
        append(contentsOf: value)
        append(UInt8(ascii: "\""))
    }

    mutating func appendDecimal(_ v: Int) {
        if v < 0 { append(UInt8(ascii: "-")); appendDecimal(-v); return }
        if v >= 10 { appendDecimal(v / 10) }
        append(UInt8(ascii: "0") + UInt8(v % 10))
    }

    /// `v` in `width` decimal digits, zero-padded.
    @inline(__always)
    mutating func appendPadded(_ v: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var v = v
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(v / divisor % 10))
            v %= divisor
            divisor /= 10
        }
    }

    /// A non-negative `Double` with up to `digits` decimals, trailing zeros kept (deterministic, no locale).
    mutating func appendFixed(_ x: Double, digits: Int) {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((x * scale).rounded())
        let whole = scaled / Int(scale), frac = scaled % Int(scale)
        appendDecimal(whole)
        if digits > 0 {
            append(UInt8(ascii: "."))
            appendPadded(frac, width: digits)
        }
    }

    mutating func appendHex(_ v: UInt64, digits: Int) {
        var shift = (digits - 1) * 4
        while shift >= 0 {
            append(hexDigit(UInt8((v >> UInt64(shift)) & 0xF)))
            shift -= 4
        }
    }
}

@inline(__always)
func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? UInt8(ascii: "0") + v : UInt8(ascii: "a") + v - 10 }

/// The bytes of `s` escaped for the inside of a JSON string.
func escapedJSON(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 8)
    out.appendEscaped(s)
    return out
}

/// Rewrites every non-ASCII character of a JSON line as `\uXXXX` (a surrogate
/// pair above U+FFFF), as exporters with an "ASCII only" setting do. Valid on a
/// whole record because non-ASCII bytes only ever occur inside its strings.
func asciiOnlyJSON(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
    var i = line.startIndex
    while i < line.endIndex {
        let b = line[i]
        if b < 0x80 { out.append(b); i += 1; continue }
        var scalar: UInt32
        let length: Int
        if b >= 0xF0 { scalar = UInt32(b & 0x07); length = 4 }
        else if b >= 0xE0 { scalar = UInt32(b & 0x0F); length = 3 }
        else { scalar = UInt32(b & 0x1F); length = 2 }
        for k in 1..<length { scalar = scalar << 6 | UInt32(line[i + k] & 0x3F) }
        i += length
        func unit(_ u: UInt32) {
            out.append(ascii: "\\u")
            out.appendHex(UInt64(u), digits: 4)
        }
        if scalar > 0xFFFF {
            let v = scalar - 0x10000
            unit(0xD800 + (v >> 10)); unit(0xDC00 + (v & 0x3FF))
        } else {
            unit(scalar)
        }
    }
}

/// RFC 3339 timestamps written into bytes, with the variety real exports have:
/// `Z` or a numeric offset, and no, three or six fractional digits.
enum RFC3339 {
    enum Fraction: Sendable { case none, millis, micros }

    /// Writes `instant` as the local time at `offsetMinutes` east of UTC.
    static func append(_ instant: Timestamp, offsetMinutes: Int, fraction: Fraction, to out: inout [UInt8]) {
        let ns = instant.nanosecondsSinceEpoch
        let utcSeconds = floorDiv(ns, 1_000_000_000)
        let nanos = Int(ns - utcSeconds * 1_000_000_000)
        let local = utcSeconds + Int64(offsetMinutes * 60)
        let days = floorDiv(local, 86_400)
        let secOfDay = Int(local - days * 86_400)
        let (y, m, d) = Timestamp.civil(fromDays: days)
        out.appendPadded(Int(y), width: 4); out.append(UInt8(ascii: "-"))
        out.appendPadded(Int(m), width: 2); out.append(UInt8(ascii: "-"))
        out.appendPadded(Int(d), width: 2); out.append(UInt8(ascii: "T"))
        out.appendPadded(secOfDay / 3600, width: 2); out.append(UInt8(ascii: ":"))
        out.appendPadded(secOfDay / 60 % 60, width: 2); out.append(UInt8(ascii: ":"))
        out.appendPadded(secOfDay % 60, width: 2)
        switch fraction {
        case .none: break
        case .millis: out.append(UInt8(ascii: ".")); out.appendPadded(nanos / 1_000_000, width: 3)
        case .micros: out.append(UInt8(ascii: ".")); out.appendPadded(nanos / 1_000, width: 6)
        }
        if offsetMinutes == 0 {
            out.append(UInt8(ascii: "Z"))
        } else {
            out.append(UInt8(ascii: offsetMinutes > 0 ? "+" : "-"))
            let a = abs(offsetMinutes)
            out.appendPadded(a / 60, width: 2); out.append(UInt8(ascii: ":")); out.appendPadded(a % 60, width: 2)
        }
    }

    static func string(_ instant: Timestamp) -> String {
        var b: [UInt8] = []
        append(instant, offsetMinutes: 0, fraction: instant.nanosecondsSinceEpoch % 1_000_000_000 == 0 ? .none : .micros, to: &b)
        return String(decoding: b, as: UTF8.self)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return (r != 0 && (r < 0) != (b < 0)) ? q - 1 : q
    }
}
