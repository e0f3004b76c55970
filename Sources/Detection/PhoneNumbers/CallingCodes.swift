// Country calling codes (ITU-T E.164) and what a national significant number
// behind each looks like. Lengths are the national significant number (no
// trunk prefix, no country code), taken wide rather than tight: a number that
// follows a `+` or an international prefix is already strong evidence, so the
// table only has to rule out what no numbering plan issues. Where a few leading
// digits tell a plausible number from an impossible one cheaply, `shapes` says
// so; that matters most when an international prefix like `0011` can also be
// read as `001` + `1`, and only one reading gives a real number.

/// A set of decimal digits, one bit per digit.
struct DigitSet: Sendable, Hashable {
    var bits: UInt16

    static let any = DigitSet(bits: 0x3FF)

    func contains(_ asciiDigit: UInt8) -> Bool {
        let d = asciiDigit &- 0x30
        return d < 10 && bits & (1 << UInt16(d)) != 0
    }
}

/// A family of national numbers: the lengths it has and the digits it starts with.
struct NationalShape: Sendable {
    var lengths: ClosedRange<Int>
    /// One set per leading position; positions beyond the list are free.
    var prefix: [DigitSet]

    /// `pattern` is a run of digits, `d` (any digit) and classes like `[2-9]` or `[1389]`.
    init(_ lengths: ClosedRange<Int>, _ pattern: String) {
        self.lengths = lengths
        self.prefix = NationalShape.parse(pattern)
    }

    func matches<C: RandomAccessCollection>(_ national: C) -> Bool where C.Element == UInt8, C.Index == Int {
        guard lengths.contains(national.count), national.count >= prefix.count else { return false }
        var i = national.startIndex
        for set in prefix {
            if !set.contains(national[i]) { return false }
            i += 1
        }
        return true
    }

    /// Parses the prefix pattern; a malformed pattern is a programming error in the
    /// table below, caught by `PhoneCallingCodeTests`.
    static func parse(_ pattern: String) -> [DigitSet] {
        var out: [DigitSet] = []
        let b = Array(pattern.utf8)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "d") {
                out.append(.any)
                i += 1
            } else if c >= 0x30 && c <= 0x39 {
                out.append(DigitSet(bits: 1 << UInt16(c - 0x30)))
                i += 1
            } else if c == UInt8(ascii: "[") {
                var bits: UInt16 = 0
                i += 1
                while i < b.count && b[i] != UInt8(ascii: "]") {
                    let lo = b[i]
                    precondition(lo >= 0x30 && lo <= 0x39, "bad digit class in \(pattern)")
                    if i + 2 < b.count && b[i + 1] == UInt8(ascii: "-") {
                        let hi = b[i + 2]
                        precondition(hi >= lo && hi <= 0x39, "bad digit range in \(pattern)")
                        for d in lo...hi { bits |= 1 << UInt16(d - 0x30) }
                        i += 3
                    } else {
                        bits |= 1 << UInt16(lo - 0x30)
                        i += 1
                    }
                }
                precondition(i < b.count && bits != 0, "unterminated or empty class in \(pattern)")
                out.append(DigitSet(bits: bits))
                i += 1
            } else {
                preconditionFailure("bad character in shape pattern \(pattern)")
            }
        }
        return out
    }
}

/// One country calling code and the numbering plan behind it.
struct CallingCode: Sendable {
    /// The code itself, 1...999.
    var code: Int
    /// The main region (ISO 3166 alpha-2, or `001` for non-geographic codes), for explanations.
    var region: String
    /// Possible lengths of the national significant number.
    var nationalLengths: ClosedRange<Int>
    /// The digit dialled before a national number inside the country (`0`, `1` in
    /// North America, `8` in Russia), if any; people often keep it after the code
    /// ("+44 (0)20 …", "+44 020 …").
    var trunk: UInt8?
    /// Whether national numbers may start with 0 (Italy's fixed lines keep it).
    var leadingZero: Bool
    /// If not empty, a national number must match one of these.
    var shapes: [NationalShape]

    /// Built once per code, so a match does not format its explanation.
    var explanationAfterPlus: String
    var explanationAfterPrefix: String

    var codeLength: Int { code >= 100 ? 3 : (code >= 10 ? 2 : 1) }

    /// Whether `national` can be a number of this plan.
    func admits<C: RandomAccessCollection>(_ national: C) -> Bool where C.Element == UInt8, C.Index == Int {
        guard nationalLengths.contains(national.count), let first = national.first else { return false }
        if first == UInt8(ascii: "0") && !leadingZero { return false }
        if shapes.isEmpty { return true }
        return shapes.contains { $0.matches(national) }
    }
}

