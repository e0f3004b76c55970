/// How the normalizer and the prefilter read one non-ASCII Unicode scalar. Both use
/// this one table so that the prefilter never reads a disguise differently from the
/// normalizer.
struct ScalarFold: Sendable {
    enum Class: Equatable {
        /// Zero-width and invisible characters: dropped.
        case invisible
        /// A full-width form of an ASCII character (U+FF01–U+FF5E).
        case fullWidth(UInt8)
        /// A decimal digit of any script (general category Nd).
        case digit(UInt8)
        /// A Cyrillic or Greek letter that looks like this Latin letter: mapped only
        /// inside Latin words (see `Normalizer`).
        case homoglyph(UInt8)
        /// A styled Latin letter (mathematical bold, circled): always this letter.
        case styledLetter(UInt8)
        /// A typographic apostrophe, read as `'` by word matching.
        case apostrophe
        /// Any other letter or combining mark: part of a word, kept.
        case letter
        /// Anything else (punctuation, symbols, emoji, spaces): kept, but between
        /// digits it separates them.
        case separator
    }

    let homoglyphs: [UInt32: UInt8]
    /// `classify` for every scalar of the Basic Multilingual Plane, worked out once:
    /// the hot loops read this table instead of Unicode properties.
    private let bmp: [UInt16]

    init(homoglyphs: [UInt32: UInt8]) {
        self.homoglyphs = homoglyphs
        var table = [UInt16](repeating: 0, count: 0x10000)
        let probe = ScalarFold(homoglyphs: homoglyphs, table: [])
        for v in 0..<UInt32(0x10000) { table[Int(v)] = Self.encode(probe.classifyUncached(v), v) }
        bmp = table
    }

    private init(homoglyphs: [UInt32: UInt8], table: [UInt16]) {
        self.homoglyphs = homoglyphs
        bmp = table
    }

    /// kind in the high byte, value in the low byte; kind 9 marks a currency sign.
    private static func encode(_ c: Class, _ v: UInt32) -> UInt16 {
        switch c {
        case .invisible: return 0
        case .fullWidth(let b): return 1 << 8 | UInt16(b)
        case .digit(let b): return 2 << 8 | UInt16(b)
        case .homoglyph(let b): return 3 << 8 | UInt16(b)
        case .styledLetter(let b): return 4 << 8 | UInt16(b)
        case .apostrophe: return 5 << 8
        case .letter: return 6 << 8
        case .separator:
            if let s = Unicode.Scalar(v), s.properties.generalCategory == .currencySymbol { return 9 << 8 }
            return 7 << 8
        }
    }

    private static func decode(_ e: UInt16) -> Class {
        let b = UInt8(e & 0xFF)
        switch e >> 8 {
        case 0: return .invisible
        case 1: return .fullWidth(b)
        case 2: return .digit(b)
        case 3: return .homoglyph(b)
        case 4: return .styledLetter(b)
        case 5: return .apostrophe
        case 6: return .letter
        default: return .separator
        }
    }

    @inline(__always)
    func classify(_ v: UInt32) -> Class {
        if v < 0x10000 && !bmp.isEmpty { return Self.decode(bmp[Int(v)]) }
        // Emoji and pictographs, the commonest scalars beyond the BMP in chat.
        if v >= 0x1F000 && v <= 0x1FAFF { return .separator }
        return classifyUncached(v)
    }

    /// Whether a scalar is a currency sign (the prefilter reads "€12 500" as a price).
    @inline(__always)
    func isCurrency(_ v: UInt32) -> Bool {
        if v < 0x10000 && !bmp.isEmpty { return bmp[Int(v)] >> 8 == 9 }
        if v >= 0x1F000 && v <= 0x1FAFF { return false }
        return Self.isCurrencyUncached(v)
    }

    // The two look-ups by Unicode properties stay out of line: inlined into a caller
    // (`Prefilter.foldText`), their types' metadata was set up on every call of it, hit
    // or not (about 90 instructions a text).
    @inline(never)
    private static func isCurrencyUncached(_ v: UInt32) -> Bool {
        Unicode.Scalar(v)?.properties.generalCategory == .currencySymbol
    }

