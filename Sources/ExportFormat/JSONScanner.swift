/// The JSON grammar (RFC 8259) over the bytes of one line, validating UTF-8 as it
/// goes. It builds nothing: it checks and skips values and reports where strings
/// start and end, so the record decoder makes Strings only for the fields it keeps.
///
/// Reading past the end yields byte 0, which no rule of the grammar accepts, so
/// every rule that runs off the end of the line fails without its own bounds check.
struct JSONScanner {
    enum Failure: Error { case invalidJSON, invalidUTF8 }

    /// Containers nested deeper than this are rejected, as JSONSerialization does:
    /// it bounds the work per line and the recursion of `skipValue`.
    static let maximumDepth = 512

    enum Kind: UInt8 { case null, bool, number, string, object, array }

    /// What the scanner learned about a string's content (between the quotes).
    struct StringFlags: OptionSet {
        let rawValue: UInt8
        static let escaped = StringFlags(rawValue: 1)
        static let nonASCII = StringFlags(rawValue: 2)
    }

    let p: UnsafePointer<UInt8>
    let end: Int
    var i: Int

    init(_ p: UnsafePointer<UInt8>, count: Int, at start: Int = 0) {
        self.p = p
        self.end = count
        self.i = start
    }

    @inline(__always) func byte(_ k: Int) -> UInt8 { k < end ? p[k] : 0 }
    @inline(__always) var current: UInt8 { byte(i) }

