// The phone recognizer as a user sees it: a text in, the phone numbers found
// out (as the original substrings), through the test normalizer. One table per
// concern — countries, disguises, extensions, international prefixes, context —
// and one per class of digit run that must be left alone.
import Testing
@testable import Detection

/// A text and the phone numbers expected in it, as substrings of the text in order.
struct PhoneExample: CustomTestStringConvertible, Sendable {
    let text: String
    let phones: [String]

    init(_ text: String, _ phones: String...) {
        self.text = text
        self.phones = phones
    }

    var testDescription: String { text.debugDescription }
}

/// The substrings the recognizer reports in `text`.
func phoneSubstrings(in text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return PhoneTestNormalizer.phones(in: text).map { m in
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[m.start..<m.end])
        return String(s)
    }
}

@Suite("Phone recognizer: numbers found without knowing the region")
struct PhoneRecognizerTests {
    static let byCountry: [PhoneExample] = [
        // North America (NANP), with and without the trunk 1
        .init("call me at (415) 555-0132 tonight", "(415) 555-0132"),
        .init("415-555-0132", "415-555-0132"),
        .init("415.555.0132", "415.555.0132"),
        .init("415 555 0132", "415 555 0132"),
        .init("4155550132", "4155550132"),
        .init("1-800-555-0199", "1-800-555-0199"),
        .init("1 (800) 555-0199", "1 (800) 555-0199"),
        .init("1 800 555 0199", "1 800 555 0199"),
        .init("+1 416 555 0199 (Toronto)", "+1 416 555 0199"),
        .init("800/555/0199", "800/555/0199"),
        .init("my landline 555-0199", "555-0199"),
        // United Kingdom
        .init("+44 20 7946 0958", "+44 20 7946 0958"),
        .init("+44 (0)20 7946 0958", "+44 (0)20 7946 0958"),
        .init("(020) 7946 0958", "(020) 7946 0958"),
        .init("07700 900123", "07700 900123"),
        .init("(0121) 496 0852", "(0121) 496 0852"),
        // Germany
        .init("+49 30 901820", "+49 30 901820"),
        .init("+49 (0)89 12345678", "+49 (0)89 12345678"),
        .init("089/12345678", "089/12345678"),
        .init("0151 12345678", "0151 12345678"),
        // France
        .init("06 12 34 56 78", "06 12 34 56 78"),
        .init("06.12.34.56.78", "06.12.34.56.78"),
        .init("+33 1 42 68 53 00", "+33 1 42 68 53 00"),
        .init("+33 (0)6 12 34 56 78", "+33 (0)6 12 34 56 78"),
        // Italy
        .init("+39 06 6982 1234", "+39 06 6982 1234"),
        .init("02-36618 300", "02-36618 300"),
        .init("333 123 4567", "333 123 4567"),
        .init("312 345 678", "312 345 678"),
        // Spain
        .init("+34 612 34 56 78", "+34 612 34 56 78"),
        .init("612 34 56 78", "612 34 56 78"),
        .init("91 123 45 67", "91 123 45 67"),
        // Netherlands
        .init("+31 6 12345678", "+31 6 12345678"),
        .init("06-12345678", "06-12345678"),
        // Poland
        .init("+48 512 345 678", "+48 512 345 678"),
        .init("512 345 678", "512 345 678"),
        // Argentina: mobile 9 after the code, 15 after the area code
        .init("+54 9 11 1234-5678", "+54 9 11 1234-5678"),
        .init("011 15 1234-5678", "011 15 1234-5678"),
        .init("0343 15 555 1212", "0343 15 555 1212"),
        .init("(011) 4321-5678", "(011) 4321-5678"),
        // Mexico: 044/045 mobile prefixes, 01 long distance, +52 1
        .init("+52 1 55 1234 5678", "+52 1 55 1234 5678"),
        .init("044 55 1234 5678", "044 55 1234 5678"),
        .init("045 33 1234-5678", "045 33 1234-5678"),
        .init("01 (449)978-0001", "01 (449)978-0001"),
        .init("(33) 3461 2234", "(33) 3461 2234"),
        // Brazil
        .init("+55 11 98456-5666", "+55 11 98456-5666"),
        .init("(11) 98456-5666", "(11) 98456-5666"),
        .init("11 98456-5666", "11 98456-5666"),
        // India
        .init("+91 98765 43210", "+91 98765 43210"),
        .init("98765 43210", "98765 43210"),
        .init("098765 43210", "098765 43210"),
        .init("022 2345 6789", "022 2345 6789"),
        // Australia, New Zealand
        .init("+61 412 345 678", "+61 412 345 678"),
        .init("0412 345 678", "0412 345 678"),
        .init("(02) 9876 5432", "(02) 9876 5432"),
        .init("1300 123 456", "1300 123 456"),
        .init("+64 21 123 4567", "+64 21 123 4567"),
        .init("03-331 6005", "03-331 6005"),
        // Singapore, Hong Kong
        .init("+65 9123 4567", "+65 9123 4567"),
        .init("9123 4567", "9123 4567"),
        .init("+852 9123 4567", "+852 9123 4567"),
        // Japan, China, Korea
        .init("090-1234-5678", "090-1234-5678"),
        .init("+81 3-1234-5678", "+81 3-1234-5678"),
        .init("13812345678", "13812345678"),
        .init("138 1234 5678", "138 1234 5678"),
        .init("010-1234-5678", "010-1234-5678"),
        .init("+86 10 1234 5678", "+86 10 1234 5678"),
        // Philippines, Turkey, Israel
        .init("0917 123 4567", "0917 123 4567"),
        .init("+63 917 123 4567", "+63 917 123 4567"),
        .init("0532 123 45 67", "0532 123 45 67"),
        .init("532 123 45 67", "532 123 45 67"),
        .init("+90 (532) 123 45 67", "+90 (532) 123 45 67"),
        .init("050-123-4567", "050-123-4567"),
        .init("09-7625400", "09-7625400"),
        // Africa
        .init("+27 82 123 4567", "+27 82 123 4567"),
        .init("082 123 4567", "082 123 4567"),
        .init("0803 123 4567", "0803 123 4567"),
        .init("+234 803 123 4567", "+234 803 123 4567"),
        .init("+254 712 345678", "+254 712 345678"),
        .init("0712 345678", "0712 345678"),
        .init("+20 10 1234 5678", "+20 10 1234 5678"),
        // Russia (trunk 8), Ukraine, Pakistan, Bangladesh, Indonesia, Vietnam
        .init("8 (912) 345-67-89", "8 (912) 345-67-89"),
        .init("+7 (912) 345-67-89", "+7 (912) 345-67-89"),
        .init("+380 50 123 4567", "+380 50 123 4567"),
        .init("0300 1234567", "0300 1234567"),
        .init("01712-345678", "01712-345678"),
        .init("0812-3456-7890", "0812-3456-7890"),
        .init("+84 912 345 678", "+84 912 345 678"),
        // A country code without +, set apart
        .init("91-415-555-0132", "91-415-555-0132"),
        .init("44 (0)20 7946 0958", "44 (0)20 7946 0958"),
    ]

