// The policy's "never a finding" list as it applies to digit runs: dates,
// years and ranges, IP addresses, card and social security numbers, ZIP+4
// codes, amounts written with thousands separators, decimals (also in
// coordinates), and placeholder runs. Each check looks
// only at the digits and their grouping; the words around a number (order,
// invoice, units, currency) are `PhoneContext`'s business, and what touches
// the number (letters, `$`, `%`) is the scanner's.

enum NotAPhone {
    /// Why a shape is not a phone number, or nil if nothing here rules it out.
    static func reason(_ s: NumberShape) -> String? {
        let n = s.count
        guard n > 0 else { return "empty" }
        if s.digits.allSatisfy({ $0 == s.digits[0] }) { return "one digit repeated" }
        if s.plus { return nil }
        let g = s.groups
        if g.count == 4 && s.separatorsAll(.dot) && g.allSatisfy({ $0 <= 3 })
            && (0..<4).allSatisfy({ s.value(ofGroup: $0) <= 255 }) {
            return "IP address"
        }
        if n >= 13 && (g.count == 1 || g.dropLast().allSatisfy({ $0 == 4 })) && luhnValid(s.digits) {
            return "payment card number"
        }
        if g.count == 2 && g[0] == 4 && g[1] == 4 && isYear(s.value(ofGroup: 0)) && isYear(s.value(ofGroup: 1)) {
            return "years"
        }
        if g.count == 2 && s.separators[0].contains(.dash) && s.group(1).suffix(2).elementsEqual("00".utf8)
            && s.group(0).last == UInt8(ascii: "0") {
            return "range of round numbers"
        }
        if s.grouped(3, 2, 4) && s.separatorsAll(.dash) { return "social security number" }
        if s.separators.contains(.dot) && s.separators.contains(where: { $0 != .dot && !$0.contains(.paren) }) {
            // Phones written with dots use them throughout ("415.555.0132"); a dot next
            // to other separators is a decimal point ("51.5074 -0.1278").
            return "decimal numbers"
        }
        if g.count == 2 && g[0] == 5 && g[1] == 4 && s.separators[0] == .dash && !s.afterPhoneWord {
            // "04931-4955" after "Tel." is a German number; alone it reads as a ZIP+4 code.
            return "ZIP+4 code"
        }
        if g.count >= 3 && g[0] <= 3 && g.dropFirst().allSatisfy({ $0 == 3 })
            && s.group(g.count - 1).elementsEqual("000".utf8)
            && (s.separatorsAll(.space) || s.separatorsAll(.dot) || s.separatorsAll(.comma)) {
            return "amount with thousands separators"
        }
        if g.count == 2 && s.separators[0] == .dot && g[0] <= 3
            && (s.group(0).elementsEqual("0".utf8) || g[1] >= 5) {
            return "decimal number"
        }
        if g.count == 1 && n >= 8 && longestConsecutiveRun(s.digits) >= 9 { return "placeholder digit run" }
        if s.spacedOut && isConsecutiveRun(s.digits) { return "counting" }
        return nil
    }

    /// How many groups at the start form a date ("21.6.1984 …", "2012-01-02 08"),
    /// a day and month ("06/21 …") or a range of years ("1979-2011 …"): 0 if none.
    static func leadingDateGroups(_ s: NumberShape) -> Int {
        dateGroups(s, fromStart: true)
    }

    /// Like `leadingDateGroups`, at the end ("… 033316005 21.6.1984").
    static func trailingDateGroups(_ s: NumberShape) -> Int {
        dateGroups(s, fromStart: false)
    }