    @inline(__always) mutating func skipWhitespace() {
        while i < end {
            let c = p[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    @inline(__always) mutating func expect(_ c: UInt8) throws(Failure) {
        guard current == c else { throw .invalidJSON }
        i += 1
    }

    /// The high bit of each of the eight bytes (loaded little-endian) that may be `"`, `\`, below 0x20 or
    /// above 0x7F (SWAR). A byte can be marked wrongly only above a special one (a borrow runs upwards from
    /// it), so the lowest mark is exact: `specialOffset` is the first special byte, and 8 means none.
    @inline(__always) static func specialMarks(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = x ^ (ones &* 0x22)
        let backslash = x ^ (ones &* 0x5C)
        let t = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((x &- ones &* 0x20) & ~x) | x
        return t & 0x8080_8080_8080_8080
    }

    @inline(__always) static func specialOffset(_ x: UInt64) -> Int {
        specialMarks(x).trailingZeroBitCount >> 3
    }

    /// Scans a string whose opening quote is at `i`; leaves `i` past the closing quote.
    @inline(__always) mutating func scanString() throws(Failure) -> StringFlags {
        i += 1
        var flags: StringFlags = []
        while true {
            // Eight bytes at a time, straight to the first special byte.
            while i &+ 8 <= end {
                let k = Self.specialOffset(UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)))
                i &+= k
                if k < 8 { break }
            }
            // Byte by byte from the special byte on, through any run of non-ASCII
            // characters, back to whole words after the next plain ASCII byte.
            while true {
                let c = current
                if c >= 0x80 {
                    flags.insert(.nonASCII)
                    try scanUTF8Sequence()
                } else if c == 0x22 {
                    i += 1
                    return flags
                } else if c == 0x5C {
                    flags.insert(.escaped)
                    try scanEscape()
                } else if c < 0x20 {
                    throw .invalidJSON
                } else {
                    i += 1
                    break
                }
            }
        }
    }

    /// One escape sequence at `i` (the backslash). `\u` surrogates must come as a
    /// high-low pair: JSONSerialization rejects a lone one, and a Swift String cannot hold it.
    mutating func scanEscape() throws(Failure) {
        switch byte(i + 1) {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
            i += 2
        case 0x75:
            let u = try hex4(at: i + 2)
            i += 6
            if u >= 0xD800 && u <= 0xDBFF {
                guard byte(i) == 0x5C, byte(i + 1) == 0x75 else { throw .invalidJSON }
                let low = try hex4(at: i + 2)
                guard low >= 0xDC00 && low <= 0xDFFF else { throw .invalidJSON }
                i += 6
            } else if u >= 0xDC00 && u <= 0xDFFF {
                throw .invalidJSON
            }
        default:
            throw .invalidJSON
        }
    }

    func hex4(at k: Int) throws(Failure) -> UInt32 {
        var v: UInt32 = 0
        for j in k..<(k + 4) {
            let c = byte(j)
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: throw .invalidJSON
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// One multi-byte UTF-8 sequence at `i`, by the table of well-formed sequences
    /// (Unicode 15, table 3-7): no overlong forms, no surrogates, nothing above U+10FFFF.
    @inline(__always) mutating func scanUTF8Sequence() throws(Failure) {
        let c = p[i]
        let b1 = byte(i + 1)
        @inline(__always) func cont(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
        if c & 0xE0 == 0xC0 {
            // Two-byte sequences (Latin, Greek, Cyrillic, Hebrew, Arabic…) first.
            guard c >= 0xC2, cont(b1) else { throw .invalidUTF8 }
            i += 2
            return
        }
        switch c {
        case 0xE0...0xEF:
            let low: UInt8 = c == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = c == 0xED ? 0x9F : 0xBF
            guard b1 >= low, b1 <= high, cont(byte(i + 2)) else { throw .invalidUTF8 }
            i += 3
        case 0xF0...0xF4:
            let low: UInt8 = c == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = c == 0xF4 ? 0x8F : 0xBF
            guard b1 >= low, b1 <= high, cont(byte(i + 2)), cont(byte(i + 3)) else { throw .invalidUTF8 }
            i += 4
        default:
            throw .invalidUTF8
        }
    }

    /// Skips one value of any kind at `i`, validating it. `depth` is the depth of
    /// the container holding it (0 for a top-level value).
    mutating func skipValue(depth: Int) throws(Failure) -> (Kind, StringFlags) {
        switch current {
        case 0x22:
            return (.string, try scanString())
        case 0x7B:
            guard depth < Self.maximumDepth else { throw .invalidJSON }
            i += 1
            skipWhitespace()
            if current == 0x7D {
                i += 1
                return (.object, [])
            }
            while true {
                guard current == 0x22 else { throw .invalidJSON }
                _ = try scanString()
                skipWhitespace()
                try expect(0x3A)
                skipWhitespace()
                _ = try skipValue(depth: depth + 1)
                skipWhitespace()
                let c = current
                i += 1
                if c == 0x2C {
                    skipWhitespace()
                } else if c == 0x7D {
                    return (.object, [])
                } else {
                    throw .invalidJSON
                }
            }
        case 0x5B:
            guard depth < Self.maximumDepth else { throw .invalidJSON }
            i += 1
            skipWhitespace()
            if current == 0x5D {
                i += 1
                return (.array, [])
            }
            while true {
                _ = try skipValue(depth: depth + 1)
                skipWhitespace()
                let c = current
                i += 1
                if c == 0x2C {
                    skipWhitespace()
                } else if c == 0x5D {
                    return (.array, [])
                } else {
                    throw .invalidJSON
                }
            }
        case 0x74:
            try literal(0x65_75_72_74, length: 4)  // "true"
            return (.bool, [])
        case 0x66:
            guard byte(i + 4) == 0x65 else { throw .invalidJSON }
            try literal(0x73_6C_61_66, length: 5)  // "fals" + "e"
            return (.bool, [])
        case 0x6E:
            try literal(0x6C_6C_75_6E, length: 4)  // "null"
            return (.null, [])
        case 0x2D, 0x30...0x39:
            try scanNumber()
            return (.number, [])
        default:
            throw .invalidJSON
        }
    }

    /// Checks four bytes at `i` against `word` (little-endian) and advances by `length`.
    @inline(__always) mutating func literal(_ word: UInt32, length: Int) throws(Failure) {
        var v: UInt32 = 0
        for j in 0..<4 { v |= UInt32(byte(i + j)) << (8 * UInt32(j)) }
        guard v == word else { throw .invalidJSON }
        i += length
    }

    /// A number by the JSON grammar. Like JSONSerialization, a number too large for a
    /// Double (`1e400`) is rejected; one too small (`1e-400`) is accepted.
    mutating func scanNumber() throws(Failure) {
        let start = i
        if current == 0x2D { i += 1 }
        var integerDigits = 0
        if current == 0x30 {
            i += 1
        } else {
            guard current &- 0x31 < 9 else { throw .invalidJSON }
            while current &- 0x30 < 10 {
                i += 1
                integerDigits += 1
            }
        }
        if current == 0x2E {
            i += 1
            guard current &- 0x30 < 10 else { throw .invalidJSON }
            while current &- 0x30 < 10 { i += 1 }
        }
        var exponent = 0
        if current | 0x20 == 0x65 {
            i += 1
            var negative = false
            if current == 0x2B || current == 0x2D {
                negative = current == 0x2D
                i += 1
            }
            guard current &- 0x30 < 10 else { throw .invalidJSON }
            while current &- 0x30 < 10 {
                // Saturates: only whether it passes ~308 matters.
                if exponent < 1_000_000 { exponent = exponent * 10 + Int(current - 0x30) }
                i += 1
            }
            if negative { exponent = -exponent }
        }
        // The value is below 10^(integerDigits + exponent) when the integer part is not 0,
        // and below 10^exponent when it is; only above 1e308 can a Double overflow.
        if max(integerDigits, 1) + exponent > 308 {
            let text = String(decoding: UnsafeBufferPointer(start: p + start, count: i - start), as: UTF8.self)
            guard let d = Double(text), d.isFinite else { throw .invalidJSON }
        }
    }

    /// True when the bytes from `k` to the end are well-formed UTF-8.
    func isValidUTF8(from k: Int) -> Bool {
        var s = JSONScanner(p, count: end, at: k)
        while s.i < s.end {
            if s.p[s.i] < 0x80 {
                s.i += 1
            } else {
                do { try s.scanUTF8Sequence() } catch { return false }
            }
        }
        return true
    }
}