private func cc(_ code: Int, _ region: String, _ lengths: ClosedRange<Int>, trunk: Character? = nil,
                leadingZero: Bool = false, _ shapes: [NationalShape] = []) -> CallingCode {
    CallingCode(code: code, region: region, nationalLengths: lengths,
                trunk: trunk.map { $0.asciiValue! }, leadingZero: leadingZero, shapes: shapes,
                explanationAfterPlus: "international format: + and the country code of \(region)",
                explanationAfterPrefix: "international dialling prefix and the country code of \(region)")
}

enum CallingCodes {
    /// Every assigned calling code, sorted by code. Checked by `PhoneCallingCodeTests`.
    static let all: [CallingCode] = [
        cc(1, "US", 10...10, trunk: "1", [.init(10...10, "[2-9]")]),
        cc(7, "RU", 10...10, trunk: "8", [.init(10...10, "[3-9]")]),
        cc(20, "EG", 8...10, trunk: "0"),
        cc(27, "ZA", 9...9, trunk: "0", [.init(9...9, "[1-8]")]),
        cc(30, "GR", 10...10, [.init(10...10, "[2-9]")]),
        cc(31, "NL", 9...10, trunk: "0"),
        cc(32, "BE", 8...9, trunk: "0"),
        cc(33, "FR", 9...9, trunk: "0"),
        cc(34, "ES", 9...9, [.init(9...9, "[5-9]")]),
        cc(36, "HU", 8...9),
        cc(39, "IT", 6...11, leadingZero: true, [.init(6...11, "[01389]")]),
        cc(40, "RO", 9...9, trunk: "0"),
        cc(41, "CH", 9...9, trunk: "0"),
        cc(43, "AT", 4...13, trunk: "0"),
        cc(44, "GB", 7...10, trunk: "0"),
        cc(45, "DK", 8...8),
        cc(46, "SE", 7...10, trunk: "0"),
        cc(47, "NO", 5...8),
        cc(48, "PL", 9...9),
        cc(49, "DE", 4...13, trunk: "0"),
        cc(51, "PE", 8...9, trunk: "0"),
        cc(52, "MX", 10...11, [.init(10...10, "[2-9]"), .init(11...11, "1")]),
        cc(53, "CU", 6...8, trunk: "0"),
        cc(54, "AR", 10...11, trunk: "0", [.init(10...10, "[1-9]"), .init(11...11, "9")]),
        cc(55, "BR", 10...11, trunk: "0", [.init(10...11, "[1-9][1-9]")]),
        cc(56, "CL", 9...9),
        cc(57, "CO", 8...10),
        cc(58, "VE", 10...10, trunk: "0"),
        cc(60, "MY", 8...10, trunk: "0"),
        cc(61, "AU", 6...10, trunk: "0", [.init(9...9, "[2-578]"), .init(6...10, "1")]),
        cc(62, "ID", 8...12, trunk: "0"),
        cc(63, "PH", 8...10, trunk: "0"),
        cc(64, "NZ", 8...10, trunk: "0", [.init(8...10, "[2-9]")]),
        cc(65, "SG", 8...10, [.init(8...8, "[3689]"), .init(10...10, "[18]")]),
        cc(66, "TH", 8...9, trunk: "0"),
        cc(81, "JP", 9...10, trunk: "0", [.init(9...9, "[1-9]"), .init(10...10, "[2-9]0"), .init(10...10, "1[28]0")]),
        cc(82, "KR", 8...10, trunk: "0"),
        cc(84, "VN", 9...10, trunk: "0"),
        cc(86, "CN", 9...11, trunk: "0", [.init(11...11, "1[3-9]"), .init(9...11, "[2-9]")]),
        cc(90, "TR", 10...10, trunk: "0", [.init(10...10, "[2-58]")]),
        cc(91, "IN", 10...10, trunk: "0", [.init(10...10, "[1-9]")]),
        cc(92, "PK", 9...10, trunk: "0"),
        cc(93, "AF", 9...9, trunk: "0"),
        cc(94, "LK", 9...9, trunk: "0"),
        cc(95, "MM", 7...10, trunk: "0"),
        cc(98, "IR", 10...10, trunk: "0"),
        cc(211, "SS", 9...9, trunk: "0"),
        cc(212, "MA", 9...9, trunk: "0"),
        cc(213, "DZ", 8...9, trunk: "0"),
        cc(216, "TN", 8...8),
        cc(218, "LY", 8...9, trunk: "0"),
        cc(220, "GM", 7...7),
        cc(221, "SN", 9...9),
        cc(222, "MR", 8...8),
        cc(223, "ML", 8...8),
        cc(224, "GN", 8...9),
        cc(225, "CI", 8...10, leadingZero: true),
        cc(226, "BF", 8...8),
        cc(227, "NE", 8...8),
        cc(228, "TG", 8...8),
        cc(229, "BJ", 8...10),
        cc(230, "MU", 7...8),
        cc(231, "LR", 7...9, trunk: "0"),
        cc(232, "SL", 8...8, trunk: "0"),
        cc(233, "GH", 9...9, trunk: "0"),
        cc(234, "NG", 7...10, trunk: "0"),
        cc(235, "TD", 8...8),
        cc(236, "CF", 8...8),
        cc(237, "CM", 8...9),
        cc(238, "CV", 7...7),
        cc(239, "ST", 7...7),
        cc(240, "GQ", 9...9),
        cc(241, "GA", 7...8, leadingZero: true),
        cc(242, "CG", 9...9, leadingZero: true),
        cc(243, "CD", 7...9, trunk: "0"),
        cc(244, "AO", 9...9),
        cc(245, "GW", 7...9),
        cc(246, "IO", 7...7),
        cc(247, "AC", 5...6),
        cc(248, "SC", 7...7),
        cc(249, "SD", 9...9, trunk: "0"),
        cc(250, "RW", 9...9, trunk: "0"),
        cc(251, "ET", 9...9, trunk: "0"),
        cc(252, "SO", 7...9, trunk: "0"),
        cc(253, "DJ", 8...8),
        cc(254, "KE", 9...10, trunk: "0"),
        cc(255, "TZ", 9...9, trunk: "0"),
        cc(256, "UG", 9...9, trunk: "0"),
        cc(257, "BI", 8...8),
        cc(258, "MZ", 8...9),
        cc(260, "ZM", 9...9, trunk: "0"),
        cc(261, "MG", 9...9, trunk: "0"),
        cc(262, "RE", 9...9, trunk: "0"),
        cc(263, "ZW", 5...10, trunk: "0"),
        cc(264, "NA", 8...10, trunk: "0"),
        cc(265, "MW", 7...9, trunk: "0"),
        cc(266, "LS", 8...8),
        cc(267, "BW", 7...8),
        cc(268, "SZ", 8...8),
        cc(269, "KM", 7...7),
        cc(290, "SH", 4...5),
        cc(291, "ER", 7...7, trunk: "0"),
        cc(297, "AW", 7...7),
        cc(298, "FO", 6...6),
        cc(299, "GL", 6...6),
        cc(350, "GI", 8...8),
        cc(351, "PT", 9...9),
        cc(352, "LU", 4...11),
        cc(353, "IE", 7...9, trunk: "0"),
        cc(354, "IS", 7...9),
        cc(355, "AL", 8...9, trunk: "0"),
        cc(356, "MT", 8...8),
        cc(357, "CY", 8...8),
        cc(358, "FI", 5...12, trunk: "0"),
        cc(359, "BG", 7...9, trunk: "0"),
        cc(370, "LT", 8...8, trunk: "8"),
        cc(371, "LV", 8...8),
        cc(372, "EE", 7...8),
        cc(373, "MD", 8...8, trunk: "0"),
        cc(374, "AM", 8...8, trunk: "0"),
        cc(375, "BY", 9...10, trunk: "8"),
        cc(376, "AD", 6...9),
        cc(377, "MC", 8...9, trunk: "0"),
        cc(378, "SM", 6...10, leadingZero: true),
        cc(380, "UA", 9...9, trunk: "0"),
        cc(381, "RS", 7...10, trunk: "0"),
        cc(382, "ME", 8...8, trunk: "0"),
        cc(383, "XK", 8...9, trunk: "0"),
        cc(385, "HR", 8...9, trunk: "0"),
        cc(386, "SI", 8...8, trunk: "0"),
        cc(387, "BA", 8...9, trunk: "0"),
        cc(389, "MK", 8...8, trunk: "0"),
        cc(420, "CZ", 9...9),
        cc(421, "SK", 9...9, trunk: "0"),
        cc(423, "LI", 7...9),
        cc(500, "FK", 5...5),
        cc(501, "BZ", 7...7),
        cc(502, "GT", 8...8),
        cc(503, "SV", 8...8),
        cc(504, "HN", 8...8),
        cc(505, "NI", 8...8),
        cc(506, "CR", 8...8),
        cc(507, "PA", 7...8),
        cc(508, "PM", 6...6),
        cc(509, "HT", 8...8),
        cc(590, "GP", 9...9, trunk: "0"),
        cc(591, "BO", 8...8, trunk: "0"),
        cc(592, "GY", 7...7),
        cc(593, "EC", 8...9, trunk: "0"),
        cc(594, "GF", 9...9, trunk: "0"),
        cc(595, "PY", 6...9, trunk: "0"),
        cc(596, "MQ", 9...9, trunk: "0"),
        cc(597, "SR", 6...7),
        cc(598, "UY", 8...8, trunk: "0"),
        cc(599, "CW", 7...8),
        cc(670, "TL", 7...8),
        cc(672, "NF", 6...6),
        cc(673, "BN", 7...7),
        cc(674, "NR", 7...7),
        cc(675, "PG", 7...8),
        cc(676, "TO", 5...7),
        cc(677, "SB", 5...7),
        cc(678, "VU", 5...7),
        cc(679, "FJ", 7...7),
        cc(680, "PW", 7...7),
        cc(681, "WF", 6...6),
        cc(682, "CK", 5...5),
        cc(683, "NU", 4...7),
        cc(685, "WS", 5...7),
        cc(686, "KI", 5...8),
        cc(687, "NC", 6...6),
        cc(688, "TV", 5...7),
        cc(689, "PF", 6...8),
        cc(690, "TK", 4...7),
        cc(691, "FM", 7...7),
        cc(692, "MH", 7...7),
        cc(800, "001", 8...8),
        cc(808, "001", 8...8),
        cc(850, "KP", 8...10, trunk: "0"),
        cc(852, "HK", 8...9),
        cc(853, "MO", 8...8),
        cc(855, "KH", 8...9, trunk: "0"),
        cc(856, "LA", 8...10, trunk: "0"),
        cc(870, "001", 9...9),
        cc(878, "001", 12...12),
        cc(880, "BD", 8...10, trunk: "0"),
        cc(881, "001", 9...10),
        cc(882, "001", 7...12),
        cc(883, "001", 9...12),
        cc(886, "TW", 8...9, trunk: "0"),
        cc(888, "001", 11...11),
        cc(960, "MV", 7...7),
        cc(961, "LB", 7...8, trunk: "0"),
        cc(962, "JO", 8...9, trunk: "0"),
        cc(963, "SY", 8...9, trunk: "0"),
        cc(964, "IQ", 8...10, trunk: "0"),
        cc(965, "KW", 8...8),
        cc(966, "SA", 9...9, trunk: "0"),
        cc(967, "YE", 7...9, trunk: "0"),
        cc(968, "OM", 8...8),
        cc(970, "PS", 8...9, trunk: "0"),
        cc(971, "AE", 8...9, trunk: "0"),
        cc(972, "IL", 8...9, trunk: "0"),
        cc(973, "BH", 8...8),
        cc(974, "QA", 7...8),
        cc(975, "BT", 7...8),
        cc(976, "MN", 8...8, trunk: "0"),
        cc(977, "NP", 8...10, trunk: "0"),
        cc(979, "001", 9...9),
        cc(992, "TJ", 9...9),
        cc(993, "TM", 8...8, trunk: "8"),
        cc(994, "AZ", 9...9, trunk: "0"),
        cc(995, "GE", 9...9, trunk: "0"),
        cc(996, "KG", 9...9, trunk: "0"),
        cc(998, "UZ", 9...9),
    ]

    /// `all` indexed by code, for a constant-time lookup.
    static let byCode: [CallingCode?] = {
        var table = [CallingCode?](repeating: nil, count: 1000)
        for c in all { table[c.code] = c }
        return table
    }()

    /// The calling code that `digits` starts with. E.164 codes form a prefix-free
    /// set, so at most one of the 1-, 2- and 3-digit prefixes is assigned.
    static func prefix<C: RandomAccessCollection>(of digits: C) -> CallingCode? where C.Element == UInt8, C.Index == Int {
        var value = 0
        var i = digits.startIndex
        for _ in 0..<3 {
            guard i < digits.endIndex else { return nil }
            value = value * 10 + Int(digits[i] &- 0x30)
            if let c = byCode[value] { return c }
            i += 1
        }
        return nil
    }
}