    private static func dateGroups(_ s: NumberShape, fromStart: Bool) -> Int {
        let count = s.groups.count
        // Index of the k-th group from the chosen end, and of the separator after it (toward the middle).
        func gi(_ k: Int) -> Int { fromStart ? k : count - 1 - k }
        func sep(_ k: Int) -> Separators { fromStart ? s.separators[k] : s.separators[count - 2 - k] }
        func len(_ k: Int) -> Int { s.groups[gi(k)] }
        func val(_ k: Int) -> Int { s.value(ofGroup: gi(k)) }
        let dateSeparators: [Separators] = [.dash, .slash, .dot]

        if count >= 3 {
            let s0 = sep(0), s1 = sep(1)
            if s0 == s1 && dateSeparators.contains(s0) && (count == 3 || sep(2) != s0) {
                // Read in text order whichever end we start from.
                let (a, b, c) = fromStart ? (0, 1, 2) : (2, 1, 0)
                if isDate(val(a), len(a), val(b), len(b), val(c), len(c)) { return 3 }
            }
        }
        if count >= 2 {
            let s0 = sep(0)
            let apart = count == 2 || sep(1).contains(.space)
            let (a, b) = fromStart ? (0, 1) : (1, 0)
            if apart && s0 == .slash && len(a) <= 2 && len(b) <= 2 && isDayAndMonth(val(a), val(b)) { return 2 }
            if apart && s0 == .dash && len(a) == 4 && len(b) == 4 && isYear(val(a)) && isYear(val(b)) { return 2 }
        }
        return 0
    }

    private static func isDate(_ v0: Int, _ l0: Int, _ v1: Int, _ l1: Int, _ v2: Int, _ l2: Int) -> Bool {
        if l0 == 4 && isYear(v0) && l1 <= 2 && l2 <= 2 { return (1...12).contains(v1) && (1...31).contains(v2) }
        if l0 <= 2 && l1 <= 2 && (l2 == 2 || (l2 == 4 && isYear(v2))) { return isDayAndMonth(v0, v1) }
        return false
    }

    private static func isDayAndMonth(_ a: Int, _ b: Int) -> Bool {
        ((1...31).contains(a) && (1...12).contains(b)) || ((1...12).contains(a) && (1...31).contains(b))
    }

    static func isYear(_ v: Int) -> Bool { (1900...2099).contains(v) }

    /// The Luhn checksum that every payment card number satisfies.
    static func luhnValid<C: RandomAccessCollection>(_ digits: C) -> Bool where C.Element == UInt8, C.Index == Int {
        var sum = 0
        var double = false
        for b in digits.reversed() {
            var d = Int(b &- 0x30)
            if double {
                d *= 2
                if d > 9 { d -= 9 }
            }
            sum += d
            double.toggle()
        }
        return sum % 10 == 0
    }

    /// The longest stretch of digits each one more (or one less) than the one
    /// before ("…12345678…"); 9 → 0 continues an ascending stretch.
    static func longestConsecutiveRun<C: RandomAccessCollection>(_ digits: C) -> Int where C.Element == UInt8, C.Index == Int {
        guard !digits.isEmpty else { return 0 }
        var best = 1, up = 1, down = 1
        for i in 1..<digits.count {
            let a = Int(digits[i - 1] &- 0x30), b = Int(digits[i] &- 0x30)
            up = b == (a + 1) % 10 ? up + 1 : 1
            down = b == a - 1 ? down + 1 : 1
            best = max(best, up, down)
        }
        return best
    }

    /// "0123456789", "987654321": each digit one more (or one less) than the one before.
    static func isConsecutiveRun<C: RandomAccessCollection>(_ digits: C) -> Bool where C.Element == UInt8, C.Index == Int {
        guard digits.count >= 3 else { return false }
        let step = Int(digits[1]) - Int(digits[0])
        guard step == 1 || step == -1 else { return false }
        for i in 1..<digits.count where Int(digits[i]) - Int(digits[i - 1]) != step {
            // "7890": 9 → 0 continues an ascending run.
            if !(step == 1 && digits[i - 1] == UInt8(ascii: "9") && digits[i] == UInt8(ascii: "0")) { return false }
        }
        return true
    }
}