    @inline(never)
    private func classifyUncached(_ v: UInt32) -> Class {
        if Self.isInvisible(v) { return .invisible }
        if v >= 0xFF01 && v <= 0xFF5E {
            let b = UInt8(v - 0xFEE0)
            return (b >= 0x30 && b <= 0x39) ? .digit(b) : .fullWidth(b)
        }
        if let h = homoglyphs[v] { return .homoglyph(h) }
        if let s = Self.styledLatin(v) { return .styledLetter(s) }
        if v == 0x2019 || v == 0x02BC { return .apostrophe }
        guard let scalar = Unicode.Scalar(v) else { return .separator }
        let p = scalar.properties
        if p.numericType == .decimal, let value = p.numericValue, value >= 0, value <= 9 {
            return .digit(0x30 + UInt8(value))
        }
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark:
            return .letter
        default:
            return .separator
        }
    }

    static func isInvisible(_ v: UInt32) -> Bool {
        switch v {
        case 0x00AD, 0x034F, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069,
             0x20E3, 0xFE00...0xFE0F, 0xFEFF, 0xE0000...0xE007F, 0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }

    /// Mathematical alphanumeric letters (U+1D400–U+1D6A3) and circled letters.
    static func styledLatin(_ v: UInt32) -> UInt8? {
        if v >= 0x1D400 && v <= 0x1D6A3 {
            let k = (v - 0x1D400) % 52
            return UInt8(0x61 + (k % 26))
        }
        if v >= 0x24B6 && v <= 0x24CF { return UInt8(0x61 + (v - 0x24B6)) }
        if v >= 0x24D0 && v <= 0x24E9 { return UInt8(0x61 + (v - 0x24D0)) }
        return nil
    }

    /// Dash-like separators become "-" between digits; the others a space.
    static func isDash(_ v: UInt32) -> Bool {
        (v >= 0x2010 && v <= 0x2015) || v == 0x2212 || v == 0xFE58 || v == 0xFE63 || v == 0x2043
    }
}

/// Decoding UTF-8 by hand: the hot loops walk bytes and only decode where a byte is
/// not ASCII.
enum UTF8Scalar {
    /// The scalar starting at `i` and its length in bytes (1 for a malformed byte).
    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        let n = p.count
        if b0 >= 0xF0, i + 3 < n {
            return (((b0 & 0x07) << 18) | ((UInt32(p[i + 1]) & 0x3F) << 12)
                    | ((UInt32(p[i + 2]) & 0x3F) << 6) | (UInt32(p[i + 3]) & 0x3F), 4)
        }
        if b0 >= 0xE0, i + 2 < n {
            return (((b0 & 0x0F) << 12) | ((UInt32(p[i + 1]) & 0x3F) << 6) | (UInt32(p[i + 2]) & 0x3F), 3)
        }
        if b0 >= 0xC0, i + 1 < n {
            return (((b0 & 0x1F) << 6) | (UInt32(p[i + 1]) & 0x3F), 2)
        }
        return (0xFFFD, 1)
    }

    /// Whether the scalar at `i` (non-ASCII) is a letter, mark or digit, i.e.
    /// continues a word.
    @inline(__always)
    static func isLetter(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        isWordScalar(decode(p, at: i).value)
    }

    /// Letters, marks and decimal digits of the Basic Multilingual Plane, one bit each,
    /// worked out once from Unicode properties.
    private static let wordScalars: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for v in 0..<UInt32(0x10000) where isWordScalarUncached(v) { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
        return bits
    }()

    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x10000 { return (wordScalars[Int(v >> 6)] >> UInt64(v & 63)) & 1 == 1 }
        if v >= 0x1F000 && v <= 0x1FAFF { return false }
        return isWordScalarUncached(v)
    }

    private static func isWordScalarUncached(_ v: UInt32) -> Bool {
        guard let s = Unicode.Scalar(v) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }
}

/// ASCII byte classes used by every scanner.
enum ASCII {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { (b &- 0x41 < 26) ? b | 0x20 : b }
}