    @Test("numbers of many countries, national and international", arguments: byCountry)
    func countries(_ e: PhoneExample) {
        #expect(phoneSubstrings(in: e.text) == e.phones)
    }

    static let disguises: [PhoneExample] = [
        .init("five five five zero one nine nine", "five five five zero one nine nine"),
        .init("five five five, 0 1 9 9", "five five five, 0 1 9 9"),
        .init("nine 1 seven 555 0199", "nine 1 seven 555 0199"),
        .init("call four one five, five five five, zero one three two",
              "four one five, five five five, zero one three two"),
        .init("4 1 5 5 5 5 0 1 3 2", "4 1 5 5 5 5 0 1 3 2"),
        .init("0 3   3 3 1   6 0 0 5", "0 3   3 3 1   6 0 0 5"),
        .init("４１５－５５５－０１３２", "４１５－５５５－０１３２"),
        .init("＋１　（４１５）　５５５－０１３２", "＋１　（４１５）　５５５－０１３２"),
        .init("٤١٥٥٥٥٠١٣٢", "٤١٥٥٥٥٠١٣٢"),
        .init("९८७६५ ४३२१०", "९८७६५ ४३२१०"),
        .init("555🔹0199", "555🔹0199"),
        .init("415•555•0132", "415•555•0132"),
        .init("415 – 555 – 0132", "415 – 555 – 0132"),
        .init("415\u{200B}555\u{200B}0132", "415\u{200B}555\u{200B}0132"),
        .init("4️⃣1️⃣5️⃣ 5️⃣5️⃣5️⃣ 0️⃣1️⃣3️⃣2️⃣", "4️⃣1️⃣5️⃣ 5️⃣5️⃣5️⃣ 0️⃣1️⃣3️⃣2"),
        .init("+44\u{00A0}20\u{00A0}7946\u{00A0}0958", "+44\u{00A0}20\u{00A0}7946\u{00A0}0958"),
        .init("(415)555-0132", "(415)555-0132"),
        .init("415/555-0132", "415/555-0132"),
        .init("415//555-0132", "415//555-0132"),
        .init("++1 (650) 333-6000", "++1 (650) 333-6000"),
        .init("(+41) 22 730 5989", "(+41) 22 730 5989"),
        .init("+44 (0) 7700 900123", "+44 (0) 7700 900123"),
        .init("4 1 5 - 5 5 5 - 0 1 3 2", "4 1 5 - 5 5 5 - 0 1 3 2"),
        .init("(1800) 7493.524", "(1800) 7493.524"),
    ]

