// Decides whether a grouped digit run is a phone number without knowing where
// the writer lives. Each reading below is one way numbers are written somewhere
// (international with `+` or a dialling prefix, North American, national with a
// trunk 0, Mexican and Argentine mobile prefixes, …); the first that fits wins.
// The stronger the written evidence (a `+`, a trunk prefix, brackets around an
// area code), the looser the length check; a bare digit run must look like a
// phone number of a big numbering plan *and* be grouped like one.

/// How a candidate was read as a phone number.
struct PhoneReading: Sendable, Equatable {
    enum Form: Sendable, Equatable {
        /// With `+`, an international dialling prefix or a country code up front.
        case international
        /// As dialled inside a country.
        case national
    }

    var form: Form
    /// `+<country code><national number>` when the country is known, else the digits as written.
    var normalized: String
    /// Why, in a few words, without any digit of the number.
    var why: String
}

enum PhoneReader {
    /// International dialling prefixes, tried in this order; the first that leaves a
    /// valid country code and national number wins (so `0011` can still be `001` + `1`).
    /// `0~0` (Poland, formerly) arrives as `00`.
    static let internationalPrefixes = [
        "00", "011", "0011", "010", "001", "002", "005", "006", "007", "008", "009",
        "012", "013", "014", "015", "016", "017", "018", "019", "000", "810",
    ]

    static func read(_ s: NumberShape) -> PhoneReading? {
        let n = s.count
        guard n >= 5 && n <= 17, NotAPhone.reason(s) == nil else { return nil }
        if s.plus { return international(s, from: 0, prefix: nil) }
        let d = s.digits
        // Every international prefix starts 00, 01 or 810.
        if (d[0] == UInt8(ascii: "0") && d[1] <= UInt8(ascii: "1")) || s.hasPrefix("810") {
            if let r = viaInternationalPrefix(s) { return r }
        }
        // A lone digit inside a national number ("4 8 15 16 23 42") is a list, not a
        // phone, unless the whole number is written digit by digit. A leading trunk
        // or country digit ("1 415 …", "0 (917) …"), the first digit after a bracketed
        // area code ("(11) 9 8456-5666") and a digit between two long groups
        // ("0900-1 123123") stand alone in real numbers, and so does a trunk 0 in
        // brackets ("44 (0)20 …").
        let g = s.groups
        let oddSingles = g.indices.contains { k in
            g[k] == 1 && k > 0 && !(k == 1 && s.bracketed == 0) && s.bracketed != k
                && !(g[k - 1] >= 3 && k + 1 < g.count && g[k + 1] >= 3)
        }
        if oddSingles && !(s.spelled || s.spacedOut) {
            return nil
        }
        if d[0] == UInt8(ascii: "0") {
            if let r = trunkZero(s) { return r }
        } else if let r = northAmerican(s) ?? special(s) ?? bare(s) ?? countryCodeWithoutPlus(s) {
            return r
        }
        if s.spelled || s.spacedOut, (7...15).contains(n) {
            return PhoneReading(form: .national, normalized: written(s), why: "a digit run of phone length")
        }
        if s.afterPhoneWord, d[0] != UInt8(ascii: "0"), (7...12).contains(n), s.groups.allSatisfy({ $0 >= 2 }) {
            return PhoneReading(form: .national, normalized: written(s), why: "a digit run right after a phone word")
        }
        return nil
    }

    // MARK: International

    /// `+<code><national>`, or the same after an international dialling prefix.
    static func international(_ s: NumberShape, from offset: Int, prefix: String?) -> PhoneReading? {
        let rest = s.digits[offset...]
        guard let code = CallingCodes.prefix(of: rest) else { return nil }
        var national = rest.dropFirst(code.codeLength)
        if !code.admits(national) {
            // The trunk prefix kept after the code: "+44 (0)20 …", "+44 020 …".
            let trunk = code.trunk ?? UInt8(ascii: "0")
            if national.first == trunk, code.admits(national.dropFirst()) {
                national = national.dropFirst()
            } else if prefix == nil, let first = national.first, first != UInt8(ascii: "0") || code.leadingZero,
                      national.count >= max(4, code.nationalLengths.lowerBound - 2),
                      national.count <= code.nationalLengths.upperBound {
                // After a `+`, a number a digit or two short of the plan is still
                // someone giving a phone number (and test numbering plans are shorter).
            } else {
                return nil
            }
        }
        if prefix != nil && national.count < 7 { return nil }
        let why = prefix == nil ? code.explanationAfterPlus : code.explanationAfterPrefix
        return PhoneReading(form: .international, normalized: e164(code.code, national), why: why)
    }

    static func viaInternationalPrefix(_ s: NumberShape) -> PhoneReading? {
        for p in internationalPrefixes where s.hasPrefix(p) && s.count >= p.count + 8 {
            if let r = international(s, from: p.utf8.count, prefix: p) { return r }
        }
        return nil
    }

