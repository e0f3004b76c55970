// The numbering-plan rules on their own (digits and grouping in, a reading or
// nothing out), the "not a phone" checks, and the byte scanner held against a
// slow, obviously correct implementation on random texts.
import Foundation
import Testing
@testable import Detection
import TestSupport

@Suite("Phone readings: which grouped digit runs are phone numbers")
struct PhoneReaderTests {
    static let readings: [(String, String?)] = [
        // International: + or a dialling prefix, then a valid code and length.
        ("+1 415 555 0132", "+14155550132"),
        ("+44 (0)20 7946 0958", "+442079460958"),
        ("+33 3 34 23 12", "+333342312"),          // a digit or two short after a +: still a phone
        ("+49-49-34", "+494934"),
        ("+999 123 456 789", nil),                // no such country code
        ("+44 12", nil),
        ("0064 3 331 6005", "+6433316005"),
        ("0011 650 333 6000", "+16503336000"),
        ("0081 650 333 6000", "+16503336000"),
        // North America
        ("415 555 0132", "+14155550132"),
        ("(415) 555-0132", "+14155550132"),
        ("1 415 555 0132", "+14155550132"),
        ("123-456-7890", "1234567890"),
        ("415 155 0132", "4151550132"),            // exchange 1xx: not NANP, but ten digits
        ("(20) 3346 1234", nil),                   // bracketed two-digit area code with a 0
        // Trunk prefix 0
        ("020 7946 0958", "02079460958"),
        ("033316005", "033316005"),
        ("0331 6005", nil),                         // 0 + 7 digits: too short alone
        ("04931-49", "0493149"),                    // German area code set apart
        ("0343 15 555 1212", "+5493435551212"),
        ("044 55 1234 5678", "+5215512345678"),
        ("091712345678", nil),                      // 0 + 11 digits unseparated
        ("0812 3456 7890", "081234567890"),
        // Bare runs: only with the lengths and groupings of big plans
        ("312 345 678", "312345678"),
        ("9123 4567", "91234567"),
        ("91 23 45 67", "91234567"),
        ("555-0199", "5550199"),
        ("5550199", nil),
        ("23456789", nil),
        ("2345 6789 1", nil),
        ("234567890112", nil),
        ("13812345678", "+8613812345678"),       // Chinese mobiles are written unseparated
        ("12125550132", "+12125550132"),
        ("8 912 345 67 89", "+79123456789"),
        ("11 98456 5666", "+5511984565666"),
        ("1300 123 456", "+611300123456"),
        ("91 415 555 0132", "+914155550132"),
        ("4 8 15 16 23 42", nil),
    ]

    @Test("readings by shape", arguments: readings)
    func reading(_ written: String, _ normalized: String?) {
        #expect(PhoneReader.read(NumberShape(written))?.normalized == normalized)
    }

    @Test("a phone word, an extension or spelling loosen what a bare run must look like")
    func loosened() {
        var s = NumberShape("5550199")
        #expect(PhoneReader.read(s) == nil)
        s.afterPhoneWord = true
        #expect(PhoneReader.read(s)?.normalized == "5550199")
        var e = NumberShape("03 3316 005")
        e.hasExtension = true
        #expect(PhoneReader.read(e) != nil)
        var w = NumberShape("555 01 99")
        #expect(PhoneReader.read(w) == nil)
        w.spelled = true
        #expect(PhoneReader.read(w)?.normalized == "5550199")
    }

    static let notPhones: [(String, String)] = [
        ("4111 1111 1111 1111", "payment card number"),
        ("378282246310005", "payment card number"),
        ("192.168.100.200", "IP address"),
        ("1999 2020", "years"),
        ("3000-4000", "range of round numbers"),
        ("94105-1234", "ZIP+4 code"),
        ("250 000 000", "amount with thousands separators"),
        ("0.4156667777", "decimal number"),
        ("3.14159265", "decimal number"),
        ("0123456789", "placeholder digit run"),
        ("1 2 3 4 5 6 7", "counting"),
        ("5555555555", "one digit repeated"),
    ]

