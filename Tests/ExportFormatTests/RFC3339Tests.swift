import Foundation
import Testing
import TestSupport
@testable import ExportFormat

@Suite struct RFC3339Tests {
    static let base: Int64 = 1_593_597_900  // 2020-07-01T10:05:00Z

    static let knownAnswers: [(String, Int64)] = [
        ("2020-07-01T10:05:00Z", base * 1_000_000_000),
        ("2020-07-01T10:05:00.25Z", base * 1_000_000_000 + 250_000_000),
        ("2020-07-01T10:05:00.123456789Z", base * 1_000_000_000 + 123_456_789),
        ("2020-07-01T10:05:00.000000001Z", base * 1_000_000_000 + 1),
        // Past nine digits the fraction is truncated, never rounded up.
        ("2020-07-01T10:05:00.1234567891Z", base * 1_000_000_000 + 123_456_789),
        ("2020-07-01T10:05:00.999999999999999Z", base * 1_000_000_000 + 999_999_999),
        ("2020-07-01t10:05:00z", base * 1_000_000_000),
        ("2020-07-01T12:05:00+02:00", base * 1_000_000_000),
        ("2020-07-01T04:35:00-05:30", base * 1_000_000_000),
        ("2020-07-01T10:05:00-00:00", base * 1_000_000_000),
        ("2020-07-02T09:04:00+22:59", base * 1_000_000_000),
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59.5Z", -500_000_000),
        ("2000-02-29T00:00:00Z", 951_782_400 * 1_000_000_000),
        ("1900-03-01T00:00:00Z", -2_203_891_200 * 1_000_000_000),
        // A leap second is the first instant of the next UTC day.
        ("2016-12-31T23:59:60Z", 1_483_228_800 * 1_000_000_000),
        ("2016-12-31T23:59:60.5Z", 1_483_228_800 * 1_000_000_000 + 500_000_000),
        ("2017-01-01T01:59:60+02:00", 1_483_228_800 * 1_000_000_000),
        ("2016-12-31T18:29:60-05:30", 1_483_228_800 * 1_000_000_000),
        // The ends of the representable range.
        ("1677-09-21T00:12:43.145224192Z", Int64.min),
        ("2262-04-11T23:47:16.854775807Z", Int64.max),
    ]

    @Test(arguments: knownAnswers)
    func exactNanoseconds(_ text: String, _ expected: Int64) {
        #expect(Timestamp(rfc3339: text)?.nanosecondsSinceEpoch == expected)
        // The Substring path and the byte path agree.
        #expect(Timestamp(rfc3339: ("[" + text + "]").dropFirst().dropLast())?.nanosecondsSinceEpoch == expected)
    }

    static let rejected: [String] = [
        "", "2020-07-01", "2020-07-01T10:05:00",
        "2020-02-30T00:00:00Z", "2021-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2020-04-31T00:00:00Z",
        "2020-13-01T00:00:00Z", "2020-00-01T00:00:00Z", "2020-01-00T00:00:00Z", "2020-01-32T00:00:00Z",
        "2020-07-01T24:00:00Z", "2020-07-01T10:60:00Z", "2020-07-01T10:05:61Z",
        "2020-07-01T10:59:60Z", "2016-12-31T23:59:60+01:00", "2016-12-31T23:58:60Z",
        "2020-07-01 10:05:00Z", "2020-07-01_10:05:00Z", " 2020-07-01T10:05:00Z", "2020-07-01T10:05:00Z ",
        "2020-07-01T10:05:00Zx", "2020-07-01T10:05:00 Z",
        "2020-07-01T10:05:00+02", "2020-07-01T10:05:00+0200", "2020-07-01T10:05:00+24:00",
        "2020-07-01T10:05:00+02:60", "2020-07-01T10:05:00+02:00:00", "2020-07-01T10:05:00+2:00",
        "2020-07-01T10:05:00.Z", "2020-07-01T10:05:00,5Z", "2020-07-01T10:05:00.5",
        "2020-07-01T10:05:00.12a4Z", "2020-7-01T10:05:00Z", "+2020-07-01T10:05:00Z", "20200-07-01T10:05:00Z",
        "2020-07-01T1:05:00Z", "２０２０-07-01T10:05:00Z", "2020-07-01T10:05:00\u{0}Z",
        "1677-09-21T00:12:43.145224191Z", "2262-04-11T23:47:16.854775808Z",
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
    ]

    @Test(arguments: rejected)
    func rejectsWhatIsNotAStrictInstant(_ text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func roundTripsItsOwnOutput() {
        var rng = SplitMix64(seed: 3339)
        for _ in 0..<5_000 {
            let t = Timestamp(nanosecondsSinceEpoch: Int64(bitPattern: rng.next()))
            #expect(Timestamp(rfc3339: t.rfc3339) == t)
        }
    }

    // MARK: - Differential against Foundation

    /// Foundation's parser, the trusted slow implementation. It is laxer than we
    /// are (it rolls February 30 over, accepts hour 24, `:60` anywhere, trailing
    /// junk) and holds a Double, so it is the oracle for the instant where we both
    /// accept and for "well-formed and possible ⇒ accepted", not for rejections.
    static func foundationSeconds(_ text: String) -> Double? {
        // Foundation knows neither lower-case `t`/`z` nor more than nine fraction digits.
        var s = text.replacingOccurrences(of: "t", with: "T").replacingOccurrences(of: "z", with: "Z")
        if let dot = s.firstIndex(of: ".") {
            let digits = s[s.index(after: dot)...].prefix { $0.isASCII && $0.isNumber }
            if digits.count > 9 {
                s.removeSubrange(digits.index(digits.startIndex, offsetBy: 9)..<digits.endIndex)
            }
        }
        // Nor offsets beyond ±18:00 (its TimeZone's limit): those are read as UTC and
        // the offset is applied here.
        var shift = 0.0
        if let m = s.wholeMatch(of: /(.*)([+-])(\d\d):(\d\d)/), Int(m.3)! * 60 + Int(m.4)! > 18 * 60 {
            shift = Double(Int(m.3)! * 3600 + Int(m.4)! * 60) * (m.2 == "-" ? 1 : -1)
            s = String(m.1) + "Z"
        }
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: s.contains("."))
        return (try? style.parse(s)).map { $0.timeIntervalSince1970 + shift }
    }

