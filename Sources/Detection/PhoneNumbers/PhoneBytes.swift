// Byte-level classification for the phone scanner: which bytes may sit between
// the digit groups of one number, and which neighbours glue a digit run to a
// word (so it is part of an identifier, a price or a percentage, not a phone).
// Works on UTF-8 without decoding the whole text; only the one scalar next to a
// candidate is decoded.

@inline(__always) func isASCIIDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

@inline(__always) func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

/// What one separator unit between two digit groups is.
enum SeparatorUnit: UInt8 {
    case space, dash, dot, slash, open, close, tilde, comma
}

/// The separator units that may appear inside a phone number, with their length
/// in bytes. Besides ASCII, the Unicode spaces and dashes people paste in (no-break
/// space, thin spaces, ideographic space, hyphens, en/em dashes, minus sign) are
/// accepted here too, so the engine does not depend on the normalizer catching
/// every one of them.
@inline(__always)
func separatorUnit(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (SeparatorUnit, Int)? {
    let b = bytes[i]
    switch b {
    case 0x20, 0x09: return (.space, 1)
    case 0x2D: return (.dash, 1)
    case 0x2E: return (.dot, 1)
    case 0x2F: return (.slash, 1)
    case 0x28: return (.open, 1)
    case 0x29: return (.close, 1)
    case 0x7E: return (.tilde, 1)
    case 0x2C: return (.comma, 1)
    case 0xC2:
        if i + 1 < bytes.count && bytes[i + 1] == 0xA0 { return (.space, 2) }  // U+00A0
        return nil
    case 0xE2:
        guard i + 2 < bytes.count else { return nil }
        let b1 = bytes[i + 1], b2 = bytes[i + 2]
        if b1 == 0x80 {
            if b2 >= 0x80 && b2 <= 0x8A { return (.space, 3) }   // U+2000–U+200A
            if b2 == 0xAF { return (.space, 3) }                 // U+202F
            if b2 >= 0x90 && b2 <= 0x95 { return (.dash, 3) }    // U+2010–U+2015
        } else if b1 == 0x88 && b2 == 0x92 {
            return (.dash, 3)                                    // U+2212 minus
        } else if b1 == 0x81 && b2 == 0xA0 {
            return nil                                           // U+2060 word joiner: not a separator
        }
        return nil
    case 0xE3:
        if i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 { return (.space, 3) }  // U+3000
        return nil
    default:
        return nil
    }
}

/// The Unicode scalar that ends just before byte `i`, or nil at the start.
func scalar(before i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
    guard i > 0 else { return nil }
    var j = i - 1
    var steps = 0
    while j > 0 && bytes[j] & 0xC0 == 0x80 && steps < 3 {
        j -= 1
        steps += 1
    }
    return decodeScalar(at: j, in: bytes).map { $0.0 }
}

/// The Unicode scalar starting at byte `i` and its length, or nil past the end.
func decodeScalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt32, Int)? {
    guard i < bytes.count else { return nil }
    let b0 = UInt32(bytes[i])
    if b0 < 0x80 { return (b0, 1) }
    func cont(_ k: Int) -> UInt32? {
        guard i + k < bytes.count, bytes[i + k] & 0xC0 == 0x80 else { return nil }
        return UInt32(bytes[i + k] & 0x3F)
    }
    if b0 & 0xE0 == 0xC0, let c1 = cont(1) { return ((b0 & 0x1F) << 6 | c1, 2) }
    if b0 & 0xF0 == 0xE0, let c1 = cont(1), let c2 = cont(2) { return ((b0 & 0x0F) << 12 | c1 << 6 | c2, 3) }
    if b0 & 0xF8 == 0xF0, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
        return ((b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
    }
    return nil
}

/// Letters of alphabetic scripts written with spaces between words (Latin with
/// its accents, Greek, Cyrillic). A digit run touching one is part of a word or
/// code ("abc4156667777", "é415-666-7777"); CJK text has no spaces and numbers sit
/// right next to it, so it does not count.
func isWordLetter(_ s: UInt32) -> Bool {
    if s < 0x80 { return isASCIILetter(UInt8(s)) }
    switch s {
    case 0xAA, 0xB5, 0xBA: return true
    case 0xC0...0x24F: return s != 0xD7 && s != 0xF7
    case 0x300...0x36F: return true  // combining accents: they sit on a letter ("e\u{301}")
    case 0x370...0x3FF, 0x400...0x52F, 0x1E00...0x1EFF: return true
    default: return false
    }
}

/// Currency signs (Unicode category Sc): a number right after or before one is an amount.
func isCurrencySign(_ s: UInt32) -> Bool {
    switch s {
    case 0x24, 0xA2...0xA5, 0x58F, 0x60B, 0x7FE, 0x7FF, 0x9F2, 0x9F3, 0x9FB, 0xAF1, 0xBF9, 0xE3F, 0x17DB,
         0x20A0...0x20C0, 0xA838, 0xFDFC, 0xFE69, 0xFF04, 0xFFE0, 0xFFE1, 0xFFE5, 0xFFE6:
        return true
    default:
        return false
    }
}