    @Test("disguised and unusually written numbers", arguments: disguises)
    func disguised(_ e: PhoneExample) {
        #expect(phoneSubstrings(in: e.text) == e.phones)
    }

    static let extensions: [PhoneExample] = [
        .init("415-666-7777 ext. 503", "415-666-7777 ext. 503"),
        .init("4156667777 x 123", "4156667777 x 123"),
        .init("(523)222-8888x623", "(523)222-8888x623"),
        .init("(523)222-8888 EXT623", "(523)222-8888 EXT623"),
        .init("(800) 901-3355 , ext 7246433", "(800) 901-3355 , ext 7246433"),
        .init("(800) 901-3355 ,extension 7246433", "(800) 901-3355 ,extension 7246433"),
        .init("(800) 901-3355 ext: 7246433", "(800) 901-3355 ext: 7246433"),
        .init("03 3316005 #3456", "03 3316005 #3456"),
        .init("03-3316005 int.3456", "03-3316005 int.3456"),
        .init("0~0 1800 7493 524 ~1234", "0~0 1800 7493 524 ~1234"),
        .init("+44 2034567890  X 456", "+44 2034567890  X 456"),
        .init("0494949 ext. 49", "0494949 ext. 49"),
        // Not extensions: the number ends before them.
        .init("033316005;x 7246433", "033316005"),
        .init("Call 033316005/x12 more", "033316005"),
        .init("415-666-7777 xbox", "415-666-7777"),
    ]

    @Test("extensions belong to the span", arguments: extensions)
    func withExtensions(_ e: PhoneExample) {
        #expect(phoneSubstrings(in: e.text) == e.phones)
    }

    static let internationalPrefixes: [PhoneExample] = [
        .init("0064 3 331 6005", "0064 3 331 6005"),
        .init("01164 3 331 6005", "01164 3 331 6005"),
        .init("0011-650-333-6000", "0011-650-333-6000"),
        .init("0011 44 20 7946 0958", "0011 44 20 7946 0958"),
        .init("0081-650-333-6000", "0081-650-333-6000"),
        .init("0191-650-333-6000", "0191-650-333-6000"),
        .init("0~01-650-333-6000", "0~01-650-333-6000"),
        .init("0033 6 12 34 56 78", "0033 6 12 34 56 78"),
    ]

    @Test("international dialling prefixes instead of +", arguments: internationalPrefixes)
    func dialledAbroad(_ e: PhoneExample) {
        #expect(phoneSubstrings(in: e.text) == e.phones)
    }