    /// A country code written without `+` but set apart ("91-415-555-0132", "44 20 7123 4567").
    static func countryCodeWithoutPlus(_ s: NumberShape) -> PhoneReading? {
        guard s.groups.count >= 2, s.count >= 10, s.groups[0] <= 3 else { return nil }
        let value = s.value(ofGroup: 0)
        guard let code = CallingCodes.byCode[value], code.codeLength == s.groups[0] else { return nil }
        var national = s.digits.dropFirst(s.groups[0])
        if let b = s.bracketed {
            // Only the trunk 0 in brackets after the code: "64(0)64123456", "44 (0)20 7123 4567".
            guard b == 1, s.group(1).elementsEqual("0".utf8) else { return nil }
            national = national.dropFirst()
        }
        guard national.count >= 8, code.admits(national) else { return nil }
        return PhoneReading(form: .international, normalized: e164(code.code, national),
                            why: "country code of \(code.region) without +, then a national number")
    }

    // MARK: National

    /// North American Numbering Plan: area code and exchange both start with 2–9.
    static func isNANP<C: RandomAccessCollection>(_ ten: C) -> Bool where C.Element == UInt8, C.Index == Int {
        guard ten.count == 10 else { return false }
        let a = ten[ten.startIndex], e = ten[ten.startIndex + 3]
        return a >= UInt8(ascii: "2") && a <= UInt8(ascii: "9") && e >= UInt8(ascii: "2") && e <= UInt8(ascii: "9")
    }

    /// Whether the groups break only where North American numbers do (after the
    /// area code and the exchange, and after a leading 1).
    static func groupedLikeNANP(_ s: NumberShape) -> Bool {
        var at = s.count == 11 ? -1 : 0
        for g in s.groups.dropLast() {
            at += g
            if at != 0 && at != 3 && at != 6 { return false }
        }
        return true
    }

    static func northAmerican(_ s: NumberShape) -> PhoneReading? {
        let d = s.digits
        // "138 1234 5678" and "13812345678" are Chinese mobiles; "1 415 555 0132" is North American.
        let chineseMobile = d[1] >= UInt8(ascii: "3") && (s.groups.count == 1 || s.grouped(3, 4, 4))
        if s.count == 11 && d[0] == UInt8(ascii: "1") && isNANP(d[1...]) && !chineseMobile {
            // Brackets only around the area code: "1 (312) 515-2239", "(1800) 7493.524".
            if let b = s.bracketed, !((b == 1 && s.groups[0] == 1 && s.groups[1] == 3) || (b == 0 && s.groups[0] == 4)) {
                return nil
            }
            return PhoneReading(form: .national, normalized: e164(1, d[1...]),
                                why: "North American number with the leading 1")
        }
        guard s.count == 10 else { return nil }
        if let b = s.bracketed, !(b == 0 && s.groups[0] == 3) { return nil }
        if isNANP(d[...]) {
            if groupedLikeNANP(s) {
                return PhoneReading(form: .national, normalized: e164(1, d[...]), why: "North American number")
            }
            return PhoneReading(form: .national, normalized: written(s), why: "ten digits, as North American or Indian numbers")
        }
        if d[0] == UInt8(ascii: "1") && s.grouped(3, 3, 4) {
            return PhoneReading(form: .national, normalized: written(s), why: "grouped like a North American number")
        }
        return nil
    }

    /// National numbers dialled with the trunk prefix 0, as in most of the world.
    static func trunkZero(_ s: NumberShape) -> PhoneReading? {
        let d = s.digits
        let n = s.count
        guard n >= 2, d[1] != UInt8(ascii: "0") else { return nil }
        if let b = s.bracketed, !(b == 0 || (b == 1 && s.groups[0] <= 3)) { return nil }
        if n == 13 && (s.hasPrefix("044") || s.hasPrefix("045")) {
            return PhoneReading(form: .national, normalized: e164(52, [UInt8(ascii: "1")] + d[3...]),
                                why: "Mexican mobile prefix and a ten-digit number")
        }
        if n == 13 {
            // Argentina: 0, area code (2–4 digits), 15, subscriber; area code + subscriber = 10 digits.
            for area in 2...4 where d[1 + area] == UInt8(ascii: "1") && d[2 + area] == UInt8(ascii: "5") {
                let national = [UInt8(ascii: "9")] + d[1..<(1 + area)] + d[(3 + area)...]
                return PhoneReading(form: .national, normalized: e164(54, national[...]),
                                    why: "Argentine mobile number: area code, 15, subscriber")
            }
            return nil
        }
        let national = n - 1
        let grouped = s.groups.count > 1
        let longest = grouped || d[1] == UInt8(ascii: "8") ? 11 : 10
        if national >= 8 && national <= longest {
            return PhoneReading(form: .national, normalized: written(s), why: "national format with the trunk prefix 0")
        }
        // Short numbers behind a long area code, written apart the German way ("04931-49",
        // "030/1234567"), or anything with an extension after it.
        let areaCodeApart = s.groups.count == 2 && (4...6).contains(s.groups[0])
            && (s.separators[0] == .dash || s.separators[0] == .slash)
        if national >= 5 && national <= longest && (areaCodeApart || s.hasExtension) && (national >= 6 || s.hasExtension) {
            return PhoneReading(form: .national, normalized: written(s), why: "area code with the trunk prefix 0, then a short number")
        }
        return nil
    }