    @Test("what is ruled out, and why", arguments: notPhones)
    func ruledOut(_ written: String, _ reason: String) {
        let s = NumberShape(written)
        #expect(NotAPhone.reason(s) == reason)
        #expect(PhoneReader.read(s) == nil)
    }

    @Test("numbers that look like the ruled-out kinds are not ruled out", arguments: [
        "415 555 0132", "06 12 34 56 78", "+44 20 7946 0958", "0412 345 678", "312 345 678", "123-456-7890",
    ])
    func notRuledOut(_ written: String) {
        #expect(NotAPhone.reason(NumberShape(written)) == nil)
    }

    static let dates: [(String, Int, Int)] = [
        ("2012-01-02 08", 3, 0),
        ("21.6.1984 033316005", 3, 0),
        ("06/21 033316005", 2, 0),
        ("1979-2011 100", 2, 0),
        ("033316005 21.6.1984", 0, 3),
        ("10/12/82", 3, 3),
        ("01-12-45-67-89", 0, 0),      // a phone written with dashes, not a date and more
        ("06 87 49 77 56", 0, 0),
        ("415-555-0132", 0, 0),
    ]

    @Test("dates at either end of a chain are cut off", arguments: dates)
    func datesAtEnds(_ written: String, _ leading: Int, _ trailing: Int) {
        let s = NumberShape(written)
        #expect(NotAPhone.leadingDateGroups(s) == leading)
        #expect(NotAPhone.trailingDateGroups(s) == trailing)
    }

    @Test("Luhn and consecutive-run checks agree with slow string versions")
    func checksumDifferential() {
        var rng = SplitMix64(seed: 11)
        for _ in 0..<2000 {
            let n = Int.random(in: 1...19, using: &rng)
            let digits = (0..<n).map { _ in UInt8.random(in: 0x30...0x39, using: &rng) }
            let text = String(decoding: digits, as: UTF8.self)
            #expect(NotAPhone.luhnValid(digits) == slowLuhn(text), "\(text)")
            #expect(NotAPhone.longestConsecutiveRun(digits) == slowLongestRun(text), "\(text)")
        }
        #expect(NotAPhone.luhnValid(Array("4111111111111111".utf8)))
        #expect(!NotAPhone.luhnValid(Array("4111111111111112".utf8)))
    }

    private func slowLuhn(_ s: String) -> Bool {
        let values = s.reversed().enumerated().map { i, c -> Int in
            let d = c.wholeNumberValue!
            if i % 2 == 0 { return d }
            let doubled = d * 2
            return doubled > 9 ? doubled - 9 : doubled
        }
        return values.reduce(0, +) % 10 == 0
    }

    private func slowLongestRun(_ s: String) -> Int {
        let d = s.map { $0.wholeNumberValue! }
        var best = d.isEmpty ? 0 : 1
        for start in d.indices {
            for step in [1, -1] {
                var end = start + 1
                while end < d.count && (d[end] == (d[end - 1] + step + 10) % 10) && !(step == -1 && d[end - 1] == 0) {
                    end += 1
                }
                best = max(best, end - start)
            }
        }
        return best
    }
}

@Suite("Phone scanner against a slow reference")
struct PhoneScannerDifferentialTests {
    /// Words that are in no context list and start no extension.
    static let words = ["hello", "we", "ok", "see", "you", "soon", "great", "thanks", "bye", "yes"]
    static let breaks = [", ", " ; ", " and ", " or ", "! ", "\n"]
    static let separators = [" ", "-", ".", "/"]

    /// A number as written, with its groups; never longer than 13 digits, never
    /// with one-digit groups or two spaces, so the reference needs no splitting.
    struct Written {
        var text: String
        var groups: [String]
        var separator: String
        var plus: Bool
        var bracketFirst: Bool