    static let inContext: [PhoneExample] = [
        .init("Call 650-253-4561 -- 455-234-3451", "650-253-4561", "455-234-3451"),
        .init("415-666-7777 - 800-443-1223", "415-666-7777", "800-443-1223"),
        .init("(415) 666-7777 (800) 443-1223", "(415) 666-7777", "(800) 443-1223"),
        .init("4156667777 4156667778", "4156667777", "4156667778"),
        .init("$20 415-666-7777", "415-666-7777"),
        .init("415-666-7777 100$", "415-666-7777"),
        .init("我的电话号码是415-666-7777", "415-666-7777"),
        .init("请拨打415-666-7777我在明天", "415-666-7777"),
        .init("My number-415-666-7777", "415-666-7777"),
        .init("Tel:415-666-7777.", "415-666-7777"),
        .init("abc+14156667777", "+14156667777"),
        .init("É(415)6667777 def", "(415)6667777"),
        .init("(4156667777)", "4156667777"),
        .init("Call me on 21.6.1984 at 033316005", "033316005"),
        .init("It's only 9.99! Call 033316005 to buy", "033316005"),
        .init("Call me on 06/21 at 033316005", "033316005"),
        .init("on 12/03/2024 call 0412 345 678", "0412 345 678"),
        .init("at 10:30 4156667777", "4156667777"),
        .init("My address is CA 34215 - 415-666-7777 is my number.", "415-666-7777"),
        .init("My number is (415) 666 7777. 34215 is my zip-code.", "(415) 666 7777"),
        .init("call 5550199", "5550199"),
        .init("Phone: 5321234567", "5321234567"),
        .init("whatsapp: 91234567", "91234567"),
        .init("text me at 07700900123 or email", "07700900123"),
        .init("Phone 415-555-0132 - 24/7", "415-555-0132"),
        .init("415-555-0132 - 415-555-0133", "415-555-0132", "415-555-0133"),
        .init("415-555-0132/0133", "415-555-0132"),
        .init("+1 650 333 6000 / +1 650 333 6001", "+1 650 333 6000", "+1 650 333 6001"),
        .init("numbers: 0412345678, 0412345679", "0412345678", "0412345679"),
        .init("07700 900 123 or 07700 900 124", "07700 900 123", "07700 900 124"),
        .init("(mobile 0412 345 678)", "0412 345 678"),
        .init("call me: +44 7700 900123.", "+44 7700 900123"),
        .init("Tel. 04931-4955", "04931-4955"),
        .init("just in case my number is 0412 345 678", "0412 345 678"),
        .init("area code 415 555 0132", "415 555 0132"),
        .init("missed call from 0412 345 678", "0412 345 678"),
        .init("I sent the invoice to 0412 345 678", "0412 345 678"),
    ]

    @Test("numbers in sentences, next to other numbers and to other scripts", arguments: inContext)
    func sentences(_ e: PhoneExample) {
        #expect(phoneSubstrings(in: e.text) == e.phones)
    }