    /// Service and mobile ranges that a bare run of their length cannot be mistaken for.
    static func special(_ s: NumberShape) -> PhoneReading? {
        let d = s.digits
        let n = s.count
        if n == 10 && (s.hasPrefix("1300") || s.hasPrefix("1800") || s.hasPrefix("1900")) && (s.bracketed ?? 0) == 0 {
            return PhoneReading(form: .national, normalized: e164(61, d[...]), why: "Australian 1300/1800/1900 number")
        }
        if n == 11 && d[0] == UInt8(ascii: "1") && d[1] >= UInt8(ascii: "3") && s.bracketed == nil {
            return PhoneReading(form: .national, normalized: e164(86, d[...]), why: "Chinese mobile number")
        }
        if n == 11 && d[0] == UInt8(ascii: "8") && d[1] >= UInt8(ascii: "3")
            && (s.bracketed == nil || (s.bracketed == 1 && s.groups[0] == 1)) {
            return PhoneReading(form: .national, normalized: e164(7, d[1...]),
                                why: "Russian or Kazakh number with the trunk prefix 8")
        }
        if (n == 10 || n == 11) && s.bracketed == 0 && s.groups[0] == 2 && d[0] != UInt8(ascii: "0") && d[1] != UInt8(ascii: "0") {
            return PhoneReading(form: .national, normalized: written(s), why: "two-digit area code in brackets")
        }
        if n == 11 && s.grouped(2, 5, 4) && d[2] == UInt8(ascii: "9") && d[1] != UInt8(ascii: "0") && s.bracketed == nil {
            return PhoneReading(form: .national, normalized: e164(55, d[...]), why: "Brazilian mobile number")
        }
        return nil
    }

    /// A run starting with 2–9, neither `+` nor trunk prefix: only lengths and
    /// groupings that big numbering plans use.
    static func bare(_ s: NumberShape) -> PhoneReading? {
        let d = s.digits
        guard d[0] >= UInt8(ascii: "2"), !s.separators.contains(where: { $0.contains(.apart) }) else { return nil }
        let g = s.groups
        // Short runs count only when grouped evenly, as people write their own number.
        let even = s.separators.allSatisfy { $0 == s.separators[0] }
        if s.hasExtension && s.groups.count >= 2 && (7...12).contains(s.count) && s.bracketed == nil {
            return PhoneReading(form: .national, normalized: written(s), why: "a digit run with an extension")
        }
        switch s.count {
        case 10:
            if let b = s.bracketed, !(b == 0 && g[0] == 3) { return nil }
            guard s.singleDigitGroups == 0 else { return nil }
            return PhoneReading(form: .national, normalized: written(s), why: "ten digits, as mobile numbers in India or Turkey")
        case 9:
            guard s.bracketed == nil, even, g.count >= 3, (2...3).contains(g[0]), g.allSatisfy({ (2...4).contains($0) }) else {
                return nil
            }
            return PhoneReading(form: .national, normalized: written(s), why: "nine digits grouped like a phone number")
        case 8:
            guard s.bracketed == nil, even, s.grouped(4, 4) || s.grouped(2, 2, 2, 2) else { return nil }
            return PhoneReading(form: .national, normalized: written(s), why: "eight digits grouped like a phone number")
        case 7:
            guard s.bracketed == nil, s.grouped(3, 4), s.separators[0] != .slash else { return nil }
            return PhoneReading(form: .national, normalized: written(s), why: "a seven-digit local number")
        default:
            return nil
        }
    }

    // MARK: Output

    static func e164<C: Collection>(_ code: Int, _ national: C) -> String where C.Element == UInt8 {
        let codeDigits = code >= 100 ? 3 : (code >= 10 ? 2 : 1)
        return String(unsafeUninitializedCapacity: 1 + codeDigits + national.count) { out in
            out[0] = UInt8(ascii: "+")
            var c = code
            for k in stride(from: codeDigits, through: 1, by: -1) {
                out[k] = UInt8(truncatingIfNeeded: 0x30 + c % 10)
                c /= 10
            }
            var i = 1 + codeDigits
            for b in national {
                out[i] = b
                i += 1
            }
            return i
        }
    }

    static func written(_ s: NumberShape) -> String { String(decoding: s.digits, as: UTF8.self) }
}
