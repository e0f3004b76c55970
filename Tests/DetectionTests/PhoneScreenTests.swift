import Testing
@testable import Detection
import TestSupport

/// Where the phone scanner's screen (`PhoneRecognizer.screenDigits`: a text with fewer
/// digits is not scanned) may stand. The scanner reports a number only from `evaluate`,
/// which wants seven digits, or five right after a "+"; after a "+" the reader wants a
/// calling code and a national number of at least four digits (or one its plan admits),
/// and no one-digit code (1, 7) admits four. So the shortest phone is six digits: "+49 4155",
/// "+43 1234". These tests hold the screen to exactly that: no text of five digits holds a
/// phone (every "+" and five digits, and texts of five digits in every shape the scanner
/// loosens for), and texts of six digits do, and are found with the screen on.
@Suite struct PhoneScreenTests {
    static let unscreened: PhoneRecognizer = {
        var r = PhoneRecognizer()
        r.screens = false
        return r
    }()

    static func fiveDigits(_ v: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: 5 - s.count) + s
    }

    @Test func theScreenStandsAtTheShortestPhone() {
        #expect(PhoneRecognizer.screenDigits == 6)
        #expect(PhoneRecognizer().screens)
    }

    /// All 100,000 runs of five digits after a "+": the reader reads none (with a "+" only
    /// the digits count, not their grouping).
    @Test func noPlusAndFiveDigitsReadsAsAPhone() {
        var read: [String] = []
        for v in 0..<100_000 {
            let written = "+" + Self.fiveDigits(v)
            if let r = PhoneReader.read(NumberShape(written)) { read.append("\(written) as \(r.normalized)") }
        }
        #expect(read.isEmpty, "read as phones: \(read.prefix(10))")
    }

    /// Texts of exactly five digits in the shapes the scanner loosens for (a "+", a phone
    /// word, an extension, a trunk 0, brackets, spelled digits, digits of other scripts),
    /// through the phone recognizer with its screen off: no phone.
    @Test func noTextOfFiveDigitsHoldsAPhone() {
        var texts: [String] = []
        let spelled = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        var random = SplitMix64(seed: 61)
        // One run of five digits in 37, cut in two at a random place by a random separator,
        // after "+", in brackets, behind a trunk 0 (its last digit dropped), with "ext",
        // after a phone word and before an extension word.
        for v in stride(from: 0, to: 100_000, by: 37) {
            let d = Array(Self.fiveDigits(v))
            let cut = random.int(1...4)
            let head = String(d.prefix(cut)), tail = String(d.dropFirst(cut))
            let sep = random.pick([" ", "-", ".", "/", " - ", ""])
            let trunk = "0" + String(d.prefix(cut)) + sep + String(d.prefix(4).dropFirst(cut))
            for number in ["+\(head)\(sep)\(tail)", "+(\(head)) \(tail)", "(+\(head)) \(tail)", trunk,
                           "(\(head)) \(tail)", "+\(head) ext \(tail)", "\(head)\(sep)\(tail)"] {
                texts.append(random.pick(["", "call me at ", "tel: ", "whatsapp ", "my number is ", "phone "]) + number
                             + random.pick(["", " thanks", " ext. ", " x"]))
            }
        }
        // Written digit by digit, spelled or in other scripts, with a lead word.
        for _ in 0..<2000 {
            var parts: [String] = []
            for _ in 0..<5 {
                let x = random.int(0...9)
                switch random.next() % 4 {
                case 0: parts.append(spelled[x])
                case 1: parts.append(["٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩"][x])
                case 2: parts.append(["０", "１", "２", "３", "４", "５", "６", "７", "８", "９"][x])
                default: parts.append(String(x))
                }
            }
            let sep = random.pick([" ", "", "-", ".", " 🔹 ", "\u{200B}"])
            texts.append(random.pick(["", "+", "call ", "text me ", "ring ", "tel. "]) + parts.joined(separator: sep))
        }
        var phones: [String] = []
        var checked = 0
        for text in texts {
            let normalized = Harness.normalizer.normalize(text)
            let digits = normalized.bytes.filter { $0 &- 0x30 < 10 }.count
            guard digits == 5 else { continue }
            checked += 1
            var candidates: [Candidate] = []
            Self.unscreened.recognize(normalized, into: &candidates)
            if !candidates.isEmpty { phones.append(text) }
        }
        #expect(checked > 18000)
        #expect(phones.isEmpty, "phones in texts of five digits: \(phones.prefix(10).map(\.debugDescription))")
    }

    /// Six digits: "+", a calling code and a short national number, for every code whose
    /// plan lets the reader take four (or fewer) national digits after a "+". Found, and
    /// found the same with the screen on (a screen at seven digits loses them).
    @Test func sixDigitPhonesAreFoundWithTheScreenOn() {
        var texts: [String] = []
        for code in CallingCodes.all where code.codeLength >= 2 {
            let national = String("4155012".prefix(6 - code.codeLength))
            for lead in ["", "call me at ", "whatsapp: "] {
                texts.append("\(lead)+\(code.code) \(national)")
            }
        }
        let kinds = ScreeningDifferentialTests.check(texts)
        // With this national number (4155), AT, DE, IT, NO, AU, CU and more read it.
        #expect(kinds[.phone, default: 0] >= 15)
        var screenedPhones = 0
        for text in texts {
            let normalized = Harness.normalizer.normalize(text)
            #expect(normalized.bytes.filter { $0 &- 0x30 < 10 }.count == 6)
            var candidates: [Candidate] = []
            PhoneRecognizer().recognize(normalized, into: &candidates)
            screenedPhones += candidates.isEmpty ? 0 : 1
        }
        #expect(screenedPhones == kinds[.phone, default: 0])
    }
}