    /// Digit runs that are not phone numbers, by class.
    static let leaveAlone: [(String, [String])] = [
        ("prices", ["$1,250.00", "1.250,00 €", "Total: 1 250 000 EUR", "price 4156667777 USD", "€415-666-7777",
                    "$ 4156667777", "₹ 98765 43210", "my budget is 5000-7000", "25000-30000",
                    "$415-666-7777", "¥415-666-7777", "£415-666-7777", "415-666-7777$", "USD 4156667777"]),
        ("dates and times", ["2012/01/02 08:00", "2012-01-02 08:00", "20120102 08:00", "21.6.1984", "06/21/84",
                             "3/10/1984", "03/27/2011", "31/8/2011", "10/12/82", "2014-04-12 04:04 PM",
                             "12 03 2019", "on 2019-06-15", "from 12.05.2020 to 13.06.2021"]),
        ("years and ranges", ["in 2019", "2019-2020", "1999 2000", "from 1999 to 2020", "10-20", "3000-4000", "2000 - 3000",
                              "pages 1200-1300", "1979-2011"]),
        ("percentages and quantities", ["25%", "415-666-7777%", "3000 units", "2500000 views", "12345678 words",
                                        "4156667777 people"]),
        ("references", ["order 4156667777", "invoice no. 5551234567", "ticket #4156667777", "Order #: 4156667777",
                        "#4156667777", "ref 020 7946 0958", "tracking number 4155550132", "claim 0612345678",
                        "the order number is 4156667777", "my account number: 0412 345 678"]),
        ("versions and addresses of machines", ["v2.10.3", "version 10.2.34.5678", "1.2.3.4", "192.168.100.200",
                                                "10.0.0.1", "172.16.254.1:8080"]),
        ("credentials and memberships", ["licence 0612345678", "membership number 4156667777", "078-05-1120",
                                         "passport 412345678", "employee id 5551234567", "PIN 41556677"]),
        ("postal codes", ["94105-1234", "02134-1234", "ZIP 94105", "CA 94043-1351", "SW1A 1AA", "75008 Paris"]),
        ("identifiers, hashes and cards", ["4111 1111 1111 1111", "4111111111111111", "378282246310005",
                                           "IBAN DE89 3704 0044 0532 0130 00", "serial no 0412345678",
                                           "a3f4156667777b", "123e4567-e89b-12d3-a456-426614174000",
                                           "1700000000", "1234567890", "0123456789", "12345678901234567890",
                                           "https://example.com/item/4156667777", "page=4156667777",
                                           "user_4156667777", "4156667777@example.com"]),
        ("glued to letters", ["abc415-666-7777", "415-666-7777def", "é415-666-7777", "e\u{301}415-666-7777",
                              "abc4156667777", "+14156667777def", "(415)6667777É", "x4156667777"]),
        ("decimals and lists", ["3.14159265", "0.4156667777", "80.585 [79.964, 81.191]", "80.585 ((79.964)",
                                "51.5074 -0.1278", "40.7128, -74.0060", "10.30-11.45",
                                "(80).(585) (79).(9)64", "4 8 15 16 23 42", "1 2 3 4 5 6 7 8 9",
                                "12.1 - 23.71 - 23.45", "12 7/8 - 14 12/34 - 5"]),
        ("libphonenumber negatives", ["Call 650-253-4561--455-234-3451", "650+253+1234", "650x2531234",
                                      "1650 x 253 - 1234", "650 x 253 - 1234", "6502531x234", "(20) 3346 1234",
                                      "12345", "23456789", "234567890112", "1 456 764 156",
                                      "Random text body - number is 0331 6005, see you there", "", "  "]),
    ]

    static let leaveAloneCases: [PhoneExample] = leaveAlone.flatMap { _, texts in texts.map { PhoneExample($0) } }

    @Test("leave alone: prices, dates, years, references, versions, IPs, credentials, postcodes, IDs",
          arguments: leaveAloneCases)
    func notPhones(_ e: PhoneExample) {
        #expect(phoneSubstrings(in: e.text) == [])
    }

    static let normalizedForms: [(String, String)] = [
        ("+1 (415) 555-0132", "+14155550132"),
        ("(415) 555-0132", "+14155550132"),
        ("1-800-555-0199", "+18005550199"),
        ("+44 (0)20 7946 0958", "+442079460958"),
        ("+44 020 7946 0958", "+442079460958"),
        ("0044 20 7946 0958", "+442079460958"),
        ("0011-650-333-6000", "+16503336000"),
        ("0081-650-333-6000", "+16503336000"),
        ("0~01-650-333-6000", "+16503336000"),
        ("0064 3 331 6005", "+6433316005"),
        ("044 55 1234 5678", "+5215512345678"),
        ("0343 15 555 1212", "+5493435551212"),
        ("8 (912) 345-67-89", "+79123456789"),
        ("138 1234 5678", "+8613812345678"),
        ("64(0)64123456", "+6464123456"),
        ("06 12 34 56 78", "0612345678"),
        ("98765 43210", "9876543210"),
        ("415-666-7777 ext. 503", "+14156667777;ext=503"),
        ("five five five zero one nine nine", "5550199"),
    ]