    nonisolated(unsafe) static let strictShape = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/

    /// Whether a string of the strict shape names a possible date and time, decided by
    /// Foundation's Gregorian calendar (leap seconds and the Int64 range aside).
    static func isPossible(_ text: String) -> Bool? {
        guard let m = text.wholeMatch(of: strictShape) else { return false }
        let y = Int(m.1)!, mo = Int(m.2)!, d = Int(m.3)!, h = Int(m.4)!, mi = Int(m.5)!, s = Int(m.6)!
        if s == 60 { return nil }  // leap seconds: decided by known answers, not here
        if let oh = m.10, let om = m.11, Int(oh)! > 23 || Int(om)! > 59 { return false }
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = DateComponents(calendar: cal, year: y, month: mo, day: d, hour: h, minute: mi, second: s)
        guard y >= 1678, y <= 2261 else { return nil }  // the Int64 range: decided by known answers
        return c.isValidDate
    }

    static func randomInstantText(_ rng: inout SplitMix64) -> String {
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        let year = Int(rng.next(in: 1678...2261))
        let month = Int(rng.next(in: 1...12))
        let maxDay = Int(Timestamp.daysInMonth(Int64(year), Int64(month)))
        var s = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(Int(rng.next(in: 1...UInt64(maxDay))), 2)
        s += rng.next(in: 0...9) == 0 ? "t" : "T"
        s += pad(Int(rng.next(in: 0...23)), 2) + ":" + pad(Int(rng.next(in: 0...59)), 2) + ":"
        s += pad(Int(rng.next(in: 0...59)), 2)
        if rng.next(in: 0...1) == 0 {
            s += "." + (0..<rng.next(in: 1...12)).map { _ in String(rng.next(in: 0...9)) }.joined()
        }
        switch rng.next(in: 0...3) {
        case 0: s += "Z"
        case 1: s += "z"
        default:
            s += (rng.next(in: 0...1) == 0 ? "+" : "-") + pad(Int(rng.next(in: 0...23)), 2) + ":"
                + pad(Int(rng.next(in: 0...59)), 2)
        }
        return s
    }

    /// One random edit: a digit changed, a byte dropped or inserted.
    static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var b = Array(text.utf8)
        let alphabet = Array("0123456789-:.TtZz+ 9".utf8)
        let k = Int(rng.next(in: 0...UInt64(b.count - 1)))
        switch rng.next(in: 0...2) {
        case 0: b[k] = alphabet[Int(rng.next(in: 0...UInt64(alphabet.count - 1)))]
        case 1: b.remove(at: k)
        default: b.insert(alphabet[Int(rng.next(in: 0...UInt64(alphabet.count - 1)))], at: k)
        }
        return String(decoding: b, as: UTF8.self)
    }

    @Test func agreesWithFoundationOnRandomInstants() {
        var rng = SplitMix64(seed: fuzzSeed(default: 20_200_701))
        for _ in 0..<3_000 {
            let text = Self.randomInstantText(&rng)
            let ours = Timestamp(rfc3339: text)
            let theirs = Self.foundationSeconds(text)
            #expect(ours != nil, "rejected \(text)")
            #expect(theirs != nil, "Foundation rejected \(text)")
            if let ours, let theirs {
                let diff = abs(Double(ours.nanosecondsSinceEpoch) / 1e9 - theirs)
                #expect(diff < 5e-6, "\(text): \(ours) vs \(theirs)")
            }
        }
    }

    @Test func agreesWithFoundationOnMutatedInstants() {
        var rng = SplitMix64(seed: fuzzSeed(default: 1_677_092_1))
        var accepted = 0, rejected = 0
        for _ in 0..<4_000 {
            var text = Self.randomInstantText(&rng)
            for _ in 0..<rng.next(in: 1...2) { text = Self.mutate(text, &rng) }
            let ours = Timestamp(rfc3339: text)
            if let ours {
                accepted += 1
                // Whatever we accept has the strict shape and Foundation reads the same instant.
                #expect(text.wholeMatch(of: Self.strictShape) != nil, "\(text)")
                let theirs = Self.foundationSeconds(text)
                #expect(theirs != nil, "Foundation rejected \(text), we read \(ours)")
                if let theirs {
                    #expect(abs(Double(ours.nanosecondsSinceEpoch) / 1e9 - theirs) < 5e-6, "\(text)")
                }
            } else {
                rejected += 1
                // Whatever is well-formed and possible is accepted.
                #expect(Self.isPossible(text) != true, "rejected a possible instant: \(text)")
            }
        }
        // The mutations must exercise both sides, or the test proves little.
        #expect(accepted > 200 && rejected > 200)
    }
}


/// `OFFPLATFORM_FUZZ_SEED` replaces the fixed seed, to explore beyond the usual cases.
func fuzzSeed(default value: UInt64) -> UInt64 {
    ProcessInfo.processInfo.environment["OFFPLATFORM_FUZZ_SEED"].flatMap(UInt64.init) ?? value
}