        func rewritten(dropping first: Int, last: Int) -> String {
            let kept = Array(groups[first..<(groups.count - last)])
            var t = kept.joined(separator: separator)
            if first == 0 && bracketFirst && kept.count > 1 {
                t = "(" + kept[0] + ") " + kept.dropFirst().joined(separator: separator)
            }
            if first == 0 && plus { t = "+" + t }
            return t
        }
    }

    static func randomNumber(_ rng: inout SplitMix64) -> Written {
        var groups: [String] = []
        var total = 0
        let count = Int.random(in: 1...5, using: &rng)
        for _ in 0..<count {
            let len = Int.random(in: 2...5, using: &rng)
            guard total + len <= 13 else { break }
            let g = (0..<len).map { _ in UInt8.random(in: 0x30...0x39, using: &rng) }
            groups.append(String(decoding: g, as: UTF8.self))
            total += len
        }
        let separator = separators.randomElement(using: &rng)!
        let plus = Int.random(in: 0..<5, using: &rng) == 0
        let bracketFirst = !plus && groups.count > 1 && Int.random(in: 0..<5, using: &rng) == 0
        var w = Written(text: "", groups: groups, separator: separator, plus: plus, bracketFirst: bracketFirst)
        w.text = w.rewritten(dropping: 0, last: 0)
        return w
    }

    /// What the reference expects for one number token: the part of it that is a
    /// phone once dates are cut off its ends, as written, or nil.
    static func expected(_ w: Written) -> String? {
        let lo = NotAPhone.leadingDateGroups(NumberShape(w.text))
        guard lo < w.groups.count else { return nil }
        var hi = 0
        if w.groups.count - lo >= 2 {
            hi = NotAPhone.trailingDateGroups(NumberShape(w.rewritten(dropping: lo, last: 0)))
        }
        guard lo + hi < w.groups.count else { return nil }
        let text = w.rewritten(dropping: lo, last: hi)
        return PhoneReader.read(NumberShape(text)) != nil ? text : nil
    }

    @Test("segmentation, shapes and spans match a string-level reference on random texts")
    func randomTexts() {
        var rng = SplitMix64(seed: 2024)
        var checked = 0
        for _ in 0..<3000 {
            var text = ""
            var expectedPhones: [String] = []
            for k in 0..<Int.random(in: 1...6, using: &rng) {
                if k > 0 { text += Self.breaks.randomElement(using: &rng)! }
                if Bool.random(using: &rng) {
                    text += Self.words.randomElement(using: &rng)! + " "
                }
                let w = Self.randomNumber(&rng)
                text += w.text
                if let e = Self.expected(w) { expectedPhones.append(e) }
            }
            let found = phoneSubstrings(in: text)
            #expect(found == expectedPhones, "\(text.debugDescription)")
            checked += expectedPhones.count
        }
        #expect(checked > 500, "the generator should produce many phones (\(checked))")
    }

    @Test("on arbitrary text, spans are in bounds, ordered, disjoint and start and end where a number can")
    func invariants() {
        var rng = SplitMix64(seed: 99)
        let alphabet = Array("0123456789 -./()+~x#,:;abé5６٣\u{00A0}–📞".unicodeScalars)
        for _ in 0..<3000 {
            let n = Int.random(in: 0...60, using: &rng)
            var s = String.UnicodeScalarView()
            for _ in 0..<n { s.append(alphabet.randomElement(using: &rng)!) }
            let text = String(s)
            let scalars = Array(text.unicodeScalars)
            var previousEnd = 0
            for m in PhoneTestNormalizer.phones(in: text) {
                #expect(m.start >= previousEnd && m.start < m.end && m.end <= scalars.count, "\(text.debugDescription)")
                previousEnd = m.end
                let first = scalars[m.start], last = scalars[m.end - 1]
                #expect(first == "+" || first == "(" || first.properties.numericType == .decimal, "\(text.debugDescription)")
                #expect(last.properties.numericType == .decimal || last == "#", "\(text.debugDescription)")
            }
        }
    }
}