    @Test("canonical form: E.164 when the country is known, else the digits", arguments: normalizedForms)
    func canonicalForm(_ text: String, _ normalized: String) {
        let found = PhoneTestNormalizer.phones(in: text)
        #expect(found.count == 1)
        #expect(found.first?.candidate.normalized == normalized)
    }

    static let rules: [(String, String)] = [
        ("+44 20 7946 0958", "phone.international"),
        ("0044 20 7946 0958", "phone.international"),
        ("91-415-555-0132", "phone.international"),
        ("020 7946 0958", "phone.national"),
        ("(415) 555-0132", "phone.national"),
        ("five five five zero one nine nine", "phone.spelled"),
        ("5 5 5 0 1 9 9", "phone.spelled"),
        ("415-666-7777 x 12", "phone.with_extension"),
    ]

    @Test("every candidate names its rule", arguments: rules)
    func ruleNames(_ text: String, _ rule: String) {
        let found = PhoneTestNormalizer.phones(in: text)
        #expect(found.map(\.candidate.rule) == [rule])
    }

    @Test("candidates are phones shared, with no platform and an explanation that does not show the number")
    func candidateFields() {
        let texts = Self.byCountry.map(\.text) + Self.disguises.map(\.text) + Self.extensions.map(\.text)
        for text in texts {
            for m in PhoneTestNormalizer.phones(in: text) {
                #expect(m.candidate.kind == .phone)
                #expect(m.candidate.intent == .share)
                #expect(m.candidate.platform == nil)
                #expect(m.candidate.rule.hasPrefix("phone."))
                #expect(!m.candidate.explanation.isEmpty)
                // Descriptions may name a trunk prefix or a service range ("0", "1800"), never
                // a run of digits long enough to be part of the number.
                var run = 0, longest = 0
                for c in m.candidate.explanation.unicodeScalars {
                    run = ("0"..."9").contains(c) ? run + 1 : 0
                    longest = max(longest, run)
                }
                #expect(longest <= 4, "explanation shows digits: \(m.candidate.explanation)")
            }
        }
    }

    @Test("offsets are Unicode scalars of the original text")
    func scalarOffsets() {
        let text = "Привет 👋🏽 звони ＋１ ４１５ ５５５ ０１３２"
        let found = PhoneTestNormalizer.phones(in: text)
        let scalars = Array(text.unicodeScalars)
        #expect(found.count == 1)
        if let m = found.first {
            #expect(scalars[m.start] == "＋")
            #expect(m.end == scalars.count)
        }
    }

    @Test("a long run of numbers is read number by number, whatever its length")
    func longRuns() {
        for (unit, count) in [("415 555 0132 ", 500), ("(415) 555-0132 ", 300), ("+44 20 7946 0958 ", 300)] {
            let text = String(repeating: unit, count: count)
            let found = phoneSubstrings(in: text)
            #expect(found.count == count, "\(unit)")
            #expect(Set(found) == [String(unit.dropLast())], "\(unit)")
        }
        // Digit spam: no crash, and whatever is found lies inside the text in order.
        let spam = String(repeating: "1 2 3 4 5 6 7 8 9 0 12 34 56 78 ", count: 200)
        var previousEnd = 0
        for m in PhoneTestNormalizer.phones(in: spam) {
            #expect(m.start >= previousEnd && m.end <= spam.unicodeScalars.count)
            previousEnd = m.end
        }
    }

    @Test("a recognizer is a value that can be shared and reused")
    func reuse() {
        let recognizer = PhoneRecognizer()
        #expect(recognizer.name == "phone")
        let text = PhoneTestNormalizer.normalize("call 415-555-0132 or 020 7946 0958")
        var first: [Candidate] = []
        var second: [Candidate] = []
        recognizer.recognize(text, into: &first)
        recognizer.recognize(text, into: &second)
        #expect(first.count == 2)
        #expect(first == second)
        var none: [Candidate] = []
        recognizer.recognize(NormalizedText(bytes: [], sourceStart: [], sourceEnd: []), into: &none)
        #expect(none.isEmpty)
    }
}
